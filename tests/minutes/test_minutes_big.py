"""A meeting of 100 sites, 3,000 delegates and 1,500 notes lays out without a LayoutError
(rendered once; bench/bench_minutes.py times it)."""

from __future__ import annotations

from pathlib import Path

from conftest import body_text, squeeze

from bench.big_meeting import DELEGATES_PER_SITE, NOTES, SITES, build_big_meeting
from meetingdesk.minutes.builder import build_minutes
from meetingdesk.minutes.profiles import STATE
from meetingdesk.minutes.render import render_minutes
from meetingdesk.services import notes
from meetingdesk.store.desk import open_desk


def test_minutes_big_meeting_renders(tmp_path: Path) -> None:
    with open_desk(tmp_path / "big.db") as desk:
        meeting = build_big_meeting(desk)
        doc = build_minutes(desk, meeting.id or 0, STATE)
        last = notes.notes_of(desk, meeting.id or 0)[-1]
    assert len(doc.sites) == SITES
    assert sum(len(s.delegates) + len(s.absent) for s in doc.sites) == SITES * DELEGATES_PER_SITE
    assert sum(len(s.notes) for s in doc.sections) + len(doc.chair_conclusions) == NOTES
    pdf = render_minutes(doc, STATE)
    text = squeeze(body_text(pdf))
    assert squeeze(last.text) in text
    assert text.count(squeeze("Họ và tên")) >= SITES
