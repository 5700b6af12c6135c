"""Import benchmark: a 10,000-row delegate list in XLSX imported into a meeting (read, map,
plan, backup, one transaction), beside openpyxl's bare read-only read of the same file — the
floor — with the ratio. Exits 1 when the import misses the target (5 s).

    python bench/bench_import.py [--rows 10000] [--runs 3]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

import openpyxl

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:  # run as `python bench/bench_import.py`
    sys.path.insert(0, str(ROOT))

from meetingdesk.exchange.importer import apply_import, plan_import  # noqa: E402
from meetingdesk.exchange.mapping import guess_mapping  # noqa: E402
from meetingdesk.exchange.reader import read_table  # noqa: E402
from meetingdesk.services import meetings  # noqa: E402
from meetingdesk.services.reference import load_provinces, read_provinces  # noqa: E402
from meetingdesk.store.desk import open_desk  # noqa: E402

TARGET_S = 5.0
FAMILY = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Phan", "Vũ", "Đặng", "Bùi", "Đỗ"]
MIDDLE = ["Văn", "Thị", "Hữu", "Đức", "Minh", "Thanh", "Quốc", "Xuân"]
GIVEN = ["An", "Bình", "Cường", "Dũng", "Đức", "Hà", "Hùng", "Lan", "Sơn", "Thủy", "Vượng"]
TITLES = ["Phó Bí thư Thường trực Tỉnh ủy, Chủ tịch HĐND tỉnh", "Ủy viên Ban Thường vụ",
          "Trưởng Ban Tổ chức Tỉnh ủy", "Giám đốc Sở Nội vụ", "Chuyên viên"]


def make_workbook(path: Path, rows: int) -> None:
    provinces = [p.name for p in read_provinces()]
    wb = openpyxl.Workbook(write_only=True)
    ws = wb.create_sheet("Danh sách")
    ws.append(["DANH SÁCH ĐẠI BIỂU"])
    ws.append(["STT", "Họ và tên", "Chức vụ", "Đơn vị", "Điểm cầu", "Điện thoại", "Email"])
    for i in range(rows):
        name = (f"{FAMILY[i % 10]} {MIDDLE[i // 10 % 8]} {GIVEN[i // 80 % 11]} "
                f"{i // 880 + 1}")
        site = provinces[i % len(provinces)]
        ws.append([i + 1, name, TITLES[i % 5], f"Sở Nội vụ {site}", site,
                   f"09{i:08d}", f"dai.bieu{i}@example.vn"])
    wb.save(path)


def bare_read(path: Path) -> int:
    wb = openpyxl.load_workbook(path, read_only=True)
    count = sum(1 for _ in wb.worksheets[0].iter_rows(values_only=True))
    wb.close()
    return count


def timed_import(path: Path, folder: Path, run: int) -> tuple[float, int]:
    with open_desk(folder / f"bench-{run}.db") as desk:
        load_provinces(desk)
        meeting = meetings.create_meeting(desk, title="Giao ban")
        start = time.perf_counter()
        table = read_table(path)
        plan = plan_import(desk, table, guess_mapping(table.headers), meeting.id)
        summary = apply_import(desk, plan)
        elapsed = time.perf_counter() - start
    return elapsed, summary.attendances_added


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        path = folder / "delegates.xlsx"
        make_workbook(path, args.rows)
        floors = []
        for _ in range(args.runs):
            start = time.perf_counter()
            bare_read(path)
            floors.append(time.perf_counter() - start)
        results = [timed_import(path, folder, run) for run in range(args.runs)]
    floor = statistics.median(floors)
    took = statistics.median(r[0] for r in results)
    added = results[0][1]
    ok = took < TARGET_S and added == args.rows
    print(f"XLSX {args.rows:,} rows ({path.name}), median of {args.runs} runs:")
    print(f"  openpyxl read-only read (floor): {floor:6.2f} s")
    print(f"  MeetingDesk import:              {took:6.2f} s   ({took / floor:.1f} × floor; "
          f"target < {TARGET_S:.0f} s) {'OK' if ok else 'MISSED'}")
    print(f"  {added:,} delegates added to the meeting")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
