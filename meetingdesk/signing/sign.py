"""Sign a minutes PDF: a PAdES signature added as an incremental update, so the signed bytes
are the original file followed by the signature, and a PDF/A file stays PDF/A.

Baseline B-B offline; B-T when a timestamp server is given (it must answer, or nothing is
signed). The visible signature goes in the signer's box recorded in the minutes' XMP.
"""

from __future__ import annotations

import io
import logging
from dataclasses import dataclass

from lxml import etree
from pyhanko.pdf_utils import generic
from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
from pyhanko.pdf_utils.metadata.model import VENDOR
from pyhanko.pdf_utils.misc import PdfReadError
from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.sign import fields, signers
from pyhanko.sign.general import SigningError
from pyhanko.sign.timestamps import HTTPTimeStamper, TimeStamper, TimestampRequestError

from meetingdesk.domain.errors import ValidationError
from meetingdesk.domain.messages import message
from meetingdesk.minutes.pdfa import NAMESPACE, PREFIX, signer_boxes_of
from meetingdesk.minutes.signer_boxes import SignerBox
from meetingdesk.signing.appearance import SignatureLook, stamp_style

logger = logging.getLogger(__name__)

# pyHanko rewrites the XMP packet with lxml when it signs: with the namespace registered, the
# signer boxes keep the prefix that the packet's PDF/A extension schema declares (not "ns0").
etree.register_namespace(PREFIX, NAMESPACE)

FIELD_NAMES = {"left": "ChuKyThuKy", "right": "ChuKyChuToa"}
"""Top-level fields: a dotted name would make one parent field whose kids change when the
second signer signs, which the first signature's check would call a suspicious change."""
ROLE_WORDS = {"left": message("sign.secretary"), "right": message("sign.chair")}


@dataclass(frozen=True, slots=True)
class SignRequest:
    role: str = "right"
    """Whose box: ``right`` (the chair, default) or ``left`` (the secretary)."""
    timestamp_url: str | None = None
    timestamper: TimeStamper | None = None
    """A ready timestamper (tests); otherwise one is made for ``timestamp_url``."""


def _reader(pdf: bytes) -> PdfFileReader:
    try:
        return PdfFileReader(io.BytesIO(pdf), strict=False)
    except (PdfReadError, ValueError) as exc:
        raise ValidationError("sign.not_a_pdf") from exc


def signer_box(pdf: bytes, role: str) -> SignerBox:
    """Where ``role`` signs, as recorded when the minutes were rendered."""
    root = _reader(pdf).root
    meta = root.get("/Metadata")
    boxes = signer_boxes_of(meta.get_object().data) if meta is not None else []
    for box in boxes:
        if box.role == role:
            return box
    if boxes:
        raise ValidationError("sign.no_signature_block", role=ROLE_WORDS[role])
    raise ValidationError("sign.minutes_version_predates_digital")


def signed_fields(pdf: bytes) -> set[str]:
    return {s.field_name for s in _reader(pdf).embedded_signatures}


def _align_producer(writer: IncrementalPdfFileWriter) -> None:
    """pyHanko writes its own name as the XMP producer but appends it to the information
    dictionary's; PDF/A wants the two equal, so the information dictionary gets the same."""
    info = writer.trailer["/Info"]
    info["/Producer"] = generic.TextStringObject(VENDOR)
    writer.update_container(info)


def sign_pdf(pdf: bytes, signer: signers.Signer, look: SignatureLook,
             request: SignRequest) -> bytes:
    """``pdf`` with a PAdES signature of ``signer`` in ``request.role``'s box."""
    box = signer_box(pdf, request.role)
    name = FIELD_NAMES[request.role]
    if name in signed_fields(pdf):
        raise ValidationError("sign.field_already_signed", role=ROLE_WORDS[request.role])
    timestamper = request.timestamper or (
        HTTPTimeStamper(request.timestamp_url, timeout=10) if request.timestamp_url else None)
    writer = IncrementalPdfFileWriter(io.BytesIO(pdf), strict=False)
    _align_producer(writer)
    meta = signers.PdfSignatureMetadata(
        field_name=name, md_algorithm="sha256",
        subfilter=fields.SigSeedSubFilter.PADES, use_pades_lta=False)
    spec = fields.SigFieldSpec(
        sig_field_name=name, on_page=box.page - 1,
        box=(box.x, box.y, box.x + box.width, box.y + box.height))
    pdf_signer = signers.PdfSigner(meta, signer, timestamper=timestamper,
                                   stamp_style=stamp_style(look), new_field_spec=spec)
    try:
        out = pdf_signer.sign_pdf(writer)
    except TimestampRequestError as exc:
        raise ValidationError("sign.timestamp_server_silent",
                              timestamp_url=request.timestamp_url) from exc
    except SigningError as exc:
        raise ValidationError("sign.signing_failed", exc=exc) from exc
    signed = out.getvalue()
    logger.info("Signed %s (%d → %d bytes)", name, len(pdf), len(signed))
    return signed
