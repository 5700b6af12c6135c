"""Diacritic-insensitive search (đ→d included) and an index that follows every change."""

from __future__ import annotations

import pytest

from meetingdesk.domain.records import SearchHit
from meetingdesk.services import agenda, directory, documents, meetings, notes, participation
from meetingdesk.services.demo import DAY, DEMO_TITLE
from meetingdesk.services.search import SearchResults, meetings_matching, search
from meetingdesk.store import search as store_search
from meetingdesk.store.desk import Desk


def _found(desk: Desk, query: str, kind: str | None = None) -> list[SearchHit]:
    return [h for h in search(desk, query) if kind is None or h.kind == kind]


def _texts(desk: Desk, query: str, kind: str | None = None) -> list[str]:
    return [h.text for h in _found(desk, query, kind)]


@pytest.mark.parametrize(("query", "expected"), [
    ("dong chi", "đồng chí"),
    ("DONG CHI", "đồng chí"),
    ("đồng chí", "đồng chí"),
    ("thai nguyen", "Thái Nguyên"),
    ("lay phieu tin nhiem", "lấy phiếu tín nhiệm"),
    ("96-qd/tw", "96-QĐ/TW"),
])
def test_search_demo_ignores_tones_hats_and_d_stroke(demo_copy: Desk, query: str,
                                                     expected: str) -> None:
    hits = _found(demo_copy, query)
    assert hits
    assert any(expected in h.text for h in hits)


def test_search_former_province_finds_the_merged_site(demo_copy: Desk) -> None:
    (hit,) = _found(demo_copy, "bac kan", "site")
    assert hit.text.startswith("Thái Nguyên")
    assert "Bắc Kạn" in hit.text


def test_search_hits_carry_their_meeting(demo_copy: Desk) -> None:
    (meeting,) = meetings.list_meetings(demo_copy)
    hits = _found(demo_copy, "quy 2", "note")
    assert hits
    for hit in hits:
        assert (hit.meeting_id, hit.meeting_title, hit.meeting_date) == (
            meeting.meeting.id, DEMO_TITLE, DAY)
    person = _found(demo_copy, "pham hoang son", "person")[0]
    assert person.meeting_id == meeting.meeting.id


def test_search_ranks_the_closer_match_first(desk: Desk, meeting_id: int) -> None:
    notes.add_note(desk, meeting_id=meeting_id, text="Tổ chức xây dựng Đảng; " + "báo cáo " * 40)
    best = notes.add_note(desk, meeting_id=meeting_id, text="Tổ chức xây dựng Đảng.")
    hits = search(desk, "to chuc xay dung dang")
    assert len(hits) == 2 and hits[0].ref_id == best.id
    assert hits[0].score >= hits[1].score


@pytest.mark.parametrize("query", ["hoa binh", "Hoà Bình", "Hòa Bình", "HOÀ BÌNH"])
def test_search_both_tone_placements_find_both(desk: Desk, query: str) -> None:
    directory.add_site(desk, name="Hòa Bình")
    directory.add_site(desk, name="Hoà Bình cũ")
    assert sorted(_texts(desk, query, "site")) == ["Hoà Bình cũ", "Hòa Bình"]


def test_search_as_you_type_matches_a_prefix(desk: Desk) -> None:
    directory.add_person(desk, full_name="Dương Xuân Hùng")
    assert _found(desk, "duong xu") == []
    assert [h.text for h in search(desk, "duong xu", as_you_type=True)] == ["Dương Xuân Hùng"]


def test_search_can_be_limited_to_a_kind_or_a_meeting(desk: Desk, meeting_id: int) -> None:
    other = meetings.create_meeting(desk, title="Giao ban quý 2")
    notes.add_note(desk, meeting_id=meeting_id, text="Thái Nguyên báo cáo.")
    notes.add_note(desk, meeting_id=other.id or 0, text="Thái Nguyên thảo luận.")
    directory.add_site(desk, name="Thái Nguyên")
    assert len(search(desk, "thai nguyen")) == 3
    assert [h.kind for h in search(desk, "thai nguyen", kinds=("site",))] == ["site"]
    assert [h.text for h in search(desk, "thai nguyen", meeting_id=other.id)] == [
        "Thái Nguyên thảo luận."]


@pytest.mark.parametrize("query", ["", "  ", '"', "*", "AND OR NOT", "(", "dong - chi ^"])
def test_search_odd_queries_do_not_fail(demo_copy: Desk, query: str) -> None:
    results = search(demo_copy, query)
    assert isinstance(results, SearchResults) and not results.windowed


def test_search_edited_note_is_found_by_its_new_words_only(desk: Desk, meeting_id: int) -> None:
    note = notes.add_note(desk, meeting_id=meeting_id, text="Đồng chí Sơn phát biểu.")
    notes.update_note(desk, note.id or 0, text="Đồng chí Hùng kết luận.")
    assert _texts(desk, "hung ket luan") == ["Đồng chí Hùng kết luận."]
    assert _found(desk, "son phat bieu") == []


