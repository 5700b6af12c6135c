"""Foreign desks are refused, never run: a planted trigger never fires, ``check`` names every
unexpected object and says the desk is not good, and the file stays byte-for-byte the same."""

from __future__ import annotations

import hashlib
import importlib.util
import sqlite3
import subprocess
import sys
from pathlib import Path
from types import ModuleType

import pytest

from meetingdesk.domain.errors import DeskFileError
from meetingdesk.services.health import check_desk
from meetingdesk.store.desk import open_desk
from meetingdesk.store.migrations import SCHEMA_VERSION

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"


def _load(name: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location(name, FIXTURES / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


bad_desks = _load("bad_desks")


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _notes(path: Path) -> int:
    conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro&immutable=1", uri=True)
    try:
        return int(conn.execute("SELECT count(*) FROM notes").fetchone()[0])
    finally:
        conn.close()


def _cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "meetingdesk", *args], capture_output=True,
                          text=True, encoding="utf-8", timeout=120,
                          env={"MEETINGDESK_LANG": "vi", "PATH": "/usr/bin:/bin"})


def test_foreign_desks_planted_trigger_never_fires(tmp_path: Path) -> None:
    path = bad_desks.planted_trigger(tmp_path)
    before, notes_before = sha256(path), _notes(path)
    for opening in ({}, {"create": False}, {"read_only": True}):
        with pytest.raises(DeskFileError, match="trigger wipe_notes"):
            open_desk(path, **opening)
    for command in (["list"], ["search", "dong chi"], ["export", "1", "-o",
                                                        str(tmp_path / "a.csv")]):
        result = _cli(*command, "--db", str(path))
        assert result.returncode == 1
        assert result.stderr.count("\n") == 1 and "trigger wipe_notes" in result.stderr
    assert sha256(path) == before
    assert _notes(path) == notes_before
    assert sorted(p.name for p in tmp_path.iterdir()) == [path.name]


def test_foreign_desks_objects_named_like_sqlites_own_are_refused(tmp_path: Path) -> None:
    path = bad_desks.planted_sqlite_named(tmp_path)
    probe = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro&immutable=1", uri=True)
    try:  # SQLite itself loads them: the view answers, so the trigger is live too
        probe.execute("SELECT * FROM sqlite_v").fetchall()
    finally:
        probe.close()
    before, notes_before = sha256(path), _notes(path)
    for opening in ({}, {"create": False}, {"read_only": True}):
        with pytest.raises(DeskFileError, match="sqlite_evil"):
            open_desk(path, **opening)
    report = check_desk(path)
    assert not report.ok
    text = "\n".join(report.lines)
    assert "trigger sqlite_evil (lạ)" in text and "sqlite_v" in text
    result = _cli("check", "--db", str(path))
    assert result.returncode == 1 and "sqlite_evil" in result.stdout
    assert "tốt" not in result.stdout
    assert sha256(path) == before
    assert _notes(path) == notes_before


def test_foreign_desks_check_lists_every_unexpected_object(tmp_path: Path) -> None:
    path = bad_desks.planted_table_and_index(tmp_path)
    conn = sqlite3.connect(path)
    conn.execute("CREATE TRIGGER wipe AFTER INSERT ON notes BEGIN DELETE FROM notes; END")
    conn.execute("ALTER TABLE people ADD COLUMN secret TEXT")
    conn.commit()
    conn.close()
    before = sha256(path)
    report = check_desk(path)
    assert not report.ok
    text = "\n".join(report.lines)
    for name in ("trigger wipe (lạ)", "bảng stash (lạ)", "chỉ mục notes_text (lạ)",
                 "bảng people (bị sửa)"):
        assert name in text
    assert report.lines[-1].startswith("kết quả: CÓ LỖI")
    result = _cli("check", "--db", str(path))
    assert result.returncode == 1
    assert "trigger wipe (lạ)" in result.stdout and "tốt" not in result.stdout
    assert sha256(path) == before


def test_foreign_desks_good_desks_of_every_released_schema_pass(tmp_path: Path) -> None:
    """The expected schema is replayed from the migrations a file records: a desk of every
    released schema is accepted as it is, before and after its upgrade."""
    for fixture in sorted(FIXTURES.glob("desk-schema-*.db")):
        copy = tmp_path / fixture.name
        copy.write_bytes(fixture.read_bytes())
        before = sha256(copy)
        if fixture.name != f"desk-schema-{SCHEMA_VERSION}.db":
            with pytest.raises(DeskFileError, match="lược đồ cũ"):  # not "foreign"
                check_desk(copy)
            assert sha256(copy) == before
        with open_desk(copy, create=False):
            pass
        assert check_desk(copy).ok, check_desk(copy).lines
