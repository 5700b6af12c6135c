"""The speaker picker: type a few letters without diacritics, Up/Down, Enter.

"son" finds Phạm Hoàng Sơn, "duc" finds Đức; each choice shows the title and the site.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QLineEdit, QListView, QVBoxLayout, QWidget

from meetingdesk.domain.matching import Candidate, best_matches
from meetingdesk.gui.i18n import tr
from meetingdesk.services.live import Speaker

_Index = QModelIndex | QPersistentModelIndex


class SpeakerListModel(QAbstractListModel):
    """The speakers matching what was typed, best first."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.rows: list[Speaker] = []

    def set_rows(self, rows: list[Speaker]) -> None:
        self.beginResetModel()
        self.rows = rows
        self.endResetModel()

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        speaker = self.rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return speaker.label
        if role == Qt.ItemDataRole.ToolTipRole:
            return speaker.label
        if role == Qt.ItemDataRole.UserRole:
            return speaker
        return None


class SpeakerPicker(QWidget):
    """A line to type in and the matching speakers under it."""

    chosen = Signal(object)
    """The :class:`Speaker` chosen, or ``None`` when the choice was cleared."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._candidates: list[Candidate[Speaker]] = []
        self.current: Speaker | None = None
        self.edit = QLineEdit(self)
        self.edit.setPlaceholderText(tr("Speaker: type a name without accents (F2)"))
        self.edit.setClearButtonEnabled(True)
        self.model = SpeakerListModel(self)
        self.view = QListView(self)
        self.view.setModel(self.model)
        self.view.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.view.setUniformItemSizes(True)
        rows = 4
        self.view.setFixedHeight(self.view.fontMetrics().height() * rows + 12)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.edit)
        layout.addWidget(self.view)
        self.edit.textEdited.connect(self._filter)
        self.edit.installEventFilter(self)
        self.view.clicked.connect(self._choose_index)

    def set_candidates(self, candidates: list[Candidate[Speaker]]) -> None:
        """New candidates (after F5, F8, a change of the list); the chosen speaker stays
        chosen while they are still among them."""
        self._candidates = candidates
        if self.current is not None:
            wanted = self.current.attendance_id
            same = next((c.value for c in candidates if c.value.attendance_id == wanted), None)
            if same is not None:
                self.set_current(same)
                return
            self.current = None
            self.edit.clear()
            self.chosen.emit(None)
        self._filter(self.edit.text())

    def set_current(self, speaker: Speaker | None) -> None:
        """Show ``speaker`` as the chosen one (``None``: nobody)."""
        self.current = speaker
        self.edit.setText(speaker.full_name if speaker else "")
        self.model.set_rows(best_matches("", self._candidates, limit=20))

    def _filter(self, text: str) -> None:
        if self.current is not None and text != self.current.full_name:
            self.current = None
            self.chosen.emit(None)
        self.model.set_rows(best_matches(text, self._candidates, limit=20))
        if self.model.rowCount():
            self.view.setCurrentIndex(self.model.index(0))

    def _choose_index(self, index: QModelIndex) -> None:
        speaker = index.data(Qt.ItemDataRole.UserRole)
        if speaker is not None:
            self.set_current(speaker)
            self.chosen.emit(speaker)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.edit and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            key = event.key()
            if key in (Qt.Key.Key_Down, Qt.Key.Key_Up):
                row = self.view.currentIndex().row() + (1 if key == Qt.Key.Key_Down else -1)
                if 0 <= row < self.model.rowCount():
                    self.view.setCurrentIndex(self.model.index(row))
                return True
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and \
                    not event.modifiers() & Qt.KeyboardModifier.ControlModifier:
                if self.view.currentIndex().isValid() and self.current is None:
                    self._choose_index(self.view.currentIndex())
                else:
                    self.chosen.emit(self.current)
                return True
        return super().eventFilter(watched, event)
