"""A desk opened for work by this process: the one way the window, the live window and the
command line open a desk, and the one way they close it.

:func:`open_session` takes the desk's lock (one program per desk file), checks the file
(offering the newest good backup when it is damaged), opens and migrates it (the store backs it
up before any migration), and returns a :class:`WorkSession`. The window checks once and fast
before opening and leaves SQLite's quick_check, seconds on a large desk, for after its first
paint, every write waiting for it (:mod:`meetingdesk.services.desk_checks`). The session has
the :class:`Desk`, the automatic backups' schedule and :meth:`WorkSession.close`, which takes
the closing backup, closes the connection and only then lets go of the lock. Whatever fails on
the way — the lock, the check, a SQLite error in a migration — lets go of the lock and leaves
one clear error.

Work off the GUI thread uses :func:`worker_connection`: a second connection of this process to
a desk it has open (SQLite connections stay in the thread that made them).
"""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path

from meetingdesk.domain.errors import (
    ConflictError,
    DeskFileError,
    ReadOnlyDeskError,
    StorageError,
)
from meetingdesk.services import backups
from meetingdesk.services.backups import BackupInfo, BackupSchedule, StartCheck
from meetingdesk.store.backup import PACED, Pace
from meetingdesk.store.desk import Desk, open_desk, writes_on_opening
from meetingdesk.store.integrity import Cancel
from meetingdesk.store.lock import DeskLock
from meetingdesk.store.write_gate import WriteGate

logger = logging.getLogger(__name__)

Restore = Callable[[StartCheck], bool]
"""Asked when the desk is damaged and a good backup exists: True to put the backup in its
place (the damaged file is kept aside), False to open nothing."""
TakeBackup = Callable[[str, datetime], object]
"""Takes an automatic backup (``reason``, ``now``); by default on the session's connection."""


class WorkSession:
    """An open desk with its lock and its automatic backups; a context manager."""

    def __init__(self, desk: Desk, lock: DeskLock, take_backup: TakeBackup | None,
                 write_gate: WriteGate | None = None, *, check_pending: bool = False) -> None:
        self.desk = desk
        self._lock = lock
        self.check_pending = check_pending
        """The quick check was left for after opening (``check_later``): the window runs
        :func:`meetingdesk.services.desk_checks.check_after_opening`."""
        self.write_gate = write_gate
        """While the quick check left for after opening has not passed, every write waits
        for it (``None``: checked before opening, or never written)."""
        self.take_backup = take_backup
        """How the automatic backups are taken (``None``: here, on this connection)."""
        self._closing = False
        self._closing_backup_settled = False
        found = backups.list_backups(desk.path)
        self.schedule = BackupSchedule(found[-1].taken_at if found else None, self._due)
        """Tell it :meth:`~BackupSchedule.opened`, :meth:`~BackupSchedule.changed` and
        :meth:`~BackupSchedule.tick`; :meth:`close` tells it the desk is closing."""

    def _due(self, reason: str, now: datetime) -> None:
        if self._closing or self.take_backup is None:  # the closing one: here, before closing
            self.back_up(reason, now)
        else:
            self.take_backup(reason, now)

    @property
    def path(self) -> Path:
        return self.desk.path

    @property
    def may_write(self) -> bool:
        """Whether the desk takes writes: not read-only, and not found damaged."""
        gate = self.write_gate
        return not self.desk.read_only and (gate is None or gate.refusal is None)

    def back_up(self, reason: str, now: datetime) -> BackupInfo:
        """A backup of the desk through this session's connection (here and now)."""
        return backups.take_backup(self.desk, reason, now)

    def closing_backup_due(self) -> bool:
        """Seal the edits made and say whether closing takes a backup (something changed
        since the last one). The window takes it off its thread (:func:`back_up_file` with
        :data:`AT_CLOSING`) and tells :meth:`closing_backup_settled`; :meth:`close` takes it
        otherwise."""
        if self._closing_backup_settled or not self.schedule.closing_due():
            return False
        try:
            self.desk.seal_pending()  # the closing backup carries the edits sealed
        except Exception as exc:  # as in close(): the desk still closes, the failure logged
            logger.warning("Closing backup of %s failed: %s", self.path, exc)
            self._closing_backup_settled = True
            return False
        return True

    def closing_backup_settled(self, taken_at: datetime | None) -> None:
        """The closing backup was taken elsewhere (``taken_at``), or it failed or the user
        skipped it (``None``): :meth:`close` takes none."""
        if taken_at is not None:
            self.schedule.taken(taken_at)
        self._closing_backup_settled = True

    def close(self) -> None:
        """Take the closing backup if anything changed (unless it was settled elsewhere),
        close the desk, release the lock."""
        if self._closing:
            return
        self._closing = True
        try:
            try:
                if not self._closing_backup_settled:
                    self.desk.seal_pending()  # the closing backup carries the edits sealed
                    self.schedule.closing(datetime.now())
            except Exception as exc:  # the desk still closes; the failure is logged
                logger.warning("Closing backup of %s failed: %s", self.path, exc)
            self.desk.close()
        finally:
            self._lock.release()
        logger.info("Desk %s closed", self.path)

    def __enter__(self) -> WorkSession:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def open_session(path: Path, *, create: bool = True, check: bool = False,
                 restore: Restore | None = None, take_backup: TakeBackup | None = None,
                 check_later: bool = False) -> WorkSession:
    """Open ``path`` for work.

    ``check`` runs SQLite's quick check first: a damaged desk is refused with its problem,
    unless ``restore`` agrees to put its newest good backup in its place. With
    ``check_later`` (the window) the quick check is left for after opening
    (:func:`meetingdesk.services.desk_checks.check_after_opening`) and every write waits for
    it; it still runs first when opening itself would write (migrations, a copied file), and
    a file the fast checks of opening refuse is offered its newest good backup the same way.
    ``take_backup`` takes the automatic backups (the window takes them off its thread).
    """
    lock = DeskLock(path)
    if not create and not path.exists():
        open_desk(path, create=False)  # says "not found", leaving no lock file behind
    try:
        lock.acquire()
    except OSError as exc:
        raise DeskFileError("files.cannot_open", path=path, reason=exc.strerror or exc) from exc
    try:
        later = check and check_later and not writes_on_opening(path)
        if check and not later:
            _check(path, restore)
            desk = open_desk(path, create=create)
        else:
            desk = _open(path, create, restore if check else None)
        gate = desk.hold_writes() if later and not desk.read_only else None
    except sqlite3.Error as exc:
        lock.release()
        raise DeskFileError("session.sqlite_error", path=path, error=exc) from exc
    except BaseException:
        lock.release()
        raise
    return WorkSession(desk, lock, take_backup, gate, check_pending=later)


