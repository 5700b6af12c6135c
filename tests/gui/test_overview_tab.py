"""The overview tab: its totals counted by the store, and signer pickers that list the people
on the list only when first used (by mouse or keyboard)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt

from meetingdesk.gui.main_window import MainWindow
from meetingdesk.services import participation


def _people_listed(window: MainWindow) -> int:
    assert window.view is not None and window.view.meeting_id is not None
    return len(participation.attendance_list(window.session.desk,  # type: ignore[union-attr]
                                             window.view.meeting_id))


def test_overview_signer_picker_lists_people_when_the_keyboard_reaches_it(
        window: MainWindow, qtbot: Any) -> None:
    view = window.view
    assert view is not None
    tab = view.overview
    view.tabs.setCurrentWidget(tab)
    assert tab.chair_signer.count() == 2  # nobody, and the current signer
    assert tab.chair_signer.currentText() == "Mai Văn Chính"
    tab.chair_title.setFocus()
    qtbot.keyClick(tab.chair_title, Qt.Key.Key_Backtab)  # Shift+Tab back to the picker
    assert tab.chair_signer.hasFocus()
    assert tab.chair_signer.count() == 1 + _people_listed(window)
    assert tab.chair_signer.currentText() == "Mai Văn Chính"  # still the signer shown
    assert tab.secretary_signer.currentText() == "Nguyễn Thị Thu Hà"
    qtbot.keyClick(tab.chair_signer, Qt.Key.Key_Home)
    assert tab.chair_signer.currentData() is None


def test_overview_signer_picker_typing_finds_anyone_on_the_list(window: MainWindow,
                                                                qtbot: Any) -> None:
    view = window.view
    assert view is not None
    tab = view.overview
    view.tabs.setCurrentWidget(tab)
    tab.secretary_signer.setCurrentIndex(0)
    qtbot.keyClicks(tab.secretary_signer, "pham")  # focus never came: the key lists them
    assert tab.secretary_signer.currentText().startswith("Phạm")
    assert tab.attendance.text().startswith("Có mặt: ")
