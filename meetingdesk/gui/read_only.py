"""A desk opened read-only in the window: every editor under a widget locked, reading kept.

A desk on a read-only medium (or a file the user may not write) is opened read-only by the
store. The window then shows a "chỉ đọc" banner and :func:`lock_edits` makes every editor of
the meeting view inert: texts read-only, tables not editable and without drops, buttons and
choices disabled (and kept disabled, whatever a tab does on a selection). Widgets that only
read — a search box, a filter, Export and Print — are marked with :func:`reading` by the tab
that makes them and stay usable. A change that still gets through is refused by the store
with one line.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QComboBox,
    QLineEdit,
    QPlainTextEdit,
    QTabBar,
    QTextEdit,
    QWidget,
)

READS = "meetingdesk_reads"
"""Dynamic property of a widget that only reads, and stays usable on a read-only desk."""


def reading(*widgets: QWidget) -> None:
    """Mark widgets that change nothing (search boxes, filters, Export, Print)."""
    for widget in widgets:
        widget.setProperty(READS, True)


class _KeepDisabled(QObject):
    """Disables again a widget that something enabled while the desk is read-only."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (event.type() == QEvent.Type.EnabledChange and isinstance(watched, QWidget)
                and watched.isEnabled()):
            watched.setEnabled(False)
        return False


def _inside_tab_bar(widget: QWidget) -> bool:
    parent = widget.parentWidget()
    return isinstance(parent, QTabBar)


def lock_edits(root: QWidget) -> None:
    """Make every editor under ``root`` inert, except the widgets marked with :func:`reading`."""
    keeper = root.findChild(_KeepDisabled, "read-only-keeper")
    if keeper is None:
        keeper = _KeepDisabled(root)
        keeper.setObjectName("read-only-keeper")
    for widget in root.findChildren(QWidget):
        if widget.property(READS) or _inside_tab_bar(widget):
            continue
        if isinstance(widget, QLineEdit | QTextEdit | QPlainTextEdit):
            widget.setReadOnly(True)
        elif isinstance(widget, QAbstractItemView):
            widget.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
            widget.setDragDropMode(QAbstractItemView.DragDropMode.NoDragDrop)
        elif isinstance(widget, QAbstractButton | QComboBox | QAbstractSpinBox):
            if isinstance(widget.parentWidget(), QComboBox):
                continue
            widget.setEnabled(False)
            widget.installEventFilter(keeper)