def _open(path: Path, create: bool, restore: Restore | None) -> Desk:
    """:func:`open_desk` (its checks are the only ones before opening); a file they refuse
    is offered its newest good backup through ``restore``."""
    try:
        return open_desk(path, create=create)
    except ReadOnlyDeskError:
        raise
    except DeskFileError as exc:
        if (restore is None or not path.exists() or (isinstance(exc, StorageError)
                and exc.cause not in ("SQLITE_CORRUPT", "SQLITE_NOTADB"))):
            raise  # a full disk, an I/O error: no backup would help
        found = backups.check_at_start(path)
        if found.ok or found.newest_good_backup is None or not restore(found):
            raise
    backups.restore_backup(path, found.newest_good_backup.path, datetime.now())
    return open_desk(path, create=create)


def _check(path: Path, restore: Restore | None) -> None:
    """Refuse a damaged file, unless its newest good backup is put in its place."""
    found = backups.check_at_start(path)
    if found.ok:
        return
    good = found.newest_good_backup
    if good is None or restore is None or not restore(found):
        raise DeskFileError("common.verbatim", text=found.problem or "")
    backups.restore_backup(path, good.path, datetime.now())


def second_connection(path: Path) -> Desk:
    """Another connection of this process to a desk it has open, for a thread of its own
    (which closes it)."""
    return open_desk(path, create=False)


@contextmanager
def worker_connection(path: Path, cancel: Cancel | None = None) -> Iterator[Desk]:
    """:func:`second_connection` for one piece of work, opened and closed in its thread;
    with ``cancel``, its statements stop when the work is cancelled (a transaction under way
    rolls back whole)."""
    with second_connection(path) as desk:
        if cancel is None:
            yield desk
        else:
            with desk.stop_when(cancel):
                yield desk


def open_elsewhere(path: Path) -> ConflictError | None:
    """The refusal of the desk's lock when another program has ``path`` open, else ``None``
    (the lock is let go at once)."""
    probe = DeskLock(path)
    try:
        probe.acquire()
    except ConflictError as exc:
        return exc
    probe.release()
    return None


def writes_held(desk: Desk) -> bool:
    """Whether a write to ``desk`` now would wait for the check left for after opening (the
    window waits for it with the event loop running, not inside the write)."""
    return desk.writes_held()


AT_CLOSING = Pace(step_bytes=16 << 20, rest=0.0)
"""The pace of the closing backup: nothing is written beside it any more, so it runs at the
disk's speed, in steps between which it can be skipped."""


def back_up_file(path: Path, reason: str, now: datetime, *, cancel: Cancel | None = None,
                 pace: Pace = PACED) -> BackupInfo:
    """A backup of the open desk at ``path`` through a connection of its own (off the GUI
    thread), paced by default so that the desk's own commits never wait behind it
    (:class:`~meetingdesk.store.backup.Pace`); ``cancel`` stops it, leaving nothing."""
    with worker_connection(path) as desk:
        return backups.take_backup(desk, reason, now, pace=pace,
                                   cancelled=cancel.cancelled if cancel else None)


def is_database_error(exc: BaseException) -> bool:
    """Whether ``exc`` is SQLite's own (a write that failed below the services' messages)."""
    return isinstance(exc, sqlite3.Error)
