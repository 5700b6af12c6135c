"""The Conclusion notice tab as the secretary uses it: generate versions, see each one, make
the newest final, export it, reopen it with a reason; and the meeting's log on the Overview
tab, which records both."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QFileDialog, QInputDialog, QMessageBox

from meetingdesk.gui.main_window import MainWindow
from meetingdesk.gui.tabs.notice import NoticeTab
from meetingdesk.services import notice_versions

ALT = Qt.KeyboardModifier.AltModifier
CTRL = Qt.KeyboardModifier.ControlModifier


def _notice_tab(window: MainWindow, qtbot: Any) -> NoticeTab:
    """Alt+8 brings the tab forward with the keyboard in it."""
    view = window.view
    assert view is not None
    qtbot.keyClick(window, Qt.Key.Key_8, ALT)
    assert view.tabs.currentWidget() is view.notice
    assert view.notice.isAncestorOf(QApplication.focusWidget())
    return view.notice


def _generate(tab: NoticeTab, qtbot: Any) -> None:
    """Ctrl+G: a new version, selected, with the keyboard on the list."""
    rows = tab.model.rowCount()
    qtbot.keyClick(tab, Qt.Key.Key_G, CTRL)
    qtbot.waitUntil(lambda: tab.model.rowCount() == rows + 1, timeout=60_000)
    _active_again(tab, qtbot)
    assert QApplication.focusWidget() is tab.table


def _active_again(tab: NoticeTab, qtbot: Any) -> None:
    """The window active again after a busy indicator (offscreen, no window manager gives
    it back)."""
    window = tab.window()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)


def test_notice_tab_generate_make_final_export_and_reopen(
        window: MainWindow, qtbot: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        answers: list[tuple[str, str]]) -> None:
    assert window.session is not None
    desk = window.session.desk
    tab = _notice_tab(window, qtbot)
    assert tab.model.rowCount() == 0
    assert tab.state.text() == "Chưa có bản thông báo nào: hãy tạo thông báo (Ctrl+G)."
    assert not tab.final_button.isEnabled() and not tab.reopen_button.isEnabled()

    _generate(tab, qtbot)
    _generate(tab, qtbot)
    versions = notice_versions.list_versions(desk, tab.meeting_id or 0)
    assert [tab.model.row(r).id for r in range(2)] == [v.id for v in versions]
    newest = versions[-1]
    assert tab.table.currentIndex().row() == 1  # the new version is shown
    assert tab.model.index(1, 4).data() == newest.sha256[:8]
    assert tab.model.index(1, 0).data(Qt.ItemDataRole.ToolTipRole) == (
        f"SHA-256: {newest.sha256}")
    assert tab.view.pdf.pageCount() >= 1
    assert tab.state.text() == ""

    qtbot.keyClick(tab.table, Qt.Key.Key_Up)  # the older version: shown, not to be made final
    assert tab.table.currentIndex().row() == 0
    assert not tab.final_button.isEnabled()
    qtbot.keyClick(tab.table, Qt.Key.Key_Down)
    assert tab.final_button.isEnabled()
    qtbot.mouseClick(tab.final_button, Qt.MouseButton.LeftButton)
    assert answers[-1][0] == "question" and "thông báo kết luận chính thức" in answers[-1][1]
    final = notice_versions.final_version(desk, tab.meeting_id or 0)
    assert final is not None and final.id == newest.id
    assert tab.model.index(1, 3).data() != "" and tab.model.index(0, 3).data() == ""
    assert tab.state.text().startswith("Thông báo đã chốt chính thức")
    assert not tab.generate_button.isEnabled() and not tab.final_button.isEnabled()
    assert tab.reopen_button.isEnabled()

    target = tmp_path / "thong-bao.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    qtbot.mouseClick(tab.export_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: answers[-1][0] == "information", timeout=30_000)
    assert target.read_bytes() == notice_versions.version_pdf(desk, newest.id or 0)
    _active_again(tab, qtbot)

    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("   ", True))
    qtbot.mouseClick(tab.reopen_button, Qt.MouseButton.LeftButton)  # no reason: refused
    assert answers[-1] == ("warning", "Chưa nhập lý do mở lại.")
    assert notice_versions.final_version(desk, tab.meeting_id or 0) is not None
    monkeypatch.setattr(QInputDialog, "getText",
                        lambda *a, **k: ("Đính chính thời hạn nhiệm vụ", True))
    qtbot.mouseClick(tab.reopen_button, Qt.MouseButton.LeftButton)
    assert notice_versions.final_version(desk, tab.meeting_id or 0) is None
    assert tab.generate_button.isEnabled() and not tab.reopen_button.isEnabled()
    assert tab.state.text() == ""

    view = window.view
    assert view is not None
    qtbot.keyClick(window, Qt.Key.Key_1, ALT)
    log = view.overview.log_model
    assert [log.index(r, 1).data() for r in range(log.rowCount())][-2:] == [
        "Chốt thông báo chính thức", "Mở lại thông báo"]
    assert log.index(log.rowCount() - 1, 2).data() == "Đính chính thời hạn nhiệm vụ"
    assert view.overview.log.isVisible() and not view.overview.log_empty.isVisible()


def test_notice_tab_menu_export_records_a_version_the_tab_shows(
        window: MainWindow, qtbot: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        answers: list[tuple[str, str]]) -> None:
    tab = _notice_tab(window, qtbot)
    target = tmp_path / "tb.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    window.export_notice()  # File ▸ Export ▸ Conclusion notice
    qtbot.waitUntil(lambda: tab.model.rowCount() == 1, timeout=30_000)
    assert tab.model.row(0).sha256 == notice_versions.list_versions(
        window.session.desk, tab.meeting_id or 0)[0].sha256  # type: ignore[union-attr]


def test_notice_tab_meeting_log_empty_state(window: MainWindow, qtbot: Any) -> None:
    view = window.view
    assert view is not None
    qtbot.keyClick(window, Qt.Key.Key_1, ALT)
    assert view.overview.log_model.rowCount() == 0
    assert view.overview.log_empty.isVisible() and not view.overview.log.isVisible()
    assert view.overview.log_empty.text().startswith("Chưa có gì được ghi")


def test_notice_tab_and_note_history_stay_usable_once_the_minutes_are_final(
        window: MainWindow, qtbot: Any) -> None:
    """Final minutes freeze the meeting's editors, not the notice (issued after them) nor the
    reading of a note's earlier texts."""
    from meetingdesk.minutes.generate import generate_minutes
    from meetingdesk.services import minutes_versions
    from meetingdesk.services.changes import meeting_content

    view = window.view
    assert view is not None and window.session is not None and view.meeting_id is not None
    version, _ = generate_minutes(window.session.desk, view.meeting_id)
    minutes_versions.mark_final(window.session.desk, version.id)  # type: ignore[arg-type]
    window.session.written(meeting_content(view.meeting_id))
    view.go_to(view.notes)
    qtbot.keyClick(view.notes.table, Qt.Key.Key_Home)
    assert not view.notes.delete_button.isEnabled() and not view.notes.save_button.isEnabled()
    assert view.notes.history_button.isEnabled()
    tab = _notice_tab(window, qtbot)
    assert tab.generate_button.isEnabled()
    _generate(tab, qtbot)
    assert tab.final_button.isEnabled()


