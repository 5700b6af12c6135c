"""The ``meetingdesk`` command: the GUI by default, sub-commands for headless work.

Headless commands never load Qt: the GUI is imported by name only when it is started, so the
CLI, the PDF export and the tests run on a machine with no display. What only some commands
need is imported in them, so that starting the window (the default) does not load it.
"""

from __future__ import annotations

import argparse
import contextlib
import importlib
import logging
import sqlite3
import sys
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import NoReturn

from meetingdesk import __version__, cli_followup
from meetingdesk.domain.errors import DeskFileError, MeetingDeskError, StorageError
from meetingdesk.domain.messages import message
from meetingdesk.paths import default_desk_path
from meetingdesk.services import meetings
from meetingdesk.services.session import open_session
from meetingdesk.store.desk import Desk, open_desk, open_to_read, read_only_error, writable
from meetingdesk.store.lock import DeskInUseError

logger = logging.getLogger(__name__)

Command = Callable[[argparse.Namespace], int]


def _out(line: str) -> None:
    print(line)


@contextlib.contextmanager
def _writing(path: Path, *, create: bool = True) -> Iterator[Desk]:
    """Open a desk for a command that writes it, holding the desk lock the GUI holds: while a
    window has the desk open, the command stops with the lock's message and changes nothing.
    The file is checked first (quick_check): a damaged desk is refused, never written."""
    if path.is_file() and not writable(path):
        raise read_only_error(path)
    with open_session(path, create=create, check=True) as work:
        yield work.desk


def _desk_for(path: Path, *, dry_run: bool) -> contextlib.AbstractContextManager[Desk]:
    """The desk of an import: read only for a dry run (no lock: a window may hold the desk),
    else opened for writing (made if missing, as the command's help says)."""
    return open_desk(path, create=False) if dry_run else _writing(path)


def _read_sealed(path: Path) -> contextlib.AbstractContextManager[Desk]:
    """The desk of a command that only reads, but seals the desk's pending edits first where
    it may write (as for writing: the lock, the check); a file this process may not write is
    read as it is."""
    return _writing(path, create=False) if writable(path) else open_desk(path, create=False)


def _with_backup_offer(exc: MeetingDeskError, db: Path | None) -> str:
    """The error's line, naming the desk's newest good backup when the desk file itself was
    refused and one exists."""
    line = str(exc)
    if not isinstance(exc, DeskFileError) or isinstance(exc, StorageError) or db is None:
        return line
    from meetingdesk.services.backups import check_at_start

    check = check_at_start(db)
    good = check.newest_good_backup
    if check.ok or good is None:
        return line
    return str(message("cli.backup_offer", error=exc.message, path=good.path,
                       when=good.taken_at.strftime("%d/%m/%Y %H:%M")))


def _start_gui(db: Path | None, *, demo: bool = False) -> int:
    try:
        app = importlib.import_module("meetingdesk.gui.app")
    except ModuleNotFoundError as exc:
        if exc.name and exc.name.startswith("meetingdesk.gui"):
            print(f"meetingdesk: {message('cli.gui_missing')}", file=sys.stderr)
            return 1
        raise
    return int(app.run(db, demo=demo))


def cmd_gui(args: argparse.Namespace) -> int:
    return _start_gui(args.db)


def cmd_live(args: argparse.Namespace) -> int:
    live = importlib.import_module("meetingdesk.gui.live.window")
    return int(live.run_live(args.db, args.meeting_id, driver=args.driver))


def cmd_demo(args: argparse.Namespace) -> int:
    from meetingdesk.services.demo import build_demo

    path = args.db or default_desk_path().with_name("demo.db")
    path.parent.mkdir(parents=True, exist_ok=True)
    with _writing(path) as desk:
        meeting = build_demo(desk)
    _out(str(message("cli.demo_made", meeting_id=meeting.id, path=path)))
    return 0 if args.no_gui else _start_gui(path, demo=True)


def cmd_list(args: argparse.Namespace) -> int:
    with open_to_read(args.db) as desk:
        for s in meetings.list_meetings(desk):
            day = s.meeting.date.isoformat() if s.meeting.date else "----------"
            _out(f"{s.meeting.id}\t{day}\t{s.meeting.title}")
    return 0


