"""Where the signing key lives: a PKCS#12 file with its password, or a PKCS#11 token (a USB
token's module, the token's label, the PIN). The password and the PIN are used to open the key
and never kept. The signer's certificate is checked before anything is signed: within its
validity period and allowed to make digital signatures."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from pyhanko.sign.signers import Signer, SimpleSigner

from meetingdesk.domain.errors import ValidationError
from meetingdesk.services.files import refuse_plain_read
from meetingdesk.signing.certificates import certificate_problem
from meetingdesk.signing.token import TokenSource, token_signer

logger = logging.getLogger(__name__)

MAX_P12_BYTES = 1 << 20
"""A PKCS#12 file holds a key and a few certificates: a few kilobytes."""


@dataclass(frozen=True, slots=True)
class Pkcs12Source:
    path: Path
    password: str = field(repr=False)


SignerSource = Pkcs12Source | TokenSource


def _checked(signer: Signer, now: datetime) -> Signer:
    cert = signer.signing_cert
    if cert is None:
        raise ValidationError("credentials.signer_certificate_not_found")
    problem = certificate_problem(cert, now)
    if problem is not None:
        raise problem
    return signer


def _pkcs12_signer(source: Pkcs12Source) -> Signer:
    try:
        size = source.path.stat().st_size
        if size > MAX_P12_BYTES:
            raise ValidationError("credentials.too_large_bytes_certificate",
                                  source_path_name=source.path.name, size=size)
        refuse_plain_read(source.path)
        data = source.path.read_bytes()
    except OSError as exc:
        raise ValidationError("credentials.read_certificate_file", source_path=source.path,
                              strerror=exc.strerror or exc) from exc
    try:
        return SimpleSigner.load_pkcs12_data(data, other_certs=[],
                                             passphrase=source.password.encode("utf-8"))
    except ValueError as exc:
        raise ValidationError("credentials.wrong_password_or_file",
                              source_path_name=source.path.name) from exc


@contextmanager
def open_signer(source: SignerSource, *, now: datetime | None = None) -> Iterator[Signer]:
    """A pyHanko signer for ``source`` whose certificate can sign now (one clear line
    otherwise); a token's session is closed afterwards."""
    moment = now or datetime.now(UTC)
    if isinstance(source, Pkcs12Source):
        yield _checked(_pkcs12_signer(source), moment)
        return
    with token_signer(source, moment) as signer:
        yield _checked(signer, moment)
