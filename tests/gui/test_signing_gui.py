"""Signing in the versions tab: "Ký số…" only on a final version, file or token chosen in a
dialog, the password asked in a password field and kept nowhere, the signer's images remembered,
the signed status in the versions list; "Kiểm tra chữ ký…" with user-added trust roots."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QAbstractItemModel, Qt
from PySide6.QtTest import QAbstractItemModelTester
from PySide6.QtWidgets import QInputDialog, QLineEdit, QMessageBox

from meetingdesk.gui import settings as keys
from meetingdesk.gui.main_window import MainWindow
from meetingdesk.gui.settings import Settings
from meetingdesk.gui.signing import SignDialog, check_signatures
from meetingdesk.minutes.generate import generate_minutes
from meetingdesk.services import minutes_versions

from .conftest import run_dialog

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "signing"))
from certs import PASSWORD, make_ca, make_signer


@pytest.fixture
def p12(tmp_path: Path) -> tuple[Path, Path]:
    ca = make_ca()
    path = tmp_path / "signer.p12"
    path.write_bytes(make_signer(ca).p12(chain=(ca,)))
    root = tmp_path / "ca.pem"
    root.write_bytes(ca.pem())
    return path, root


@pytest.fixture
def signature_png(tmp_path: Path) -> Path:
    from PIL import Image, ImageDraw

    image = Image.new("RGBA", (300, 100), (0, 0, 0, 0))
    ImageDraw.Draw(image).line([(10, 80), (150, 10), (290, 70)], fill=(0, 0, 200, 255), width=6)
    image.save(tmp_path / "chu-ky.png")
    return tmp_path / "chu-ky.png"


def _final(window: MainWindow) -> Any:
    view = window.view
    assert view is not None and view.meeting_id is not None
    desk = window.session.desk  # type: ignore[union-attr]
    version, _ = generate_minutes(desk, view.meeting_id)
    minutes_versions.mark_final(desk, version.id or 0)
    window.session.written()  # type: ignore[union-attr]
    view.tabs.setCurrentWidget(view.minutes)
    return view.minutes


def test_signing_gui_sign_button_only_on_a_final_version(window: MainWindow) -> None:
    view = window.view
    assert view is not None
    desk = window.session.desk  # type: ignore[union-attr]
    generate_minutes(desk, view.meeting_id or 0)
    window.session.written()  # type: ignore[union-attr]
    view.tabs.setCurrentWidget(view.minutes)
    assert view.minutes.sign_button.text() == "Ký số…"
    assert not view.minutes.sign_button.isEnabled()
    minutes_versions.mark_final(desk, minutes_versions.list_versions(
        desk, view.meeting_id or 0)[-1].id or 0)
    window.session.written()  # type: ignore[union-attr]
    assert view.minutes.sign_button.isEnabled()


def test_signing_gui_a_reopened_final_version_is_no_longer_in_force(
        window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        answers: list[tuple[str, str]]) -> None:
    """Reopened minutes: their final version reads "reopened", cannot be signed, and is
    exported only once the user confirms."""
    tab = _final(window)
    minutes_versions.reopen_meeting(window.session.desk,  # type: ignore[union-attr]
                                    tab.meeting_id, reason="Bổ sung")
    window.session.written()  # type: ignore[union-attr]
    tab.table.selectRow(0)
    assert tab.model.index(0, 3).data() == "đã mở lại"
    assert not tab.sign_button.isEnabled()
    monkeypatch.setattr(QMessageBox, "question",
                        lambda *a, **k: QMessageBox.StandardButton.No)
    monkeypatch.setattr("PySide6.QtWidgets.QFileDialog.getSaveFileName",
                        lambda *a, **k: (str(tmp_path / "bb.pdf"), ""))
    tab.export()
    assert not (tmp_path / "bb.pdf").exists()


def test_signing_gui_sign_with_a_p12_file(window: MainWindow, qtbot: Any,
                                          monkeypatch: pytest.MonkeyPatch,
                                          p12: tuple[Path, Path], signature_png: Path,
                                          answers: list[tuple[str, str]]) -> None:
    tab = _final(window)
    asked: list[QLineEdit.EchoMode] = []

    def fill(d: SignDialog) -> bool:
        d.use_file.setChecked(True)
        d.p12.edit.setText(str(p12[0]))
        d.signature.edit.setText(str(signature_png))
        return True

    def get_text(_parent: Any, _title: str, _label: str, echo: QLineEdit.EchoMode,
                 *args: Any) -> tuple[str, bool]:
        asked.append(echo)
        return PASSWORD, True

    run_dialog(monkeypatch, SignDialog, fill)
    monkeypatch.setattr(QInputDialog, "getText", get_text)
    tab.sign_button.click()
    assert asked == [QLineEdit.EchoMode.Password]
    qtbot.waitUntil(lambda: bool(answers) and answers[-1][0] == "information", timeout=60000)
    assert answers[-1][0] == "information" and "Đã ký bởi Mai Văn Chính" in answers[-1][1]
    assert tab.model.index(0, 4).data() == "✓"
    assert tab.model.index(0, 0).data(Qt.ItemDataRole.ToolTipRole).startswith(
        "Đã ký số bởi Mai Văn Chính lúc ")
    assert "Đã ký số bởi Mai Văn Chính" in tab.state.text()
    QAbstractItemModelTester(tab.model, QAbstractItemModelTester.FailureReportingMode.Fatal)
    settings = Settings()
    signature, seal = keys.signer_images(f"p12:{p12[0]}")
    assert settings.get(signature) == str(signature_png) and settings.get(seal) == ""
    text = Path(settings.qsettings.fileName()).read_text(encoding="utf-8")
    assert PASSWORD not in text


def test_signing_gui_images_remembered_per_signer(qtbot: Any, tmp_path: Path) -> None:
    settings = Settings()
    first = SignDialog(settings)
    qtbot.addWidget(first)
    first.p12.edit.setText("/keys/a.p12")
    first.signature.edit.setText("/img/a.png")
    first.remember()
    second = SignDialog(settings)
    qtbot.addWidget(second)
    assert second.p12.edit.text() == "/keys/a.p12"
    assert second.signature.edit.text() == "/img/a.png"
    second.p12.edit.setText("/keys/b.p12")
    assert second.signature.edit.text() == ""
    second.p12.edit.setText("/keys/a.p12")
    assert second.signature.edit.text() == "/img/a.png"


def test_signing_gui_check_signatures_adds_trust_roots(
        window: MainWindow, monkeypatch: pytest.MonkeyPatch, p12: tuple[Path, Path],
        tmp_path: Path, answers: list[tuple[str, str]]) -> None:
    tab = _final(window)
    desk = window.session.desk  # type: ignore[union-attr]
    from meetingdesk.signing.credentials import Pkcs12Source
    from meetingdesk.signing.minutes import sign_final_minutes

    _, signed = sign_final_minutes(desk, meeting_id=window.view.meeting_id or 0,  # type: ignore[union-attr]
                                   source=Pkcs12Source(p12[0], PASSWORD))
    target = tmp_path / "da-ky.pdf"
    target.write_bytes(signed)
    shown: list[str] = []
    clicks = iter([True, False])

    def fake_exec(box: QMessageBox) -> int:
        shown.append(box.text())
        if next(clicks):
            add = next(b for b in box.buttons() if b.text() == "Thêm chứng thư gốc tin cậy…")
            monkeypatch.setattr(box, "clickedButton", lambda: add)
        return 0

    monkeypatch.setattr(QMessageBox, "exec", fake_exec)
    monkeypatch.setattr("PySide6.QtWidgets.QFileDialog.getOpenFileNames",
                        lambda *a, **k: ([str(p12[1])], ""))
    check_signatures(tab, Settings(), target)
    assert "KHÔNG HỢP LỆ" in shown[0] and "Chưa thêm chứng thư gốc" in shown[0]
    assert "HỢP LỆ — 1 chữ ký" in shown[1]
    assert Settings().get(keys.TRUST_ROOTS) == [str(p12[1])]


def test_signing_gui_versions_model_passes_the_tester(window: MainWindow) -> None:
    tab = _final(window)
    model: QAbstractItemModel = tab.model
    QAbstractItemModelTester(model, QAbstractItemModelTester.FailureReportingMode.Fatal)
    assert model.headerData(4, Qt.Orientation.Horizontal) == "Ký số"


def test_signing_gui_wrong_password_one_line_nothing_stored(
        window: MainWindow, qtbot: Any, monkeypatch: pytest.MonkeyPatch,
        p12: tuple[Path, Path], answers: list[tuple[str, str]]) -> None:
    tab = _final(window)

    def fill(d: SignDialog) -> bool:
        d.use_file.setChecked(True)
        d.p12.edit.setText(str(p12[0]))
        return True

    run_dialog(monkeypatch, SignDialog, fill)
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("sai mật khẩu", True))
    tab.sign_button.click()
    qtbot.waitUntil(lambda: bool(answers) and answers[-1][0] == "warning", timeout=60000)
    assert "sai mật khẩu" in answers[-1][1] and "\n" not in answers[-1][1]
    assert tab.model.index(0, 4).data() == ""
    desk = window.session.desk  # type: ignore[union-attr]
    version = minutes_versions.final_version(desk, window.view.meeting_id or 0)  # type: ignore[union-attr]
    assert minutes_versions.signed_pdf(desk, version.id or 0) is None