def cmd_search(args: argparse.Namespace) -> int:
    from meetingdesk.services import search

    with open_to_read(args.db) as desk:
        hits = search.search(desk, args.query, limit=args.limit)
    for h in hits:
        text = " ".join(h.text.split())
        text = text if len(text) <= 100 else text[:99] + "…"
        where = (message("cli.search_in_meeting", meeting_id=h.meeting_id,
                         day=h.meeting_date or "?") if h.meeting_id
                 else message("cli.search_in_directory"))
        _out(f"{h.kind}\t{h.ref_id}\t{where}\t{text}")
    if not hits:
        print(message("cli.no_results", query=args.query), file=sys.stderr)
    elif hits.windowed:
        print(f"({message('search.windowed', count=search.NOTE_WINDOW)})", file=sys.stderr)
    return 0


def cmd_check(args: argparse.Namespace) -> int:
    from meetingdesk.services.health import check_desk

    report = check_desk(args.db)
    for line in report.lines:
        _out(line)
    return 0 if report.ok else 1


def cmd_minutes(args: argparse.Namespace) -> int:
    """Generate the minutes of a meeting (a new version unless nothing changed) and write the
    PDF atomically; ``--final`` checks and makes it the final version; a meeting whose minutes
    are final gets its final version written."""
    # Imported here so the other commands never load reportlab.
    from meetingdesk.domain.enums import MeetingStatus, Profile
    from meetingdesk.minutes.generate import generate_minutes, meeting_profile
    from meetingdesk.services import minutes_versions
    from meetingdesk.services.files import write_atomically

    with _writing(args.db, create=False) as desk:
        meeting = meetings.get_meeting(desk, args.meeting_id)
        final = [v for v in minutes_versions.list_versions(desk, args.meeting_id) if v.final]
        if meeting.status is MeetingStatus.FINAL and final:
            version = final[-1]
            pdf = minutes_versions.version_pdf(desk, version.id or 0)
            kind = "cli.version_final_kept"
        else:
            profile = Profile(args.profile) if args.profile else None
            if args.final:
                minutes_versions.check_final(
                    desk, args.meeting_id, profile or meeting_profile(desk, args.meeting_id))
            version, pdf = generate_minutes(desk, args.meeting_id, profile=profile)
            kind = "cli.version"
            if args.final:
                version = minutes_versions.mark_final(desk, version.id or 0)
                kind = "cli.version_final"
    write_atomically(args.output, pdf)
    _out(str(message("cli.minutes_written", meeting_id=args.meeting_id,
                     version_kind=message(kind), version_id=version.id,
                     profile=version.profile.value, size=len(pdf), sha=version.sha256[:12],
                     path=args.output)))
    return 0


def cmd_import(args: argparse.Namespace) -> int:
    """Import a delegate or site list (XLSX, CSV, tab-separated text) into the desk."""
    from meetingdesk.exchange.importer import apply_import, plan_import
    from meetingdesk.exchange.mapping import guess_mapping, parse_mapping
    from meetingdesk.exchange.reader import read_table
    from meetingdesk.exchange.report import plan_lines, summary_line

    table = read_table(args.file, args.encoding, sheet=args.sheet)
    mapping = guess_mapping(table.headers)
    if args.map:
        mapping.update(parse_mapping(args.map, table.headers))
    with _desk_for(args.db, dry_run=args.dry_run) as desk:
        plan = plan_import(desk, table, mapping, args.meeting, args.site)
        for line in plan_lines(plan, details=not args.quiet):
            _out(line)
        if args.dry_run:
            _out(str(message("cli.dry_run")))
            return 0
        _out(summary_line(apply_import(desk, plan)))
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    """Export a meeting's attendance list or site table to XLSX or CSV."""
    from meetingdesk.exchange.export import export_table

    with open_to_read(args.db) as desk:
        count = export_table(desk, args.meeting_id, args.what, args.output)
    _out(str(message("cli.rows_written", count=count, path=args.output)))
    return 0


