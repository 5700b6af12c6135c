"""Minutes as DOCX: the same content and profile as the PDF."""

from __future__ import annotations

import dataclasses
import io

import docx
import pytest
from docx.shared import Pt
from test_import_lists import demo_meeting_id

from meetingdesk.domain.enums import Role
from meetingdesk.exchange.docx_minutes import (
    CORE_PROPERTY_LIMIT,
    core_property,
    render_minutes_docx,
)
from meetingdesk.minutes.builder import build_minutes
from meetingdesk.minutes.profiles import PARTY, STATE, FormatProfile
from meetingdesk.services import meetings, notes, signers
from meetingdesk.store.desk import Desk

SKIP = {"pdf_title", "pdf_author", "profile", "delegate_columns"}


def strings(value: object) -> list[str]:
    """Every line of every string of the document, but the PDF's metadata."""
    found: list[str] = []
    stack = [value]
    while stack:
        item = stack.pop()
        if isinstance(item, str):
            found += [line for line in item.split("\n") if line.strip()]
        elif isinstance(item, tuple):
            stack.extend(item)
        elif dataclasses.is_dataclass(item):
            stack.extend(getattr(item, f.name) for f in dataclasses.fields(item)
                         if f.name not in SKIP)
    return found


def all_text(document: docx.document.Document) -> str:
    parts = [p.text for p in document.paragraphs]
    for table in document.tables:
        parts += [cell.text for row in table.rows for cell in row.cells]
    return "\n".join(parts)


@pytest.mark.parametrize("profile", [STATE, PARTY], ids=["state", "party"])
def test_docx_minutes_hold_every_string_of_the_document_in_the_profile(
        demo_desk: Desk, profile: FormatProfile) -> None:
    meeting_id = demo_meeting_id(demo_desk)
    notes.add_note(demo_desk, meeting_id=meeting_id, text="Ý kiến có <thẻ> & ký tự “lạ”.")
    doc = build_minutes(demo_desk, meeting_id, profile)
    out = docx.Document(io.BytesIO(render_minutes_docx(doc, profile)))
    text = all_text(out)
    missing = [s for s in strings(doc) if s not in text]
    assert not missing
    assert "Ý kiến có <thẻ> & ký tự “lạ”." in text
    section = out.sections[0]
    m = profile.margins
    margins = (section.left_margin, section.right_margin, section.top_margin,
               section.bottom_margin)
    assert [round(x.mm, 1) for x in margins] == [m.left, m.right, m.top, m.bottom]
    title = next(p for p in out.paragraphs if p.text == doc.doc_type)
    assert title.runs[0].font.size == Pt(profile.sizes.doc_type) and title.runs[0].bold
    assert out.styles["Normal"].font.name == "Times New Roman"
    assert section.different_first_page_header_footer
    assert "PAGE" in section.header._element.xml


LONG_TITLE = ("Hội nghị giao ban trực tuyến quý 3 năm 2025 của ngành Tổ chức xây dựng Đảng "
              "đánh giá tình hình, kết quả thực hiện nhiệm vụ công tác tổ chức xây dựng Đảng "
              "chín tháng đầu năm, triển khai nhiệm vụ trọng tâm quý 4 và chuẩn bị tổng kết "
              "công tác năm 2025 gắn với sắp xếp tổ chức bộ máy của hệ thống chính trị tinh "
              "gọn hoạt động hiệu lực hiệu quả")


def test_docx_minutes_a_300_character_title_is_whole_in_the_text(demo_desk: Desk) -> None:
    meeting_id = demo_meeting_id(demo_desk)
    title = (LONG_TITLE + " " + "x" * 300)[:300]
    assert len(title) == 300
    meetings.update_meeting(demo_desk, meeting_id, title=title)
    doc = build_minutes(demo_desk, meeting_id, PARTY)
    out = docx.Document(io.BytesIO(render_minutes_docx(doc, PARTY)))
    assert title in all_text(out)
    props = out.core_properties
    assert len(props.title) <= CORE_PROPERTY_LIMIT and props.title.endswith("…")
    assert len(props.subject) <= CORE_PROPERTY_LIMIT
    assert props.subject.rstrip("…") in title


def test_docx_minutes_core_property_cut_at_a_word() -> None:
    assert core_property("ngắn") == "ngắn"
    cut = core_property(LONG_TITLE)
    assert len(cut) <= CORE_PROPERTY_LIMIT and cut.endswith("…")
    assert LONG_TITLE.startswith(cut[:-1]) and LONG_TITLE[len(cut) - 1] == " "


@pytest.mark.parametrize("profile", [STATE, PARTY], ids=["state", "party"])
def test_docx_minutes_layout_rules(demo_desk: Desk, profile: FormatProfile) -> None:
    doc = build_minutes(demo_desk, demo_meeting_id(demo_desk), profile)
    out = docx.Document(io.BytesIO(render_minutes_docx(doc, profile)))
    body = out.element.body.xml
    grid_tables = [t for t in out.tables if t.style is not None and t.style.name == "Table Grid"]
    assert grid_tables and all("w:tblHeader" in t.rows[0]._tr.xml for t in grid_tables)
    # rules: under the agency (state) or the nation line (party), under the motto and title
    rules = body.count("<w:pBdr>")
    assert rules == (3 if profile is STATE else 1)
    signatures = out.tables[-2] if doc.appendix else out.tables[-1]
    assert 'w:val="nil"' in signatures._tbl.xml
    names = [c.text for c in signatures.rows[-1].cells]
    assert names == ["Nguyễn Thị Thu Hà", "Mai Văn Chính"]
    roles = [c.text for c in signatures.rows[0].cells]
    assert roles[1].endswith("PHÓ TRƯỞNG BAN THƯỜNG TRỰC")
    recipients = next(p for p in out.paragraphs if p.text == doc.recipients_title)
    assert recipients.paragraph_format.keep_with_next  # never alone at a page's foot


def test_docx_minutes_a_role_nobody_holds_prints_nothing(demo_desk: Desk) -> None:
    meeting_id = demo_meeting_id(demo_desk)
    signers.set_signer(demo_desk, meeting_id=meeting_id, role=Role.SECRETARY, person_id=None)
    doc = build_minutes(demo_desk, meeting_id, STATE)
    assert doc.signers[0] is None
    out = docx.Document(io.BytesIO(render_minutes_docx(doc, STATE)))
    text = all_text(out)
    assert "THƯ KÝ" not in text and "CHỦ TỌA" in text
