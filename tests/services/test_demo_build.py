"""The demo is built in one transaction and leaves a real desk's settings alone."""

from __future__ import annotations

import pytest

from meetingdesk.services import meetings, notes, organization
from meetingdesk.services.demo import DEMO_TITLE, build_demo
from meetingdesk.store.desk import Desk


def test_demo_failure_part_way_leaves_the_desk_as_it_was(desk: Desk,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    before = organization.get_organization(desk)

    def broken(*_args: object, **_kwargs: object) -> None:
        raise RuntimeError("disk full")

    monkeypatch.setattr(notes, "add_task", broken)
    with pytest.raises(RuntimeError):
        build_demo(desk)
    assert meetings.list_meetings(desk) == []
    assert organization.get_organization(desk) == before


def test_demo_keeps_the_settings_of_a_desk_with_other_meetings(desk: Desk) -> None:
    organization.update_organization(desk, agency="UBND TỈNH THÁI NGUYÊN")
    meetings.create_meeting(desk, title="Họp giao ban tháng 3")
    build_demo(desk)
    build_demo(desk)  # a refresh replaces the demo meeting, once
    assert organization.get_organization(desk).agency == "UBND TỈNH THÁI NGUYÊN"
    titles = sorted(s.meeting.title for s in meetings.list_meetings(desk))
    assert titles == sorted(["Họp giao ban tháng 3", DEMO_TITLE])