def cmd_export_package(args: argparse.Namespace) -> int:
    """Write a meeting (or, with --site, one site's part) as a .mdpkg file: for a partner
    (--to) only what it lacks, unless --all."""
    from meetingdesk.exchange.packages import export_package
    from meetingdesk.services.checkpoints import find_partner

    with _writing(args.db, create=False) as desk:
        partner = find_partner(desk, args.to) if args.to else None
        package = export_package(desk, args.meeting_id, args.output, site_code=args.site,
                                 partner=partner, everything=args.all)
    m = package.manifest
    counts = ", ".join(f"{k} {n}" for k, n in m["counts"].items() if n)
    _out(str(message("cli.package_written", scope=package.scope,
                     counts=counts or message("cli.nothing_new"), since=m["since"],
                     upto=m["upto"], path=args.output)))
    return 0


def cmd_import_package(args: argparse.Namespace) -> int:
    """Merge .mdpkg exchange packages into the desk, in the order given (conflicts are kept,
    never overwritten): every file is read and checked before the first is merged, and a
    centre's round of packages is merged in one run of the program."""
    from meetingdesk.exchange.packages import import_package, read_package
    from meetingdesk.exchange.report import merge_lines

    packages = [read_package(path) for path in args.files]
    with _desk_for(args.db, dry_run=args.dry_run) as desk:
        for path, package in zip(args.files, packages, strict=True):
            report = import_package(desk, package, dry_run=args.dry_run)
            if len(packages) > 1:
                _out(f"{path.name}:")
            for line in merge_lines(report):
                _out(line)
    return 0


def cmd_exchange(args: argparse.Namespace) -> int:
    """Partners and their checkpoints, conflicts kept in the desk, and their resolution."""
    from meetingdesk.exchange import exchange_commands

    opened = _writing(args.db, create=False) if args.action == "resolve" else _read_sealed(args.db)
    with opened as desk:
        for line in exchange_commands.run(desk, args):
            _out(line)
    return 0


def cmd_minutes_docx(args: argparse.Namespace) -> int:
    """Write a meeting's minutes as DOCX (same content and profile as the PDF), for Word."""
    from meetingdesk.domain.enums import Profile
    from meetingdesk.exchange.docx_minutes import render_minutes_docx
    from meetingdesk.minutes.builder import build_minutes
    from meetingdesk.minutes.generate import meeting_profile
    from meetingdesk.minutes.profiles import profile_for
    from meetingdesk.services.files import write_atomically

    with _writing(args.db, create=False) as desk:
        fmt = profile_for(Profile(args.profile) if args.profile
                          else meeting_profile(desk, args.meeting_id))
        data = render_minutes_docx(build_minutes(desk, args.meeting_id, fmt), fmt)
    write_atomically(args.output, data)
    _out(str(message("cli.minutes_docx_written", meeting_id=args.meeting_id,
                     profile=fmt.key.value, size=len(data), path=args.output)))
    return 0


class _Parser(argparse.ArgumentParser):
    """A parser whose usage errors are one line (what was wrong, and where the help is),
    exit code 2."""

    def error(self, message: str) -> NoReturn:
        self.exit(2, f"{self.prog}: {message} ({self.prog} --help)\n")


