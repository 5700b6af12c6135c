"""Signing with a PKCS#11 token (a USB token from a CA; SoftHSM2 in the tests).

The token is found by its label; its first certificate that can sign now — with a private key
of the same id — is used, so the secretary needs only the module, the label and the PIN.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from asn1crypto import x509
from pyhanko.config.pkcs11 import TokenCriteria
from pyhanko.sign.pkcs11 import PKCS11Signer, open_pkcs11_session

from meetingdesk.domain.errors import ValidationError
from meetingdesk.signing.certificates import certificate_problem

logger = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class TokenSource:
    library: Path
    """The token's PKCS#11 module (``.so`` / ``.dll``)."""
    token_label: str
    pin: str = field(repr=False)


def _open_session(source: TokenSource):  # type: ignore[no-untyped-def]
    import pkcs11.exceptions as p11

    if not source.library.is_file():
        raise ValidationError("token.library_not_found", library=source.library)
    try:
        return open_pkcs11_session(str(source.library),
                                   token_criteria=TokenCriteria(label=source.token_label),
                                   user_pin=source.pin)
    except (p11.PinIncorrect, p11.PinInvalid, p11.PinLenRange) as exc:
        raise ValidationError("token.token_pin_wrong") from exc
    except p11.PinLocked as exc:
        raise ValidationError("token.token_locked_after_too") from exc
    except p11.PKCS11Error as exc:
        if type(exc) is p11.PKCS11Error:  # pyHanko's "no token matching criteria"
            raise ValidationError("token.not_found",
                                  token_label=source.token_label) from exc
        raise ValidationError("token.open_token", token_label=source.token_label,
                              error_type=type(exc).__name__) from exc
    except Exception as exc:  # pyHanko's "no token found", a module that fails to load
        raise ValidationError("token.open_token_through", token_label=source.token_label,
                              library_name=source.library.name, exc=exc) from exc


def _signing_certificate(session, now: datetime) -> tuple[bytes, x509.Certificate]:  # type: ignore[no-untyped-def]
    from pkcs11 import Attribute, ObjectClass

    problems: list[ValidationError] = []
    # One search at a time on a session: the certificates are listed before keys are sought.
    found = [(bytes(obj[Attribute.VALUE]), bytes(obj[Attribute.ID])) for obj in
             session.get_objects({Attribute.CLASS: ObjectClass.CERTIFICATE})]
    for der, cert_id in found:
        cert = x509.Certificate.load(der)
        keys = list(session.get_objects({Attribute.CLASS: ObjectClass.PRIVATE_KEY,
                                         Attribute.ID: cert_id}))
        if not keys:
            continue
        problem = certificate_problem(cert, now)
        if problem is None:
            return cert_id, cert
        problems.append(problem)
    if problems:
        raise problems[0]
    raise ValidationError("token.no_signing_certificate")


@contextmanager
def token_signer(source: TokenSource, now: datetime) -> Iterator[PKCS11Signer]:
    """A signer on the token's signing certificate; the session is closed afterwards."""
    session = _open_session(source)
    try:
        cert_id, cert = _signing_certificate(session, now)
        logger.info("Signing with the token %s", source.token_label)
        yield PKCS11Signer(session, cert_id=cert_id, key_id=cert_id, signing_cert=cert)
    finally:
        session.close()
