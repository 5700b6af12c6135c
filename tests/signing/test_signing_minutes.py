"""Signing a meeting's final minutes through the desk: the signed copy is stored beside the
unsigned version; hostile input gets one clear line and changes nothing."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
from certs import PASSWORD, Pki
from pdfa_checks import pdfa_problems

from meetingdesk.domain.errors import ConflictError, MeetingDeskError, ValidationError
from meetingdesk.services import minutes_versions
from meetingdesk.services.demo import build_demo
from meetingdesk.signing.credentials import Pkcs12Source
from meetingdesk.signing.minutes import SignatureImages, sign_final_minutes
from meetingdesk.signing.sign import SignRequest
from meetingdesk.signing.verify import load_trust_roots, verify_pdf
from meetingdesk.store.desk import Desk


def test_sign_final_minutes_stores_signed_copy_and_keeps_unsigned(
        final_desk: tuple[Desk, int], pki: Pki, images: tuple[Path, Path]) -> None:
    desk, meeting_id = final_desk
    before = minutes_versions.final_version(desk, meeting_id)
    unsigned = minutes_versions.version_pdf(desk, before.id or 0)
    version, signed = sign_final_minutes(
        desk, meeting_id=meeting_id, source=Pkcs12Source(pki.p12, PASSWORD),
        images=SignatureImages(*images))
    assert version.id == before.id and version.signed_by == "Mai Văn Chính"
    assert version.signed_sha256 == hashlib.sha256(signed).hexdigest()
    assert minutes_versions.signed_pdf(desk, version.id or 0) == signed
    assert minutes_versions.version_pdf(desk, version.id or 0) == unsigned
    assert signed.startswith(unsigned)
    assert verify_pdf(signed, load_trust_roots([pki.ca_pem])).ok
    assert pdfa_problems(signed) == []


def test_sign_final_minutes_second_signer_signs_the_signed_copy(
        final_desk: tuple[Desk, int], pki: Pki, images: tuple[Path, Path]) -> None:
    desk, meeting_id = final_desk
    _, first = sign_final_minutes(desk, meeting_id=meeting_id,
                                  source=Pkcs12Source(pki.p12, PASSWORD))
    version, both = sign_final_minutes(
        desk, meeting_id=meeting_id, source=Pkcs12Source(pki.secretary_p12, PASSWORD),
        images=SignatureImages(images[0]), request=SignRequest(role="left"))
    assert both.startswith(first) and version.signed_by == "Nguyễn Thị Thu Hà"
    report = verify_pdf(both, load_trust_roots([pki.ca_pem]))
    assert report.ok and len(report.signatures) == 2


def test_sign_final_minutes_without_final_version_refused(desk: Desk, pki: Pki) -> None:
    meeting = build_demo(desk)
    with pytest.raises(ConflictError, match="chưa có bản biên bản đã chốt"):
        sign_final_minutes(desk, meeting_id=meeting.id or 0,
                           source=Pkcs12Source(pki.p12, PASSWORD))


def test_store_signed_copy_refuses_bytes_that_change_the_content(
        final_desk: tuple[Desk, int]) -> None:
    desk, meeting_id = final_desk
    version = minutes_versions.final_version(desk, meeting_id)
    pdf = minutes_versions.version_pdf(desk, version.id or 0)
    forged = pdf.replace(b"/Title", b"/Titlf", 1) + b"\n% signature"
    with pytest.raises(ConflictError, match="không lưu"):
        minutes_versions.store_signed_copy(desk, version_id=version.id or 0, pdf=forged,
                                           signed_by="X")
    assert minutes_versions.signed_pdf(desk, version.id or 0) is None


def _huge_png(path: Path) -> Path:
    with path.open("wb") as f:
        f.write(b"\x89PNG\r\n\x1a\n")
        f.truncate(50 << 20)
    return path


HOSTILE = {
    "wrong password": (lambda pki, tmp: Pkcs12Source(pki.p12, "sai mật khẩu"), None,
                       "sai mật khẩu"),
    "expired certificate": (lambda pki, tmp: Pkcs12Source(pki.expired_p12, PASSWORD), None,
                            "đã hết hạn"),
    "no digitalSignature": (lambda pki, tmp: Pkcs12Source(pki.no_usage_p12, PASSWORD), None,
                            "không được dùng để ký số"),
    "image not PNG": (lambda pki, tmp: Pkcs12Source(pki.p12, PASSWORD),
                      lambda tmp: _write(tmp / "chu-ky.jpg", b"\xff\xd8\xff\xe0 JFIF"),
                      "không phải tệp PNG"),
    "image 50 MB": (lambda pki, tmp: Pkcs12Source(pki.p12, PASSWORD),
                    lambda tmp: _huge_png(tmp / "chu-ky.png"), "quá lớn"),
    "damaged PNG": (lambda pki, tmp: Pkcs12Source(pki.p12, PASSWORD),
                    lambda tmp: _write(tmp / "hong.png", b"\x89PNG\r\n\x1a\n" + b"\0" * 64),
                    "bị hỏng"),
}


def _write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


@pytest.mark.parametrize("case", HOSTILE, ids=str)
def test_sign_final_minutes_hostile_input_one_line_nothing_stored(
        final_desk: tuple[Desk, int], pki: Pki, tmp_path: Path, case: str) -> None:
    desk, meeting_id = final_desk
    make_source, make_image, message = HOSTILE[case]
    image = make_image(tmp_path) if make_image else None
    version = minutes_versions.final_version(desk, meeting_id)
    with pytest.raises(ValidationError) as caught:
        sign_final_minutes(desk, meeting_id=meeting_id, source=make_source(pki, tmp_path),
                           images=SignatureImages(image))
    text = str(caught.value)
    assert message in text and "\n" not in text
    assert isinstance(caught.value, MeetingDeskError)
    assert minutes_versions.signed_pdf(desk, version.id or 0) is None
    assert minutes_versions.final_version(desk, meeting_id) == version
