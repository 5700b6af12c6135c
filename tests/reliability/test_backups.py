"""Automatic backups: schedule, retention over 400 simulated days, checks, restore."""

from __future__ import annotations

import sqlite3
from datetime import datetime, timedelta
from itertools import pairwise
from pathlib import Path

import pytest

from meetingdesk.domain.errors import DeskFileError
from meetingdesk.services import directory
from meetingdesk.services.backups import (
    BackupInfo,
    BackupSchedule,
    check_at_start,
    list_backups,
    restore_backup,
    take_backup,
    to_prune,
)
from meetingdesk.store.desk import Desk, open_desk

START = datetime(2026, 1, 1, 8, 0)


def test_backups_schedule_and_retention_over_400_simulated_days() -> None:
    """A working day: open at 8:00, type until 17:00 with pauses, close. Weekends off."""
    kept: list[BackupInfo] = []
    taken: list[tuple[str, datetime]] = []

    def backup(reason: str, now: datetime) -> None:
        taken.append((reason, now))
        kept.append(BackupInfo(Path(f"b{len(taken)}.db"), now, reason))
        for old in to_prune(kept, now):
            kept.remove(old)

    newest: datetime | None = None
    for day in range(400):
        morning = START + timedelta(days=day)
        if morning.weekday() >= 5:
            continue
        schedule = BackupSchedule(newest, backup)
        schedule.opened(morning)
        now = morning
        while now < morning + timedelta(hours=9):
            now += timedelta(minutes=5)
            if now.hour != 12:  # lunch: no changes
                schedule.changed(now)
            schedule.tick(now)
        schedule.closing(now)
        newest = schedule.newest

    end = now
    ages = sorted(end - b.taken_at for b in kept)
    # Everything from the last 2 days is kept.
    recent = [t for _, t in taken if end - t <= timedelta(days=2)]
    assert len([b for b in kept if end - b.taken_at <= timedelta(days=2)]) == len(recent)
    # Beyond that, one per day for 14 days, per week for 8 weeks, per month for 12 months.
    days = {b.taken_at.date() for b in kept}
    weeks = {b.taken_at.isocalendar()[:2] for b in kept}
    months = {(b.taken_at.year, b.taken_at.month) for b in kept}
    assert len(days) >= 14 and len(weeks) >= 8 and len(months) == 12
    assert ages[-1] < timedelta(days=400)  # the oldest ones went
    assert len(kept) <= len(recent) + 14 + 8 + 12
    # While typing, a backup every 30 minutes, not more often.
    workday = [t for r, t in taken if r == "auto" and t.date() == end.date()]
    gaps = [b - a for a, b in pairwise(workday)]
    assert gaps and min(gaps) >= timedelta(minutes=30)
    # On open only when the newest backup is older than a day (Monday after a weekend).
    opens = [t for r, t in taken if r == "open"]
    assert opens and all(t.weekday() == 0 or t == START for t in opens)


def test_backups_schedule_closing_without_changes_takes_none() -> None:
    taken: list[str] = []
    schedule = BackupSchedule(START, lambda reason, now: taken.append(reason))
    schedule.opened(START + timedelta(hours=1))
    schedule.tick(START + timedelta(hours=2))
    schedule.closing(START + timedelta(hours=3))
    assert taken == []


def test_backups_take_backup_is_checked_and_restorable(desk: Desk, desk_path: Path) -> None:
    directory.add_site(desk, name="Thái Nguyên", code="19")
    info = take_backup(desk, "manual", START)
    assert info.path.exists()
    assert [b.path for b in list_backups(desk_path)] == [info.path]
    directory.add_site(desk, name="Cao Bằng", code="04")
    desk.close()

    aside = restore_backup(desk_path, info.path, START + timedelta(hours=1))
    assert aside.exists()
    with open_desk(desk_path) as restored:
        assert [s.name for s in directory.list_sites(restored)] == ["Thái Nguyên"]
    with open_desk(aside) as previous:
        assert len(directory.list_sites(previous)) == 2


def test_backups_same_second_backups_do_not_overwrite(desk: Desk, desk_path: Path) -> None:
    first = take_backup(desk, "manual", START)
    second = take_backup(desk, "manual", START)
    assert first.path != second.path
    assert len(list_backups(desk_path)) == 2


def test_backups_check_at_start_offers_newest_good_backup(desk: Desk, desk_path: Path) -> None:
    directory.add_site(desk, name="Thái Nguyên", code="19")
    good = take_backup(desk, "manual", START)
    desk.close()
    assert check_at_start(desk_path).ok
    data = bytearray(desk_path.read_bytes())
    data[8192: 8192 + 100] = b"\xff" * 100  # damage the header of page 3
    desk_path.write_bytes(bytes(data))
    before = desk_path.read_bytes()
    result = check_at_start(desk_path)
    assert not result.ok and result.problem
    assert result.newest_good_backup is not None
    assert result.newest_good_backup.path == good.path
    assert desk_path.read_bytes() == before  # not written to


def test_backups_restore_refuses_damaged_backup(tmp_path: Path, desk_path: Path) -> None:
    bad = tmp_path / "bad.db"
    bad.write_text("not a database")
    with pytest.raises(DeskFileError):
        restore_backup(desk_path, bad, START)
    assert not desk_path.exists()


def test_backups_backup_file_is_a_complete_copy(desk: Desk) -> None:
    directory.add_person(desk, full_name="Phạm Hoàng Sơn")
    info = take_backup(desk, "manual", START)
    conn = sqlite3.connect(info.path)
    assert conn.execute("SELECT full_name FROM people").fetchone()[0] == "Phạm Hoàng Sơn"
    conn.close()
