"""A meeting made from a previous one reviews its tasks: a table under its first agenda item,
in the PDF of both profiles and in the DOCX."""

from __future__ import annotations

import io
from datetime import date, datetime

import docx
import pytest
from conftest import PROFILES, body_text, squeeze

from meetingdesk.domain.enums import Profile, TaskStatus
from meetingdesk.exchange.docx_minutes import render_minutes_docx
from meetingdesk.minutes.builder import build_minutes
from meetingdesk.minutes.generate import minutes_pdf
from meetingdesk.minutes.profiles import profile_for
from meetingdesk.services import agenda, meetings, notes, tasks
from meetingdesk.store.desk import Desk


def _next_quarter(desk: Desk) -> int:
    (demo,) = meetings.list_meetings(desk)
    first, _second = notes.tasks_of(desk, demo.meeting.id or 0)
    tasks.add_progress(desk, task_id=first.id or 0, reported_on=date(2023, 6, 20),
                       text="Các tỉnh ủy đã quán triệt.", status=TaskStatus.DONE)
    new = meetings.copy_meeting(desk, demo.meeting.id or 0, title="Giao ban quý 3-2023",
                                planned_start=datetime(2023, 7, 12, 14))
    assert new.id is not None
    return new.id


@pytest.mark.parametrize("profile", PROFILES)
def test_minutes_review_table_lists_done_and_late_tasks(demo_desk: Desk,
                                                        profile: Profile) -> None:
    mid = _next_quarter(demo_desk)
    doc = build_minutes(demo_desk, mid, profile_for(profile))
    reviewing = [s for s in doc.sections if s.review]
    assert len(reviewing) == 1
    section = reviewing[0]
    assert "Đánh giá kết quả thực hiện nhiệm vụ giao tại hội nghị ngày 03/04/2023" in (
        section.title)
    assert doc.sections.index(section) == 0
    assert [(r.number, r.due, r.result) for r in section.review] == [
        (1, "30/6/2023", "Đã hoàn thành"), (2, "30/6/2023", "Chậm, quá hạn")]
    text = squeeze(body_text(minutes_pdf(demo_desk, mid, profile=profile)))
    for expected in ("Kết quả", "Đã hoàn thành", "Chậm, quá hạn",
                     "Quán triệt, triển khai thực hiện Kết luận số 50-KL/TW"):
        assert squeeze(expected) in text
    out = docx.Document(io.BytesIO(render_minutes_docx(doc, profile_for(profile))))
    cells = {c.text for t in out.tables for row in t.rows for c in row.cells}
    assert {"Đã hoàn thành", "Chậm, quá hạn", "Kết quả"} <= cells


def test_minutes_review_gets_its_own_section_when_the_item_was_removed(
        demo_desk: Desk) -> None:
    mid = _next_quarter(demo_desk)
    first_item = agenda.agenda(demo_desk, mid)[0]
    agenda.remove_agenda_item(demo_desk, first_item.id or 0)
    doc = build_minutes(demo_desk, mid)
    assert doc.sections[0].review
    assert doc.sections[0].title == "Kết quả thực hiện nhiệm vụ đã giao"
