"""Automatic rotating backups of a desk, their retention, and restoring one.

Backups are taken through SQLite's backup API into a folder beside the desk and checked with
quick_check before they are kept (see :mod:`meetingdesk.store.backup`). The schedule:
on open when the newest backup is older than a day, every 30 minutes while there are changes,
on close (when anything changed), and before any migration or import. Retention: everything
from the last 2 days, then the newest of each of 14 days, 8 weeks and 12 months.

Time is always passed in, so the schedule and retention are tested with a simulated clock.

Backups belong to one desk: their folder is named after the desk's whole file name, and a
restore refuses a backup that records another desk's id (or that is not a good desk itself).
"""

from __future__ import annotations

import contextlib
import logging
import re
import sqlite3
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

from meetingdesk.domain.errors import DeskFileError
from meetingdesk.domain.messages import Message, message
from meetingdesk.services.files import refuse_plain_read
from meetingdesk.store.backup import (
    Cancelled,
    Pace,
    backup_connection,
    backup_dir_for,
    backup_name,
    legacy_backup_dir_for,
    recorded_desk_id,
)
from meetingdesk.store.desk import Desk, check_openable, holds_connection
from meetingdesk.store.failures import storage_error
from meetingdesk.store.integrity import quick_check_file

logger = logging.getLogger(__name__)

OPEN_AGE = timedelta(days=1)
PERIOD = timedelta(minutes=30)
KEEP_ALL = timedelta(days=2)
KEEP_DAILY, KEEP_WEEKLY, KEEP_MONTHLY = 14, 8, 12

_NAME = re.compile(r"-(\d{8}-\d{6})-([a-z0-9-]+)\.db$")


@dataclass(frozen=True, slots=True)
class BackupInfo:
    path: Path
    taken_at: datetime
    reason: str


def _found(folder: Path, desk_path: Path) -> list[BackupInfo]:
    found = []
    if folder.is_dir():
        for p in folder.glob(f"{desk_path.stem}-*.db"):
            m = _NAME.search(p.name)
            if m:
                found.append(BackupInfo(p, datetime.strptime(m[1], "%Y%m%d-%H%M%S"), m[2]))
    return found


def list_backups(desk_path: Path) -> list[BackupInfo]:
    """The desk's backups, oldest first (files whose names MeetingDesk gave them).

    Backups an older version left in the folder it shared between desks of the same stem
    are listed too, but only those that record this desk's id.
    """
    found = _found(backup_dir_for(desk_path), desk_path)
    legacy = legacy_backup_dir_for(desk_path)
    if legacy.is_dir():
        own = recorded_desk_id(desk_path)
        found += [b for b in _found(legacy, desk_path)
                  if own is not None and recorded_desk_id(b.path) == own]
    return sorted(found, key=lambda b: (b.taken_at, b.path.name))


def take_backup(desk: Desk, reason: str, now: datetime, *, pace: Pace | None = None,
                cancelled: Cancelled | None = None) -> BackupInfo:
    """A checked backup of an open desk, then old ones pruned. ``pace`` (a backup taken while
    the desk is in use, :data:`~meetingdesk.store.backup.PACED`) and ``cancelled``: see
    :func:`~meetingdesk.store.backup.backup_connection`."""
    target = backup_name(desk.path, reason, now)
    n = 1
    while target.exists():
        n += 1
        target = backup_name(desk.path, f"{reason}-{n}", now)
    backup_connection(desk.conn, target, pace=pace, cancelled=cancelled)
    own_folder = backup_dir_for(desk.path)
    for old in to_prune(list_backups(desk.path), now):
        if old.path.parent != own_folder:
            continue  # an older version's shared folder: never pruned from here
        old.path.unlink(missing_ok=True)
        logger.info("Pruned backup %s", old.path.name)
    return BackupInfo(target, now.replace(microsecond=0), reason)


def to_prune(backups: Iterable[BackupInfo], now: datetime) -> list[BackupInfo]:
    """Which backups retention lets go: all of the last 2 days stay, then the newest one of
    each of the 14 most recent days, 8 weeks and 12 months that have backups."""
    ordered = sorted(backups, key=lambda b: b.taken_at, reverse=True)
    keep: set[Path] = {b.path for b in ordered if now - b.taken_at <= KEEP_ALL}
    for bucket, count in ((lambda d: d.date(), KEEP_DAILY),
                          (lambda d: d.isocalendar()[:2], KEEP_WEEKLY),
                          (lambda d: (d.year, d.month), KEEP_MONTHLY)):
        seen: list[object] = []
        for b in ordered:
            key = bucket(b.taken_at)
            if key not in seen:
                seen.append(key)
                if len(seen) > count:
                    break
                keep.add(b.path)
    return [b for b in ordered if b.path not in keep]


