"""Directories, preferences, documents and printing, as a user works them."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtPrintSupport import QPrinter

from meetingdesk.gui import settings as keys
from meetingdesk.gui.dialogs.directories import PeopleDirectory, SiteDirectory
from meetingdesk.gui.dialogs.issuers import IssuerDialog, IssuerDirectory
from meetingdesk.gui.dialogs.preferences import PreferencesDialog
from meetingdesk.gui.dialogs.records import PersonDialog, SiteDialog
from meetingdesk.gui.main_window import MainWindow
from meetingdesk.gui.settings import Settings
from meetingdesk.gui.widgets import select_id
from meetingdesk.services import minutes_versions, organization
from tests.gui.conftest import run_dialog
from tests.gui.test_workflows import column


def test_dialogs_site_directory_search_add_edit_undo(window: MainWindow, qtbot: Any,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    assert window.session is not None
    d = SiteDirectory(window.session, window)
    qtbot.addWidget(d)
    d.show()
    qtbot.keyClicks(d.search, "bac kan")
    assert column(d.table, 1) == ["Thái Nguyên"]
    assert "Bắc Kạn" in column(d.table, 3)[0]
    d.search.clear()

    def new_site(dialog: SiteDialog) -> bool:
        dialog.name.setText("Bộ Nội vụ")
        dialog.kind.setCurrentIndex(dialog.kind.findText("Bộ, ngành"))
        dialog.code.setText("BNV")
        return True

    run_dialog(monkeypatch, SiteDialog, new_site)
    d.add()
    assert "Bộ Nội vụ" in column(d.table, 1)
    d.search.setText("bo noi vu")
    assert column(d.table, 2) == ["Bộ, ngành"]

    def rename(dialog: SiteDialog) -> bool:
        dialog.aliases.setText("Ban Tổ chức - Cán bộ Chính phủ")
        return True

    run_dialog(monkeypatch, SiteDialog, rename)
    d.edit()
    assert column(d.table, 3) == ["Ban Tổ chức - Cán bộ Chính phủ"]
    assert window.undo_action.text() == "Hoàn tác: Sửa điểm cầu Bộ Nội vụ"
    window.undo_action.trigger()
    assert column(d.table, 3) == [""]
    window.undo_action.trigger()
    assert column(d.table, 1) == []
    window.redo_action.trigger()
    assert column(d.table, 1) == ["Bộ Nội vụ"]


def test_dialogs_people_directory_delete_refused_while_attending(
        window: MainWindow, qtbot: Any, answers: list[tuple[str, str]],
        monkeypatch: pytest.MonkeyPatch) -> None:
    assert window.session is not None
    d = PeopleDirectory(window.session, window)
    qtbot.addWidget(d)
    d.show()
    d.search.setText("mai van chinh")
    d.table.selectRow(0)
    d.delete()
    assert answers[-1] == ("warning", "Người này có tên trong thành phần một cuộc họp; hãy gỡ "
                                      "khỏi cuộc họp trước.")
    d.search.clear()

    def person(dialog: PersonDialog) -> bool:
        dialog.full_name.setText("Hoàng Thị Thanh Thủy")
        dialog.titles.setPlainText("Chánh Văn phòng\nBan Tổ chức Tỉnh ủy")
        return True

    run_dialog(monkeypatch, PersonDialog, person)
    d.add()
    d.search.setText("thanh thuy")
    assert column(d.table, 1) == ["Chánh Văn phòng, Ban Tổ chức Tỉnh ủy"]
    d.table.selectRow(0)
    d.delete()
    assert column(d.table, 0) == []
    window.undo_action.trigger()
    assert column(d.table, 0) == ["Hoàng Thị Thanh Thủy"]


def test_dialogs_preferences_margins_and_language(
        window: MainWindow, qtbot: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    p = PreferencesDialog(window.settings, window)
    qtbot.addWidget(p)
    p.custom_margins.setChecked(True)
    p.margins[2].setValue(25)
    p.language.setCurrentIndex(p.language.findData("en"))
    p.accept()
    assert p.language_changed
    s = Settings()
    assert s.get(keys.LANGUAGE) == "en"
    assert s.get(keys.CUSTOM_MARGINS) is True
    assert s.get(keys.MARGIN_LEFT) == 25.0


def test_dialogs_issuer_directory_add_default_edit_undo(
        window: MainWindow, qtbot: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    assert window.session is not None
    desk = window.session.desk
    d = IssuerDirectory(window.session, window)
    qtbot.addWidget(d)
    d.show()
    assert column(d.table, 1) == ["BAN TỔ CHỨC TRUNG ƯƠNG"]
    assert column(d.table, 0) == ["✓"]

    def fill(dialog: IssuerDialog) -> bool:
        dialog.name.setText("BAN TỔ CHỨC TỈNH ỦY THÁI NGUYÊN")
        dialog.parent_body.setText("ĐẢNG BỘ TỈNH THÁI NGUYÊN")
        dialog.place.setText("Thái Nguyên")
        dialog.number_code.setText("BB/BTCTU")
        dialog.recipients.setPlainText("Thường trực Tỉnh ủy\n\nCác huyện ủy")
        return True

    run_dialog(monkeypatch, IssuerDialog, fill)
    d.add()
    assert column(d.table, 1) == ["BAN TỔ CHỨC TRUNG ƯƠNG", "BAN TỔ CHỨC TỈNH ỦY THÁI NGUYÊN"]
    d.table.selectRow(1)
    d.make_default()
    default = organization.default_issuer(desk)
    assert default is not None and default.place == "Thái Nguyên"
    assert default.recipients == ("Thường trực Tỉnh ủy", "Các huyện ủy")
    assert column(d.table, 0) == ["✓", ""]
    assert window.undo_action.text().startswith("Hoàn tác: ")
    window.undo_action.trigger()
    default = organization.default_issuer(desk)
    assert default is not None and default.name == "BAN TỔ CHỨC TRUNG ƯƠNG"


def test_dialogs_documents_attach_and_open(window: MainWindow, qtbot: Any, tmp_path: Path,
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    view = window.view
    assert view is not None
    view.tabs.setCurrentWidget(view.documents)
    tab = view.documents
    assert set(column(tab.table, 0)) == {"08-KL/BTCTW", "18-NQ/TW", "96-QĐ/TW", "50-KL/TW"}
    doc = next(r for r in tab.model.rows() if r.document.reference == "96-QĐ/TW")
    select_id(tab.table, doc.id)
    source = tmp_path / "Quy định 96.pdf"
    source.write_bytes(b"%PDF-1.4 quy dinh")
    tab.attach(source)
    assert "Quy định 96.pdf" in column(tab.table, 6)
    opened: list[QUrl] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url) or True)
    tab.open_file()
    assert Path(opened[0].toLocalFile()).read_bytes() == b"%PDF-1.4 quy dinh"
    assert window.undo_action.text() == "Hoàn tác: Đính kèm Quy định 96.pdf vào 96-QĐ/TW"
    window.undo_action.trigger()
    assert "Quy định 96.pdf" not in column(tab.table, 6)


def test_dialogs_print_minutes_to_pdf_printer(window: MainWindow, qtbot: Any,
                                              tmp_path: Path) -> None:
    view = window.view
    assert view is not None
    view.tabs.setCurrentWidget(view.minutes)
    view.minutes.generate()
    qtbot.waitUntil(lambda: not view.minutes.is_generating(), timeout=60000)
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    task = view.minutes.print_to(printer)  # on the desk's runner, off the GUI thread
    assert task is not None and not view.minutes.print_button.isEnabled()
    qtbot.waitUntil(lambda: not window.session.runner.is_busy(), timeout=60000)
    assert view.minutes.progress_label.text() == "Đã in."
    version = view.minutes._version()
    assert version is not None and version.id is not None
    # the generated PDF itself, vector: not a page image of megabytes
    assert (tmp_path / "printed.pdf").read_bytes() == minutes_versions.version_pdf(
        window.session.desk, version.id)


def test_dialogs_language_switch_rebuilds_the_window(window: MainWindow, qtbot: Any) -> None:
    from meetingdesk.gui.app import rebuilt_in_language

    window.settings.set(keys.LANGUAGE, "en")
    english = rebuilt_in_language(window, window.settings)
    qtbot.addWidget(english)
    assert english.view is not None
    assert [english.view.tabs.tabText(i) for i in range(3)] == ["Overview", "Sites",
                                                                "Delegates"]
    assert english.view.overview.totals.text() == "7 sites, 5 delegates"
    assert english.meeting_list.current().meeting.title.startswith("Hội nghị giao ban")
    window.settings.set(keys.LANGUAGE, "vi")
    vietnamese = rebuilt_in_language(english, window.settings)
    qtbot.addWidget(vietnamese)
    assert vietnamese.view is not None
    assert vietnamese.view.tabs.tabText(0) == "Tổng quan"
