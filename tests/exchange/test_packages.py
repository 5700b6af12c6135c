"""Site exchange packages: export, import, merge, no duplicates, conflicts shown."""

from __future__ import annotations

import json
import re
import zipfile
from pathlib import Path
from typing import Any

import pytest
from test_import_lists import demo_meeting_id

from meetingdesk.domain.enums import AttendanceStatus
from meetingdesk.domain.errors import ConflictError
from meetingdesk.domain.messages import set_language
from meetingdesk.exchange.errors import PackageError
from meetingdesk.exchange.packages import export_package, import_package, read_package
from meetingdesk.services import checkpoints, conflicts, directory, meetings, notes, participation
from meetingdesk.services.sync import Outcome
from meetingdesk.store.desk import Desk, open_desk

ROW_TABLES = ("sites", "people", "meetings", "meeting_sites", "connection_events",
              "attendances", "agenda_items", "notes", "note_revisions", "site_aliases")


def counts(desk: Desk) -> dict[str, int]:
    return {t: desk.db.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in ROW_TABLES}


def site_part(desk: Desk, meeting_id: int, site_name: str) -> dict[str, object]:
    """What a site's part of a meeting looks like, independent of ids."""
    site = directory.find_site(desk, site_name)
    assert site is not None
    entries = [e for e in participation.attendance_list(desk, meeting_id) if e.site
               and e.site.id == site.id]
    (ms,) = [e for e in participation.meeting_sites(desk, meeting_id) if e.site.id == site.id]
    return {
        "site": (site.name, site.code, site.aliases, site.kind),
        "meeting_site": (ms.meeting_site.summoned, ms.meeting_site.connection),
        "log": [(c.at, c.status, c.remark)
                for c in participation.connection_log(desk, ms.meeting_site.id or 0)],
        "people": sorted((e.person.full_name, e.person.titles, e.person.organization,
                          e.person.rank, e.attendance.role, e.attendance.status,
                          e.attendance.reason, e.attendance.checked_in_at) for e in entries),
        "notes": sorted((n.at, n.kind, n.text) for n in notes.notes_of(desk, meeting_id)
                        if n.site_id == site.id),
    }


def test_package_acceptance_thai_nguyen_into_fresh_desk_twice_same_rows_no_duplicates(
        demo_desk: Desk, tmp_path: Path) -> None:
    meeting_id = demo_meeting_id(demo_desk)
    path = tmp_path / "thai-nguyen.mdpkg"
    package = export_package(demo_desk, meeting_id, path, site_code="Thái Nguyên")
    assert package.scope == "site" and package.manifest["site"]["code"] == "19"
    expected = site_part(demo_desk, meeting_id, "Thái Nguyên")
    with open_desk(tmp_path / "fresh.db") as fresh:
        first = import_package(fresh, path)
        assert first.written and first.backup is not None
        assert first.plan.counts()[Outcome.CONFLICT] == 0
        after_first = counts(fresh)
        (summary,) = meetings.list_meetings(fresh)
        assert summary.meeting.title == meetings.get_meeting(demo_desk, meeting_id).title
        assert site_part(fresh, summary.meeting.id or 0, "Thái Nguyên") == expected
        second = import_package(fresh, path)
        assert {i.outcome for i in second.plan.items} == {Outcome.UNCHANGED}
        assert counts(fresh) == after_first
        assert site_part(fresh, summary.meeting.id or 0, "Thái Nguyên") == expected


def test_package_imported_into_its_own_desk_changes_nothing(demo_desk: Desk,
                                                            tmp_path: Path) -> None:
    path = tmp_path / "p.mdpkg"
    export_package(demo_desk, demo_meeting_id(demo_desk), path, site_code="19")
    before = counts(demo_desk)
    report = import_package(demo_desk, path)
    assert {i.outcome for i in report.plan.items} == {Outcome.UNCHANGED}
    assert counts(demo_desk) == before


