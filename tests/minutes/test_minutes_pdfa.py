"""The minutes are PDF/A-2b, requirement by requirement (structural checks; no full validator
such as veraPDF is installable here), and say where each signer signs."""

from __future__ import annotations

import io

import pytest
from pdfa_checks import (
    font_problems,
    forbidden_problems,
    output_intent_problems,
    pdfa_problems,
    transparency_problems,
    xmp_problems,
)
from pypdf import PdfReader
from reportlab.pdfgen.canvas import Canvas

from meetingdesk.domain.enums import Profile
from meetingdesk.minutes.notice_generate import notice_pdf
from meetingdesk.minutes.pdfa import signer_boxes_of, srgb_profile
from meetingdesk.store.desk import Desk

CHECKS = (xmp_problems, output_intent_problems, font_problems, transparency_problems,
          forbidden_problems)


@pytest.mark.parametrize("check", CHECKS, ids=lambda c: c.__name__)
@pytest.mark.parametrize("profile", [Profile.STATE, Profile.PARTY], ids=lambda p: p.value)
def test_minutes_pdfa_demo_minutes_meet_requirement(
        demo_minutes: tuple[Desk, int, dict[Profile, bytes]], profile: Profile,
        check: object) -> None:
    _, _, pdfs = demo_minutes
    assert check(pdfs[profile]) == []  # type: ignore[operator]


def test_minutes_pdfa_checks_catch_a_plain_reportlab_file() -> None:
    out = io.BytesIO()
    canvas = Canvas(out)
    canvas.setFillAlpha(0.5)
    canvas.drawString(72, 72, "Helvetica, not embedded")
    canvas.save()
    problems = pdfa_problems(out.getvalue())
    assert any("XMP" in p for p in problems)
    assert "no output intent" in problems
    assert any("not embedded" in p for p in problems)
    assert any("constant alpha" in p for p in problems)


def test_minutes_pdfa_xmp_matches_document_information(
        demo_minutes: tuple[Desk, int, dict[Profile, bytes]]) -> None:
    _, _, pdfs = demo_minutes
    reader = PdfReader(io.BytesIO(pdfs[Profile.STATE]))
    xmp = reader.trailer["/Root"]["/Metadata"].get_object().get_data().decode()
    info = reader.metadata
    assert info is not None and info.title and info.author
    assert f'<rdf:li xml:lang="x-default">{info.title}</rdf:li>' in xmp
    assert f"<rdf:li>{info.author}</rdf:li>" in xmp
    assert "<pdfaid:part>2</pdfaid:part><pdfaid:conformance>B</pdfaid:conformance>" in xmp


def test_minutes_pdfa_srgb_profile_is_an_icc_display_profile() -> None:
    icc = srgb_profile()
    assert icc[36:40] == b"acsp" and icc[12:16] == b"mntr" and icc[16:20] == b"RGB "
    assert int.from_bytes(icc[:4], "big") == len(icc)


@pytest.mark.parametrize("profile", [Profile.STATE, Profile.PARTY], ids=lambda p: p.value)
def test_minutes_pdfa_signer_boxes_lie_between_title_and_name(
        demo_minutes: tuple[Desk, int, dict[Profile, bytes]], profile: Profile) -> None:
    _, _, pdfs = demo_minutes
    reader = PdfReader(io.BytesIO(pdfs[profile]))
    boxes = {b.role: b for b in signer_boxes_of(
        reader.trailer["/Root"]["/Metadata"].get_object().get_data())}
    assert set(boxes) == {"left", "right"}
    right = boxes["right"]
    page = reader.pages[right.page - 1]
    lines: list[tuple[float, float, str]] = []

    def visit(text: str, cm: list[float], tm: list[float], *_: object) -> None:
        if text.strip():
            lines.append((cm[4] + tm[4], cm[5] + tm[5], text.strip()))

    page.extract_text(visitor_text=visit)
    inside = [(y, t) for x, y, t in lines if right.x <= x < right.x + right.width]
    top = right.y + right.height
    assert right.height > 60 and right.width > 200
    # The chair's title (or the hint under it) stands just above the box, the chair's name
    # just below it, and nothing is written inside it.
    assert any(top <= y < top + 20 for y, t in inside), inside
    assert any(right.y - 20 < y < right.y for y, t in inside), inside
    assert not any(right.y <= y < top for y, t in inside), inside


@pytest.mark.parametrize("profile", [Profile.STATE, Profile.PARTY], ids=lambda p: p.value)
def test_minutes_pdfa_conclusion_notice_meets_every_requirement(
        demo_minutes: tuple[Desk, int, dict[Profile, bytes]], profile: Profile) -> None:
    desk, meeting_id, _ = demo_minutes
    assert pdfa_problems(notice_pdf(desk, meeting_id, profile=profile)) == []
