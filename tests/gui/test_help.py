"""Help: F1 opens the user guide in the interface's language; the shortcuts page is made from
the actions and lists what the keys really do."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt

from meetingdesk.gui import i18n
from meetingdesk.gui.help import HelpDialog, guide_html, live_shortcuts, window_shortcuts
from meetingdesk.gui.main_window import MainWindow

SECTIONS_VI = ("Chuẩn bị cuộc họp", "Điểm danh", "Ghi chép trực tiếp", "Biên bản",
               "Trao đổi với điểm cầu", "Sao lưu và khôi phục")
SECTIONS_EN = ("Preparing a meeting", "Roll call", "Live notes", "Minutes",
               "Exchange with sites", "Backups and restore")


def test_help_guide_covers_every_part_in_both_languages() -> None:
    for language, sections in (("vi", SECTIONS_VI), ("en", SECTIONS_EN)):
        text = guide_html(language)
        for section in sections:
            assert section in text, (language, section)


def test_help_f1_opens_the_vietnamese_guide(window: MainWindow, qtbot: Any) -> None:
    qtbot.keyClick(window, Qt.Key.Key_F1)
    dialog = window.findChild(HelpDialog)
    assert dialog is not None and dialog.isVisible()
    assert "Hướng dẫn sử dụng MeetingDesk" in dialog.guide.toPlainText()
    assert dialog.tabs.currentWidget() is dialog.guide
    dialog.close()


def test_help_shortcuts_come_from_the_actions(window: MainWindow, qtbot: Any) -> None:
    rows = window_shortcuts(window)
    keys: dict[str, list[str]] = {}
    for k, t, _ in rows:
        keys.setdefault(k, []).append(t)
    assert "Chế độ điểm danh" in keys["Ctrl+R"]
    assert any("trực tiếp" in t for t in keys["F9"])
    assert "Đến thẻ Đại biểu" in keys["Alt+3"]
    assert any("biên bản" in t for t in keys["Ctrl+G"])
    for action in window.findChildren(type(window.live_action)):
        for sequence in action.shortcuts():
            if action.text():
                assert any(k.startswith(sequence.toString()) or sequence.toString() in k
                           for k, _, _ in rows), action.text()
    live = {k for k, _, _ in live_shortcuts()}
    assert {"F2", "F5", "F8", "F12", "Ctrl+1", "Esc", "Ctrl+W"} <= live
    qtbot.keyClick(window, Qt.Key.Key_F1, Qt.KeyboardModifier.ControlModifier)
    dialog = window.findChild(HelpDialog)
    assert dialog is not None and dialog.tabs.currentWidget() is dialog.shortcuts
    assert "Ctrl+R" in dialog.shortcuts.toPlainText()
    dialog.close()


def test_help_in_english(window: MainWindow) -> None:
    i18n.install("en")
    try:
        dialog = HelpDialog(window)
        assert "MeetingDesk user guide" in dialog.guide.toPlainText()
    finally:
        i18n.install("vi")
