"""File ▸ Import delegates, Export and Exchange packages, as a user goes through them."""

from __future__ import annotations

import unicodedata
import zipfile
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QFileDialog, QInputDialog

from meetingdesk.exchange.importer import Action
from meetingdesk.exchange.mapping import Field
from meetingdesk.exchange.packages import export_package, import_package
from meetingdesk.exchange.reader import read_table
from meetingdesk.gui.dialogs.conflict_dialog import ConflictDialog
from meetingdesk.gui.dialogs.import_dialog import ImportDialog
from meetingdesk.gui.dialogs.package_dialog import PackageDialog
from meetingdesk.gui.main_window import MainWindow
from meetingdesk.gui.models.imports import PreviewModel, plan_model
from meetingdesk.gui.models.packages import merge_model, merge_rows
from meetingdesk.gui.models.table import chained
from meetingdesk.gui.undo import DeskSession, created
from meetingdesk.services import conflicts, directory, meetings, notes, participation
from meetingdesk.services.sync import Outcome
from meetingdesk.store.desk import Desk, open_desk
from tests.gui.conftest import run_dialog

NEW_DELEGATES = [
    ("Nguyễn Thị Thu Hằng", "Phó Trưởng Ban Tổ chức Tỉnh ủy", "Ban Tổ chức Tỉnh ủy Thái Nguyên",
     "Thái Nguyên"),
    ("Đỗ Văn Tuấn", "Giám đốc Sở Nội vụ; Ủy viên Ban Chấp hành Đảng bộ tỉnh",
     "Sở Nội vụ tỉnh Thái Nguyên", "Thái Nguyên"),
    ("Lò Thị Ước", "Chuyên viên Ban Tổ chức Tỉnh ủy", "Tỉnh ủy Cao Bằng", "Cao Bằng"),
]


