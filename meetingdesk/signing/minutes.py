"""Sign a meeting's final minutes and keep the signed copy in the desk.

Everything that can refuse — no final version, an image that is not a usable PNG, a wrong
password or PIN, an expired certificate or one that may not sign, a field already signed — is
checked before anything is stored. The unsigned final version stays as it is; a second signer
(the secretary after the chair, say) signs the signed copy, adding another incremental update.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path

from meetingdesk.domain.messages import message
from meetingdesk.domain.records import MinutesVersion
from meetingdesk.services import meetings, minutes_versions, organization
from meetingdesk.signing.appearance import SignatureLook, load_png
from meetingdesk.signing.certificates import certificate_name, certificate_organization
from meetingdesk.signing.credentials import SignerSource, open_signer
from meetingdesk.signing.sign import SignRequest, sign_pdf
from meetingdesk.store.desk import Desk

logger = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class SignatureImages:
    signature: Path | None = None
    seal: Path | None = None
    """The agency's seal, when the agency signs."""


NO_IMAGES = SignatureImages()
CHAIR_OFFLINE = SignRequest()


def sign_final_minutes(desk: Desk, *, meeting_id: int, source: SignerSource,
                       images: SignatureImages = NO_IMAGES,
                       request: SignRequest = CHAIR_OFFLINE) -> tuple[MinutesVersion, bytes]:
    """Sign the meeting's final minutes (or add a signature to their signed copy) and store
    the result as the version's signed copy; returns the version and the signed bytes."""
    version = minutes_versions.final_version(desk, meeting_id)
    assert version.id is not None
    signature = (load_png(images.signature, what=message("appearance.signature"))
                 if images.signature else None)
    seal = load_png(images.seal, what=message("appearance.seal")) if images.seal else None
    base = (minutes_versions.signed_pdf(desk, version.id)
            or minutes_versions.version_pdf(desk, version.id))
    agency = organization.issuer_of(desk, meetings.get_meeting(desk, meeting_id).issuer_id).name
    with open_signer(source) as signer:
        cert = signer.signing_cert
        assert cert is not None
        look = SignatureLook(certificate_name(cert), certificate_organization(cert) or agency,
                             signature, seal)
        signed = sign_pdf(base, signer, look, request)
    stored = minutes_versions.store_signed_copy(desk, version_id=version.id, pdf=signed,
                                                signed_by=look.signer)
    logger.info("Meeting %s: minutes version %s signed by %s", meeting_id, version.id,
                look.signer)
    return stored, signed
