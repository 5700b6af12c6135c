"""Opening a desk for work: the lock, the check with a backup offered, closing in order."""

from __future__ import annotations

import sqlite3
from datetime import datetime
from pathlib import Path

import pytest

from meetingdesk.domain.errors import ConflictError, DeskFileError
from meetingdesk.services import directory, session
from meetingdesk.services.backups import list_backups, take_backup
from meetingdesk.services.session import open_elsewhere, open_session
from meetingdesk.store.desk import open_desk


def _damaged_with_backup(path: Path) -> bytes:
    with open_desk(path) as desk:
        directory.add_site(desk, name="Thái Nguyên", code="19")
        take_backup(desk, "manual", datetime(2026, 3, 2, 8, 0))
    data = bytearray(path.read_bytes())
    data[8192: 8192 + 100] = b"\xff" * 100  # damage the header of page 3
    path.write_bytes(bytes(data))
    return bytes(data)


def test_session_holds_the_lock_until_closed(desk_path: Path) -> None:
    with open_session(desk_path) as work:
        assert isinstance(open_elsewhere(desk_path), ConflictError)
        with pytest.raises(ConflictError):
            open_session(desk_path)
        directory.add_site(work.desk, name="Bắc Kạn")
    assert open_elsewhere(desk_path) is None
    with open_session(desk_path, create=False) as again:
        assert [s.name for s in directory.list_sites(again.desk)] == ["Bắc Kạn"]


def test_session_sqlite_error_while_opening_releases_the_lock(
        desk_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    open_desk(desk_path).close()

    def failing(*_args: object, **_kwargs: object) -> None:
        raise sqlite3.OperationalError("disk I/O error")

    monkeypatch.setattr(session, "open_desk", failing)
    with pytest.raises(DeskFileError, match="SQLite"):
        open_session(desk_path)
    assert open_elsewhere(desk_path) is None


def test_session_missing_file_is_refused_without_a_lock_file(tmp_path: Path) -> None:
    path = tmp_path / "none.db"
    with pytest.raises(DeskFileError):
        open_session(path, create=False)
    assert list(tmp_path.iterdir()) == []


def test_session_damaged_desk_declined_stays_unchanged(desk_path: Path) -> None:
    before = _damaged_with_backup(desk_path)
    offered: list[object] = []
    with pytest.raises(DeskFileError):
        open_session(desk_path, check=True, restore=lambda c: offered.append(c) or False)
    assert len(offered) == 1
    assert desk_path.read_bytes() == before
    assert open_elsewhere(desk_path) is None


def test_session_damaged_desk_restored_from_its_newest_good_backup(desk_path: Path) -> None:
    _damaged_with_backup(desk_path)
    with open_session(desk_path, check=True, restore=lambda _c: True) as work:
        assert [s.name for s in directory.list_sites(work.desk)] == ["Thái Nguyên"]
    assert any(p.name.startswith(f"{desk_path.stem}-before-restore")
               for p in desk_path.parent.iterdir())


def test_session_closing_backup_after_changes_and_backups_elsewhere(desk_path: Path) -> None:
    taken: list[str] = []
    work = open_session(desk_path, take_backup=lambda reason, _now: taken.append(reason))
    work.schedule.opened(datetime.now())
    assert taken == ["open"]  # the opener takes the automatic ones (off its thread)
    work.schedule.changed(datetime.now())
    work.close()
    assert [b.reason for b in list_backups(desk_path)] == ["close"]  # here, before closing
    work.close()  # a second close does nothing


def test_session_closing_backup_carries_the_edits_sealed(desk_path: Path) -> None:
    """Restored, a backup with edits still noted would seal them under its new replica id: the
    same edit by two authors, a false conflict at the next exchange."""
    work = open_session(desk_path, take_backup=lambda _reason, _now: None)
    directory.add_site(work.desk, name="Điểm cầu Thái Nguyên")
    work.schedule.changed(datetime.now())
    work.close()
    (backup,) = list_backups(desk_path)
    conn = sqlite3.connect(backup.path)
    try:
        assert conn.execute("SELECT count(*) FROM sync_dirty").fetchone()[0] == 0
    finally:
        conn.close()


def test_session_closing_backup_taken_elsewhere_is_sealed_and_not_taken_again(
        desk_path: Path) -> None:
    """The window takes the closing backup on a connection of its own (off its thread): the
    edits are sealed first, and closing then takes none."""
    work = open_session(desk_path, take_backup=lambda _reason, _now: None)
    assert not work.closing_backup_due()  # nothing changed
    directory.add_site(work.desk, name="Điểm cầu Bắc Kạn")
    work.schedule.changed(datetime.now())
    assert work.closing_backup_due()
    backup = session.back_up_file(desk_path, "close", datetime.now(), pace=session.AT_CLOSING)
    work.closing_backup_settled(backup.taken_at)
    assert not work.closing_backup_due()
    work.close()
    assert list_backups(desk_path) == [backup]
    conn = sqlite3.connect(backup.path)
    try:
        assert conn.execute("SELECT count(*) FROM sync_dirty").fetchone()[0] == 0
        assert conn.execute("SELECT name FROM sites").fetchall() == [("Điểm cầu Bắc Kạn",)]
    finally:
        conn.close()


def test_session_closing_backup_skipped_is_not_taken_at_closing(desk_path: Path) -> None:
    work = open_session(desk_path, take_backup=lambda _reason, _now: None)
    directory.add_site(work.desk, name="Điểm cầu Cao Bằng")
    work.schedule.changed(datetime.now())
    assert work.closing_backup_due()
    work.closing_backup_settled(None)  # skipped by the user, or failed
    work.close()
    assert list_backups(desk_path) == []