def test_search_deleted_records_are_no_longer_found(desk: Desk, meeting_id: int) -> None:
    note = notes.add_note(desk, meeting_id=meeting_id, text="Ghi chép Điện Biên.")
    person = directory.add_person(desk, full_name="Đỗ Văn Điện")
    site = directory.add_site(desk, name="Điện Biên", aliases=("Lai Châu cũ",))
    item = agenda.add_agenda_item(desk, meeting_id=meeting_id, title="Báo cáo Điện Biên")
    doc = documents.add_document(desk, reference="12-KL/TW", title="Về Điện Biên")
    assert {h.kind for h in search(desk, "dien")} == {"note", "person", "site", "agenda",
                                                     "document"}
    notes.delete_note(desk, note.id or 0)
    directory.delete_person(desk, person.id or 0)
    directory.delete_site(desk, site.id or 0)
    agenda.remove_agenda_item(desk, item.id or 0)
    documents.delete_document(desk, doc.id or 0)
    assert search(desk, "dien") == []
    assert search(desk, "lai chau") == []


def test_search_follows_renames_and_alias_changes(desk: Desk) -> None:
    site = directory.add_site(desk, name="Hà Giang", code="02")
    person = directory.add_person(desk, full_name="Nguyễn Văn Đức")
    directory.update_site(desk, site.id or 0, name="Tuyên Quang", aliases=("Hà Giang",))
    directory.update_person(desk, person.id or 0, titles=("Chủ tịch UBND tỉnh",))
    assert _texts(desk, "ha giang") == ["Tuyên Quang (Hà Giang)"]
    directory.update_site(desk, site.id or 0, aliases=())
    assert _found(desk, "ha giang") == []
    assert _texts(desk, "tuyen quang") == ["Tuyên Quang"]
    assert _texts(desk, "chu tich ubnd duc") == ["Nguyễn Văn Đức — Chủ tịch UBND tỉnh"]


def test_search_deleted_meeting_takes_its_notes_and_agenda_out_of_the_index(
        desk: Desk, meeting_id: int) -> None:
    notes.add_note(desk, meeting_id=meeting_id, text="Ý kiến của đồng chí Hùng.")
    agenda.add_agenda_item(desk, meeting_id=meeting_id, title="Ý kiến các điểm cầu")
    person = directory.add_person(desk, full_name="Dương Xuân Hùng")
    participation.add_attendance(desk, meeting_id=meeting_id, person_id=person.id or 0)
    meetings.delete_meeting(desk, meeting_id)
    assert search(desk, "y kien") == []
    (hit,) = search(desk, "hung")
    assert (hit.kind, hit.meeting_id) == ("person", None)
    indexed = desk.db.execute("SELECT count(*) FROM search_index").fetchone()[0]
    assert indexed == 1


def test_search_says_when_only_the_newest_notes_were_ranked(
        desk: Desk, meeting_id: int, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(store_search, "NOTE_WINDOW", 3)
    for i in range(4):
        notes.add_note(desk, meeting_id=meeting_id, text=f"Đồng chí số {i} phát biểu.")
    assert search(desk, "dong chi").windowed
    assert search(desk, "dong ch", as_you_type=True).windowed
    assert not search(desk, "so 2").windowed
    assert not search(desk, "dong chi", meeting_id=meeting_id).windowed  # a meeting: all ranked


def test_search_meetings_matching_through_sites_people_notes_and_agenda(
        desk: Desk, meeting_id: int) -> None:
    other = meetings.create_meeting(desk, title="Giao ban quý 2")
    third = meetings.create_meeting(desk, title="Giao ban quý 3")
    site = directory.add_site(desk, name="Thái Nguyên")
    directory.update_site(desk, site.id or 0, aliases=["Bắc Kạn"])
    participation.add_meeting_site(desk, meeting_id=meeting_id, site_id=site.id or 0)
    person = directory.add_person(desk, full_name="Dương Xuân Hùng")
    participation.add_attendance(desk, meeting_id=other.id or 0, person_id=person.id or 0)
    agenda.add_agenda_item(desk, meeting_id=third.id or 0, title="Kết luận số 50-KL/TW")
    assert meetings_matching(desk, "thai ng") == {meeting_id}
    assert meetings_matching(desk, "bac kan") == {meeting_id}  # by its former name
    assert meetings_matching(desk, "duong xuan") == {other.id}
    assert meetings_matching(desk, "ket luan 50") == {third.id}
    assert meetings_matching(desk, "") == set()


def test_search_index_has_prefix_lists_and_follows_edits(desk: Desk, meeting_id: int) -> None:
    (sql,) = desk.db.execute(
        "SELECT sql FROM sqlite_master WHERE name = 'search_index'").fetchone()
    assert "prefix = '1 2 3'" in sql
    note = notes.add_note(desk, meeting_id=meeting_id, text="Tỉnh Thái Nguyên báo cáo.")
    assert [h.ref_id for h in search(desk, "th", as_you_type=True, kinds=("note",))] == [
        note.id]
    notes.update_note(desk, note.id or 0, text="Tỉnh Cao Bằng báo cáo.")
    assert search(desk, "thai", as_you_type=True, kinds=("note",)) == []
