"""Hypothesis: whatever a CSV file holds, importing it either works or raises the importer's
own error (an ExchangeError with a message), never anything else."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from meetingdesk.exchange.errors import ExchangeError
from meetingdesk.exchange.importer import apply_import, plan_import
from meetingdesk.exchange.mapping import guess_mapping
from meetingdesk.exchange.reader import read_table
from meetingdesk.services import directory, meetings
from meetingdesk.store.desk import Desk, open_desk

HEADERS = ["Họ và tên", "Chức vụ", "Đơn vị", "Điểm cầu", "Điện thoại", "Email", "Vai trò",
           "Trạng thái", "Lý do", "STT", "Mã điểm cầu", "Số đại biểu", "Tên cũ"]
CELL = st.one_of(
    st.text(max_size=40),
    st.sampled_from(["Nguyễn Văn Đức", "Thái Nguyên", "Bắc Kạn", "=1+1", "'=x", "-", "@",
                     "Có mặt trực tuyến", "Vắng mặt", "Chủ trì", "0912345678", "19", "",
                     "\"", "\"\"", ";", "\t", "\r\n", "a,b", "Ｎｇｕｙễｎ", "\u0301", "x" * 3000]),
)
ENCODINGS = ["utf-8", "utf-8-sig", "utf-16", "cp1258", "tcvn3", "vni"]


@pytest.fixture(scope="module")
def fuzz_desk(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Desk, int, Path]]:
    folder = tmp_path_factory.mktemp("fuzz")
    with open_desk(folder / "fuzz.db") as desk:
        directory.add_site(desk, name="Thái Nguyên", code="19", aliases=("Bắc Kạn",))
        meeting = meetings.create_meeting(desk, title="Giao ban")
        assert meeting.id is not None
        yield desk, meeting.id, folder


def run_import(desk: Desk, meeting_id: int, path: Path, encoding: str | None) -> None:
    try:
        table = read_table(path, encoding)
        plan = plan_import(desk, table, guess_mapping(table.headers), meeting_id)
        apply_import(desk, plan, backup=False)
    except ExchangeError as exc:
        assert exc.vi and exc.en


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.binary(max_size=3000))
def test_fuzz_any_bytes_import_or_raise_exchange_error(
        fuzz_desk: tuple[Desk, int, Path], data: bytes) -> None:
    desk, meeting_id, folder = fuzz_desk
    path = folder / "bytes.csv"
    path.write_bytes(data)
    run_import(desk, meeting_id, path, None)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(headers=st.lists(st.one_of(st.sampled_from(HEADERS), st.text(max_size=12)),
                        min_size=1, max_size=8),
       rows=st.lists(st.lists(CELL, max_size=9), max_size=12),
       delimiter=st.sampled_from([",", ";", "\t"]),
       encoding=st.sampled_from(ENCODINGS),
       choose=st.booleans())
def test_fuzz_csv_tables_import_or_raise_exchange_error(
        fuzz_desk: tuple[Desk, int, Path], headers: list[str], rows: list[list[str]],
        delimiter: str, encoding: str, choose: bool) -> None:
    import csv
    import io

    desk, meeting_id, folder = fuzz_desk
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=delimiter)
    writer.writerow(headers)
    writer.writerows(rows)
    text = buffer.getvalue()
    if encoding in ("tcvn3", "vni", "cp1258"):
        from exchange_builders import cp1258_encode, tcvn3_encode, vni_encode

        encode = {"tcvn3": tcvn3_encode, "vni": vni_encode, "cp1258": cp1258_encode}[encoding]
        try:
            raw = encode(text)
        except (KeyError, UnicodeEncodeError, ValueError):
            raw = text.encode("utf-8")
            encoding = "utf-8"
    else:
        raw = text.encode(encoding)
    path = folder / "table.csv"
    path.write_bytes(raw)
    run_import(desk, meeting_id, path, encoding if choose else None)
