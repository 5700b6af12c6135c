"""The undo stack: every edit runs through :meth:`DeskSession.run` as a named command.

A command keeps snapshots of the records its edit touched (see
:mod:`meetingdesk.services.history`); undo restores the "before" snapshot, redo the "after".
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from meetingdesk.services import history
from meetingdesk.services.history import Recorded
from meetingdesk.store.desk import Desk
from meetingdesk.store.snapshots import Ref


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
        history.restore(self._session.desk, self._recorded.after)
        self._session.changed.emit()

    def undo(self) -> None:
        history.restore(self._session.desk, self._recorded.before)
        self._session.changed.emit()


class DeskSession(QObject):
    """An open desk with its undo stack; ``changed`` tells the views to reload."""

    changed = Signal()

    def __init__(self, desk: Desk, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.desk = desk
        self.undo_stack = QUndoStack(self)

    def run(self, text: str, action: Callable[[], Any], roots: Iterable[Ref] = (),
            new_roots: Callable[[Any], Iterable[Ref]] | None = None, *,
            shallow: bool = False) -> Any:
        """Make an edit through the services as the undoable command ``text``.

        ``roots`` are the records the edit changes or deletes; ``new_roots`` gives the ones
        it creates from its result; ``shallow`` when only the roots' own fields change. A
        service error propagates and nothing is recorded.
        """
        recorded = history.run_recorded(self.desk, action, roots, new_roots, shallow=shallow)
        self.undo_stack.push(RecordedCommand(self, text, recorded))
        self.changed.emit()
        return recorded.result

    def close(self) -> None:
        self.undo_stack.clear()
        self.desk.close()


def created(table: str) -> Callable[[Any], list[Ref]]:
    """``new_roots`` for a service that returns the record it created."""
    return lambda record: [(table, record.id)]