class BackupSchedule:
    """When to take automatic backups, given the events of a working session.

    ``backup(reason, now)`` is called when one is due; the GUI calls :meth:`opened`,
    :meth:`changed` (after each write), :meth:`tick` (from a timer) and :meth:`closing`.
    """

    def __init__(self, newest: datetime | None,
                 backup: Callable[[str, datetime], object]) -> None:
        self.newest = newest
        self._backup = backup
        self._dirty_since: datetime | None = None

    def _take(self, reason: str, now: datetime) -> None:
        self._backup(reason, now)
        self.newest = now
        self._dirty_since = None

    def opened(self, now: datetime) -> None:
        if self.newest is None or now - self.newest >= OPEN_AGE:
            self._take("open", now)

    def changed(self, now: datetime) -> None:
        if self._dirty_since is None:
            self._dirty_since = now

    def tick(self, now: datetime) -> None:
        if self._dirty_since is not None and (
                self.newest is None or now - self.newest >= PERIOD):
            self._take("auto", now)

    def closing(self, now: datetime) -> None:
        if self.closing_due():
            self._take("close", now)

    def closing_due(self) -> bool:
        """Whether closing now takes a backup: something changed since the last one."""
        return self._dirty_since is not None

    def taken(self, now: datetime) -> None:
        """A backup of the desk as it is was taken elsewhere (the window's closing backup,
        off its thread)."""
        self.newest = now
        self._dirty_since = None


@dataclass(frozen=True, slots=True)
class StartCheck:
    ok: bool
    problem: str | None
    newest_good_backup: BackupInfo | None


def check_at_start(desk_path: Path) -> StartCheck:
    """Check a desk before opening it for work, without writing to it.

    When it fails, the newest backup that passes quick_check is offered.
    """
    if not desk_path.exists():
        return StartCheck(True, None, None)
    try:
        check_openable(desk_path)
        damage = quick_check_file(desk_path)
        problem = None if damage is None else str(
            message("backups.damaged_file", name=desk_path.name, problem=damage))
    except DeskFileError as exc:
        problem = str(exc)
    if problem is None:
        return StartCheck(True, None, None)
    for b in reversed(list_backups(desk_path)):
        if quick_check_file(b.path) is None:
            return StartCheck(False, problem, b)
    return StartCheck(False, problem, None)


def _refuse_restore(backup: Path, why: Message) -> DeskFileError:
    return DeskFileError("backups.not_restored", name=backup.name, why=why)


def restore_backup(desk_path: Path, backup: Path, now: datetime) -> Path:
    """Put a backup in the desk's place. The desk must be closed.

    The backup must be a good desk (the checks of opening, then quick_check) of this same
    desk: one that records another desk's id is refused. The current file (with its -wal
    and -shm) is kept aside, never overwritten; the path it was moved to is returned.
    """
    refuse_plain_read(backup)
    if holds_connection(desk_path):
        raise _refuse_restore(backup, message("backups.desk_still_open",
                                              name=desk_path.name))
    try:
        check_openable(backup)
    except DeskFileError as exc:
        raise _refuse_restore(backup, message("backups.unusable", error=exc)) from None
    problem = quick_check_file(backup)
    if problem is not None:
        raise DeskFileError("backups.backup_damaged", name=backup.name, problem=problem)
    mine = recorded_desk_id(desk_path) if desk_path.exists() else None
    theirs = recorded_desk_id(backup)
    own_folder = backup_dir_for(desk_path).resolve()
    if mine is None and backup.resolve().parent != own_folder:
        raise _refuse_restore(
            backup, message("backups.desk_id_unreadable", name=desk_path.name,
                            own_folder=own_folder))
    if mine is not None and theirs is not None and mine != theirs:
        raise _refuse_restore(
            backup, message("backups.other_desks_backup", theirs=theirs[:8],
                            name=desk_path.name, mine=mine[:8]))
    aside = desk_path.with_name(f"{desk_path.stem}-before-restore-{now:%Y%m%d-%H%M%S}.db")
    staged = desk_path.with_name(desk_path.name + ".restoring")
    try:
        staged.unlink(missing_ok=True)
        src = sqlite3.connect(f"{backup.resolve().as_uri()}?mode=ro", uri=True)
        try:
            dest = sqlite3.connect(staged)
            try:
                src.backup(dest)
            finally:
                dest.close()
        finally:
            src.close()
        if desk_path.exists():
            for suffix in ("", "-wal", "-shm"):
                part = desk_path.with_name(desk_path.name + suffix)
                if part.exists():
                    part.replace(aside.with_name(aside.name + suffix))
        staged.replace(desk_path)
    except sqlite3.Error as exc:
        raise storage_error(exc, desk_path) or _refuse_restore(
            backup, str(exc), str(exc)) from exc
    except OSError as exc:
        raise _refuse_restore(backup, exc.strerror or str(exc), exc.strerror or str(exc)) \
            from exc
    finally:
        for leftover in (staged, staged.with_name(staged.name + "-journal")):
            with contextlib.suppress(OSError):
                leftover.unlink(missing_ok=True)
    logger.info("Restored %s from %s; previous file kept as %s", desk_path, backup, aside)
    return aside
