"""What a signer's certificate says: its holder, its organisation, and whether it can sign."""

from __future__ import annotations

from datetime import datetime

from asn1crypto import x509

from meetingdesk.domain.errors import ValidationError


def certificate_name(cert: x509.Certificate) -> str:
    """The certificate holder's common name (or the whole subject when it has none)."""
    subject = cert.subject.native
    return str(subject.get("common_name") or cert.subject.human_friendly)


def certificate_organization(cert: x509.Certificate) -> str:
    return str(cert.subject.native.get("organization_name") or "")


def certificate_problem(cert: x509.Certificate, now: datetime) -> ValidationError | None:
    """Why ``cert`` cannot sign now, or ``None`` when it can."""
    name = certificate_name(cert)
    after = cert["tbs_certificate"]["validity"]["not_after"].native
    before = cert["tbs_certificate"]["validity"]["not_before"].native
    if now > after:
        return ValidationError("certificates.expired", name=name, after=after)
    if now < before:
        return ValidationError("certificates.not_yet_valid", name=name, before=before)
    usage = cert.key_usage_value
    if usage is not None and "digital_signature" not in usage.native:
        return ValidationError("certificates.not_for_signing", name=name)
    return None
