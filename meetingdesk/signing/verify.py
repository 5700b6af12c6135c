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

from meetingdesk.domain.errors import ValidationError
from meetingdesk.domain.messages import Message, message
from meetingdesk.services.files import refuse_plain_read
from meetingdesk.signing.appearance import VIETNAM
from meetingdesk.signing.certificates import certificate_name, certificate_organization

logger = logging.getLogger(__name__)

MAX_TRUST_FILE = 1 << 20


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
                else message("verify.unknown"))
        state = message("verify.valid_trusted") if self.ok else self.problem()
        org = f" ({self.organization})" if self.organization else ""
        return str(message("verify.signed", signer=self.signer, org=org, when=when, state=state))

    def problem(self) -> Message:
        if not self.intact:
            return message("verify.changed_after_signing")
        if not self.valid:
            return message("verify.signature_not_valid")
        if self.changed_after:
            return message("verify.file_modified_after_signing")
        if not self.timestamp_ok:
            return message("verify.timestamp_not_valid")
        return message("verify.not_chained_to_trust_root")


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
            raise ValidationError("verify.not_a_root_certificate", name=path.name) from exc
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
        return VerifyReport((), str(message("verify.not_a_pdf")), False)
    if not signatures:
        return VerifyReport((), str(message("verify.no_signature")), False)
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
            return VerifyReport(tuple(checks), str(message("verify.signature_damaged",
                                                           field=embedded.field_name)), False)
        checks.append(_status_check(status, embedded.field_name, last))
    bad = next((c for c in checks if not c.ok), None)
    if bad is not None:
        no_roots = not trust_roots and bad.intact and bad.valid and not bad.changed_after
        verdict = message("verify.not_valid_no_trust_root" if no_roots else "verify.not_valid",
                          signer=bad.signer, problem=bad.problem())
        return VerifyReport(tuple(checks), str(verdict), False)
    return VerifyReport(tuple(checks), str(message("verify.valid", count=len(checks))), True)
