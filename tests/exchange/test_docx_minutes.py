"""Minutes as DOCX: the same content and profile as the PDF."""

from __future__ import annotations

import dataclasses
import io

import docx
import pytest
from docx.shared import Pt
from test_import_lists import demo_meeting_id

from meetingdesk.exchange.docx_minutes import render_minutes_docx
from meetingdesk.minutes.builder import build_minutes
from meetingdesk.minutes.profiles import PARTY, STATE, FormatProfile
from meetingdesk.services import notes
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
