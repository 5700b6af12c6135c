"""Screenshots of every main view of MeetingDesk on the demo conference.

    .venv/bin/python scripts/screenshots.py [--out screenshots/out] [--lang vi|en]
                                            [--size 1366x768 --size 1600x1000]

Builds the demo desk in a temporary folder (your own desk and settings are not touched), opens
the main window at each size, and saves one PNG per view: the meeting list with each tab of
the demo meeting (Overview, Sites with the Cao Bằng connection log, Delegates and roll call,
Agenda, Notes, Documents, Minutes after generating them), the site picker with "bac kan"
typed, the directories, the new-meeting dialog (empty, then with "15/09/2025 14:00" read and
"31/02/2025" refused), the preferences, the import dialog with a generated delegate list
(preview, column mapping and plan), the live mode, the print dialog, the user guide and the
list of shortcuts, and the meeting once its minutes are final (read-only). Run it with
``--lang vi`` and ``--lang en``. Runs offscreen unless ``QT_QPA_PLATFORM`` says otherwise.
Look at every PNG after a change to the interface.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from datetime import date
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def delegate_list(path: Path) -> Path:
    """A delegate list as a province sends it: a merged title, Vietnamese headers, a column no
    guess recognises, a person already in the demo, a repeated row and a row with no name."""
    import openpyxl

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Danh sách"
    ws["A1"] = "DANH SÁCH ĐẠI BIỂU ĐIỂM CẦU TỈNH THÁI NGUYÊN"
    ws.merge_cells("A1:G1")
    ws.append(["STT", "Họ và tên", "Chức vụ", "Nơi làm việc", "Điểm cầu", "Điện thoại",
               "Email"])
    rows = [
        ("Phạm Hoàng Sơn", "Phó Bí thư Thường trực Tỉnh ủy; Chủ tịch HĐND tỉnh",
         "Tỉnh ủy Thái Nguyên", "0912345601", ""),
        ("Nguyễn Thị Thu Hằng", "Phó Trưởng Ban Tổ chức Tỉnh ủy",
         "Ban Tổ chức Tỉnh ủy Thái Nguyên", "0912345602", "hang.ntt@thainguyen.gov.vn"),
        ("Đỗ Văn Tuấn", "Giám đốc Sở Nội vụ; Ủy viên Ban Chấp hành Đảng bộ tỉnh",
         "Sở Nội vụ tỉnh Thái Nguyên", "0912345603", ""),
        ("Hoàng Thị Ngọc Ánh", "Trưởng phòng Tổ chức cán bộ", "Sở Nội vụ tỉnh Thái Nguyên",
         "0912345604", ""),
        ("Lương Văn Quyết", "Chánh Văn phòng Tỉnh ủy", "Văn phòng Tỉnh ủy Thái Nguyên",
         "0912345605", ""),
        ("Đỗ Văn Tuấn", "Giám đốc Sở Nội vụ", "Sở Nội vụ tỉnh Thái Nguyên", "0912345603", ""),
        ("", "Chuyên viên", "Ban Tổ chức Tỉnh ủy", "", ""),
    ]
    for number, (name, titles, where, phone, email) in enumerate(rows, start=1):
        ws.append([number, name, titles, where, "Thái Nguyên", phone, email])
    wb.save(path)
    return path


def open_live_demo(window: Any) -> Any:
    """The live mode of the demo meeting as if it had started 17 minutes ago: the speaker
    picker with "son" typed, a note being written, the Lạng Sơn site just lost."""
    from datetime import datetime, timedelta

    from meetingdesk.domain.enums import ConnectionStatus, MeetingStatus
    from meetingdesk.gui.live.driver import type_text
    from meetingdesk.services import agenda, meetings, participation
    from meetingdesk.services.live import start_meeting

    desk = window.session.desk
    meeting_id = window.meeting_list.current_id()
    meetings.update_meeting(desk, meeting_id, status=MeetingStatus.PLANNED, actual_start=None,
                            actual_end=None)
    for item in agenda.agenda(desk, meeting_id):
        agenda.update_agenda_item(desk, item.id, actual_start=None, actual_end=None)
    start_meeting(desk, meeting_id, datetime.now() - timedelta(minutes=17))
    lang_son = next(e for e in participation.meeting_sites(desk, meeting_id)
                    if e.site.name == "Lạng Sơn")
    participation.set_connection(desk, lang_son.meeting_site.id, ConnectionStatus.LOST)
    window.open_live_mode()
    live = window._live_windows[-1]
    type_text(live.view.picker.edit, "son")
    type_text(live.view.editor.text, "Đồng chí Phạm Hoàng Sơn báo cáo kết quả công tác tổ "
                                     "chức xây dựng Đảng quý 1-2023 của tỉnh Thái Nguyên")
    return live


def _final_notice(window: Any, view: Any) -> None:
    """Generate the meeting's conclusion notice and make it final, as the Notice tab does."""
    from meetingdesk.minutes.notice_generate import generate_notice
    from meetingdesk.services import notice_versions

    made, _pdf = generate_notice(window.session.desk, view.meeting_id,
                                 issued_on=view.notice.issued_on())
    assert made.id is not None
    notice_versions.mark_final(window.session.desk, made.id)
    window.session.written()


