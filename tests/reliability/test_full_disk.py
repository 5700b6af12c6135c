"""A full disk is named as such, in one line, and leaves nothing half-written: committed data
stays intact (integrity_check), no ``.partial`` backup, no raw sqlite3 error out of services."""

from __future__ import annotations

import hashlib
import subprocess
import sys
from datetime import datetime
from pathlib import Path

import pytest

from meetingdesk.domain.errors import StorageError
from meetingdesk.services import meetings, notes
from meetingdesk.services.backups import take_backup
from meetingdesk.services.demo import build_demo
from meetingdesk.store.backup import backup_dir_for
from meetingdesk.store.desk import Desk, open_desk
from tests.reliability.media import fill, tmpfs

LONG = "Ý kiến phát biểu của đồng chí đại biểu điểm cầu tỉnh Hà Giang. " * 400


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _integrity(path: Path) -> str:
    with open_desk(path, read_only=True) as desk:
        return str(desk.db.execute("PRAGMA integrity_check").fetchone()[0])


def _full(desk: Desk) -> None:
    """SQLITE_FULL as a full disk gives it: the file may not grow by a single page."""
    pages = desk.db.execute("PRAGMA page_count").fetchone()[0]
    desk.db.execute(f"PRAGMA max_page_count = {pages}")


def test_full_disk_service_write_names_the_full_disk_and_keeps_committed_data(
        tmp_path: Path) -> None:
    path = tmp_path / "hoinghi.db"
    with open_desk(path) as desk:
        meeting = meetings.create_meeting(desk, title="Giao ban quý 2")
        assert meeting.id is not None
        kept = notes.add_note(desk, meeting_id=meeting.id, text="Ghi chép đã lưu")
        _full(desk)
        with pytest.raises(StorageError) as caught:
            notes.add_note(desk, meeting_id=meeting.id, text=LONG)
        assert caught.value.cause == "SQLITE_FULL"
        message = str(caught.value)
        assert "ổ đĩa đã đầy" in message and "hỏng" not in message and "\n" not in message
        assert [n.text for n in notes.notes_of(desk, meeting.id)] == [kept.text]
    assert _integrity(path) == "ok"
    with open_desk(path, create=False) as desk:  # and it goes on once there is room
        assert notes.add_note(desk, meeting_id=meeting.id, text=LONG).id


def test_full_disk_backup_leaves_no_partial_file(tmp_path: Path) -> None:
    with tmpfs("4m") as folder:
        path = folder / "hoinghi.db"
        with open_desk(path) as desk:
            build_demo(desk)
        before = sha256(path)
        with open_desk(path, create=False) as desk:
            fill(folder, leave=20_000)
            with pytest.raises(StorageError, match="ổ đĩa đã đầy"):
                take_backup(desk, "manual", datetime.now())
        assert list(backup_dir_for(path).iterdir()) == []
        assert sha256(path) == before
        (folder / "filler").unlink()
        assert _integrity(path) == "ok"


@pytest.mark.parametrize("room", [20_000, 150_000], ids=["cannot-open", "cannot-back-up"])
def test_full_disk_cli_import_says_one_line_and_changes_nothing(tmp_path: Path,
                                                               room: int) -> None:
    people = tmp_path / "ds.csv"
    people.write_text("Họ và tên,Chức vụ,Đơn vị\n" + "".join(
        f"Nguyễn Văn {i},Chuyên viên,Sở Nội vụ tỉnh {i}\n" for i in range(3000)),
        encoding="utf-8")
    with tmpfs("4m") as folder:
        path = folder / "hoinghi.db"
        with open_desk(path) as desk:
            build_demo(desk)
        fill(folder, leave=room)
        before = sha256(path)
        result = subprocess.run(
            [sys.executable, "-m", "meetingdesk", "import", str(people), "--db", str(path)],
            capture_output=True, text=True, encoding="utf-8", timeout=180,
            env={"MEETINGDESK_LANG": "vi", "PATH": "/usr/bin:/bin"})
        assert result.returncode == 1
        lines = result.stderr.strip().splitlines()
        assert len(lines) == 1 and "ổ đĩa đã đầy" in lines[0], result.stderr
        assert sha256(path) == before
        leftovers = [p.name for p in folder.rglob("*") if p.name.endswith(
            (".partial", ".partial-journal", ".partial-wal", ".partial-shm", ".tmp",
             ".restoring"))]
        assert leftovers == []
        (folder / "filler").unlink()
        assert _integrity(path) == "ok"
