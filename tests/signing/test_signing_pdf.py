"""Signing a minutes PDF and verifying it: the good file passes; a flipped byte, an appended
update, a truncated file, a re-signature by an unknown certificate, a missing trust root each
fail with one line."""

from __future__ import annotations

import dataclasses
import io
import re
from pathlib import Path

import pytest
from asn1crypto import x509 as asn1_x509
from certs import PASSWORD, Pki
from cryptography.hazmat.primitives.serialization import Encoding
from pdfa_checks import pdfa_problems
from PIL import Image
from pyhanko.keys import load_private_key_from_pemder_data
from pyhanko.pdf_utils import generic
from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
from pyhanko.sign.timestamps import DummyTimeStamper
from pypdf import PageObject, PdfReader
from pypdf.generic import DecodedStreamObject, DictionaryObject, NameObject, StreamObject

from meetingdesk.domain.enums import Profile
from meetingdesk.domain.errors import ValidationError
from meetingdesk.minutes.builder import build_minutes
from meetingdesk.minutes.pdfa import signer_boxes_of
from meetingdesk.minutes.profiles import profile_for
from meetingdesk.minutes.render import render_minutes
from meetingdesk.services.demo import build_demo
from meetingdesk.signing.appearance import SignatureLook
from meetingdesk.signing.credentials import Pkcs12Source, open_signer
from meetingdesk.signing.sign import SignRequest, sign_pdf
from meetingdesk.signing.verify import VerifyReport, load_trust_roots, verify_pdf
from meetingdesk.store.desk import open_desk


def _look(images: tuple[Path, Path], signer: str = "Mai Văn Chính") -> SignatureLook:
    signature, seal = images
    return SignatureLook(signer, "Ban Tổ chức Trung ương",
                         Image.open(signature).convert("RGBA"), Image.open(seal).convert("RGBA"))


CHAIR = SignRequest()


def _sign(pdf: bytes, p12: Path, images: tuple[Path, Path], request: SignRequest = CHAIR,
          signer: str = "Mai Văn Chính") -> bytes:
    with open_signer(Pkcs12Source(p12, PASSWORD)) as s:
        return sign_pdf(pdf, s, _look(images, signer), request)


@pytest.fixture(scope="module")
def signed(final_pdf: bytes, pki: Pki, images: tuple[Path, Path]) -> bytes:
    return _sign(final_pdf, pki.p12, images)


def _verify(pdf: bytes, pki: Pki) -> VerifyReport:
    return verify_pdf(pdf, load_trust_roots([pki.ca_pem]))


def test_sign_pdf_verifies_intact_valid_trusted(signed: bytes, pki: Pki) -> None:
    report = _verify(signed, pki)
    assert report.ok, report.verdict
    (check,) = report.signatures
    assert check.signer == "Mai Văn Chính" and check.intact and check.valid and check.trusted
    assert check.signed_at is not None and check.signed_at.utcoffset() is not None
    assert "HỢP LỆ" in report.verdict


def test_sign_pdf_is_an_incremental_update_and_stays_pdfa(final_pdf: bytes,
                                                          signed: bytes) -> None:
    assert signed.startswith(final_pdf) and len(signed) > len(final_pdf)
    assert pdfa_problems(signed) == []


def test_sign_pdf_visible_signature_in_the_chairs_box(final_pdf: bytes, signed: bytes) -> None:
    reader = PdfReader(io.BytesIO(signed))
    meta = reader.trailer["/Root"]["/Metadata"].get_object().get_data()
    box = next(b for b in signer_boxes_of(meta) if b.role == "right")
    page = reader.pages[box.page - 1]
    (widget,) = [a.get_object() for a in page["/Annots"]]
    assert widget["/FT"] == "/Sig" and widget["/F"] & 4  # printed, as PDF/A wants
    x1, y1, x2, y2 = (float(v) for v in widget["/Rect"])
    assert (x1, y1) == pytest.approx((box.x, box.y), abs=0.01)
    assert (x2 - x1, y2 - y1) == pytest.approx((box.width, box.height), abs=0.01)
    appearance = widget["/AP"]["/N"].get_object()
    text = _text(appearance)
    assert "Ký bởi: Mai Văn Chính" in text and "Cơ quan: Ban Tổ chức Trung ương" in text
    assert re.search(r"Thời gian ký: \d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+07:00", text), text


def _text(xobject: StreamObject) -> str:
    """The text a form XObject (and the forms it draws) shows, via pypdf's extractor."""
    page = PageObject.create_blank_page(width=600, height=200)
    forms = DictionaryObject({NameObject("/Fm0"): xobject.indirect_reference})
    page[NameObject("/Resources")] = DictionaryObject({NameObject("/XObject"): forms})
    content = DecodedStreamObject()
    content.set_data(b"/Fm0 Do")
    page.replace_contents(content)
    return page.extract_text()


