"""Sub-commands of the work between meetings: the task register (``tasks``), the conclusion
notice (``notice``) and the period report with charts (``report``). :func:`register` adds them
to the parser of :mod:`meetingdesk.cli`."""

from __future__ import annotations

import argparse
import re
from collections.abc import Callable
from datetime import date
from pathlib import Path

from meetingdesk.domain.enums import Profile
from meetingdesk.domain.errors import ValidationError
from meetingdesk.domain.messages import message
from meetingdesk.store.desk import Desk, open_to_read

Command = Callable[[argparse.Namespace], int]
AddCommand = Callable[[str, Command, str], argparse.ArgumentParser]


def _out(line: str) -> None:
    print(line)


def _day(text: str) -> date:
    """A ``YYYY-MM-DD`` argument."""
    try:
        return date.fromisoformat(text)
    except ValueError:
        key = ("cli_followup.no_such_day" if re.fullmatch(r"\d{4}-\d{2}-\d{2}", text)
               else "cli_followup.date_format")
        raise argparse.ArgumentTypeError(str(message(key, text=text))) from None


def _dmy(day: date | None) -> str:
    return f"{day:%d/%m/%Y}" if day else "—"


def cmd_tasks(args: argparse.Namespace) -> int:
    """List tasks across meetings: meeting date, task, owner, due date, status."""
    from meetingdesk.services import tasks

    as_of = args.as_of or date.today()
    with open_to_read(args.db) as desk:
        lines = tasks.register(desk, as_of=as_of, meeting_id=args.meeting,
                               site_code=args.site, overdue_only=args.overdue)
    for line in lines:
        _out("\t".join((_dmy(line.meeting_date), line.task.description, line.owner or "—",
                        _dmy(line.task.due_on), str(line.state(as_of).words))))
    key = "cli_followup.overdue_count" if args.overdue else "cli_followup.tasks_count"
    _out(str(message(key, count=len(lines), day=f"{as_of:%d/%m/%Y}")))
    return 0


def cmd_notice(args: argparse.Namespace) -> int:
    """Write a meeting's conclusion notice as PDF (a new version) or DOCX."""
    from meetingdesk.cli import _writing  # the desk lock of write commands (loaded already)
    from meetingdesk.notice_files import write_notice

    if args.output.suffix.lower() not in (".pdf", ".docx"):
        raise ValidationError("cli_followup.only_pdf_or_docx", name=args.output.name)
    profile = Profile(args.profile) if args.profile else None
    with _writing(args.db, create=False) as desk:
        line = write_notice(desk, args.meeting_id, args.output, profile=profile,
                            issued_on=args.date)
    _out(line)
    return 0


def cmd_report(args: argparse.Namespace) -> int:
    """Write the report of a period: PDF with charts, or XLSX with its tables."""
    from meetingdesk.services.files import write_atomically

    suffix = args.output.suffix.lower()
    if suffix not in (".pdf", ".xlsx"):
        raise ValidationError("cli_followup.only_pdf_or_xlsx", name=args.output.name)
    with open_to_read(args.db) as desk:
        data = report_bytes(desk, args.start, args.to, suffix)
    write_atomically(args.output, data)
    _out(str(message("cli_followup.report_written", start=f"{args.start:%d/%m/%Y}",
                     end=f"{args.to:%d/%m/%Y}", size=len(data), path=args.output)))
    return 0


def report_bytes(desk: Desk, start: date, end: date, suffix: str) -> bytes:
    """The report of a period as ``.pdf`` (charts and tables) or ``.xlsx`` (its tables)."""
    from meetingdesk.services.report import period_report

    report = period_report(desk, start=start, end=end)
    if suffix == ".pdf":
        from meetingdesk.minutes.report_pdf import render_report

        return render_report(report)
    import io

    from meetingdesk.exchange.report_xlsx import report_workbook

    out = io.BytesIO()
    report_workbook(report, out)
    return out.getvalue()


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
    p.add_argument("--date", type=_day, default=None, metavar="YYYY-MM-DD",
                   help="ngày ban hành (mặc định: để trống cho người ký điền)")
    p = command("report", cmd_report,
                "báo cáo một kỳ: điểm cầu, dự họp, sự cố kết nối, nhiệm vụ — PDF có biểu "
                "đồ hoặc XLSX")
    p.add_argument("--from", dest="start", type=_day, required=True, metavar="YYYY-MM-DD")
    p.add_argument("--to", type=_day, required=True, metavar="YYYY-MM-DD")
    p.add_argument("-o", "--output", type=Path, required=True, metavar="TỆP.pdf|.xlsx")
