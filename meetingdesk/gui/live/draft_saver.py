"""Saving the note being typed, off the GUI thread.

The saver lives in its own thread with its own connection to the desk (an fsync of the WAL
must never freeze typing). Requests are handled in the order they were made; each one is
acknowledged by a signal once it is committed.

It is not a job of the desk's :class:`~meetingdesk.gui.jobs.BackgroundRunner`, on purpose: a
draft is saved every few hundred milliseconds for as long as the live mode is open, so it
keeps one thread and one connection for its whole life instead of opening a connection per
save; its saves must keep their order and never wait behind a minutes generation or a backup
queued on the runner (the secretary's typing would then be at risk for seconds); and filing a
note must be acknowledged only once committed, in order with the saves before it.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QObject, QThread, Signal, Slot

from meetingdesk.domain.errors import MeetingDeskError
from meetingdesk.domain.records import NoteDraft
from meetingdesk.services import drafts
from meetingdesk.services.drafts import TaskFields
from meetingdesk.services.session import second_connection
from meetingdesk.store.desk import Desk

logger = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class SaveRequest:
    draft: NoteDraft


@dataclass(frozen=True, slots=True)
class FileRequest:
    draft: NoteDraft
    task: TaskFields | None = None


@dataclass(frozen=True, slots=True)
class DiscardRequest:
    meeting_id: int


class _Worker(QObject):
    saved = Signal(object)
    """The :class:`NoteDraft` now stored (empty text: the draft was removed)."""
    filed = Signal(object)
    """The :class:`Note` filed."""
    discarded = Signal(int)
    """The meeting whose unfinished note was thrown away."""
    failed = Signal(object, object)
    """(the request, the exception)."""
    stopped = Signal()

    def __init__(self, desk_path: Path) -> None:
        super().__init__()
        self.desk_path = desk_path
        self.desk: Desk | None = None

    @Slot(object)
    def handle(self, request: object) -> None:
        try:
            if self.desk is None:
                self.desk = second_connection(self.desk_path)
            if isinstance(request, SaveRequest):
                d = request.draft
                self.saved.emit(drafts.save_draft(
                    self.desk, meeting_id=d.meeting_id, text=d.text, now=d.saved_at,
                    kind=d.kind, agenda_item_id=d.agenda_item_id, speaker_id=d.speaker_id,
                    note_id=d.note_id))
            elif isinstance(request, FileRequest):
                self.filed.emit(drafts.file_draft(self.desk, request.draft, request.task))
            elif isinstance(request, DiscardRequest):
                drafts.discard_draft(self.desk, request.meeting_id)
                self.discarded.emit(request.meeting_id)
        except MeetingDeskError as exc:
            self.failed.emit(request, exc)
        except Exception as exc:  # reported to the GUI thread, which logs and shows it
            logger.exception("Saving the note failed")
            self.failed.emit(request, exc)

    @Slot()
    def stop(self) -> None:
        if self.desk is not None:
            self.desk.close()
            self.desk = None
        self.stopped.emit()
        thread = self.thread()
        thread.quit()


class DraftSaver(QObject):
    """The GUI side: :meth:`save`, :meth:`file` and :meth:`discard` return at once; signals
    report back."""

    saved = Signal(object)
    filed = Signal(object)
    discarded = Signal(int)
    failed = Signal(object, object)
    """(the :class:`SaveRequest`, :class:`FileRequest` or :class:`DiscardRequest`, the
    exception)."""
    _request = Signal(object)
    _stop = Signal()

    def __init__(self, desk_path: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._thread = QThread()
        self._thread.setObjectName("draft-saver")
        self._worker = _Worker(desk_path)
        self._worker.moveToThread(self._thread)
        self._request.connect(self._worker.handle)
        self._stop.connect(self._worker.stop)
        self._worker.saved.connect(self.saved)
        self._worker.filed.connect(self.filed)
        self._worker.discarded.connect(self.discarded)
        self._worker.failed.connect(self.failed)
        self._thread.finished.connect(self._worker.deleteLater)
        self._thread.start()

    def save(self, draft: NoteDraft) -> None:
        self._request.emit(SaveRequest(draft))

    def file(self, draft: NoteDraft, task: TaskFields | None = None) -> None:
        self._request.emit(FileRequest(draft, task))

    def discard(self, meeting_id: int) -> None:
        """Throw away the meeting's unfinished note, after the saves asked before."""
        self._request.emit(DiscardRequest(meeting_id))

    def close(self) -> None:
        """Finish every request made so far, then stop the thread (blocks until done)."""
        if self._thread.isRunning():
            self._stop.emit()
            self._thread.wait()