def delegate_list(path: Path) -> Path:
    """A province's list: a merged title row, Vietnamese headers, one column ("Nơi làm việc")
    no guess recognises, a name typed in decomposed Unicode."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws["A1"] = "DANH SÁCH ĐẠI BIỂU DỰ HỘI NGHỊ"
    ws.merge_cells("A1:F1")
    ws.append(["STT", "Họ và tên", "Chức vụ", "Nơi làm việc", "Điểm cầu", "Điện thoại"])
    for number, (name, titles, where, site) in enumerate(NEW_DELEGATES, start=1):
        ws.append([number, unicodedata.normalize("NFD", name), titles, where, site,
                   f"09123456{number:02d}"])
    wb.save(path)
    return path


def demo_id(desk: Desk) -> int:
    mid = meetings.list_meetings(desk)[0].meeting.id
    assert mid is not None
    return mid


def people(desk: Desk) -> int:
    return len(directory.list_people(desk))


def open_import(window: MainWindow, monkeypatch: pytest.MonkeyPatch, path: Path,
                fill: Any) -> None:
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(path), ""))
    run_dialog(monkeypatch, ImportDialog, fill)
    window.import_action.trigger()


def planned(qtbot: Any, dialog: ImportDialog) -> None:
    qtbot.waitUntil(lambda: dialog.plan is not None and not dialog.runner.is_busy())


def test_import_dialog_preview_mapping_plan_apply_then_nothing_twice(
        window: MainWindow, qtbot: Any, monkeypatch: pytest.MonkeyPatch, tmp_path: Path,
        answers: list[tuple[str, str]]) -> None:
    assert window.session is not None and window.view is not None
    desk = window.session.desk
    path = delegate_list(tmp_path / "danh-sách.xlsx")
    window.session.run("edit", lambda: directory.add_site(desk, name="Điểm cầu thử"),
                       new_roots=created("sites"))
    assert window.undo_action.isEnabled()
    before = people(desk)

    def first(dialog: ImportDialog) -> bool:
        dialog.show()
        planned(qtbot, dialog)
        preview = dialog.preview_model
        assert preview.rowCount() == 3
        assert preview.index(0, 2).data() == "Nguyễn Thị Thu Hằng"  # NFC, as typed
        assert "Họ và tên\n→ Họ và tên" in preview.headerData(2, Qt.Orientation.Horizontal)
        assert dialog.meeting_id() == demo_id(desk)
        guessed = dialog.mapping.mapping()
        assert guessed == {Field.FULL_NAME: 1, Field.TITLES: 2, Field.SITE: 4, Field.PHONE: 5}
        dialog.mapping.choose(3, Field.ORGANIZATION)  # the column no guess recognised
        qtbot.waitUntil(lambda: dialog.plan is not None
                        and dialog.plan.mapping.get(Field.ORGANIZATION) == 3)
        assert "→ Cơ quan, đơn vị" in preview.headerData(4, Qt.Orientation.Horizontal)
        assert [(r.name, r.action) for r in dialog.plan.rows] == [
            (name, Action.ADD) for name, *_ in NEW_DELEGATES]
        assert dialog.summary.text().startswith("Sẽ thêm 3, cập nhật 0 và bỏ qua 0")
        assert dialog.plan_view.model().rowCount() == 3
        assert people(desk) == before  # nothing written by the preview
        qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: dialog.result() == ImportDialog.DialogCode.Accepted)
        return True

    open_import(window, monkeypatch, path, first)
    assert people(desk) == before + 3
    assert answers[-1][0] == "information" and "Đã nhập: thêm 3" in answers[-1][1]
    assert not window.undo_action.isEnabled()  # the import is not undoable: history cleared
    view = window.view
    view.tabs.setCurrentWidget(view.delegates)
    shown = view.delegates.table.model()
    rows = {shown.index(r, 1).data(): shown.index(r, 2).data() for r in range(shown.rowCount())}
    assert rows["Nguyễn Thị Thu Hằng"] == "Phó Trưởng Ban Tổ chức Tỉnh ủy"
    assert rows["Đỗ Văn Tuấn"] == "Giám đốc Sở Nội vụ, Ủy viên Ban Chấp hành Đảng bộ tỉnh"
    assert rows["Lò Thị Ước"] == "Chuyên viên Ban Tổ chức Tỉnh ủy"
    (tuan,) = directory.list_people(desk, "Đỗ Văn Tuấn")
    assert tuan.organization == "Sở Nội vụ tỉnh Thái Nguyên" and tuan.phone == "0912345602"

    def again(dialog: ImportDialog) -> bool:
        dialog.show()
        planned(qtbot, dialog)
        dialog.mapping.choose(3, Field.ORGANIZATION)
        qtbot.waitUntil(lambda: dialog.plan is not None
                        and dialog.plan.mapping.get(Field.ORGANIZATION) == 3)
        assert {r.action for r in dialog.plan.rows} == {Action.SKIP}
        assert not dialog.import_button.isEnabled()
        dialog.reject()
        return False

    open_import(window, monkeypatch, path, again)
    assert people(desk) == before + 3


def test_import_dialog_bad_file_shows_an_error_and_writes_nothing(
        window: MainWindow, qtbot: Any, monkeypatch: pytest.MonkeyPatch, tmp_path: Path,
        answers: list[tuple[str, str]]) -> None:
    assert window.session is not None
    desk = window.session.desk
    bad = tmp_path / "hỏng.xlsx"
    bad.write_bytes(b"PK\x03\x04" + b"\x00not a workbook" * 40)
    before = people(desk)

    def fill(dialog: ImportDialog) -> bool:
        dialog.show()
        qtbot.waitUntil(lambda: bool(answers))
        assert dialog.table is None and dialog.plan is None
        assert not dialog.import_button.isEnabled()
        dialog.reject()
        return False

    open_import(window, monkeypatch, bad, fill)
    kind, text = answers[-1]
    assert kind == "warning" and "hỏng.xlsx" in text and "không phải tệp nén ZIP hợp lệ" in text
    assert people(desk) == before


def test_import_dialog_wrong_encoding_is_refused_clearly(
        window: MainWindow, qtbot: Any, tmp_path: Path,
        answers: list[tuple[str, str]]) -> None:
    assert window.session is not None
    path = tmp_path / "ds.csv"
    path.write_text("Họ tên,Chức vụ\nPhạm Hoàng Sơn,Phó Bí thư\n", encoding="utf-16")
    dialog = ImportDialog(window.session, None, window)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.encoding.setCurrentIndex(dialog.encoding.findData("vni"))
    dialog.open_file(path)
    qtbot.waitUntil(lambda: bool(answers))
    assert answers[-1][0] == "warning" and "ds.csv" in answers[-1][1]
    dialog.encoding.setCurrentIndex(0)  # detect
    planned(qtbot, dialog)
    assert dialog.plan is not None and [r.name for r in dialog.plan.rows] == ["Phạm Hoàng Sơn"]
    assert "utf-16" in dialog.info.text()


def exported(qtbot: Any, answers: list[tuple[str, str]], count: int) -> None:
    qtbot.waitUntil(lambda: len(answers) >= count)
    assert answers[-1][0] == "information", answers[-1]


def test_export_attendance_and_sites_to_xlsx_and_csv_read_back(
        window: MainWindow, qtbot: Any, monkeypatch: pytest.MonkeyPatch, tmp_path: Path,
        answers: list[tuple[str, str]]) -> None:
    assert window.session is not None
    desk = window.session.desk
    attending = len(participation.attendance_list(desk, demo_id(desk)))
    attendance, sites = window.export_actions[0], window.export_actions[1]
    choices = iter([("thành-phần.xlsx", 0), ("thanh-phan", 1), ("diem-cau.xlsx", 0)])

    def save(_parent: Any, _title: str, _default: str, filters: str) -> tuple[str, str]:
        name, chosen = next(choices)
        return str(tmp_path / name), filters.split(";;")[chosen]

    monkeypatch.setattr(QFileDialog, "getSaveFileName", save)
    attendance.trigger()
    exported(qtbot, answers, 1)
    attendance.trigger()
    exported(qtbot, answers, 2)
    sites.trigger()
    exported(qtbot, answers, 3)
    table = read_table(tmp_path / "thành-phần.xlsx")
    assert table.headers[:3] == ["STT", "Họ và tên", "Chức vụ"] and len(table.rows) == attending
    assert any(cells[1] == "Mai Văn Chính" for _, cells in table.rows)
    csv_name = tmp_path / "thanh-phan.csv"  # the filter chosen gave the suffix
    assert csv_name.read_bytes().startswith(b"\xef\xbb\xbf")
    assert len(read_table(csv_name).rows) == attending
    site_rows = read_table(tmp_path / "diem-cau.xlsx").rows
    assert "Thái Nguyên" in {cells[1] for _, cells in site_rows}
    assert f"{attending} dòng" in answers[0][1]


def test_export_minutes_to_docx(window: MainWindow, qtbot: Any,
                                monkeypatch: pytest.MonkeyPatch, tmp_path: Path,
                                answers: list[tuple[str, str]]) -> None:
    target = tmp_path / "biên-bản"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    window.export_actions[2].trigger()
    exported(qtbot, answers, 1)
    with zipfile.ZipFile(target.with_suffix(".docx")) as docx:
        body = docx.read("word/document.xml").decode("utf-8")
    assert "Mai Văn Chính" in body and "BIÊN BẢN" in body


def test_package_export_then_preview_and_import_on_another_desk(
        window: MainWindow, qtbot: Any, monkeypatch: pytest.MonkeyPatch, tmp_path: Path,
        answers: list[tuple[str, str]]) -> None:
    monkeypatch.setattr(QInputDialog, "getItem", lambda _p, _t, _l, items, *a, **k: (
        next((i for i in items if i.startswith("Thái Nguyên")), items[0]), True))
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        lambda *a, **k: (str(tmp_path / "thai-nguyen"), ""))
    window.export_package_action.trigger()
    exported(qtbot, answers, 1)
    path = tmp_path / "thai-nguyen.mdpkg"
    assert path.is_file()
    with open_desk(tmp_path / "other.db") as other:
        session = DeskSession(other)
        dialog = PackageDialog(session, path)
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.waitUntil(lambda: dialog.report is not None)
        assert "Thái Nguyên" in dialog.heading.text()
        assert dialog.model.rowCount() == len(dialog.report.package.records)
        assert {r.outcome for r in dialog.model.rows()} == {Outcome.NEW}
        assert not dialog.conflicts.isVisible() and dialog.import_button.isEnabled()
        assert "Phạm Hoàng Sơn" in {r.item.label for r in dialog.model.rows()}
        assert meetings.list_meetings(other) == []  # a preview writes nothing
        qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: dialog.result() == PackageDialog.DialogCode.Accepted)
        assert "mới" in answers[-1][1]
        (summary,) = meetings.list_meetings(other)
        assert summary.delegate_count == 2
        again = PackageDialog(session, path)
        qtbot.addWidget(again)
        again.show()
        qtbot.waitUntil(lambda: again.report is not None)
        assert {r.outcome for r in again.model.rows()} == {Outcome.UNCHANGED}
        assert not again.import_button.isEnabled()
        again.reject()
        session.undo_stack.clear()
        session.shutdown()  # its upkeep thread, before the desk closes


def test_package_conflict_shown_first_with_both_values_then_resolved_in_the_dialog(
        demo_desk: Desk, qtbot: Any, qtmodeltester: Any, tmp_path: Path,
        answers: list[tuple[str, str]]) -> None:
    centre, meeting_id = demo_desk, demo_id(demo_desk)
    export_package(centre, meeting_id, tmp_path / "setup.mdpkg")
    with open_desk(tmp_path / "province.db") as province:
        import_package(province, tmp_path / "setup.mdpkg")
        (person,) = directory.list_people(province, "Dương Xuân Hùng")
        directory.update_person(province, person.id or 0, phone="0280 111 222")
        site = directory.find_site(province, "19")
        assert site is not None
        notes.add_note(province, meeting_id=demo_id(province), site_id=site.id,
                       text="Điểm cầu Thái Nguyên có 26 đại biểu.")
        export_package(province, demo_id(province), tmp_path / "tn.mdpkg", site_code="19")
    (person,) = directory.list_people(centre, "Dương Xuân Hùng")
    directory.update_person(centre, person.id or 0, phone="0913 000 000")
    session = DeskSession(centre)
    dialog = PackageDialog(session, tmp_path / "tn.mdpkg")
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.report is not None)
    shown = dialog.table.model()
    assert shown.index(0, 0).data() == "Xung đột" and shown.index(0, 2).data() == \
        "Dương Xuân Hùng"
    assert shown.index(0, 3).data() == "Điện thoại: “0913 000 000” ≠ “0280 111 222”"
    assert shown.index(0, 0).data(Qt.ItemDataRole.ForegroundRole).name() == "#b3261e"
    assert dialog.conflicts.isVisible() and "cả hai giá trị" in dialog.conflicts.text()
    assert shown.index(1, 0).data() == "Mới" and shown.index(1, 1).data() == "Ghi chép"
    dialog.filter.setCurrentIndex(dialog.filter.findData(Outcome.CONFLICT.value))
    assert shown.rowCount() == 1
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.result() == PackageDialog.DialogCode.Accepted)
    assert "1 mới, 0 thay đổi, 0 xóa; 1 xung đột" in answers[-1][1]
    assert directory.get_person(centre, person.id or 0).phone in ("0913 000 000",
                                                                   "0280 111 222")
    assert "Điểm cầu Thái Nguyên có 26 đại biểu." in {
        n.text for n in notes.notes_of(centre, meeting_id)}
    resolver = ConflictDialog(session)
    qtbot.addWidget(resolver)
    resolver.show()
    assert resolver.model.rowCount() == 1 and resolver.box.title() == "Dương Xuân Hùng"
    qtmodeltester.check(resolver.model)
    (chooser,) = resolver.choosers
    texts = [chooser.choice.itemText(i) for i in range(chooser.choice.count())]
    assert texts[0].startswith("Giữ bản này: “") and texts[1].startswith("Lấy bản kia: “")
    assert "bàn này" in " ".join(texts) and "province" in " ".join(texts)
    assert texts[2] == "Sửa lại: gõ giá trị mới"
    chooser.choice.setCurrentIndex(2)
    assert chooser.editor.isEnabled()
    chooser.editor.setText("0913 000 111")
    qtbot.mouseClick(resolver.apply_button, Qt.MouseButton.LeftButton)
    assert resolver.model.rowCount() == 0 and resolver.status.text() == "Không có xung đột."
    assert directory.get_person(centre, person.id or 0).phone == "0913 000 111"
    assert conflicts.list_conflicts(centre) == []
    session.shutdown()  # its upkeep thread, before the desk closes


def test_import_and_package_models_pass_the_model_tester(
        demo_desk: Desk, qtmodeltester: Any, tmp_path: Path) -> None:
    from meetingdesk.exchange.importer import plan_import
    from meetingdesk.exchange.mapping import guess_mapping

    table = read_table(delegate_list(tmp_path / "ds.xlsx"))
    preview = PreviewModel()
    qtmodeltester.check(preview)
    preview.set_table(table)
    preview.set_mapping(guess_mapping(table.headers))
    qtmodeltester.check(preview)
    plan = plan_model()
    plan.set_rows(plan_import(demo_desk, table, guess_mapping(table.headers),
                              demo_id(demo_desk)).rows)
    merge = merge_model()
    export_package(demo_desk, demo_id(demo_desk), tmp_path / "p.mdpkg", site_code="19")
    merge.set_rows(merge_rows(import_package(demo_desk, tmp_path / "p.mdpkg",
                                             dry_run=True).plan))
    owner = QObject()
    for model in (plan, merge):
        assert model.rowCount() > 0
        qtmodeltester.check(model)
        keys, text = chained(model, owner)
        qtmodeltester.check(keys)
        qtmodeltester.check(text)
        text.sort(1)


def test_import_dialog_cancel_while_writing_leaves_the_desk_unchanged(
        window: MainWindow, qtbot: Any, monkeypatch: pytest.MonkeyPatch, tmp_path: Path,
        answers: list[tuple[str, str]]) -> None:
    """Esc while the import is being written: its one transaction rolls back whole (rows
    already written in it too), the dialog says so, the runner reports “Đã hủy”."""
    import threading

    assert window.session is not None
    desk = window.session.desk
    path = delegate_list(tmp_path / "danh-sách.xlsx")
    before = people(desk)
    reached, release = threading.Event(), threading.Event()
    from meetingdesk.exchange import importer

    real = importer._write

    def slow_write(*args: Any) -> Any:
        summary = real(*args)  # every row written, the transaction not committed yet
        reached.set()
        release.wait(10)
        return summary

    monkeypatch.setattr(importer, "_write", slow_write)

    def cancel(dialog: ImportDialog) -> bool:
        dialog.show()
        planned(qtbot, dialog)
        qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
        assert reached.wait(10)
        assert dialog.cancel_button.isVisible() and dialog.cancel_button.hasFocus()
        qtbot.keyClick(dialog, Qt.Key.Key_Escape)  # cancels; does not close the dialog
        assert dialog.status.text() == "Đang hủy…" and dialog.isVisible()
        release.set()
        qtbot.waitUntil(lambda: not dialog.runner.is_busy(), timeout=10000)
        assert dialog.status.text() == "Đã hủy: không có gì được nhập."
        assert not dialog.cancel_button.isVisible() and dialog.import_button.isEnabled()
        dialog.reject()
        return False

    open_import(window, monkeypatch, path, cancel)
    assert people(desk) == before
    assert window.statusBar().currentMessage() == "Đã hủy: không có gì thay đổi."
