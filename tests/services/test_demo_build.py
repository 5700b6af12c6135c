"""The demo is built in one transaction and leaves a real desk's default issuer alone."""

from __future__ import annotations

import pytest

from meetingdesk.services import meetings, notes, organization
from meetingdesk.services.demo import DEMO_TITLE, build_demo
from meetingdesk.store.backup import backup_dir_for
from meetingdesk.store.desk import Desk, open_desk


def test_demo_failure_part_way_leaves_the_desk_as_it_was(desk: Desk,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    before = organization.list_issuers(desk)

    def broken(*_args: object, **_kwargs: object) -> None:
        raise RuntimeError("disk full")

    monkeypatch.setattr(notes, "add_task", broken)
    with pytest.raises(RuntimeError):
        build_demo(desk)
    assert meetings.list_meetings(desk) == []
    assert organization.list_issuers(desk) == before


def test_demo_keeps_the_default_issuer_of_a_desk_that_has_one(desk: Desk) -> None:
    default = organization.list_issuers(desk)[0]
    organization.update_issuer(desk, default.id or 0, name="UBND TỈNH THÁI NGUYÊN")
    meetings.create_meeting(desk, title="Họp giao ban tháng 3")
    demo = build_demo(desk)
    build_demo(desk)  # a refresh replaces the demo meeting, once
    default_now = organization.default_issuer(desk)
    assert default_now is not None and default_now.name == "UBND TỈNH THÁI NGUYÊN"
    assert [i.name for i in organization.list_issuers(desk)] == [
        "UBND TỈNH THÁI NGUYÊN", "BAN TỔ CHỨC TRUNG ƯƠNG"]
    assert [i.name for i in organization.list_issuers(desk) if i.id == demo.issuer_id] == [
        "BAN TỔ CHỨC TRUNG ƯƠNG"]
    titles = sorted(s.meeting.title for s in meetings.list_meetings(desk))
    assert titles == sorted(["Họp giao ban tháng 3", DEMO_TITLE])


def test_demo_rebuilt_over_a_desk_with_meetings_backs_it_up_first(desk: Desk) -> None:
    build_demo(desk)  # a new desk: nothing to keep, no backup
    assert not list(backup_dir_for(desk.path).glob("*before-demo*"))
    first = meetings.list_meetings(desk)[0].meeting
    note = notes.add_note(desk, meeting_id=first.id or 0, text="Ghi chép gõ sau khi dựng mẫu.")
    build_demo(desk)
    saved = list(backup_dir_for(desk.path).glob("*before-demo*"))
    assert len(saved) == 1
    with open_desk(saved[0], create=False, read_only=True) as kept:
        assert notes.get_note(kept, note.id or 0).text == "Ghi chép gõ sau khi dựng mẫu."
