"""Earlier texts… (Ctrl+H) on the Notes tab: every text a note had, newest first chosen,
read-only, closed with Esc."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication

from meetingdesk.gui.dialogs.note_history import NoteHistoryDialog
from meetingdesk.gui.main_window import MainWindow
from meetingdesk.services import notes

CTRL = Qt.KeyboardModifier.ControlModifier


def _open_history(qtbot: Any, widget: Any) -> dict[str, Any]:
    """Press Ctrl+H on ``widget``; what the dialog showed, read as it opened, then Esc."""
    seen: dict[str, Any] = {}

    def look() -> None:
        dialog = QApplication.activeModalWidget()
        seen["dialog"] = type(dialog)
        assert isinstance(dialog, NoteHistoryDialog)
        qtbot.waitUntil(dialog.isActiveWindow)
        seen["title"] = dialog.windowTitle()
        seen["rows"] = [(dialog.model.index(r, 0).data(), dialog.model.index(r, 2).data())
                        for r in range(dialog.model.rowCount())]
        seen["current"] = dialog.table.currentIndex().row()
        seen["focus"] = QApplication.focusWidget() is dialog.table
        seen["read_only"] = dialog.text.isReadOnly()
        seen["text"] = dialog.text.toPlainText()
        qtbot.keyClick(dialog.table, Qt.Key.Key_Up)
        seen["older"] = dialog.text.toPlainText()
        qtbot.keyClick(dialog.table, Qt.Key.Key_Escape)
        seen["closed"] = not dialog.isVisible()

    QTimer.singleShot(0, look)
    qtbot.keyClick(widget, Qt.Key.Key_H, CTRL)
    return seen


def test_note_history_lists_every_text_and_closes_with_escape(
        window: MainWindow, qtbot: Any, answers: list[tuple[str, str]]) -> None:
    view = window.view
    assert view is not None and window.session is not None
    tab = view.notes
    view.go_to(tab)
    tab.table.setFocus()
    qtbot.keyClick(tab.table, Qt.Key.Key_Home)
    first = tab.model.row(0).note
    assert tab.history_button.isEnabled()
    tab.text.setPlainText("Đồng chí Chủ tịch đề nghị rà soát lại số liệu của tỉnh.")
    qtbot.keyClick(tab, Qt.Key.Key_S, CTRL)
    assert notes.get_note(window.session.desk, first.id or 0).revision == 2

    seen = _open_history(qtbot, tab.table)
    assert seen["dialog"] is NoteHistoryDialog
    assert seen["title"] == "Lịch sử sửa ghi chép"
    assert seen["rows"] == [(1, " ".join(first.text.split())),
                            (2, "Đồng chí Chủ tịch đề nghị rà soát lại số liệu của tỉnh.")]
    assert seen["current"] == 1 and seen["focus"] and seen["read_only"]
    assert seen["text"] == "Đồng chí Chủ tịch đề nghị rà soát lại số liệu của tỉnh."
    assert seen["older"] == first.text
    assert seen["closed"]


def test_note_history_needs_a_note_chosen(window: MainWindow, qtbot: Any) -> None:
    view = window.view
    assert view is not None
    tab = view.notes
    view.go_to(tab)
    qtbot.keyClick(tab, Qt.Key.Key_N, CTRL)  # a new note: no history yet
    assert not tab.history_button.isEnabled()
    assert tab.history_button.toolTip() == "Lịch sử sửa… (Ctrl+H)"
