"""Backups belong to one desk: a folder per whole file name, a restore of another desk's
backup refused, an older version's shared folder read only for the desk each backup records;
an empty desk file refused everywhere with its newest good backup offered."""

from __future__ import annotations

import hashlib
import shutil
import sqlite3
import subprocess
import sys
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from meetingdesk.domain.errors import DeskFileError
from meetingdesk.services import meetings
from meetingdesk.services.backups import (
    check_at_start,
    list_backups,
    restore_backup,
    take_backup,
)
from meetingdesk.store.backup import backup_dir_for, legacy_backup_dir_for, recorded_desk_id
from meetingdesk.store.desk import open_desk

NOW = datetime(2026, 3, 2, 9, 0)


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _desk_with_meeting(path: Path, title: str) -> Path:
    with open_desk(path) as desk:
        meetings.create_meeting(desk, title=title)
        take_backup(desk, "manual", NOW)
    return path


def _titles(path: Path) -> list[str]:
    with open_desk(path, read_only=True) as desk:
        return [s.meeting.title for s in meetings.list_meetings(desk)]


def test_backup_ownership_same_stem_desks_keep_apart(tmp_path: Path) -> None:
    db = _desk_with_meeting(tmp_path / "hoinghi.db", "Giao ban của tệp .db")
    other = _desk_with_meeting(tmp_path / "hoinghi.desk", "Giao ban của tệp .desk")
    assert backup_dir_for(db) != backup_dir_for(other)
    assert backup_dir_for(db).name == "hoinghi.db-backups"
    (mine,) = list_backups(db)
    (theirs,) = list_backups(other)
    assert mine.path.parent == backup_dir_for(db)
    assert recorded_desk_id(mine.path) == recorded_desk_id(db) != recorded_desk_id(other)
    restore_backup(other, theirs.path, NOW + timedelta(hours=1))
    assert _titles(other) == ["Giao ban của tệp .desk"]


def test_backup_ownership_restore_of_another_desks_backup_is_refused(tmp_path: Path) -> None:
    db = _desk_with_meeting(tmp_path / "hoinghi.db", "Giao ban A")
    other = _desk_with_meeting(tmp_path / "khac.db", "Giao ban B")
    (foreign,) = list_backups(other)
    before, backup_before = sha256(db), sha256(foreign.path)
    with pytest.raises(DeskFileError, match="bản sao lưu của một tệp dữ liệu khác"):
        restore_backup(db, foreign.path, NOW + timedelta(hours=1))
    assert sha256(db) == before and sha256(foreign.path) == backup_before
    assert not list(tmp_path.glob("*before-restore*")) and not list(tmp_path.glob("*.restoring"))


def test_backup_ownership_unreadable_desk_takes_only_its_own_folders_backup(
        tmp_path: Path) -> None:
    a = _desk_with_meeting(tmp_path / "a.db", "Giao ban A")
    other = _desk_with_meeting(tmp_path / "a.desk", "Giao ban của tệp khác")
    (mine,) = list_backups(a)
    (foreign,) = list_backups(other)
    a.write_bytes(b"")  # the desk lost: its id can no longer be read
    before, foreign_before = sha256(a), sha256(foreign.path)
    with pytest.raises(DeskFileError, match="chỉ nhận bản sao lưu trong thư mục sao lưu"):
        restore_backup(a, foreign.path, NOW + timedelta(hours=1))
    assert sha256(a) == before and sha256(foreign.path) == foreign_before
    assert not list(tmp_path.glob("*before-restore*")) and not list(tmp_path.glob("*.restoring"))
    restore_backup(a, mine.path, NOW + timedelta(hours=2))
    assert _titles(a) == ["Giao ban A"]


def test_backup_ownership_restore_refuses_a_backup_with_planted_objects(tmp_path: Path) -> None:
    db = _desk_with_meeting(tmp_path / "hoinghi.db", "Giao ban A")
    (backup,) = list_backups(db)
    conn = sqlite3.connect(backup.path)
    conn.execute("CREATE TRIGGER wipe AFTER INSERT ON notes BEGIN DELETE FROM notes; END")
    conn.commit()
    conn.close()
    before = sha256(db)
    with pytest.raises(DeskFileError, match="trigger wipe"):
        restore_backup(db, backup.path, NOW + timedelta(hours=1))
    assert sha256(db) == before


def test_backup_ownership_restore_waits_for_the_desk_to_close(tmp_path: Path) -> None:
    db = _desk_with_meeting(tmp_path / "hoinghi.db", "Giao ban A")
    (backup,) = list_backups(db)
    with open_desk(db, create=False), pytest.raises(DeskFileError, match="đang mở"):
        restore_backup(db, backup.path, NOW + timedelta(hours=1))


def test_backup_ownership_legacy_shared_folder_is_read_for_its_own_desk_only(
        tmp_path: Path) -> None:
    db = _desk_with_meeting(tmp_path / "hoinghi.db", "Giao ban A")
    other = _desk_with_meeting(tmp_path / "hoinghi.desk", "Giao ban B")
    legacy = legacy_backup_dir_for(db)
    legacy.mkdir()
    for desk, when in ((db, "20250101-080000"), (other, "20250102-080000")):
        (backup,) = [b for b in list_backups(desk) if b.path.parent == backup_dir_for(desk)]
        shutil.copyfile(backup.path, legacy / f"hoinghi-{when}-auto.db")
    assert list_backups(db)[0].path.name == "hoinghi-20250101-080000-auto.db"
    assert list_backups(other)[0].path.name == "hoinghi-20250102-080000-auto.db"
    # a year later, retention prunes only the desk's own folder
    with open_desk(db, create=False) as desk:
        take_backup(desk, "auto", NOW + timedelta(days=400))
    assert sorted(p.name for p in legacy.iterdir()) == ["hoinghi-20250101-080000-auto.db",
                                                       "hoinghi-20250102-080000-auto.db"]


def test_backup_ownership_empty_desk_file_is_refused_and_its_backup_offered(
        tmp_path: Path) -> None:
    db = _desk_with_meeting(tmp_path / "hoinghi.db", "Giao ban A")
    db.write_bytes(b"")
    check = check_at_start(db)
    assert not check.ok and check.problem and "tệp rỗng" in check.problem
    assert check.newest_good_backup is not None
    for command in (["list"], ["search", "giao ban"], ["check"], ["export", "1", "-o",
                                                                  str(tmp_path / "x.csv")],
                    ["minutes", "1", "-o", str(tmp_path / "x.pdf")],
                    ["import", str(tmp_path / "none.csv"), "--dry-run"]):
        result = subprocess.run([sys.executable, "-m", "meetingdesk", *command, "--db", str(db)],
                                capture_output=True, text=True, encoding="utf-8", timeout=120,
                                env={"MEETINGDESK_LANG": "vi", "PATH": "/usr/bin:/bin"})
        assert result.returncode == 1, command
        lines = result.stderr.strip().splitlines()
        assert len(lines) == 1, result.stderr
        if command[0] != "import":  # reading the list comes first there
            assert "tệp rỗng, không phải tệp dữ liệu MeetingDesk" in lines[0]
            assert str(check.newest_good_backup.path) in lines[0]
        assert db.stat().st_size == 0
    restore_backup(db, check.newest_good_backup.path, NOW + timedelta(hours=1))
    assert _titles(db) == ["Giao ban A"]
