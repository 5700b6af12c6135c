"""What every tab of a meeting shares: its session and meeting, following the desk's
changes (a change that names none of the tab's records is ignored, one it can apply in place
is applied, any other makes it reload: at once if visible, else when next shown), and its
editors disabled while the meeting's minutes are final."""

from __future__ import annotations

import logging

from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QWidget

from meetingdesk.domain.enums import MeetingStatus
from meetingdesk.domain.errors import NotFoundError
from meetingdesk.gui.undo import DeskSession
from meetingdesk.gui.widgets import select_id
from meetingdesk.services import meetings
from meetingdesk.services.changes import Changes
from meetingdesk.store.desk import Desk

logger = logging.getLogger(__name__)


class MeetingTab(QWidget):
    """A tab showing part of one meeting; it follows the desk's :class:`Changes`."""

    KINDS: frozenset[str] = frozenset()
    """The tables whose records the tab shows (a change to no other concerns it)."""

    def __init__(self, session: DeskSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.meeting_id: int | None = None
        self.frozen = False
        """The meeting's minutes are final: it is shown, not changed."""
        self._stale = True
        session.changed.connect(self.desk_changed)

    @property
    def desk(self) -> Desk:
        return self.session.desk

    def show_meeting(self, meeting_id: int | None) -> None:
        self.meeting_id = meeting_id
        self.mark_stale()

    def desk_changed(self, changes: Changes) -> None:
        if self.meeting_id is None or not changes.touches(self.KINDS, self.meeting_id):
            return
        if self._stale or not self.isVisible() or not self.apply(changes):
            self.mark_stale()

    def apply(self, changes: Changes) -> bool:
        """Apply ``changes`` to the tab's models in place; False when it has to reload."""
        return False

    def mark_stale(self) -> None:
        self._stale = True
        if self.isVisible():
            self._reload()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            self._reload()

    def _reload(self) -> None:
        self._stale = False
        if self.meeting_id is not None:
            try:
                status = meetings.get_meeting(self.desk, self.meeting_id).status
                self.frozen = status is MeetingStatus.FINAL
                self.refresh()
                for widget in self.editors():
                    widget.setEnabled(not self.frozen)
            except NotFoundError:  # the meeting was just deleted; the window moves on
                logger.info("Meeting %s is gone", self.meeting_id)

    def refresh(self) -> None:
        """Load the meeting's data into the tab's models."""
        raise NotImplementedError

    def editors(self) -> list[QWidget]:
        """The widgets that change the meeting, disabled while it is final (the window's
        banner says why)."""
        return []

    def select_record(self, kind: str, ref_id: int) -> bool:
        """Select the row of a record a search found (its table's ids, unless the tab says
        otherwise); False when the tab does not show it."""
        table = getattr(self, "table", None)
        search = getattr(self, "search", None)
        if search is not None:
            search.clear()
        return table is not None and select_id(table, ref_id)
