"""A desk on a read-only medium, or a file the user may not write, opens read-only: browsing,
search, export and check work; every change is refused with one line; nothing changes and
nothing is created beside the file."""

from __future__ import annotations

import hashlib
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from meetingdesk.domain.errors import ReadOnlyDeskError
from meetingdesk.services import meetings, notes, search
from meetingdesk.services.demo import build_demo
from meetingdesk.store.desk import open_desk
from tests.reliability.media import (
    as_nobody,
    is_root,
    open_to_others,
    remount_read_only,
    tmpfs,
)

READS = {
    "list": ["list"],
    "search": ["search", "dong chi"],
    "check": ["check"],
    "export": ["export", "{meeting}", "-o", "{out}/ds.xlsx"],
    "import-dry-run": ["import", "{out}/ds.csv", "--dry-run"],
    "exchange-whoami": ["exchange", "whoami"],
    "exchange-partners": ["exchange", "partners"],
    "exchange-conflicts": ["exchange", "conflicts"],
}
WRITES = {
    "minutes": ["minutes", "{meeting}", "-o", "{out}/bb.pdf"],
    "import": ["import", "{out}/ds.csv"],
    "export-package": ["export-package", "{meeting}", "-o", "{out}/goi.mdpkg"],
    "exchange-resolve": ["exchange", "resolve", "0", "--field", "title", "--keep"],
    "demo": ["demo", "--no-gui"],
}


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _make_desk(folder: Path) -> tuple[Path, int]:
    path = folder / "hoinghi.db"
    with open_desk(path) as desk:
        meeting = build_demo(desk)
    assert meeting.id is not None
    return path, meeting.id


@pytest.fixture
def read_only_desk(tmp_path: Path) -> Iterator[tuple[Path, int, list[str]]]:
    """A demo desk on a read-only medium (a tmpfs remounted read-only) when this test may
    mount, else a desk the user may not write; with the command prefix to run the CLI."""
    if is_root():
        with tmpfs("16m") as folder:
            path, meeting_id = _make_desk(folder)
            remount_read_only(folder)
            yield path, meeting_id, []
        return
    path, meeting_id = _make_desk(tmp_path)
    path.chmod(0o444)
    tmp_path.chmod(0o555)
    try:
        yield path, meeting_id, []
    finally:
        tmp_path.chmod(0o755)


def _cli(prefix: list[str], command: list[str], desk: Path, meeting_id: int,
         out: Path) -> subprocess.CompletedProcess[str]:
    args = [a.format(meeting=meeting_id, out=out) for a in command]
    return subprocess.run([*prefix, sys.executable, "-m", "meetingdesk", *args, "--db", str(desk)],
                          capture_output=True, text=True, encoding="utf-8", timeout=180,
                          env={"MEETINGDESK_LANG": "vi", "PATH": "/usr/bin:/bin",
                               "HOME": str(out)})


def _out_folder(tmp_path: Path) -> Path:
    out = tmp_path / "out"
    out.mkdir()
    out.chmod(0o777)
    (out / "ds.csv").write_text("Họ và tên\nNguyễn Văn An\n", encoding="utf-8")
    return out


def test_read_only_media_desk_opens_read_only_and_refuses_changes(
        read_only_desk: tuple[Path, int, list[str]]) -> None:
    path, meeting_id, _ = read_only_desk
    before, beside = sha256(path), sorted(p.name for p in path.parent.iterdir())
    with open_desk(path, create=False) as desk:
        assert desk.read_only
        assert [s.meeting.id for s in meetings.list_meetings(desk)] == [meeting_id]
        assert search.search(desk, "dong chi", limit=5)
        with pytest.raises(ReadOnlyDeskError, match="chỉ đọc"):
            notes.add_note(desk, meeting_id=meeting_id, text="Không ghi được")
    assert sha256(path) == before
    assert sorted(p.name for p in path.parent.iterdir()) == beside


def test_read_only_media_commands_read_or_say_one_line(
        read_only_desk: tuple[Path, int, list[str]], tmp_path: Path) -> None:
    path, meeting_id, prefix = read_only_desk
    out = _out_folder(tmp_path)
    before, beside = sha256(path), sorted(p.name for p in path.parent.iterdir())
    for name, command in READS.items():
        result = _cli(prefix, command, path, meeting_id, out)
        assert result.returncode == 0, (name, result.stderr)
        assert result.stdout.strip(), name
    assert (out / "ds.xlsx").stat().st_size > 0
    for name, command in WRITES.items():
        result = _cli(prefix, command, path, meeting_id, out)
        assert result.returncode == 1, (name, result.stdout, result.stderr)
        lines = result.stderr.strip().splitlines()
        assert len(lines) == 1 and "chỉ đọc" in lines[0], (name, result.stderr)
    assert sha256(path) == before
    assert sorted(p.name for p in path.parent.iterdir()) == beside


@pytest.mark.skipif(not as_nobody(), reason="needs root to run a command as another user")
@pytest.mark.skipif(not open_to_others(Path(sys.executable), Path(__file__)),
                    reason="the checkout lies in a folder other users cannot enter")
def test_read_only_media_a_file_the_user_may_not_write() -> None:
    with tempfile.TemporaryDirectory() as tmp:  # pytest's own folder is closed to others
        _a_file_the_user_may_not_write(Path(tmp))


def _a_file_the_user_may_not_write(tmp_path: Path) -> None:
    folder = tmp_path / "shared"
    folder.mkdir()
    path, meeting_id = _make_desk(folder)
    for p in (tmp_path, folder):
        p.chmod(0o755)
    path.chmod(0o644)  # root's file: readable, not writable by the user
    out = _out_folder(tmp_path)
    before, beside = sha256(path), sorted(p.name for p in folder.iterdir())
    for name, command in READS.items():
        result = _cli(as_nobody(), command, path, meeting_id, out)
        assert result.returncode == 0, (name, result.stderr)
    for name, command in WRITES.items():
        if name == "demo":
            continue
        result = _cli(as_nobody(), command, path, meeting_id, out)
        lines = result.stderr.strip().splitlines()
        assert result.returncode == 1 and len(lines) == 1 and "chỉ đọc" in lines[0], (
            name, result.stderr)
    assert sha256(path) == before
    assert sorted(p.name for p in folder.iterdir()) == beside  # nothing made beside it