def test_package_setup_to_province_and_its_part_back_to_the_centre(demo_desk: Desk,
                                                                   tmp_path: Path) -> None:
    centre, meeting_id = demo_desk, demo_meeting_id(demo_desk)
    export_package(centre, meeting_id, tmp_path / "setup.mdpkg")
    with open_desk(tmp_path / "province.db") as province:
        report = import_package(province, tmp_path / "setup.mdpkg")
        assert report.plan.counts()[Outcome.NEW] == len(report.package.records)
        (local,) = meetings.list_meetings(province)
        lid = local.meeting.id or 0
        assert local.site_count == 7 and local.delegate_count == 5
        # The province takes the attendance and adds a delegate and a note.
        son = next(e for e in participation.attendance_list(province, lid)
                   if e.person.full_name == "Phạm Hoàng Sơn")
        participation.update_attendance(province, son.attendance.id or 0, status="late",
                                        reason="Họp Thường trực Tỉnh ủy")
        tn = directory.find_site(province, "Thái Nguyên")
        assert tn is not None and tn.id is not None
        new = directory.add_person(province, full_name="Hà Thị Thu Trang",
                                   titles=("Phó Chánh Văn phòng Tỉnh ủy",), site_id=tn.id)
        participation.add_attendance(province, meeting_id=lid, person_id=new.id or 0,
                                     site_id=tn.id, status=AttendanceStatus.PRESENT)
        notes.add_note(province, meeting_id=lid, text="Điểm cầu Thái Nguyên có 26 đại biểu.",
                       site_id=tn.id)
        export_package(province, lid, tmp_path / "tn.mdpkg", site_code="19")
    before = counts(centre)
    report = import_package(centre, tmp_path / "tn.mdpkg")
    c = report.plan.counts()
    assert (c[Outcome.NEW], c[Outcome.CHANGED], c[Outcome.CONFLICT]) == (3, 1, 0)
    after = counts(centre)
    assert after["people"] == before["people"] + 1
    assert after["attendances"] == before["attendances"] + 1
    assert after["notes"] == before["notes"] + 1
    assert after["meetings"] == before["meetings"]
    son = next(e for e in participation.attendance_list(centre, meeting_id)
               if e.person.full_name == "Phạm Hoàng Sơn")
    assert son.attendance.status is AttendanceStatus.LATE
    again = import_package(centre, tmp_path / "tn.mdpkg")
    assert {i.outcome for i in again.plan.items} == {Outcome.UNCHANGED}
    assert counts(centre) == after


def test_package_change_on_both_sides_is_a_conflict_with_both_values_kept(
        demo_desk: Desk, tmp_path: Path) -> None:
    centre, meeting_id = demo_desk, demo_meeting_id(demo_desk)
    export_package(centre, meeting_id, tmp_path / "setup.mdpkg")
    with open_desk(tmp_path / "province.db") as province:
        import_package(province, tmp_path / "setup.mdpkg")
        (person,) = directory.list_people(province, "Dương Xuân Hùng")
        directory.update_person(province, person.id or 0, phone="0280 111 222",
                                email="hung@thainguyen.gov.vn")
        lid = meetings.list_meetings(province)[0].meeting.id or 0
        export_package(province, lid, tmp_path / "tn.mdpkg", site_code="19")
    (person,) = directory.list_people(centre, "Dương Xuân Hùng")
    directory.update_person(centre, person.id or 0, phone="0913 000 000")
    dry = import_package(centre, tmp_path / "tn.mdpkg", dry_run=True)
    (conflict,) = dry.plan.of(Outcome.CONFLICT)
    assert conflict.label == "Dương Xuân Hùng"
    assert sorted((c.field, c.mine, c.theirs, c.conflict) for c in conflict.changes) == [
        ("email", "", "hung@thainguyen.gov.vn", False),  # only the province changed it
        ("phone", "0913 000 000", "0280 111 222", True)]
    from meetingdesk.exchange.report import merge_lines

    lines = merge_lines(dry)
    assert "      phone: ở đây “0913 000 000” / bên kia “0280 111 222”" in lines
    assert "      email: “” → “hung@thainguyen.gov.vn”" in lines
    assert not dry.written
    import_package(centre, tmp_path / "tn.mdpkg")
    (kept,) = conflicts.list_conflicts(centre)
    (field,) = kept.fields
    assert field.field == "phone"
    assert {c.value for c in field.candidates} == {"0913 000 000", "0280 111 222"}
    assert directory.get_person(centre, person.id or 0).phone == field.candidates[0].value


