"""An export never replaces a desk or any SQLite database: ``-o`` naming the desk itself,
a desk another process (the window) holds open, or this process's own open desk is refused in
one line, and the file stays byte-for-byte as it was."""

from __future__ import annotations

import errno
import hashlib
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from meetingdesk.domain.errors import DeskFileError, MeetingDeskError, set_language
from meetingdesk.services.demo import build_demo
from meetingdesk.services.files import write_atomically
from meetingdesk.store.desk import open_desk

HOLD = ("import sys, time\n"
        "from meetingdesk.store.desk import open_desk\n"
        "desk = open_desk(sys.argv[1], create=False)\n"
        "desk.db.execute('SELECT count(*) FROM meetings').fetchall()\n"
        "print('ready', flush=True)\n"
        "sys.stdin.read()\n")


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "meetingdesk", *args], text=True,
                          capture_output=True, timeout=120,
                          env={**os.environ, "MEETINGDESK_LANG": "vi"})


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("exports") / "s.db"
    with open_desk(path) as desk:
        build_demo(desk)
    return path


def _refused(result: subprocess.CompletedProcess[str]) -> None:
    assert result.returncode == 1, result.stdout + result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "không ghi đè" in lines[0], result.stderr


@pytest.mark.parametrize("command", [["minutes", "1"], ["minutes-docx", "1"],
                                     ["export-package", "1"]],
                         ids=["minutes", "minutes-docx", "export-package"])
def test_exports_keep_desks_output_onto_the_desk_itself_is_refused(
        command: list[str], demo: Path) -> None:
    before = sha256(demo)
    _refused(run(*command, "--db", str(demo), "-o", str(demo)))
    assert sha256(demo) == before
    with sqlite3.connect(demo) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def test_exports_keep_desks_output_onto_a_desk_held_by_the_window_is_refused(
        demo: Path, tmp_path: Path) -> None:
    held = tmp_path / "h.db"
    with open_desk(held) as desk:
        build_demo(desk)
    holder = subprocess.Popen([sys.executable, "-c", HOLD, str(held)], text=True,
                              stdin=subprocess.PIPE, stdout=subprocess.PIPE)
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "ready"
        before = sha256(held)
        _refused(run("minutes", "1", "--db", str(demo), "-o", str(held)))
        _refused(run("minutes", "1", "--db", str(demo), "-o", f"{held}-wal"))
        assert sha256(held) == before
    finally:
        holder.communicate(input="", timeout=60)
    assert holder.returncode == 0


def test_exports_keep_desks_own_open_desk_refused_by_inode_before_any_read(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "a.db"
    alias = tmp_path / "alias.pdf"
    with open_desk(path) as desk:
        desk.db.execute("SELECT 1").fetchall()
        os.link(path, alias)  # another name of the same file: only the inode tells
        opened: list[str] = []
        real_open = open

        def spy(file: object, *args: object, **kwargs: object) -> object:
            opened.append(os.fsdecode(file))  # type: ignore[arg-type]
            return real_open(file, *args, **kwargs)  # type: ignore[call-overload]

        monkeypatch.setattr("builtins.open", spy)
        for target in (path, alias, Path(f"{path}-wal")):
            with pytest.raises(DeskFileError, match="không ghi đè"):
                write_atomically(target, b"%PDF-1.7")
        monkeypatch.undo()
        assert not [f for f in opened if f.startswith(str(tmp_path))]
    assert path.read_bytes()[:16] == b"SQLite format 3\x00"


def test_exports_keep_desks_any_sqlite_database_is_never_replaced(tmp_path: Path) -> None:
    other = tmp_path / "other.sqlite"
    with sqlite3.connect(other) as conn:
        conn.execute("CREATE TABLE t(x)")
    conn.close()
    before = sha256(other)
    with pytest.raises(DeskFileError, match="không ghi đè"):
        write_atomically(other, b"PK\x03\x04")
    assert sha256(other) == before
    ordinary = tmp_path / "bien-ban.pdf"
    ordinary.write_bytes(b"old")
    write_atomically(ordinary, b"%PDF-1.7")
    assert ordinary.read_bytes() == b"%PDF-1.7"


def test_exports_keep_desks_full_disk_is_named_in_vietnamese(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "bien-ban.pdf"
    target.write_bytes(b"old")

    def full(_fd: int) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(os, "fsync", full)
    set_language("vi")
    with pytest.raises(MeetingDeskError) as caught:
        write_atomically(target, b"%PDF-1.7")
    assert "ổ đĩa đã đầy" in str(caught.value) and "No space" not in str(caught.value)
    assert "the disk is full" in caught.value.en
    assert target.read_bytes() == b"old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bien-ban.pdf"]
