"""The upkeep of a desk the window has open, in a thread of its own while the user pauses.

Two pieces of work land inside some commit of the window unless they are done elsewhere (see
:mod:`meetingdesk.store.upkeep`): the search index's merges (175 ms in one note edit of 64 on
the 1,000-meeting desk) and the WAL's checkpoint. :class:`DeskUpkeep` does both in a thread
with its own connection to the desk: once after opening (a desk may come with merges under
way), then once the window has written nothing for :data:`QUIET_S` seconds (at the latest
:data:`LONGEST_S` after a write, for someone who never pauses). The index is merged a slice
at a time, each slice a short transaction of its own that gives way at once when the window
is about to write (:meth:`DeskUpkeep.give_way`: the slice is interrupted and rolls back, so
the window's transaction does not wait behind it); then the WAL is checkpointed (PASSIVE: it
neither waits for nor holds up the window's writes). The window's connection no longer
checkpoints by itself.

It is not a job of the window's background runner: it runs whenever the user pauses, for as
long as the desk is open, and must neither queue behind a backup of minutes nor make the
runner's jobs wait behind it; it keeps one connection for its whole life instead of opening
one (with the desk's checks) each time.
"""

from __future__ import annotations

import logging
import sqlite3
import threading
import time
from collections.abc import Callable
from pathlib import Path

from meetingdesk.services.session import second_connection
from meetingdesk.store import upkeep
from meetingdesk.store.desk import Desk

logger = logging.getLogger(__name__)

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
                 connect: Callable[[Path], Desk] = second_connection) -> None:
        self._path = desk.path
        self._quiet = quiet
        self._longest = longest
        self._connect = connect
        self._state = threading.Condition()
        # due once the window is quiet after opening: a desk may come with merges under way
        self._last_write = time.monotonic()
        self._first_unserved: float | None = self._last_write
        self._closed = False
        self._runs = 0
        self._merging: sqlite3.Connection | None = None
        """The connection of the slice of merging under way (to interrupt), else None."""
        self.last_checkpoint: upkeep.Checkpoint | None = None
        """What the latest checkpoint found in the WAL and copied back."""
        upkeep.leave_checkpoints(desk.db.conn)
        self._thread = threading.Thread(target=self._run, name="desk-upkeep", daemon=True)
        self._thread.start()

    def written(self) -> None:
        """The window wrote to the desk: the upkeep follows once it pauses."""
        with self._state:
            self._last_write = time.monotonic()
            if self._first_unserved is None:
                self._first_unserved = self._last_write
            self._state.notify()

    def give_way(self) -> None:
        """The window is about to write: a slice of merging under way stops at once (rolled
        back, so that the window's transaction does not wait for it) and no other starts
        until the window pauses again."""
        self.written()
        with self._state:
            merging = self._merging
        if merging is not None:
            merging.interrupt()  # thread-safe: SQLite's sqlite3_interrupt

    def runs(self) -> int:
        """How many times the upkeep has run to its end so far."""
        with self._state:
            return self._runs

    def close(self) -> None:
        """Stop (a slice of merging under way ends first) and close the connection."""
        with self._state:
            self._closed = True
            self._state.notify()
            merging = self._merging
        if merging is not None:
            merging.interrupt()
        self._thread.join()

    def _due(self) -> float | None:
        """Seconds until the upkeep is due (0: now), or ``None`` with no write to follow."""
        if self._first_unserved is None:
            return None
        now = time.monotonic()
        return max(0.0, min(self._last_write + self._quiet, self._first_unserved
                            + self._longest) - now)

    def _wait(self) -> bool:
        """Wait until the upkeep is due; False when closing."""
        with self._state:
            while not self._closed:
                due = self._due()
                if due == 0.0:
                    self._first_unserved = None
                    return True
                self._state.wait(due)
            return False

    def _interrupted(self, since: float) -> bool:
        """The window wrote again (or the desk is closing) since ``since``."""
        with self._state:
            return self._closed or self._last_write > since

    def _run(self) -> None:
        desk: Desk | None = None
        try:
            while self._wait():
                started = time.monotonic()
                try:
                    desk = desk or self._connect(self._path)
                    self._merge(desk, started)
                    self.last_checkpoint = upkeep.checkpoint(desk.db.conn)
                    logger.debug("Checkpoint of %s: %s", self._path, self.last_checkpoint)
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
                self._merging = desk.db.conn
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