def test_verify_pdf_flipped_byte_in_signed_range_caught(signed: bytes, final_pdf: bytes,
                                                        pki: Pki) -> None:
    at = final_pdf.index(b"stream\n", len(final_pdf) // 3) + 50  # inside a page's content
    tampered = bytearray(signed)
    tampered[at] ^= 0x01
    report = _verify(bytes(tampered), pki)
    assert not report.ok
    assert "thay đổi sau khi ký" in report.verdict and "\n" not in report.verdict


def test_verify_pdf_appended_update_caught(signed: bytes, pki: Pki) -> None:
    writer = IncrementalPdfFileWriter(io.BytesIO(signed))
    info = writer.trailer["/Info"]
    info["/Title"] = generic.TextStringObject("Biên bản đã bị sửa")
    writer.update_container(info)
    out = io.BytesIO()
    writer.write(out)
    report = _verify(out.getvalue(), pki)
    assert not report.ok and "sửa đổi sau khi ký" in report.verdict


@pytest.mark.parametrize("keep", [0.5, 0.9, -1500, -10])
def test_verify_pdf_truncated_file_caught(signed: bytes, pki: Pki, keep: float) -> None:
    cut = int(len(signed) * keep) if isinstance(keep, float) else len(signed) + int(keep)
    report = _verify(signed[:cut], pki)
    assert not report.ok and report.verdict and "\n" not in report.verdict


def test_verify_pdf_truncated_to_the_unsigned_revision_has_no_signature(
        signed: bytes, final_pdf: bytes, pki: Pki) -> None:
    report = _verify(signed[:len(final_pdf)], pki)
    assert not report.ok and "không có chữ ký" in report.verdict


def test_verify_pdf_resigned_by_unknown_certificate_caught(signed: bytes, pki: Pki,
                                                           images: tuple[Path, Path]) -> None:
    resigned = _sign(signed, pki.stranger_p12, images, SignRequest(role="left"), "Kẻ Giả Mạo")
    report = _verify(resigned, pki)
    assert not report.ok
    assert "Kẻ Giả Mạo" in report.verdict and "gốc tin cậy" in report.verdict
    first, second = report.signatures
    assert first.ok and not second.trusted


def test_verify_pdf_secretary_after_chair_both_trusted(signed: bytes, pki: Pki,
                                                       images: tuple[Path, Path]) -> None:
    both = _sign(signed, pki.secretary_p12, images, SignRequest(role="left"),
                 "Nguyễn Thị Thu Hà")
    report = _verify(both, pki)
    assert report.ok, report.verdict
    assert [c.signer for c in report.signatures] == ["Mai Văn Chính", "Nguyễn Thị Thu Hà"]
    assert pdfa_problems(both) == []


def test_sign_pdf_same_box_twice_refused(signed: bytes, pki: Pki,
                                         images: tuple[Path, Path]) -> None:
    with pytest.raises(ValidationError, match="đã được ký"):
        _sign(signed, pki.p12, images)


def test_verify_pdf_without_trust_roots_is_not_trusted(signed: bytes) -> None:
    report = verify_pdf(signed, [])
    assert not report.ok and "Chưa thêm chứng thư gốc" in report.verdict


def test_verify_pdf_unsigned_file_refused(final_pdf: bytes, pki: Pki) -> None:
    report = _verify(final_pdf, pki)
    assert not report.ok and "không có chữ ký" in report.verdict


def test_verify_pdf_not_a_pdf_refused(pki: Pki) -> None:
    assert not _verify(b"hello, not a PDF", pki).ok


def test_sign_pdf_with_timestamp_is_pades_b_t(final_pdf: bytes, pki: Pki,
                                              images: tuple[Path, Path]) -> None:
    stamper = DummyTimeStamper(
        tsa_cert=asn1_x509.Certificate.load(pki.tsa.cert.public_bytes(Encoding.DER)),
        tsa_key=load_private_key_from_pemder_data(pki.tsa.key_pem(), passphrase=None))
    stamped = _sign(final_pdf, pki.p12, images, SignRequest(timestamper=stamper))
    report = _verify(stamped, pki)
    assert report.ok, report.verdict
    reader = PdfReader(io.BytesIO(stamped))
    sig = reader.trailer["/Root"]["/AcroForm"]["/Fields"][0].get_object()["/V"].get_object()
    assert sig["/SubFilter"] == "/ETSI.CAdES.detached"
    assert b"\x06\x0b\x2a\x86\x48\x86\xf7\x0d\x01\x09\x10\x02\x0e" in sig["/Contents"]
    assert pdfa_problems(stamped) == []


def test_sign_pdf_unreachable_timestamp_server_refused(final_pdf: bytes, pki: Pki,
                                                       images: tuple[Path, Path]) -> None:
    with pytest.raises(ValidationError, match="dấu thời gian"):
        _sign(final_pdf, pki.p12, images, SignRequest(timestamp_url="http://127.0.0.1:9/tsa"))


def test_sign_pdf_no_box_for_a_signer_the_minutes_do_not_have(
        tmp_path: Path, pki: Pki, images: tuple[Path, Path]) -> None:
    fmt = profile_for(Profile.STATE)
    with open_desk(tmp_path / "d.db") as desk:
        doc = build_minutes(desk, build_demo(desk).id or 0, fmt)
    pdf = render_minutes(dataclasses.replace(doc, signers=(None, doc.signers[1])), fmt)
    meta = PdfReader(io.BytesIO(pdf)).trailer["/Root"]["/Metadata"].get_object().get_data()
    assert [b.role for b in signer_boxes_of(meta)] == ["right"]
    with pytest.raises(ValidationError, match="không có ô ký của thư ký"):
        _sign(pdf, pki.secretary_p12, images, SignRequest(role="left"))
    assert _verify(_sign(pdf, pki.p12, images), pki).ok
