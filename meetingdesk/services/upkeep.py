"""The upkeep of a desk the window has open, in a thread of its own beside the window.

Three pieces of work land inside the window's commits unless they are done elsewhere (see
:mod:`meetingdesk.store.upkeep`): the search index's merges, the WAL's checkpoint, and the
fsync of the WAL that ``synchronous = FULL`` makes every commit wait for (20–50 ms on a busy
disk: a note edit of the window stalled that long). :class:`DeskUpkeep` does all three in a
thread with its own connection to the desk:

- **Flushing.** The window's connection commits with ``synchronous = NORMAL``
  (``Desk.commit_without_waiting``), and after each commit of its ``Desk.transaction`` this
  thread flushes the WAL to the disk (:func:`~meetingdesk.store.upkeep.flush_wal`), as soon
  as a slice of merging or a checkpoint under way has ended; closing flushes a last time. A
  commit is in the WAL when the window shows it, so it survives a crash of the program; it
  survives a power cut once flushed, milliseconds later — where under FULL the window would
  have shown it those milliseconds later. The database stays consistent either way (SQLite's
  WAL checksums drop a half-written tail). A flush that fails is not tried again (after a
  failed fsync the kernel may have dropped the pages): the user is told (``failed``) and the
  window's commits wait for the disk again. Every other connection (the command line, the
  window's background work) keeps FULL.
- **Merging and checkpointing**, once after opening (a desk may come with merges under way),
  then once the window has written nothing for :data:`QUIET_S` seconds (at the latest
  :data:`LONGEST_S` after a write, for someone who never pauses). The index is merged a slice
  at a time, each slice a short transaction of its own that gives way at once when the
  window is about to write (:meth:`DeskUpkeep.give_way`: the slice is interrupted and rolls
  back, so the window's transaction does not wait behind it); then the WAL is checkpointed
  (PASSIVE: it neither waits for nor holds up the window's writes) and, when all of it was
  copied back, started afresh by this thread's connection
  (:func:`~meetingdesk.store.upkeep.restart_wal`), whose commit syncs the new WAL's header —
  the window's first edit after each pause would have. The window's connection no longer
  checkpoints by itself.

Half a second after opening it also loads sqlite-utils, which the window's first write needs
and its start does not (:data:`LOAD_AFTER_S`): an import in this thread, not in the user's
first edit.

It is not a job of the window's background runner: it runs for as long as the desk is open,
and must neither queue behind a backup of minutes nor make the runner's jobs wait behind it;
it keeps one connection for its whole life instead of opening one (with the desk's checks)
each time.
"""

from __future__ import annotations

import logging
import sqlite3
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Literal

from meetingdesk.domain.errors import StorageError
from meetingdesk.services.session import second_connection
from meetingdesk.store import upkeep
from meetingdesk.store.desk import Desk, load_writing
from meetingdesk.store.failures import os_storage_error

logger = logging.getLogger(__name__)

LOAD_AFTER_S = 0.5
"""How long after opening the thread loads what the window's first write needs (sqlite-utils,
:func:`~meetingdesk.store.desk.load_writing`): after the first paint, and before most first
edits, which would otherwise wait some 40 ms for it. A flush asked for during the import waits
for its end (some 20 ms, once), as it waits for a slice of merging under way."""
QUIET_S = 1.0
"""How long the window must have written nothing before the upkeep runs."""
LONGEST_S = 30.0
"""The upkeep runs at the latest this long after a write, pause or not."""


class _GaveWay(Exception):
    """A slice of merging gives way to the window's write (its transaction rolls back)."""


