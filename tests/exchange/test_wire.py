"""Records on the wire: their JSON text, and what a package for a partner leaves out."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from meetingdesk.domain.enums import AttendanceStatus
from meetingdesk.domain.errors import ConflictError
from meetingdesk.domain.replication import create, write
from meetingdesk.exchange.errors import PackageError
from meetingdesk.exchange.packages import export_package, import_package, read_package
from meetingdesk.services import checkpoints, directory, meetings, participation, sync
from meetingdesk.services.wire import WireRecord
from meetingdesk.store import revisions
from meetingdesk.store.desk import Desk, open_desk

GID = "0b0e5b1e-8f5c-4d7a-9a63-6c0e2a1f3b44"


def test_wire_record_json_text_is_its_json_written_compactly() -> None:
    state = write(create("r1", "2023-04-03T14:00:00", {"text": "Ý kiến “một”", "n": 1.5}),
                  "r2", "2023-04-03T15:00:00", {"text": "Sửa\nlại", "n": None})
    stored = revisions.encode_state(state)
    for record in (WireRecord(GID, "note", state), WireRecord(GID, "note", state, stored)):
        assert record.json_text() == json.dumps(record.to_json(), ensure_ascii=False,
                                                separators=(",", ":"))


def test_decode_state_gives_the_stored_state_and_forgets_the_oldest_when_full(
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(revisions, "_decoded", {})
    monkeypatch.setattr(revisions, "_DECODED_MAX", 4)
    texts = [revisions.encode_state(create("r", "", {"i": i})) for i in range(6)]
    assert [revisions.decode_state(t).shown["i"] for t in texts] == list(range(6))
    assert len(revisions._decoded) <= 4 and texts[-1] in revisions._decoded


def _desks(tmp_path: Path) -> tuple[Desk, Desk, int]:
    centre = open_desk(tmp_path / "centre.db")
    m = meetings.create_meeting(centre, title="Giao ban").id or 0
    for code, name in (("19", "Thái Nguyên"), ("04", "Cao Bằng")):
        site = directory.add_site(centre, name=name, code=code)
        participation.add_meeting_site(centre, meeting_id=m, site_id=site.id or 0)
        for i in range(3):
            p = directory.add_person(centre, full_name=f"Đại biểu {i} {name}", site_id=site.id)
            participation.add_attendance(centre, meeting_id=m, person_id=p.id or 0,
                                         site_id=site.id)
    return centre, open_desk(tmp_path / "tn.db"), m


def _status(desk: Desk) -> dict[str, str]:
    (m,) = meetings.list_meetings(desk)
    return {e.person.full_name: e.attendance.status.value
            for e in participation.attendance_list(desk, m.meeting.id or 0)}


def test_package_for_a_partner_leaves_out_the_delegates_it_already_holds(
        tmp_path: Path) -> None:
    centre, tn, m = _desks(tmp_path)
    with centre, tn:
        to_tn = checkpoints.this_replica(tn)
        first = export_package(centre, m, tmp_path / "1.mdpkg", partner=to_tn)
        assert sum(r.kind == "person" for r in first.records) == 6
        import_package(tn, tmp_path / "1.mdpkg")
        tn_m = meetings.list_meetings(tn)[0].meeting.id or 0
        export_package(tn, tn_m, tmp_path / "ack.mdpkg", site_code="19",
                       partner=checkpoints.this_replica(centre))
        import_package(centre, tmp_path / "ack.mdpkg")  # the centre learns what tn holds
        for e in participation.attendance_list(centre, m):
            participation.update_attendance(centre, e.attendance.id or 0,
                                            status=AttendanceStatus.LATE)
        called = participation.attendance_list(centre, m)[0].person
        directory.update_person(centre, called.id or 0, phone="0912 345 678")
        second = export_package(centre, m, tmp_path / "2.mdpkg", partner=to_tn)
        assert sum(r.kind == "attendance" for r in second.records) == 6
        # only the delegate whose phone changed travels again
        assert [r.kind for r in second.records].count("person") == 1
        import_package(tn, tmp_path / "2.mdpkg")
        assert _status(tn) == _status(centre) and set(_status(tn).values()) == {"late"}
        # a new delegate of a meeting the partner holds travels with its attendance
        site = directory.find_site(centre, "19")
        assert site is not None
        p = directory.add_person(centre, full_name="Người mới", site_id=site.id)
        participation.add_attendance(centre, meeting_id=m, person_id=p.id or 0,
                                     site_id=site.id)
        third = export_package(centre, m, tmp_path / "3.mdpkg", partner=to_tn)
        # (tn has not acknowledged the second package yet: the phone travels again)
        assert sorted(str(r.state.shown.get("full_name")) for r in third.records
                      if r.kind == "person") == sorted(["Người mới", called.full_name])
        import_package(tn, tmp_path / "3.mdpkg")
        assert "Người mới" in _status(tn)


def test_package_whose_records_the_schema_refuses_names_the_record(tmp_path: Path) -> None:
    centre, tn, m = _desks(tmp_path)
    with centre, tn:
        export_package(centre, m, tmp_path / "p.mdpkg")
        raw = read_package(tmp_path / "p.mdpkg")
        twin = next(r for r in raw.records if r.kind == "attendance")
        records = [*raw.records, WireRecord(GID, "attendance", twin.state)]  # same delegate
        before = tn.path.read_bytes()
        with pytest.raises(PackageError, match=f"attendance {GID[:8]}"):
            import_package(tn, type(raw)(raw.manifest, records))
        assert directory.list_people(tn) == [] and tn.path.read_bytes() == before


def test_an_edit_then_a_deletion_before_the_next_exchange_travels_with_the_tombstone(
        tmp_path: Path) -> None:
    centre, tn, m = _desks(tmp_path)
    with centre, tn:
        entry = participation.attendance_list(centre, m)[0]
        participation.update_attendance(centre, entry.attendance.id or 0, reason="lý do 1")
        export_package(centre, m, tmp_path / "1.mdpkg")  # sealed: reason 1
        participation.update_attendance(centre, entry.attendance.id or 0, reason="lý do 2")
        participation.remove_attendance(centre, entry.attendance.id or 0)
        package = export_package(centre, m, tmp_path / "2.mdpkg")
        (gone,) = [r for r in package.records if r.kind == "attendance" and not r.state.alive]
        assert [s.value for s in gone.state.fields["reason"]] == ["lý do 2"]


def test_merge_with_a_backup_plans_once_unless_the_desk_was_written_meanwhile(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    centre, tn, m = _desks(tmp_path)
    with centre, tn:
        export_package(centre, m, tmp_path / "p.mdpkg")
        records = read_package(tmp_path / "p.mdpkg").records
        plans = []
        real = sync.plan_merge
        monkeypatch.setattr(sync, "plan_merge", lambda *a, **k: plans.append(1) or real(*a, **k))
        sync.merge_records(tn, records, "centre", backup=lambda: None)
        assert len(plans) == 1 and len(directory.list_people(tn)) == 6

        for e in participation.attendance_list(centre, m):
            participation.update_attendance(centre, e.attendance.id or 0, status="late")
        export_package(centre, m, tmp_path / "q.mdpkg")
        records = read_package(tmp_path / "q.mdpkg").records
        tn_m = meetings.list_meetings(tn)[0].meeting.id or 0
        first = participation.attendance_list(tn, tn_m)[0].attendance.id or 0

        def meanwhile() -> None:  # someone writes while the backup is taken
            participation.update_attendance(tn, first, status="absent")

        plans.clear()
        with pytest.raises(ConflictError):
            sync.merge_records(tn, records, "centre", backup=meanwhile)
        assert len(plans) == 2