def _reopen(tab: NoticeTab, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("Đính chính", True))
    tab.reopen_button.click()


def test_notice_tab_only_the_final_version_in_force_reads_final(
        window: MainWindow, qtbot: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        answers: list[tuple[str, str]]) -> None:
    """A final notice reopened is no longer in force: its row says so, and its PDF is
    written only when the user confirms."""
    tab = _notice_tab(window, qtbot)
    _generate(tab, qtbot)
    tab.final_button.click()
    first = tab.model.row(0)
    assert tab.model.standing(first) == "final" and tab.model.index(0, 3).data() != ""
    _reopen(tab, monkeypatch)
    assert tab.model.index(0, 3).data() == "đã mở lại"
    assert "không còn hiệu lực" in tab.model.index(0, 0).data(Qt.ItemDataRole.ToolTipRole)
    _generate(tab, qtbot)
    tab.final_button.click()
    assert tab.model.index(0, 3).data() == "đã thay"
    assert tab.model.index(1, 3).data() not in ("", "đã thay", "đã mở lại")
    assert tab.state.text().startswith("Thông báo đã chốt chính thức")

    target = tmp_path / "cu.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    refused: list[str] = []
    monkeypatch.setattr(QMessageBox, "question", lambda _p, _t, text, *a, **k: (
        refused.append(text), QMessageBox.StandardButton.No)[1])
    tab.table.selectRow(0)  # the replaced version
    tab.export_button.click()
    assert refused and "không phải thông báo kết luận đang có hiệu lực" in refused[0]
    assert not target.exists()
    tab.table.selectRow(1)  # the one in force: no question
    tab.export_button.click()
    qtbot.waitUntil(lambda: target.exists(), timeout=30_000)
    assert len(refused) == 1