def build_parser() -> argparse.ArgumentParser:
    db_help = f"tệp dữ liệu (mặc định: {default_desk_path()})"
    parser = _Parser(
        prog="meetingdesk",
        description="MeetingDesk — quản lý hội nghị trực tuyến nhiều điểm cầu và biên bản.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    parser.add_argument("--db", type=Path, default=None, help=db_help)
    parser.add_argument("-v", "--verbose", action="store_true", help="ghi nhật ký chi tiết")
    parser.set_defaults(func=cmd_gui)
    sub = parser.add_subparsers(title="lệnh", metavar="LỆNH")

    def command(name: str, func: Command, help_text: str) -> argparse.ArgumentParser:
        p = sub.add_parser(name, help=help_text, description=help_text)
        p.add_argument("--db", type=Path, default=argparse.SUPPRESS, help=db_help)
        p.set_defaults(func=func)
        return p

    command("gui", cmd_gui, "mở giao diện (mặc định)")
    p = command("demo", cmd_demo, "tạo hoặc làm mới hội nghị mẫu ngày 03/4/2023, rồi mở nó")
    p.add_argument("--no-gui", action="store_true", help="chỉ tạo dữ liệu, không mở giao diện")
    p = command("live", cmd_live, "mở chế độ ghi chép trực tiếp của một cuộc họp")
    p.add_argument("meeting_id", type=int, metavar="MEETING_ID", help="mã cuộc họp")
    p.add_argument("--driver", action="store_true", help=argparse.SUPPRESS)
    command("list", cmd_list, "liệt kê cuộc họp: mã, ngày, tên")
    p = command("search", cmd_search, "tìm kiếm không dấu trong ghi chép, đại biểu, điểm cầu…")
    p.add_argument("query", help="từ cần tìm, ví dụ: \"dong chi\"")
    p.add_argument("--limit", type=int, default=50, help="số kết quả tối đa (mặc định 50)")
    command("check", cmd_check, "kiểm tra toàn vẹn tệp dữ liệu; mã thoát 1 nếu có lỗi")
    p = command("minutes", cmd_minutes, "xuất biên bản cuộc họp ra PDF (lưu thành một phiên bản)")
    p.add_argument("meeting_id", type=int, metavar="MÃ_CUỘC_HỌP",
                   help="mã cuộc họp (xem lệnh list)")
    p.add_argument("-o", "--output", type=Path, required=True, metavar="TỆP.pdf",
                   help="tệp PDF cần ghi (ghi trọn vẹn hoặc không ghi gì)")
    p.add_argument("--profile", choices=("state", "party"), default=None,
                   help="thể thức: state (Nghị định 30/2020) hoặc party (Hướng dẫn 36-HD/VPTW); "
                        "mặc định theo cơ quan ban hành của cuộc họp")
    p.add_argument("--final", action="store_true",
                   help="chốt làm bản chính thức (kiểm tra trước: đã kết thúc, có số, có người "
                        "ký, mọi điểm cầu đã báo cáo số có mặt, thể thức của cơ quan ban hành)")
    p = command("import", cmd_import,
                "nhập danh sách đại biểu hoặc điểm cầu từ XLSX, CSV (xem trước rồi ghi một lần; "
                "tạo tệp dữ liệu nếu chưa có)")
    p.add_argument("file", type=Path, metavar="TỆP", help="tệp .xlsx, .csv hoặc .txt")
    p.add_argument("--meeting", type=int, default=None, metavar="MÃ_CUỘC_HỌP",
                   help="thêm những người trong danh sách vào thành phần cuộc họp này")
    p.add_argument("--site", default=None, metavar="MÃ_ĐIỂM_CẦU",
                   help="điểm cầu của các dòng không ghi điểm cầu (mã, tên hoặc tên cũ)")
    p.add_argument("--encoding", default=None,
                   help="bảng mã của tệp văn bản: utf-8, utf-16, cp1258, tcvn3, vni "
                        "(mặc định: tự nhận)")
    p.add_argument("--sheet", default=None, help="tên trang tính (mặc định: trang đầu)")
    p.add_argument("--map", default=None, metavar="TRƯỜNG=CỘT,…",
                   help="sửa cách ghép cột, ví dụ: full_name=2,titles=\"Chức danh\"")
    p.add_argument("--dry-run", action="store_true", help="chỉ xem trước, không ghi gì")
    p.add_argument("-q", "--quiet", action="store_true", help="không liệt kê từng dòng")
    p = command("export", cmd_export, "xuất thành phần hoặc danh sách điểm cầu ra XLSX/CSV")
    p.add_argument("meeting_id", type=int, metavar="MÃ_CUỘC_HỌP")
    p.add_argument("--what", choices=("attendance", "sites"), default="attendance",
                   help="attendance: thành phần tham dự (mặc định); sites: các điểm cầu")
    p.add_argument("-o", "--output", type=Path, required=True, metavar="TỆP",
                   help="tệp .xlsx hoặc .csv (UTF-8 có BOM)")
    p = command("export-package", cmd_export_package,
                "ghi gói trao đổi .mdpkg: cả cuộc họp, hoặc phần của một điểm cầu")
    p.add_argument("meeting_id", type=int, metavar="MÃ_CUỘC_HỌP")
    p.add_argument("--site", default=None, metavar="MÃ_ĐIỂM_CẦU",
                   help="chỉ phần của điểm cầu này; bỏ trống để gửi cả cuộc họp")
    p.add_argument("--to", default=None, metavar="ĐỐI_TÁC",
                   help="bàn làm việc nhận (mã replica hoặc tên): chỉ gửi những gì nó chưa có")
    p.add_argument("--all", action="store_true", help="gửi tất cả (đối tác mất dữ liệu)")
    p.add_argument("-o", "--output", type=Path, required=True, metavar="TỆP.mdpkg")
    p = command("import-package", cmd_import_package,
                "nhập và hợp nhất gói trao đổi .mdpkg (xung đột được giữ, không ghi đè; "
                "tạo tệp dữ liệu nếu chưa có)")
    p.add_argument("files", type=Path, nargs="+", metavar="TỆP.mdpkg",
                   help="một hoặc nhiều gói, nhập theo thứ tự (mọi gói được kiểm tra trước)")
    p.add_argument("--dry-run", action="store_true", help="chỉ xem trước, không ghi gì")
    p = command("exchange", cmd_exchange,
                "đối tác trao đổi, các xung đột và cách giải quyết từng trường")
    p.add_argument("action", choices=("partners", "conflicts", "resolve", "whoami"))
    p.add_argument("record", nargs="?", metavar="MÃ_BẢN_GHI",
                   help="resolve: mã toàn cục (hoặc phần đầu) của bản ghi xung đột")
    p.add_argument("--field", default=None, metavar="TRƯỜNG",
                   help="resolve: trường cần giải quyết (_alive: còn hay xóa bản ghi)")
    choice = p.add_mutually_exclusive_group()
    choice.add_argument("--keep", action="store_true", help="giữ bản đang hiển thị")
    choice.add_argument("--take-other", action="store_true", help="lấy bản kia")
    choice.add_argument("--set", default=None, metavar="GIÁ_TRỊ", help="sửa lại thành giá trị này")
    p = command("minutes-docx", cmd_minutes_docx,
                "xuất biên bản ra DOCX để sửa bằng Word (cùng nội dung và thể thức với PDF)")
    p.add_argument("meeting_id", type=int, metavar="MÃ_CUỘC_HỌP")
    p.add_argument("-o", "--output", type=Path, required=True, metavar="TỆP.docx")
    p.add_argument("--profile", choices=("state", "party"), default=None,
                   help="thể thức; mặc định theo thiết lập của cơ quan")
    from meetingdesk.cli_signing import add_commands as add_signing_commands

    add_signing_commands(command)
    cli_followup.register(command)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO if args.verbose else logging.WARNING,
                        format="%(levelname)s %(name)s: %(message)s")
    if args.func is not cmd_gui and args.func is not cmd_demo and args.db is None:
        args.db = default_desk_path()
    try:
        if getattr(args, "output", None) is not None:
            from meetingdesk.services.files import refuse_database_target

            refuse_database_target(args.output)  # before any work records anything
        return args.func(args)
    except MeetingDeskError as exc:
        holder = f" ({exc.holder})" if isinstance(exc, DeskInUseError) else ""
        print(f"meetingdesk: {_with_backup_offer(exc, args.db)}{holder}", file=sys.stderr)
        return 1
    except sqlite3.DatabaseError as exc:
        # A file of the user's (not a desk) read through SQLite, or damage that shows only
        # once a desk is open: named in one line, never a traceback.
        damaged = DeskFileError("cli.sqlite_error", path=args.db, error=exc)
        print(f"meetingdesk: {damaged}", file=sys.stderr)
        return 1
    except OSError as exc:
        failed = DeskFileError("cli.cannot_read_or_write", path=exc.filename or args.db,
                               reason=exc.strerror or exc)
        print(f"meetingdesk: {failed}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    sys.exit(main())