class DeskUpkeep:
    """Merges the search index and checkpoints the WAL of ``desk`` (the window's connection)
    in a thread of its own, after the writes :meth:`written` reports. :meth:`close` stops it
    (before the desk closes)."""

    def __init__(self, desk: Desk, *, quiet: float = QUIET_S, longest: float = LONGEST_S,
                 connect: Callable[[Path], Desk] = second_connection,
                 failed: Callable[[StorageError], None] | None = None) -> None:
        """``failed`` is told, in this object's thread, when the WAL could not be flushed."""
        self._desk = desk
        self._path = desk.path
        self._wal = upkeep.wal_path(desk.conn)
        self._failed = failed
        self._quiet = quiet
        self._longest = longest
        self._connect = connect
        self._state = threading.Condition()
        # due once the window is quiet after opening: a desk may come with merges under way
        self._last_write = time.monotonic()
        self._first_unserved: float | None = self._last_write
        self._load_at: float | None = self._last_write + LOAD_AFTER_S
        self._closed = False
        self._flush_due = False
        self._flushing = True
        """False once a flush has failed: the window's commits wait for the disk again."""
        self._flushes = 0
        self._runs = 0
        self._merging: sqlite3.Connection | None = None
        """The connection of the slice of merging under way (to interrupt), else None."""
        self.last_checkpoint: upkeep.Checkpoint | None = None
        """What the latest checkpoint found in the WAL and copied back."""
        upkeep.leave_checkpoints(desk.conn)
        self._thread = threading.Thread(target=self._run, name="desk-upkeep", daemon=True)
        self._thread.start()
        desk.commit_without_waiting(self.committed)

    def committed(self) -> None:
        """The window's connection committed (called on its thread): its WAL is flushed at
        once, in this object's thread. Once a flush has failed, or if that thread has ended,
        the window's commits wait for the disk again from now on (``synchronous = FULL``:
        a failing disk then fails them, which the window reports as it always did)."""
        with self._state:
            if self._flushing and self._thread.is_alive():
                self._flush_due = True
                self._state.notify()
                return
        self._desk.commit_without_waiting(None)

    def written(self) -> None:
        """The window wrote to the desk: the upkeep follows once it pauses."""
        with self._state:
            self._note_write()
            self._state.notify()

    def give_way(self) -> None:
        """The window is about to write: a slice of merging under way stops at once (rolled
        back, so that the window's transaction does not wait for it) and no other starts
        until the window pauses again."""
        with self._state:
            self._note_write()
            self._state.notify()
            merging = self._merging
        if merging is not None:
            merging.interrupt()  # thread-safe: SQLite's sqlite3_interrupt

    def _note_write(self) -> None:
        """(With the state held.) The upkeep waits for the next pause."""
        self._last_write = time.monotonic()
        if self._first_unserved is None:
            self._first_unserved = self._last_write

    def runs(self) -> int:
        """How many times the upkeep has run to its end so far."""
        with self._state:
            return self._runs

    def flushes(self) -> int:
        """How many times the WAL has been flushed so far."""
        with self._state:
            return self._flushes

    def close(self) -> None:
        """Stop: a slice of merging under way ends first, and the WAL is flushed a last time
        (what the window's connection committed outside :meth:`Desk.transaction` too: the
        sealing before the closing backup); then the window's connection commits with
        ``synchronous = FULL`` again. Called on the window's thread, the desk still open."""
        with self._state:
            self._closed = True
            self._flush_due = self._flushing
            self._state.notify()
            merging = self._merging
        if merging is not None:
            merging.interrupt()
        try:
            self._thread.join()
        finally:
            self._desk.commit_without_waiting(None)

    def _due(self) -> float | None:
        """Seconds until the upkeep is due (0: now), or ``None`` with no write to follow."""
        if self._first_unserved is None:
            return None
        now = time.monotonic()
        return max(0.0, min(self._last_write + self._quiet, self._first_unserved
                            + self._longest) - now)

    def _next(self) -> Literal["flush", "load", "upkeep"] | None:
        """Wait for the next piece of work: a flush of the WAL (first whenever one is due),
        loading what writing needs (once, :data:`LOAD_AFTER_S` after opening), the upkeep,
        or ``None`` when closing (once no flush is due)."""
        with self._state:
            while True:
                if self._flush_due:
                    self._flush_due = False
                    return "flush"
                if self._closed:
                    return None
                load = None if self._load_at is None else max(
                    0.0, self._load_at - time.monotonic())
                if load == 0.0:
                    self._load_at = None
                    return "load"
                due = self._due()
                if due == 0.0:
                    self._first_unserved = None
                    return "upkeep"
                self._state.wait(min((t for t in (due, load) if t is not None), default=None))

    def _flush(self) -> None:
        try:
            # the folder too, once: a WAL the window's connection created is not in it yet
            upkeep.flush_wal(self._wal, folder_too=self._flushes == 0)
        except OSError as exc:
            # Not tried again: after a failed fsync the kernel may have dropped the pages,
            # and a later one would succeed without them. The user is told at once.
            logger.error("Could not flush the WAL of %s: %s", self._path, exc)
            with self._state:
                self._flushing = False
            if self._failed is not None:
                self._failed(os_storage_error("failures.not_flushed", exc, self._path))
            return
        with self._state:
            self._flushes += 1

    def _interrupted(self, since: float) -> bool:
        """The window wrote again (or the desk is closing) since ``since``."""
        with self._state:
            return self._closed or self._last_write > since

    def _run(self) -> None:
        desk: Desk | None = None
        try:
            while (work := self._next()) is not None:
                if work == "flush":
                    self._flush()
                    continue
                if work == "load":
                    try:
                        load_writing()
                    except Exception as exc:  # the first write says so; the flushes go on
                        logger.warning("Could not load what writing needs: %s", exc)
                    continue
                started = time.monotonic()
                try:
                    desk = desk or self._connect(self._path)
                    self._merge(desk, started)
                    self.last_checkpoint = upkeep.checkpoint(desk.conn)
                    logger.debug("Checkpoint of %s: %s", self._path, self.last_checkpoint)
                    if self.last_checkpoint.whole and not self._interrupted(started):
                        with desk.transaction() as db:  # not the window's next edit
                            upkeep.restart_wal(db.conn)
                except Exception as exc:  # the window works on; the next pause tries again
                    logger.warning("The upkeep of %s failed: %s", self._path, exc)
                with self._state:
                    self._runs += 1
                    self._state.notify_all()
        finally:
            if desk is not None:
                desk.close()

    def _merge(self, desk: Desk, started: float) -> None:
        slices = 0
        while True:
            with self._state:
                if self._closed or self._last_write > started:
                    break
                self._merging = desk.conn
            try:
                with desk.transaction() as db:
                    if self._interrupted(started):  # asked just before the slice began
                        raise _GaveWay
                    more = upkeep.merge_search_index(db.conn)
            except Exception:
                if self._interrupted(started):  # interrupted: the slice was rolled back
                    break
                raise
            finally:
                with self._state:
                    self._merging = None
            if not more:
                break
            slices += 1
        if slices:
            logger.debug("Merged the search index of %s: %d slices", self._path, slices)
