"""The running meeting: speaker picker matching, start/next item/end times."""

from __future__ import annotations

from datetime import datetime

import pytest

from meetingdesk.domain.enums import MeetingStatus
from meetingdesk.domain.errors import ConflictError
from meetingdesk.domain.matching import Candidate, best_matches
from meetingdesk.services import agenda, directory, meetings, participation
from meetingdesk.services.live import (
    end_meeting,
    running_item,
    speaker_candidates,
    start_meeting,
    start_next_item,
)
from meetingdesk.store.desk import Desk

T0 = datetime(2026, 3, 2, 8, 0)


def test_matching_without_diacritics_prefers_given_name() -> None:
    people = [Candidate(1, "Nguyễn Minh Đức"), Candidate(2, "Đức Văn Tùng"),
              Candidate(3, "Phạm Hoàng Sơn", "Phó Bí thư Thường trực Tỉnh ủy Thái Nguyên")]
    assert best_matches("duc", people) == [1, 2]
    assert best_matches("son", people) == [3]
    assert best_matches("Sơn", people) == [3]
    assert best_matches("tu", people) == [2]
    assert best_matches("thai nguyen son", people) == [3]
    assert best_matches("xyz", people) == []
    assert best_matches("", people) == [1, 2, 3]


def test_matching_demo_speaker_son_carries_title_and_site(demo_desk: Desk) -> None:
    meeting_id = meetings.list_meetings(demo_desk)[0].meeting.id
    assert meeting_id is not None
    [son] = best_matches("son", speaker_candidates(demo_desk, meeting_id))
    assert son.full_name == "Phạm Hoàng Sơn"
    assert "Phó Bí thư Thường trực Tỉnh ủy" in son.label and "Thái Nguyên" in son.label


def _meeting_with_agenda(desk: Desk) -> tuple[int, list[int]]:
    m = meetings.create_meeting(desk, title="Giao ban quý 1")
    assert m.id is not None
    ids = []
    for title in ("Khai mạc", "Báo cáo", "Kết luận"):
        item = agenda.add_agenda_item(desk, meeting_id=m.id, title=title)
        assert item.id is not None
        ids.append(item.id)
    return m.id, ids


def test_live_start_next_end_record_actual_times(desk: Desk) -> None:
    mid, ids = _meeting_with_agenda(desk)
    started = start_meeting(desk, mid, T0)
    assert started.status is MeetingStatus.RUNNING and started.actual_start == T0
    assert running_item(desk, mid).id == ids[0]  # type: ignore[union-attr]
    nxt = start_next_item(desk, mid, T0.replace(minute=20))
    assert nxt is not None and nxt.id == ids[1]
    items = agenda.agenda(desk, mid)
    assert items[0].actual_end == T0.replace(minute=20)
    assert items[1].actual_start == T0.replace(minute=20)
    ended = end_meeting(desk, mid, T0.replace(hour=10))
    assert ended.status is MeetingStatus.ENDED and ended.actual_end == T0.replace(hour=10)
    assert running_item(desk, mid) is None
    assert agenda.agenda(desk, mid)[1].actual_end == T0.replace(hour=10)


def test_live_next_item_needs_a_running_meeting(desk: Desk) -> None:
    mid, _ = _meeting_with_agenda(desk)
    with pytest.raises(ConflictError):
        start_next_item(desk, mid, T0)


def test_live_restart_keeps_first_start_time(desk: Desk) -> None:
    mid, _ = _meeting_with_agenda(desk)
    start_meeting(desk, mid, T0)
    end_meeting(desk, mid, T0.replace(hour=9))
    again = start_meeting(desk, mid, T0.replace(hour=9, minute=5))
    assert again.actual_start == T0 and again.actual_end is None


def test_live_speaker_candidates_in_precedence_order(desk: Desk) -> None:
    mid, _ = _meeting_with_agenda(desk)
    for name, rank in (("Lê Văn Đức", 50), ("Trần Thị Hà", 10)):
        p = directory.add_person(desk, full_name=name, rank=rank)
        assert p.id is not None
        participation.add_attendance(desk, meeting_id=mid, person_id=p.id)
    assert [c.value.full_name for c in speaker_candidates(desk, mid)] == \
        ["Trần Thị Hà", "Lê Văn Đức"]
