"""Sub-commands of the work between meetings: the task register (``tasks``), the conclusion
notice (``notice``) and the period report with charts (``report``). :func:`register` adds them
to the parser of :mod:`meetingdesk.cli`."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from datetime import date
from pathlib import Path

from meetingdesk.domain.errors import ValidationError
from meetingdesk.store.desk import open_desk

Command = Callable[[argparse.Namespace], int]
AddCommand = Callable[[str, Command, str], argparse.ArgumentParser]


def _out(line: str) -> None:
    print(line)


def _day(text: str) -> date:
    """A ``YYYY-MM-DD`` argument."""
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"ngày “{text}” không đúng dạng YYYY-MM-DD (ví dụ 2023-07-15)") from None


def _dmy(day: date | None) -> str:
    return f"{day:%d/%m/%Y}" if day else "—"


def cmd_tasks(args: argparse.Namespace) -> int:
    """List tasks across meetings: meeting date, task, owner, due date, status."""
    from meetingdesk.services import tasks

    as_of = args.as_of or date.today()
    with open_desk(args.db, create=False) as desk:
        lines = tasks.register(desk, as_of=as_of, meeting_id=args.meeting,
                               site_code=args.site, overdue_only=args.overdue)
    for line in lines:
        _out("\t".join((_dmy(line.meeting_date), line.task.description, line.owner or "—",
                        _dmy(line.task.due_on), line.state(as_of).label)))
    what = "quá hạn" if args.overdue else "nhiệm vụ"
    _out(f"{len(lines)} {what} (tính đến ngày {as_of:%d/%m/%Y})")
    return 0


def cmd_notice(args: argparse.Namespace) -> int:
    """Write a meeting's conclusion notice as PDF (a new version) or DOCX."""
    from meetingdesk.cli import _writing  # the desk lock of write commands (loaded already)
    from meetingdesk.domain.enums import Profile
    from meetingdesk.minutes.notice_output import write_notice

    profile = Profile(args.profile) if args.profile else None
    with _writing(args.db, create=False) as desk:
        line = write_notice(desk, args.meeting_id, args.output, profile=profile)
    _out(line)
    return 0


def cmd_report(args: argparse.Namespace) -> int:
    """Write the report of a period: PDF with charts, or XLSX with its tables."""
    from meetingdesk.report.output import write_report

    if args.to < args.start:
        raise ValidationError("Ngày cuối kỳ trước ngày đầu kỳ.",
                              "The end of the period is before its start.")
    with open_desk(args.db, create=False) as desk:
        line = write_report(desk, args.start, args.to, args.output)
    _out(line)
    return 0


def register(command: AddCommand) -> None:
    """Add ``tasks``, ``notice`` and ``report`` through the parser's ``command`` helper."""
    p = command("tasks", cmd_tasks,
                "liệt kê nhiệm vụ qua các cuộc họp: ngày họp, nhiệm vụ, người/đơn vị thực "
                "hiện, hạn, tình trạng")
    p.add_argument("--overdue", action="store_true", help="chỉ các nhiệm vụ quá hạn")
    p.add_argument("--as-of", type=_day, default=None, metavar="YYYY-MM-DD",
                   help="tính tình trạng vào ngày này (mặc định: hôm nay)")
    p.add_argument("--site", default=None, metavar="MÃ_ĐIỂM_CẦU",
                   help="chỉ nhiệm vụ của một điểm cầu (mã, tên hoặc tên cũ)")
    p.add_argument("--meeting", type=int, default=None, metavar="MÃ_CUỘC_HỌP",
                   help="chỉ nhiệm vụ giao tại một cuộc họp")
    p = command("notice", cmd_notice,
                "xuất thông báo kết luận của cuộc họp ra PDF (lưu thành một phiên bản) "
                "hoặc DOCX")
    p.add_argument("meeting_id", type=int, metavar="MÃ_CUỘC_HỌP")
    p.add_argument("-o", "--output", type=Path, required=True, metavar="TỆP.pdf|.docx")
    p.add_argument("--profile", choices=("state", "party"), default=None,
                   help="thể thức; mặc định theo thiết lập của cơ quan")
    p = command("report", cmd_report,
                "báo cáo một kỳ: điểm cầu, dự họp, sự cố kết nối, nhiệm vụ — PDF có biểu "
                "đồ hoặc XLSX")
    p.add_argument("--from", dest="start", type=_day, required=True, metavar="YYYY-MM-DD")
    p.add_argument("--to", type=_day, required=True, metavar="YYYY-MM-DD")
    p.add_argument("-o", "--output", type=Path, required=True, metavar="TỆP.pdf|.xlsx")