def test_package_conflict_shows_the_other_sides_value_when_this_desks_own_is_shown(
        demo_desk: Desk, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A conflict that comes back to the desk whose value wins (the later write) is previewed
    with the other side's value as "bên kia", not the value shown twice."""
    from meetingdesk.exchange.report import merge_lines
    from meetingdesk.store import sealing

    centre, meeting_id = demo_desk, demo_meeting_id(demo_desk)
    export_package(centre, meeting_id, tmp_path / "setup.mdpkg")
    (person,) = directory.list_people(centre, "Dương Xuân Hùng")
    monkeypatch.setattr(sealing, "now_text", lambda: "2026-12-01T09:00:00")
    directory.update_person(centre, person.id or 0, phone="0913 000 000")
    centre.seal_pending()  # its revision made now, not at the next exchange (a later clock)
    with open_desk(tmp_path / "province.db") as province:
        import_package(province, tmp_path / "setup.mdpkg")
        (mine,) = directory.list_people(province, "Dương Xuân Hùng")
        monkeypatch.setattr(sealing, "now_text", lambda: "2026-12-01T09:00:05")  # later
        directory.update_person(province, mine.id or 0, phone="0280 111 222")
        lid = meetings.list_meetings(province)[0].meeting.id or 0
        export_package(province, lid, tmp_path / "tn.mdpkg", site_code="19")
        import_package(centre, tmp_path / "tn.mdpkg")  # the conflict, kept at the centre
        assert directory.get_person(centre, person.id or 0).phone == "0280 111 222"
        export_package(centre, meeting_id, tmp_path / "back.mdpkg",
                       partner=checkpoints.this_replica(province))
        dry = import_package(province, tmp_path / "back.mdpkg", dry_run=True)
    (conflict,) = dry.plan.of(Outcome.CONFLICT)
    assert [(c.field, c.mine, c.theirs, c.conflict) for c in conflict.changes] == [
        ("phone", "0280 111 222", "0913 000 000", True)]
    assert "      phone: ở đây “0280 111 222” / bên kia “0913 000 000”" in merge_lines(dry)


def test_package_older_than_the_desk_changes_nothing_and_says_so(demo_desk: Desk,
                                                                tmp_path: Path) -> None:
    path = tmp_path / "p.mdpkg"
    meeting_id = demo_meeting_id(demo_desk)
    with open_desk(tmp_path / "province.db") as province:
        export_package(demo_desk, meeting_id, path)
        import_package(province, path)
        lid = meetings.list_meetings(province)[0].meeting.id or 0
        export_package(province, lid, tmp_path / "back.mdpkg")
    (person,) = directory.list_people(demo_desk, "Dương Xuân Hùng")
    directory.update_person(demo_desk, person.id or 0, phone="0913 000 000")
    report = import_package(demo_desk, tmp_path / "back.mdpkg")
    assert [i.label for i in report.plan.of(Outcome.OLDER)] == ["Dương Xuân Hùng"]
    assert not report.plan.writes and report.backup is None
    assert directory.get_person(demo_desk, person.id or 0).phone == "0913 000 000"


def test_package_import_of_a_preview_refused_when_the_desk_changed_since(
        demo_desk: Desk, tmp_path: Path) -> None:
    path = tmp_path / "setup.mdpkg"
    export_package(demo_desk, demo_meeting_id(demo_desk), path)
    with open_desk(tmp_path / "province.db") as province:
        preview = import_package(province, path, dry_run=True)
        directory.add_site(province, name="Thái Nguyên", code="19")  # now found, not new
        before = counts(province)
        with pytest.raises(ConflictError):
            import_package(province, path, expected=preview.plan)
        assert counts(province) == before
        report = import_package(province, path,
                                expected=import_package(province, path, dry_run=True).plan)
        assert report.written


def test_package_tampered_records_are_refused_and_nothing_written(demo_desk: Desk,
                                                                  tmp_path: Path) -> None:
    path = tmp_path / "p.mdpkg"
    export_package(demo_desk, demo_meeting_id(demo_desk), path, site_code="19")
    with zipfile.ZipFile(path) as zf:
        manifest, body = zf.read("manifest.json"), zf.read("records.json")
    tampered = tmp_path / "tampered.mdpkg"
    with zipfile.ZipFile(tampered, "w") as zf:
        zf.writestr("manifest.json", manifest)
        zf.writestr("records.json", body.replace("Phạm Hoàng Sơn".encode(), "Phạm Hoàng Sen"
                                                 .encode()))
    with open_desk(tmp_path / "fresh.db") as fresh:
        before = counts(fresh)
        with pytest.raises(PackageError, match="sha256"):
            import_package(fresh, tampered)
        assert counts(fresh) == before


@pytest.mark.parametrize(("members", "match"), [
    ({"manifest.json": b"{}", "records.json": b"[]"}, "không phải gói"),
    ({"manifest.json": b"not json", "records.json": b"[]"}, "JSON"),
    ({"records.json": b"[]"}, "thành phần"),
    ({"manifest.json": b"{}", "records.json": b"[]", "extra.bin": b"x"}, "thành phần"),
])
def test_read_package_refuses_malformed_packages(tmp_path: Path, members: dict[str, bytes],
                                                 match: str) -> None:
    path = tmp_path / "bad.mdpkg"
    with zipfile.ZipFile(path, "w") as zf:
        for name, data in members.items():
            zf.writestr(name, data)
    with pytest.raises(PackageError, match=match):
        read_package(path)


def _repack(source: Path, target: Path, edit: object) -> Path:
    import hashlib

    with zipfile.ZipFile(source) as zf:
        manifest = json.loads(zf.read("manifest.json"))
        records = json.loads(zf.read("records.json"))
    records = edit(records)  # type: ignore[operator]
    body = json.dumps(records).encode()
    manifest["members"]["records.json"] = hashlib.sha256(body).hexdigest()
    with zipfile.ZipFile(target, "w") as zf:
        zf.writestr("manifest.json", json.dumps(manifest))
        zf.writestr("records.json", body)
    return target


def _set(kind: str, field: str, value: object) -> object:
    """An edit of every record of ``kind``: each value of ``field`` replaced by ``value``."""
    def edit(records: list[dict[str, Any]]) -> list[dict[str, Any]]:
        for r in records:
            if r["kind"] == kind:
                for sibling in r["state"]["f"][field]:
                    sibling[0] = value
        return records
    return edit


@pytest.mark.parametrize("edit", [
    lambda rs: [*rs, {"kind": "virus", "gid": rs[0]["gid"], "state": rs[0]["state"]}],
    _set("site", "kind", "palace"),
    _set("meeting_site", "summoned", -5),
    _set("attendance", "person_id", "nowhere"),
    _set("person", "titles", "{\"a\": 1}"),
    _set("person", "full_name", "Ha\u0300 Noi\x07"),
    _set("note", "at", "yesterday"),
    lambda rs: [{**r, "gid": "me"} for r in rs],
    lambda rs: [{**r, "state": {**r["state"], "v": {}}} for r in rs],
    lambda rs: [*rs, rs[0]],
])
def test_import_package_with_invalid_records_writes_nothing(demo_desk: Desk, tmp_path: Path,
                                                            edit: object) -> None:
    tn = directory.find_site(demo_desk, "Thái Nguyên")
    assert tn is not None
    notes.add_note(demo_desk, meeting_id=demo_meeting_id(demo_desk), site_id=tn.id,
                   text="Điểm cầu Thái Nguyên đề xuất.")  # the package holds a note
    path = export_package(demo_desk, demo_meeting_id(demo_desk), tmp_path / "p.mdpkg",
                          site_code="19")
    assert path
    bad = _repack(tmp_path / "p.mdpkg", tmp_path / "bad.mdpkg", edit)
    with open_desk(tmp_path / "fresh.db") as fresh:
        before = counts(fresh)
        with pytest.raises(PackageError):
            import_package(fresh, bad)
        assert counts(fresh) == before


@pytest.mark.parametrize(("edit", "match"), [
    (lambda m: {**m, "meeting": "oops"}, "cuộc họp"),
    (lambda m: {**m, "meeting": None}, "cuộc họp"),
    (lambda m: {**m, "meeting": {"planned_start": None}}, "cuộc họp"),
    (lambda m: {**m, "meeting": {**m["meeting"], "title": 5}}, "cuộc họp"),
    (lambda m: {**m, "meeting": {**m["meeting"], "planned_start": []}}, "cuộc họp"),
    (lambda m: {k: v for k, v in m.items() if k != "site"}, "điểm cầu"),
    (lambda m: {**m, "site": "Thái Nguyên"}, "điểm cầu"),
    (lambda m: {**m, "site": {"code": "19"}}, "điểm cầu"),
    (lambda m: {**m, "created_at": {"x": 1}}, "thời điểm"),
])
def test_read_package_refuses_a_malformed_manifest_with_a_clear_error(
        demo_desk: Desk, tmp_path: Path, edit: object, match: str) -> None:
    export_package(demo_desk, demo_meeting_id(demo_desk), tmp_path / "p.mdpkg", site_code="19")
    bad = tmp_path / "bad.mdpkg"
    with zipfile.ZipFile(tmp_path / "p.mdpkg") as zf, zipfile.ZipFile(bad, "w") as out:
        out.writestr("manifest.json", json.dumps(edit(json.loads(zf.read("manifest.json")))))  # type: ignore[operator]
        out.writestr("records.json", zf.read("records.json"))
    with pytest.raises(PackageError, match=match) as err:
        read_package(bad)
    assert "Không có gì được ghi" in err.value.vi and "Nothing was written" in err.value.en


def test_package_for_the_centre_carries_a_directory_edit_of_a_record_it_sent(
        demo_desk: Desk, tmp_path: Path) -> None:
    """Everything a province holds came from the centre (left out of its packages for the
    centre), yet its new phone number of a delegate travels back (found by the stateful
    test)."""
    centre, meeting_id = demo_desk, demo_meeting_id(demo_desk)
    with open_desk(tmp_path / "province.db") as province:
        export_package(centre, meeting_id, tmp_path / "setup.mdpkg",
                       partner=checkpoints.this_replica(province))
        import_package(province, tmp_path / "setup.mdpkg")
        (person,) = directory.list_people(province, "Dương Xuân Hùng")
        directory.update_person(province, person.id or 0, phone="0280 111 222")
        back = export_package(province, demo_meeting_id(province), tmp_path / "back.mdpkg",
                              partner=checkpoints.this_replica(centre))
        assert [r.kind for r in back.records] == ["person"]
    report = import_package(centre, tmp_path / "back.mdpkg")
    assert [(i.label, i.outcome) for i in report.plan.items] == [
        ("Dương Xuân Hùng", Outcome.CHANGED)]
    (person,) = directory.list_people(centre, "Dương Xuân Hùng")
    assert person.phone == "0280 111 222"


def test_package_records_whose_references_resolve_to_nothing_are_shown_as_problems(
        demo_desk: Desk, tmp_path: Path) -> None:
    from meetingdesk.exchange.packages import Package
    from meetingdesk.exchange.report import merge_lines

    meeting_id = demo_meeting_id(demo_desk)
    path = tmp_path / "thai-nguyen.mdpkg"
    export_package(demo_desk, meeting_id, path, site_code="Thái Nguyên")
    package = read_package(path)
    without_sites = Package(package.manifest, [r for r in package.records if r.kind != "site"])
    with open_desk(tmp_path / "fresh.db") as fresh:
        report = import_package(fresh, without_sites, dry_run=True)
        waiting = [i for i in report.plan.items if i.waits_for]
        assert waiting and all(i.waits_for == ("site",) for i in waiting)
        assert "Phạm Hoàng Sơn" in {i.label for i in waiting}
        lines = merge_lines(report)
        assert any("CHỜ" in line and "Phạm Hoàng Sơn" in line for line in lines)
        assert any(line.startswith(f"Vấn đề: {len(waiting)} bản ghi") for line in lines)
        set_language("en")
        try:
            english = "\n".join(merge_lines(report))
        finally:
            set_language("vi")
        assert f"Problem: {len(waiting)} record(s)" in english and "WAITING" in english
        assert "Dry run: nothing written." in english
        template_words = re.sub("“[^”]*”", "", english)  # without the quoted titles
        for vietnamese in ("Gói ", "CHỜ", "Vấn đề", "Chạy thử", "mới ", "thay đổi"):
            assert vietnamese not in template_words
        full = import_package(fresh, package, dry_run=True)
        assert not [i for i in full.plan.items if i.waits_for]


def test_package_acknowledges_only_its_own_meeting_scopes(demo_desk: Desk,
                                                          tmp_path: Path) -> None:
    """A manifest's acknowledgements grow with its meeting, not with the year: the centre's
    package of a second meeting tells the province what the centre holds of that meeting
    only, and the province's acknowledgement of it still reaches the centre."""
    centre, first = demo_desk, demo_meeting_id(demo_desk)
    second = meetings.copy_meeting(centre, first, title="Hội nghị quý 2").id or 0
    me = checkpoints.this_replica(centre)
    with open_desk(tmp_path / "province.db") as province:
        partner = checkpoints.this_replica(province)
        for n, meeting_id in enumerate((first, second)):
            export_package(centre, meeting_id, tmp_path / f"setup{n}.mdpkg", partner=partner)
            import_package(province, tmp_path / f"setup{n}.mdpkg")
            title = meetings.get_meeting(centre, meeting_id).title
            local = next(s.meeting.id for s in meetings.list_meetings(province)
                         if s.meeting.title == title) or 0
            part = export_package(province, local, tmp_path / f"tn{n}.mdpkg", site_code="19",
                                  partner=me)
            import_package(centre, tmp_path / f"tn{n}.mdpkg")
            (scope,) = part.manifest["acks"][me]
            assert scope == f"meeting:{part.manifest['meeting']['gid']}"
        back = export_package(centre, second, tmp_path / "back.mdpkg", partner=partner)
        acks = back.manifest["acks"][partner]
        assert acks and all(s.startswith(f"site:{back.manifest['meeting']['gid']}:")
                            for s in acks)
        held = {cp.scope: cp.acked for cp in checkpoints.partners(centre)[0].checkpoints}
        assert held[f"meeting:{back.manifest['meeting']['gid']}"] > 0


def test_package_note_text_that_arrives_is_kept_in_the_note_history(demo_desk: Desk,
                                                                     tmp_path: Path) -> None:
    centre, meeting_id = demo_desk, demo_meeting_id(demo_desk)
    export_package(centre, meeting_id, tmp_path / "setup.mdpkg")
    with open_desk(tmp_path / "province.db") as province:
        import_package(province, tmp_path / "setup.mdpkg")
        lid = meetings.list_meetings(province)[0].meeting.id or 0
        tn = directory.find_site(province, "Thái Nguyên")
        assert tn is not None and tn.id is not None
        note = notes.add_note(province, meeting_id=lid, text="Điểm cầu có 26 đại biểu.",
                              site_id=tn.id)
        export_package(province, lid, tmp_path / "tn1.mdpkg", site_code="19")
        notes.update_note(province, note.id or 0, text="Điểm cầu có 27 đại biểu.")
        export_package(province, lid, tmp_path / "tn2.mdpkg", site_code="19")
    import_package(centre, tmp_path / "tn1.mdpkg")
    (arrived,) = [n for n in notes.notes_of(centre, meeting_id) if "26 đại biểu" in n.text]
    assert [r.text for r in notes.revisions(centre, arrived.id or 0)] == [arrived.text]
    import_package(centre, tmp_path / "tn2.mdpkg")
    changed = notes.get_note(centre, arrived.id or 0)
    history = notes.revisions(centre, arrived.id or 0)
    assert [r.text for r in history] == ["Điểm cầu có 26 đại biểu.", "Điểm cầu có 27 đại biểu."]
    assert changed.revision == history[-1].revision == 2
    import_package(centre, tmp_path / "tn2.mdpkg")  # again: nothing new in the history
    assert len(notes.revisions(centre, arrived.id or 0)) == 2


def test_package_written_marks_how_far_the_replica_went_before_any_close(
        demo_desk: Desk, tmp_path: Path) -> None:
    """A package may reach a partner and the program then stop without closing: the replica's
    marks (beside the file and on the machine) are left as the package is written."""
    from meetingdesk.store.replica import machine_mark_path, mark_path
    from meetingdesk.store.revisions import sequence_of

    meeting_id = demo_meeting_id(demo_desk)
    (person,) = directory.list_people(demo_desk, "Dương Xuân Hùng")
    directory.update_person(demo_desk, person.id or 0, phone="0913 000 000")
    export_package(demo_desk, meeting_id, tmp_path / "p.mdpkg")
    me = checkpoints.this_replica(demo_desk)
    marks = [json.loads(p.read_text(encoding="utf-8"))
             for p in (mark_path(demo_desk.path), machine_mark_path(me))]
    assert marks == [{"replica": me, "sequence": sequence_of(demo_desk.conn)}] * 2


def test_package_for_a_partner_named_by_its_whole_replica_id_before_it_ever_wrote(
        demo_desk: Desk, tmp_path: Path) -> None:
    """A desk that never sent anything is not among the partners yet: its whole replica id
    names it all the same (the start of an id, or a name, must match a known partner)."""
    from meetingdesk.domain.errors import ValidationError

    with open_desk(tmp_path / "province.db") as province:
        theirs = checkpoints.this_replica(province)
    assert theirs not in {p.replica_id for p in checkpoints.partners(demo_desk)}
    assert checkpoints.find_partner(demo_desk, f" {theirs.upper()} ") == theirs
    with pytest.raises(ValidationError, match="không có"):
        checkpoints.find_partner(demo_desk, theirs[:8])
    package = export_package(demo_desk, demo_meeting_id(demo_desk), tmp_path / "p.mdpkg",
                             partner=checkpoints.find_partner(demo_desk, theirs))
    assert package.manifest["to"] == theirs
