"""Digital signatures in the GUI: "Ký số…" on a final version (a .p12 file or a USB token; the
password or PIN is asked each time in a password field and never kept) and "Kiểm tra chữ ký…"
for any PDF, against the root certificates the user added (none are bundled).

The choices — file or token, the token's module and label, the role, the timestamp server —
and each signer's signature and seal images are remembered in the preferences.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QInputDialog,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from meetingdesk.domain.errors import MeetingDeskError
from meetingdesk.gui import settings as keys
from meetingdesk.gui.dialogs.fields import FormDialog
from meetingdesk.gui.i18n import tr
from meetingdesk.gui.jobs import BackgroundRunner, run_busy
from meetingdesk.gui.settings import Settings
from meetingdesk.gui.workers import on_desk
from meetingdesk.signing.credentials import Pkcs12Source, SignerSource
from meetingdesk.signing.minutes import SignatureImages, sign_final_minutes
from meetingdesk.signing.sign import SignRequest
from meetingdesk.signing.token import TokenSource
from meetingdesk.signing.verify import VerifyReport, load_trust_roots, verify_pdf
from meetingdesk.store.desk import Desk

logger = logging.getLogger(__name__)

PNG_FILES = "PNG (*.png)"


class PathField(QWidget):
    """A file path with a "…" button that opens a file dialog."""

    def __init__(self, title: str, filters: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = title
        self.filters = filters
        self.edit = QLineEdit(self)
        browse = QPushButton("…", self)
        browse.setToolTip(title)
        browse.clicked.connect(self._browse)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.edit, 1)
        layout.addWidget(browse)

    def _browse(self) -> None:
        name, _ = QFileDialog.getOpenFileName(self, self.title, self.edit.text(), self.filters)
        if name:
            self.edit.setText(name)

    def path(self) -> Path | None:
        text = self.edit.text().strip()
        return Path(text) if text else None


class SignDialog(FormDialog):
    """Where the key is, whose box, which images, and whether to timestamp."""

    def __init__(self, settings: Settings, parent: QWidget | None = None) -> None:
        super().__init__(tr("Sign the final minutes"), parent)
        self.settings = settings
        self.use_file = QRadioButton(tr("Certificate file (.p12)"), self)
        self.use_token = QRadioButton(tr("USB token (PKCS#11)"), self)
        group = QButtonGroup(self)
        group.addButton(self.use_file)
        group.addButton(self.use_token)
        choice = QVBoxLayout()
        choice.addWidget(self.use_file)
        choice.addWidget(self.use_token)
        self.form.addRow(tr("Key"), choice)
        self.p12 = PathField(tr("Choose the certificate file"),
                             tr("Certificate files (*.p12 *.pfx)"), self)
        self.library = PathField(tr("Choose the token's PKCS#11 library"),
                                 tr("Libraries (*.so *.dll *.dylib)"), self)
        self.label = QLineEdit(self)
        self.role = QComboBox(self)
        self.role.addItem(tr("Chair"), "right")
        self.role.addItem(tr("Secretary"), "left")
        self.signature = PathField(tr("Choose the signature image"), PNG_FILES, self)
        self.seal = PathField(tr("Choose the seal image"), PNG_FILES, self)
        self.timestamp = QLineEdit(self)
        self.timestamp.setPlaceholderText(tr("None: sign offline (PAdES B-B)"))
        for text, widget in ((tr("Certificate file"), self.p12),
                             (tr("PKCS#11 library"), self.library),
                             (tr("Token label"), self.label), (tr("Sign as"), self.role),
                             (tr("Signature image (PNG)"), self.signature),
                             (tr("Seal image (PNG, when the agency signs)"), self.seal),
                             (tr("Timestamp server"), self.timestamp)):
            self.form.addRow(text, widget)
        with_token = settings.get(keys.SIGN_WITH_TOKEN)
        self.use_token.setChecked(with_token)
        self.use_file.setChecked(not with_token)
        self.p12.edit.setText(settings.get(keys.SIGN_P12_FILE))
        self.library.edit.setText(settings.get(keys.SIGN_TOKEN_LIBRARY))
        self.label.setText(settings.get(keys.SIGN_TOKEN_LABEL))
        self.role.setCurrentIndex(1 if settings.get(keys.SIGN_AS_SECRETARY) else 0)
        self.timestamp.setText(settings.get(keys.TIMESTAMP_URL))
        self._signer = ""
        self.use_token.toggled.connect(self._source_changed)
        self.p12.edit.editingFinished.connect(self._source_changed)
        self.p12.edit.textChanged.connect(self._source_changed)
        self.label.textChanged.connect(self._source_changed)
        self._source_changed()

    def signer_key(self) -> str:
        if self.use_token.isChecked():
            return f"token:{self.label.text().strip()}"
        return f"p12:{self.p12.edit.text().strip()}"

    def _source_changed(self) -> None:
        """Show the chosen signer's images (remembered per signer)."""
        token = self.use_token.isChecked()
        for widget in (self.library, self.label):
            widget.setEnabled(token)
        self.p12.setEnabled(not token)
        key = self.signer_key()
        if key == self._signer:
            return
        self._signer = key
        signature, seal = keys.signer_images(key)
        self.signature.edit.setText(self.settings.get(signature))
        self.seal.edit.setText(self.settings.get(seal))

    def remember(self) -> None:
        """Keep the choices (never a password or a PIN) for next time."""
        s = self.settings
        s.set(keys.SIGN_WITH_TOKEN, self.use_token.isChecked())
        s.set(keys.SIGN_P12_FILE, self.p12.edit.text().strip())
        s.set(keys.SIGN_TOKEN_LIBRARY, self.library.edit.text().strip())
        s.set(keys.SIGN_TOKEN_LABEL, self.label.text().strip())
        s.set(keys.SIGN_AS_SECRETARY, self.role.currentData() == "left")
        s.set(keys.TIMESTAMP_URL, self.timestamp.text().strip())
        signature, seal = keys.signer_images(self.signer_key())
        s.set(signature, self.signature.edit.text().strip())
        s.set(seal, self.seal.edit.text().strip())

    def source(self, secret: str) -> SignerSource:
        if self.use_token.isChecked():
            return TokenSource(self.library.path() or Path(), self.label.text().strip(), secret)
        return Pkcs12Source(self.p12.path() or Path(), secret)

    def images(self) -> SignatureImages:
        return SignatureImages(self.signature.path(), self.seal.path())

    def request(self) -> SignRequest:
        return SignRequest(role=str(self.role.currentData()),
                           timestamp_url=self.timestamp.text().strip() or None)


