"""Check the signatures of any PDF: who signed and when, whether the signed bytes are intact,
whether the certificate chains to a trust root the user added (none are bundled), and whether
anything was changed after signing.

A file passes only when it has at least one signature and every signature is intact,
cryptographically valid and trusted, each later revision only adds signatures, and the last
signature covers the whole file.
"""

from __future__ import annotations

import io
import logging
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from asn1crypto import pem, x509
from pyhanko.pdf_utils.misc import PdfReadError
from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.sign.diff_analysis import ModificationLevel
from pyhanko.sign.validation import validate_pdf_signature
from pyhanko.sign.validation.settings import KeyUsageConstraints
from pyhanko.sign.validation.status import PdfSignatureStatus, SignatureCoverageLevel
from pyhanko_certvalidator import ValidationContext

from meetingdesk.domain.errors import ValidationError, current_language
from meetingdesk.services.files import refuse_plain_read
from meetingdesk.signing.appearance import VIETNAM
from meetingdesk.signing.certificates import certificate_name, certificate_organization

logger = logging.getLogger(__name__)

MAX_TRUST_FILE = 1 << 20


def _say(vi: str, en: str) -> str:
    return en if current_language() == "en" else vi


@dataclass(frozen=True, slots=True)
class SignatureCheck:
    field: str
    signer: str
    organization: str
    signed_at: datetime | None
    intact: bool
    valid: bool
    trusted: bool
    changed_after: bool
    """Something other than further signatures was added after this signature."""
    timestamp_ok: bool = True
    """No timestamp, or a timestamp that is intact, valid and trusted."""

    @property
    def ok(self) -> bool:
        return (self.intact and self.valid and self.trusted and not self.changed_after
                and self.timestamp_ok)

    def line(self) -> str:
        when = (self.signed_at.astimezone(VIETNAM).isoformat() if self.signed_at
                else _say("không rõ", "unknown"))
        state = (_say("hợp lệ, tin cậy", "valid, trusted") if self.ok
                 else self.problem())
        org = f" ({self.organization})" if self.organization else ""
        return _say(f"Ký bởi {self.signer}{org}, thời gian ký {when}: {state}",
                    f"Signed by {self.signer}{org} at {when}: {state}")

    def problem(self) -> str:
        if not self.intact:
            return _say("nội dung đã bị thay đổi sau khi ký", "changed after signing")
        if not self.valid:
            return _say("chữ ký không hợp lệ", "the signature is not valid")
        if self.changed_after:
            return _say("tệp đã bị sửa đổi sau khi ký", "the file was modified after signing")
        if not self.timestamp_ok:
            return _say("dấu thời gian không hợp lệ hoặc không tin cậy",
                        "the timestamp is not valid or not trusted")
        return _say("chứng thư số không thuộc gốc tin cậy đã thêm",
                    "the certificate does not chain to a trust root that was added")


@dataclass(frozen=True, slots=True)
class VerifyReport:
    signatures: tuple[SignatureCheck, ...]
    verdict: str
    """One line: the reason of the first failure, or that all is well."""
    ok: bool


def load_trust_roots(paths: Sequence[Path]) -> list[x509.Certificate]:
    """Certificates from PEM (one or more) or DER files; one clear line for a bad file."""
    roots: list[x509.Certificate] = []
    for path in paths:
        try:
            if path.stat().st_size > MAX_TRUST_FILE:
                raise ValueError("too large")
            refuse_plain_read(path)
            data = path.read_bytes()
            if pem.detect(data):
                roots += [x509.Certificate.load(der) for kind, _, der in pem.unarmor(
                    data, multiple=True) if kind == "CERTIFICATE"]
            else:
                cert = x509.Certificate.load(data)
                cert.native  # noqa: B018 - parses it all: a bad file fails here
                roots.append(cert)
        except (OSError, ValueError, TypeError) as exc:
            raise ValidationError(
                f"Tệp {path.name} không phải chứng thư số gốc (PEM hoặc DER) đọc được.",
                f"{path.name} is not a readable root certificate (PEM or DER).") from exc
    return roots


def _status_check(status: PdfSignatureStatus, field: str, last: bool) -> SignatureCheck:
    cert = status.signing_cert
    stamp = status.timestamp_validity
    when = stamp.timestamp if stamp is not None else status.signer_reported_dt
    stamp_ok = stamp is None or (stamp.intact and stamp.valid and stamp.trusted)
    if last:
        changed = status.coverage != SignatureCoverageLevel.ENTIRE_FILE
    else:
        level = status.modification_level
        changed = (status.coverage is None
                   or status.coverage < SignatureCoverageLevel.ENTIRE_REVISION
                   or level is None or level > ModificationLevel.FORM_FILLING)
    return SignatureCheck(field, certificate_name(cert), certificate_organization(cert), when,
                          intact=status.intact, valid=status.valid, trusted=status.trusted,
                          changed_after=changed, timestamp_ok=stamp_ok)


def verify_pdf(data: bytes, trust_roots: Sequence[x509.Certificate]) -> VerifyReport:
    """The signatures of ``data`` checked against ``trust_roots`` (offline)."""
    try:
        reader = PdfFileReader(io.BytesIO(data), strict=False)
        signatures = reader.embedded_signatures
    except (PdfReadError, ValueError, KeyError, IndexError) as exc:
        logger.info("Unreadable PDF: %s", exc)
        return VerifyReport((), _say(
            "Tệp không đọc được như PDF (bị cắt cụt hoặc hỏng).",
            "The file cannot be read as a PDF (truncated or damaged)."), False)
    if not signatures:
        return VerifyReport((), _say("Tệp không có chữ ký số nào.",
                                     "The file has no digital signature."), False)
    context = ValidationContext(trust_roots=list(trust_roots), allow_fetching=False,
                                revocation_mode="soft-fail")
    usage = KeyUsageConstraints(key_usage={"digital_signature"})
    checks: list[SignatureCheck] = []
    for n, embedded in enumerate(signatures):
        last = n == len(signatures) - 1
        try:
            status = validate_pdf_signature(embedded, context, key_usage_settings=usage)
        except Exception as exc:  # pyHanko raises many kinds for a damaged signature
            logger.info("Signature %s could not be validated: %s", embedded.field_name, exc)
            return VerifyReport(tuple(checks), _say(
                f"Chữ ký “{embedded.field_name}” bị hỏng, không kiểm tra được.",
                f"The signature “{embedded.field_name}” is damaged and cannot be checked."),
                False)
        checks.append(_status_check(status, embedded.field_name, last))
    bad = next((c for c in checks if not c.ok), None)
    if bad is not None:
        verdict = _say(f"KHÔNG HỢP LỆ — chữ ký của {bad.signer}: {bad.problem()}.",
                       f"NOT VALID — the signature of {bad.signer}: {bad.problem()}.")
        if not trust_roots and bad.intact and bad.valid and not bad.changed_after:
            verdict += _say(" Chưa thêm chứng thư gốc tin cậy nào.",
                            " No trust root has been added.")
        return VerifyReport(tuple(checks), verdict, False)
    return VerifyReport(tuple(checks), _say(
        f"HỢP LỆ — {len(checks)} chữ ký, nguyên vẹn, tin cậy, không sửa đổi sau khi ký.",
        f"VALID — {len(checks)} signature(s), intact, trusted, not modified after signing."),
        True)
