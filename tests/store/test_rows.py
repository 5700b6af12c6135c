"""Records to rows and back: dates, times, enums, tuples and missing values survive the trip."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from meetingdesk.domain.enums import AttendanceStatus, MeetingStatus, Role, SiteKind
from meetingdesk.domain.errors import NotFoundError
from meetingdesk.domain.records import Attendance, Document, Meeting, Person, Site
from meetingdesk.store import tables
from meetingdesk.store.desk import Desk
from meetingdesk.store.rows import field_names, from_row, record_maker, to_row

RECORDS = [
    Site(None, "Thái Nguyên", SiteKind.PROVINCE, "19", ("Bắc Kạn",)),
    Person(None, "Phạm Hoàng Sơn", ("Phó Bí thư Thường trực Tỉnh ủy", "Chủ tịch HĐND tỉnh"),
           rank=30),
    Meeting(None, "Giao ban", planned_start=datetime(2023, 4, 3, 14, 0),
            status=MeetingStatus.ENDED, number=12),
    Attendance(None, 1, 2, None, Role.CHAIR, AttendanceStatus.ABSENT_EXCUSED, "Đi công tác",
               datetime(2023, 4, 3, 13, 50)),
    Document(None, "96-QĐ/TW", "Quy định", issued_on=date(2023, 2, 2), issued_year=2023),
]


@pytest.mark.parametrize("record", RECORDS, ids=lambda r: type(r).__name__)
def test_rows_round_trip_every_field(record: object) -> None:
    row = to_row(record)
    assert "id" not in row
    assert all(v is None or isinstance(v, str | int) for v in row.values())
    assert from_row(type(record), {**row, "id": None}) == record


@pytest.mark.parametrize("record", RECORDS, ids=lambda r: type(r).__name__)
def test_rows_record_maker_builds_what_from_row_builds(record: object) -> None:
    """From a row's values in column order (as a query gives them), with and without the
    columns that are stored in another form, and with a column left out (``aliases``)."""
    cls = type(record)
    row = {**to_row(record), "id": 7}
    for columns in (field_names(cls), [n for n in field_names(cls) if n != "aliases"],
                    ["id", *sorted(n for n in field_names(cls) if n != "id")]):
        values = [row.get(n) for n in columns]
        expected = from_row(cls, dict(zip(columns, values, strict=True)))
        assert record_maker(cls, columns)(values) == expected


def test_rows_titles_decoded_once_per_text() -> None:
    """Thousands of people share a few dozen title lines: each is decoded once."""
    row = to_row(RECORDS[1])
    make = record_maker(Person, field_names(Person))
    first, second = (make([row.get(n) for n in field_names(Person)]) for _ in range(2))
    assert first == RECORDS[1] and first.titles is second.titles


def test_rows_store_titles_as_readable_json_and_enums_as_values() -> None:
    row = to_row(RECORDS[1])
    assert row["titles"] == '["Phó Bí thư Thường trực Tỉnh ủy", "Chủ tịch HĐND tỉnh"]'
    assert to_row(RECORDS[2])["status"] == "ended"
    assert to_row(RECORDS[2])["planned_start"] == "2023-04-03T14:00:00"


def test_repository_round_trips_through_the_desk(desk: Desk) -> None:
    with desk.transaction() as db:
        site = tables.sites.insert(db, RECORDS[0])
        meeting = tables.meetings.insert(db, RECORDS[2])
    assert site.id is not None and meeting.id is not None
    assert tables.sites.get(desk.db, site.id) == Site(
        site.id, "Thái Nguyên", SiteKind.PROVINCE, "19", ("Bắc Kạn",))
    assert tables.meetings.get(desk.db, meeting.id).planned_start == datetime(2023, 4, 3, 14)


def test_repository_missing_record_is_not_found(desk: Desk) -> None:
    for call in (lambda: tables.people.get(desk.db, 5),
                 lambda: tables.people.update(desk.db, 5, {"rank": 1}),
                 lambda: tables.people.delete(desk.db, 5)):
        with pytest.raises(NotFoundError, match="Không tìm thấy đại biểu"):
            call()


def test_repository_reads_the_aliases_of_many_sites_in_one_query(desk: Desk) -> None:
    with desk.transaction() as db:
        for n in range(120):
            tables.sites.insert(db, Site(None, f"Xã {n}", aliases=(f"Xã cũ {n}", f"Thôn {n}")
                                         if n % 3 == 0 else ()))
    asked: list[str] = []
    desk.conn.set_trace_callback(asked.append)
    try:
        found = tables.sites.all(desk.db)
    finally:
        desk.conn.set_trace_callback(None)
    assert [s.aliases for s in found[:4]] == [("Xã cũ 0", "Thôn 0"), (), (), ("Xã cũ 3", "Thôn 3")]
    assert len(found) == 120 and sum("site_aliases" in sql for sql in asked) == 1


def test_repository_update_writes_the_fields_without_reading_the_schema(desk: Desk) -> None:
    with desk.transaction() as db:
        meeting = tables.meetings.insert(db, RECORDS[2])
    assert meeting.id is not None
    asked: list[str] = []
    desk.conn.set_trace_callback(asked.append)
    try:
        with desk.transaction() as db:
            changed = tables.meetings.update(db, meeting.id, {
                "status": MeetingStatus.FINAL, "planned_start": None, "number": 13})
    finally:
        desk.conn.set_trace_callback(None)
    assert changed == tables.meetings.get(desk.db, meeting.id) == Meeting(
        meeting.id, "Giao ban", status=MeetingStatus.FINAL, number=13)
    assert not [sql for sql in asked if "PRAGMA" in sql.upper()]