def ask_secret(parent: QWidget, *, token: bool) -> str | None:
    """The token's PIN or the file's password, typed in a password field; ``None`` when
    cancelled. It is handed to the signer and kept nowhere."""
    title = tr("Token PIN") if token else tr("Certificate password")
    prompt = (tr("PIN of the USB token:") if token
              else tr("Password of the certificate file:"))
    secret, ok = QInputDialog.getText(parent, title, prompt, QLineEdit.EchoMode.Password)
    return secret if ok and secret else None


def sign_version(parent: QWidget, runner: BackgroundRunner, desk: Desk, meeting_id: int,
                 settings: Settings, signed: Callable[[], None]) -> None:
    """Ask how to sign, then sign the meeting's final minutes off the GUI thread (a token may
    take a few seconds) behind a busy indicator; ``signed()`` follows in the GUI thread."""
    dialog = SignDialog(settings, parent)
    if dialog.exec() != SignDialog.DialogCode.Accepted:
        return
    dialog.remember()
    secret = ask_secret(parent, token=dialog.use_token.isChecked())
    if secret is None:
        return
    source, images, request = dialog.source(secret), dialog.images(), dialog.request()
    del secret
    roots = _trust_roots(settings)

    def work(on: Desk) -> tuple[str, VerifyReport]:
        version, pdf = sign_final_minutes(on, meeting_id=meeting_id, source=source,
                                          images=images, request=request)
        return version.signed_by or "", verify_pdf(pdf, roots)

    def done(result: tuple[str, VerifyReport]) -> None:
        signer, report = result
        QMessageBox.information(parent, tr("Sign the final minutes"), "\n".join(
            [tr("Signed by %1; the signed copy is kept with this version.").replace(
                "%1", signer), "", *_report_lines(report)]))
        signed()

    run_busy(parent, runner, tr("Signing the minutes…"), on_desk(desk.path, work), done)


def _trust_roots(settings: Settings) -> list:  # type: ignore[type-arg]
    paths = [Path(p) for p in settings.get(keys.TRUST_ROOTS) if Path(p).is_file()]
    return load_trust_roots(paths)


def _report_lines(report: VerifyReport) -> list[str]:
    return [*(check.line() for check in report.signatures), report.verdict]


def add_trust_roots(parent: QWidget, settings: Settings) -> bool:
    """Let the user add root certificate files (checked before they are kept)."""
    names, _ = QFileDialog.getOpenFileNames(parent, tr("Add trusted root certificates"), "",
                                            tr("Certificates (*.pem *.crt *.cer *.der)"))
    if not names:
        return False
    load_trust_roots([Path(n) for n in names])
    kept = settings.get(keys.TRUST_ROOTS)
    settings.set(keys.TRUST_ROOTS, kept + [n for n in names if n not in kept])
    return True


def check_signatures(parent: QWidget, settings: Settings, path: Path | None = None) -> None:
    """Check a PDF's signatures and show the result; the user may add trust roots and check
    again."""
    if path is None:
        name, _ = QFileDialog.getOpenFileName(parent, tr("Check the signatures of a PDF"), "",
                                              tr("PDF files (*.pdf)"))
        if not name:
            return
        path = Path(name)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise MeetingDeskError("signing.cannot_read", path=path,
                               reason=exc.strerror or exc) from exc
    while True:
        report = verify_pdf(data, _trust_roots(settings))
        box = QMessageBox(QMessageBox.Icon.Information if report.ok
                          else QMessageBox.Icon.Warning, tr("Check the signatures"),
                          "\n".join([path.name, "", *_report_lines(report)]),
                          QMessageBox.StandardButton.Close, parent)
        add = box.addButton(tr("Add trusted root…"), QMessageBox.ButtonRole.ActionRole)
        box.exec()
        if box.clickedButton() is not add or not add_trust_roots(parent, settings):
            return
