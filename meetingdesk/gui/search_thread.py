"""Search as you type, off the GUI thread: the newest query wins.

A search of the index takes from a few to some tens of milliseconds on a large desk — more
than a frame — so it runs in a thread of its own with its own connection, opened on the first
query and kept until :meth:`SearchThread.close`. It is not a job of the desk's runner: a query
must never wait behind a minutes generation or a backup, and a query overtaken by the next key
press is skipped, not run. Results carry the number of their query; only the newest is
reported. (A plain Python thread: one left behind by a window never closed cannot take the
process down at exit the way a running ``QThread`` destroyed with its owner does.)
"""

from __future__ import annotations

import logging
import queue
import threading
from pathlib import Path

from PySide6.QtCore import QObject, Signal

from meetingdesk.gui.models.search_results import ShownResults, shown_groups
from meetingdesk.services import search
from meetingdesk.services.session import second_connection
from meetingdesk.store.desk import Desk

logger = logging.getLogger(__name__)

_Query = tuple[int, str, bool] | None
"""(number, text, meetings only), or ``None`` to stop."""


class SearchThread(QObject):
    """Ask with :meth:`search` or :meth:`meetings`; hear ``found`` / ``meetings_found`` with
    the number they returned, in the GUI thread. The two kinds of query are numbered apart:
    a search of the desk never overtakes a filter of the meeting list."""

    found = Signal(int, object)
    """(query number, :class:`~meetingdesk.gui.models.search_results.ShownResults`): the
    results and the lines that show them, made here rather than in the GUI thread"""
    meetings_found = Signal(int, object)
    """(query number, the set of meeting ids)"""

    def __init__(self, desk_path: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._path = desk_path
        self._queue: queue.SimpleQueue[_Query] = queue.SimpleQueue()
        self._lock = threading.Lock()
        self._newest = {False: 0, True: 0}
        self._thread: threading.Thread | None = None

    def search(self, query: str) -> int:
        """Search the desk for ``query`` as typed so far; returns the query's number."""
        return self._ask(query, meetings_only=False)

    def meetings(self, query: str) -> int:
        """The meetings ``query`` finds through the index; returns the query's number."""
        return self._ask(query, meetings_only=True)

    def _ask(self, query: str, *, meetings_only: bool) -> int:
        with self._lock:
            self._newest[meetings_only] += 1
            number = self._newest[meetings_only]
        if self._thread is None:
            self._thread = threading.Thread(target=self._run, name="search", daemon=True)
            self._thread.start()
        self._queue.put((number, query, meetings_only))
        return number

    def _current(self, number: int, meetings_only: bool) -> bool:
        with self._lock:
            return number == self._newest[meetings_only]

    def _run(self) -> None:
        desk: Desk | None = None
        try:
            while (item := self._queue.get()) is not None:
                number, query, meetings_only = item
                if not self._current(number, meetings_only):
                    continue  # overtaken by the next key press
                try:
                    if desk is None:
                        desk = second_connection(self._path)
                    if meetings_only:
                        ids = search.meetings_matching(desk, query)
                        if self._current(number, meetings_only):
                            self.meetings_found.emit(number, ids)
                    else:
                        results = search.search(desk, query, as_you_type=True, limit=80)
                        if self._current(number, meetings_only):
                            self.found.emit(number, ShownResults(results, shown_groups(results)))
                except Exception:  # shows nothing; the next key press tries again
                    logger.exception("Search for %r failed", query)
        finally:
            if desk is not None:
                desk.close()

    def close(self) -> None:
        """Close the thread's connection and wait for the thread to end."""
        if self._thread is not None:
            with self._lock:
                for kind in self._newest:  # whatever is queued is overtaken
                    self._newest[kind] += 1
            self._queue.put(None)
            self._thread.join()
            self._thread = None