def test_notice_tab_docx_of_a_version_is_named_as_the_draft(
        window: MainWindow, qtbot: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        answers: list[tuple[str, str]]) -> None:
    """The DOCX is the notice as the meeting stands now: never named as the version it is
    not."""
    tab = _notice_tab(window, qtbot)
    _generate(tab, qtbot)
    version, mid = tab.model.row(0), tab.meeting_id
    folder = tmp_path / "out"
    folder.mkdir()
    suggested: list[str] = []

    def save_as(_parent: Any, _title: str, start: str, *a: Any, **k: Any) -> tuple[str, str]:
        suggested.append(Path(start).name)  # the name offered: the version's PDF
        return str(folder / Path(start).stem), "Tài liệu Word (*.docx)"

    monkeypatch.setattr(QFileDialog, "getSaveFileName", save_as)
    tab.export_button.click()
    qtbot.waitUntil(lambda: bool(answers) and answers[-1][0] == "information",
                    timeout=30_000)
    assert suggested == [f"thong-bao-ket-luan-{mid}-ban-{version.id}.pdf"]
    assert [p.name for p in folder.iterdir()] == [f"thong-bao-ket-luan-{mid}-du-thao.docx"]
    assert str(folder / f"thong-bao-ket-luan-{mid}-du-thao.docx") in answers[-1][1]


def test_notice_tab_dates_the_notice_with_its_issue_date(
        window: MainWindow, qtbot: Any) -> None:
    """A notice made in the window carries the date chosen (today unless changed), not the
    blanks left for the hand."""
    from datetime import date
    from io import BytesIO

    from pypdf import PdfReader
    from PySide6.QtCore import QDate

    tab = _notice_tab(window, qtbot)
    assert tab.issued.date() == QDate.currentDate()
    tab.issued.setFocus()
    qtbot.keyClicks(tab.issued, "30112026")
    assert tab.issued_on() == date(2026, 11, 30)
    _generate(tab, qtbot)
    pdf = notice_versions.version_pdf(window.session.desk,  # type: ignore[union-attr]
                                      tab.model.row(0).id or 0)
    text = " ".join(" ".join(p.extract_text() for p in PdfReader(BytesIO(pdf)).pages).split())
    assert "ngày 30 tháng 11 năm 2026" in text and "ngày ……" not in text


def test_notice_tab_meeting_log_speaks_the_window_language(
        window: MainWindow, qtbot: Any) -> None:
    """The log words each event in the window's language and names the version by when it
    was generated (as the table of versions shows it), not by a number nothing shows."""
    from meetingdesk.gui import settings as keys
    from meetingdesk.gui.app import rebuilt_in_language
    from meetingdesk.gui.models.formats import moment
    from meetingdesk.minutes.notice_generate import generate_notice

    assert window.session is not None and window.view is not None
    mid = window.view.meeting_id or 0
    version, _ = generate_notice(window.session.desk, mid)
    notice_versions.mark_final(window.session.desk, version.id or 0)
    window.session.written()
    log = window.view.overview.log_model
    made = moment(version.created_at)
    assert log.index(log.rowCount() - 1, 2).data() == (
        f"bản tạo lúc {made}, SHA-256 {version.sha256[:8]}…")
    window.settings.set(keys.LANGUAGE, "en")
    english = rebuilt_in_language(window, window.settings)
    qtbot.addWidget(english)
    assert english.view is not None
    log = english.view.overview.log_model
    row = log.rowCount() - 1
    assert [log.index(row, c).data() for c in (1, 2)] == [
        "Notice made final", f"version generated {made}, SHA-256 {version.sha256[:8]}…"]
    assert version.sha256 in log.index(row, 0).data(Qt.ItemDataRole.ToolTipRole)
    window.settings.set(keys.LANGUAGE, "vi")
    qtbot.addWidget(rebuilt_in_language(english, window.settings))  # Vietnamese again
