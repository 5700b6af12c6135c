"""The undo stack: every edit runs through :meth:`DeskSession.run` as a named command.

A command keeps snapshots of the records its edit touched (see
:mod:`meetingdesk.services.history`); undo restores the "before" snapshot, redo the "after".
The edit, its undo and its redo each announce what they changed on ``DeskSession.changed``
as a :class:`~meetingdesk.services.changes.Changes`, which the views apply in place.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from meetingdesk.domain.errors import MeetingDeskError
from meetingdesk.gui.jobs import BackgroundRunner
from meetingdesk.gui.write_wait import wait_until_writable
from meetingdesk.services import history
from meetingdesk.services.changes import EVERYTHING, Changes, Ref
from meetingdesk.services.history import Recorded
from meetingdesk.services.upkeep import DeskUpkeep
from meetingdesk.store.desk import Desk

logger = logging.getLogger(__name__)


class RecordedCommand(QUndoCommand):
    """One edit done through the services; undo and redo restore its snapshots."""

    def __init__(self, session: DeskSession, text: str, recorded: Recorded) -> None:
        super().__init__(text)
        self._session = session
        self._recorded = recorded
        self._done = True

    def redo(self) -> None:
        if self._done:  # QUndoStack.push() calls redo(); the edit has been made already
            self._done = False
            return
        self._restore(undo=False)

    def undo(self) -> None:
        self._restore(undo=True)

    def _restore(self, *, undo: bool) -> None:
        recorded = self._recorded
        done = recorded.changes.inverted() if undo else recorded.changes
        try:
            self._session.give_way()
            history.restore(self._session.desk, recorded.before if undo else recorded.after)
        except MeetingDeskError as exc:
            # Later changes made outside the undo stack (another window, the live mode) can
            # make an old state impossible to put back. Nothing was changed; the history is
            # dropped so that no other step can go wrong the same way.
            logger.warning("Cannot undo or redo %r: %s", self.text(), exc)
            self._session.undo_failed.emit(exc)
            QTimer.singleShot(0, self._session.undo_stack.clear)
            done = EVERYTHING
        self._session.changed.emit(done)


class DeskSession(QObject):
    """An open desk with its undo stack; ``changed`` tells the views what changed."""

    changed = Signal(object)
    """A :class:`~meetingdesk.services.changes.Changes`: views apply it in place, or reload
    when it names records they show and cannot apply."""
    undo_failed = Signal(object)
    """An undo or redo could not be done (the exception); the history was cleared."""
    flush_failed = Signal(object)
    """The latest edits could not be flushed to the disk (a ``StorageError``); the edits
    that follow wait for the disk in their commit. Emitted from the upkeep's thread, so
    received in the GUI thread (a queued connection)."""

    def __init__(self, desk: Desk, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.desk = desk
        self.undo_stack = QUndoStack(self)
        self.runner = BackgroundRunner(self)
        """Where the desk's long work runs, off the GUI thread (see :mod:`meetingdesk.gui.jobs`)."""
        self.upkeep = None if desk.read_only else DeskUpkeep(desk,
                                                             failed=self.flush_failed.emit)
        """Flushes the edits' commits to the disk, merges the search index and checkpoints
        the WAL beside the window, so that no edit's commit waits for them (see
        :mod:`meetingdesk.services.upkeep`)."""
        self._shut_down = False
        self.changed.connect(self._written)
        QTimer.singleShot(0, self._prepare)  # once the window has painted what it opened with

    def run(self, text: str, action: Callable[[], Any], roots: Iterable[Ref] = (),
            new_roots: Callable[[Any], Iterable[Ref]] | None = None, *,
            shallow: bool = False) -> Any:
        """Make an edit through the services as the undoable command ``text``.

        ``roots`` are the records the edit changes or deletes; ``new_roots`` gives the ones
        it creates from its result; ``shallow`` when only the roots' own fields change. A
        service error propagates and nothing is recorded.
        """
        wait_until_writable(self.desk)  # the desk's check after opening, if still running
        self.give_way()
        recorded = history.run_recorded(self.desk, action, roots, new_roots, shallow=shallow)
        self.undo_stack.push(RecordedCommand(self, text, recorded))
        self.changed.emit(recorded.changes)
        return recorded.result

    def written(self, changes: Changes = EVERYTHING) -> None:
        """Tell the views about a write made outside the undo history (an import, the live
        mode, new minutes): ``changes`` is what may have changed."""
        self.changed.emit(changes)

    def _prepare(self) -> None:
        """Read what the first edit needs (the schema's keys) before the user edits."""
        if not self.desk.read_only and not self._shut_down:
            history.prepare(self.desk)

    def give_way(self) -> None:
        """An edit is about to be written: the upkeep's work under way stops for it."""
        if self.upkeep is not None:
            self.upkeep.give_way()

    def _written(self, _changes: Changes) -> None:
        if self.upkeep is not None:
            self.upkeep.written()

    def shutdown(self) -> None:
        """Stop the work that runs beside the desk (the runner's job under way, the upkeep)
        before the desk is closed."""
        self._shut_down = True
        self.runner.shutdown()
        if self.upkeep is not None:
            self.upkeep.close()
            self.upkeep = None

    def close(self) -> None:
        self.shutdown()
        self.undo_stack.clear()
        self.desk.close()


def created(table: str) -> Callable[[Any], list[Ref]]:
    """``new_roots`` for a service that returns the record it created."""
    return lambda record: [(table, record.id)]