def main() -> int:
    parser = argparse.ArgumentParser(description="Save a PNG of each main view on the demo.")
    parser.add_argument("--out", type=Path, default=ROOT / "screenshots" / "out")
    parser.add_argument("--lang", default="vi", choices=("vi", "en"))
    parser.add_argument("--size", action="append", default=[],
                        help="window size WxH (default: 1366x768 and 1600x1000)")
    args = parser.parse_args()
    sizes = [tuple(int(n) for n in s.split("x")) for s in (args.size or ["1366x768",
                                                                          "1600x1000"])]
    tmp = Path(tempfile.mkdtemp(prefix="meetingdesk-shots-"))
    os.environ["MEETINGDESK_SETTINGS"] = str(tmp / "settings.ini")

    from PySide6.QtCore import QCoreApplication
    from PySide6.QtWidgets import QScrollArea, QWidget

    from meetingdesk.gui import i18n
    from meetingdesk.gui.app import application
    from meetingdesk.gui.dialogs.directories import PeopleDirectory, SiteDirectory
    from meetingdesk.gui.dialogs.import_dialog import ImportDialog
    from meetingdesk.gui.dialogs.issuers import IssuerDirectory
    from meetingdesk.gui.dialogs.meeting import MeetingDialog
    from meetingdesk.gui.dialogs.note_history import NoteHistoryDialog
    from meetingdesk.gui.dialogs.preferences import PreferencesDialog
    from meetingdesk.gui.help import show_help
    from meetingdesk.gui.main_window import MainWindow
    from meetingdesk.gui.report_window import ReportDialog
    from meetingdesk.gui.settings import Settings
    from meetingdesk.gui.widgets import select_id
    from meetingdesk.services import directory, minutes_versions, notes, notice_versions
    from meetingdesk.services.demo import DEMO_TITLE, build_demo
    from meetingdesk.store.desk import open_desk

    desk_path = tmp / "demo.db"
    with open_desk(desk_path) as desk:
        build_demo(desk)
    app = application()
    i18n.install(args.lang)
    args.out.mkdir(parents=True, exist_ok=True)

    def settle(seconds: float = 0.15) -> None:
        end = time.monotonic() + seconds
        while time.monotonic() < end:
            QCoreApplication.processEvents()
            time.sleep(0.01)

    def save(widget: QWidget, name: str) -> None:
        settle()
        path = args.out / f"{name}.png"
        widget.grab().save(str(path))
        print(path)

    for width, height in sizes:
        tag = f"{width}x{height}"
        window = MainWindow(Settings())
        window.open_desk_file(desk_path, select_title=DEMO_TITLE)
        window.resize(width, height)
        window.show()
        view = window.view
        assert view is not None
        for i, name in enumerate(("overview", "sites", "delegates", "agenda", "notes",
                                  "documents")):
            view.tabs.setCurrentIndex(i)
            if name == "sites":
                cao_bang = next(r for r in view.sites.model.rows()
                                if r.entry.site.name == "Cao Bằng")
                select_id(view.sites.table, cao_bang.entry.meeting_site.id)
            save(window, f"{tag}-{i + 1}-{name}")
        view.tabs.setCurrentWidget(view.delegates)
        view.delegates.roll_call.setChecked(True)
        save(window, f"{tag}-3b-delegates-roll-call")
        view.delegates.roll_call.setChecked(False)
        view.tabs.setCurrentWidget(view.notes)
        view.notes.table.selectRow(2)
        save(window, f"{tag}-5b-notes-selected")
        assert window.session is not None
        note = view.notes.model.row(2).note
        assert note.id is not None
        notes.update_note(window.session.desk, note.id,
                          text=note.text + " Đồng chí Chủ tịch đề nghị rà soát lại số liệu.")
        history = NoteHistoryDialog(notes.revisions(window.session.desk, note.id), window)
        history.show()
        save(history, f"{tag}-5c-note-history")
        history.close()
        view.tabs.setCurrentWidget(view.minutes)
        view.minutes.generate()
        deadline = time.monotonic() + 60
        while view.minutes.is_generating() and time.monotonic() < deadline:
            settle(0.05)
        save(window, f"{tag}-7-minutes")
        view.tabs.setCurrentWidget(view.notice)
        save(window, f"{tag}-7b-notice-empty")
        if notice_versions.final_version(window.session.desk, view.meeting_id) is not None:
            notice_versions.reopen_notice(window.session.desk, view.meeting_id,  # an earlier size
                                          reason="Chụp lại ở cỡ cửa sổ khác")
        _final_notice(window, view)
        save(window, f"{tag}-7c-notice-final")
        notice_versions.reopen_notice(window.session.desk, view.meeting_id,
                                      reason="Đính chính thời hạn nhiệm vụ")
        _final_notice(window, view)
        save(window, f"{tag}-7d-notice-corrected")  # the first final one: replaced

        view.tabs.setCurrentWidget(view.sites)
        picker = view.sites.site_picker()
        picker.search.setText("bac kan")
        picker.show()
        save(picker, f"{tag}-8-site-picker-bac-kan")
        picker.close()
        assert window.session is not None
        for number, dialog in (("9", SiteDirectory(window.session, window)),
                               ("10", PeopleDirectory(window.session, window)),
                               ("11", MeetingDialog(directory.list_sites(window.session.desk),
                                                    window)),
                               ("12", PreferencesDialog(window.settings, window)),
                               ("12b", IssuerDirectory(window.session, window))):
            dialog.show()
            save(dialog, f"{tag}-{number}-{type(dialog).__name__.lower()}")
            dialog.close()
        importer = ImportDialog(window.session, view.meeting_id, window)
        importer.open_file(delegate_list(tmp / "danh-sach.xlsx"))
        importer.show()
        deadline = time.monotonic() + 30
        while importer.plan is None and time.monotonic() < deadline:
            settle(0.05)
        save(importer, f"{tag}-13-import-dialog")
        importer.close()
        window.task_dock.show()
        register = window.task_register()
        register.set_as_of(date(2023, 7, 15))
        deadline = time.monotonic() + 10
        while register.model.total() == 0 and time.monotonic() < deadline:
            settle(0.05)  # the tasks are read off the GUI thread
        register.table.selectRow(0)
        save(window, f"{tag}-19-task-register")
        window.task_dock.hide()
        report = ReportDialog(window.session, window, today=date(2023, 12, 31))
        report.resize(width - 100, height - 60)
        report.show()
        report.build()
        deadline = time.monotonic() + 60
        while report.document.pageCount() == 0 and time.monotonic() < deadline:
            settle(0.05)
        save(report, f"{tag}-20-report")
        report.close()
        typed = MeetingDialog(directory.list_sites(window.session.desk), window)
        typed.title.setText("Giao ban trực tuyến quý 3")
        typed.start.set_text("15/09/2025 14:00")
        typed.end.set_text("31/02/2025 17h")
        typed.show()
        save(typed, f"{tag}-11b-meetingdialog-typed-dates")
        typed.close()
        live = open_live_demo(window)
        save(live, f"{tag}-14-live-mode")
        live.view.shutdown()
        live.close()
        view.tabs.setCurrentWidget(view.minutes)
        chosen = view.minutes.print_dialog()
        assert chosen is not None
        print_dialog, _printer = chosen
        print_dialog.show()
        save(print_dialog, f"{tag}-15-print-dialog")
        print_dialog.close()
        guide = show_help(window)
        guide.resize(min(980, width - 40), min(700, height - 60))
        save(guide, f"{tag}-16-user-guide")
        guide.tabs.setCurrentWidget(guide.shortcuts)
        save(guide, f"{tag}-17-shortcuts")
        guide.close()
        # the live demo left the meeting running: end it, then make its minutes final
        from datetime import datetime

        from meetingdesk.minutes.generate import generate_minutes
        from meetingdesk.services.live import end_meeting

        end_meeting(window.session.desk, view.meeting_id, datetime.now())
        version, _pdf = generate_minutes(window.session.desk, view.meeting_id)
        assert version.id is not None
        minutes_versions.mark_final(window.session.desk, version.id)
        window.session.written()
        view.tabs.setCurrentWidget(view.overview)
        save(window, f"{tag}-18-final-meeting-overview")
        view.tabs.setCurrentWidget(view.notes)
        save(window, f"{tag}-18b-final-meeting-notes")
        view.tabs.setCurrentWidget(view.overview)
        view.overview.log.setFocus()  # scrolled into view: the meeting's log
        view.overview.findChild(QScrollArea).ensureWidgetVisible(view.overview.log)
        save(window, f"{tag}-18c-meeting-log")
        minutes_versions.reopen_meeting(window.session.desk, view.meeting_id,
                                        reason="screenshots")
        window.session.written()
        window.meeting_list.search.setText("giao ban")
        save(window, f"{tag}-0-meeting-search")
        window.close()
    app.processEvents()
    return 0


if __name__ == "__main__":
    sys.exit(main())
