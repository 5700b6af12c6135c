"""Plain-text reports of an import plan and of a package merge, for the CLI (the GUI shows the
same plans in tables)."""

from __future__ import annotations

from meetingdesk.exchange.importer import Action, ImportPlan, ImportSummary
from meetingdesk.exchange.mapping import Field
from meetingdesk.exchange.packages import PackageReport
from meetingdesk.services.conflicts import Conflict
from meetingdesk.services.sync import Outcome

_ACTIONS = {Action.ADD: "thêm", Action.UPDATE: "cập nhật", Action.SKIP: "bỏ qua"}
_OUTCOMES = {Outcome.NEW: "mới", Outcome.CHANGED: "thay đổi", Outcome.DELETED: "xóa",
             Outcome.UNCHANGED: "không đổi", Outcome.OLDER: "cũ hơn, bỏ qua",
             Outcome.CONFLICT: "XUNG ĐỘT"}


def plan_lines(plan: ImportPlan, *, details: bool = True) -> list[str]:
    table = plan.table
    lines = [f"Tệp {plan.source}: {len(table.rows)} dòng dữ liệu"
             + (f", bảng mã {table.encoding}" if table.encoding else "")
             + (f", trang “{table.sheet}”" if table.sheet else "")
             + f", tiêu đề ở dòng {table.header_line}."]
    mapped = ", ".join(f"{f.label.render('vi')} ← cột {i + 1} “{table.headers[i]}”"
                       for f, i in sorted(plan.mapping.items(), key=lambda p: p[1])
                       if isinstance(f, Field) and i < len(table.headers))
    lines.append(f"Ghép cột: {mapped}.")
    if details:
        for r in plan.rows:
            reason = r.reason.render("vi")
            lines.append(f"  dòng {r.line}: {_ACTIONS[r.action]} — {r.name} ({reason})")
    lines.append(
        f"Sẽ thêm {plan.count(Action.ADD)}, cập nhật {plan.count(Action.UPDATE)}, bỏ qua "
        f"{plan.count(Action.SKIP)} dòng; {len(plan.new_sites)} điểm cầu mới"
        + (f", {plan.attendances} người vào thành phần cuộc họp, {len(plan.meeting_sites)} "
           "điểm cầu vào cuộc họp" if plan.meeting_id is not None else "") + ".")
    return lines


def summary_line(summary: ImportSummary) -> str:
    return (f"Đã nhập: thêm {summary.added}, cập nhật {summary.updated}, bỏ qua "
            f"{summary.skipped}; {summary.sites_added} điểm cầu mới, "
            f"{summary.attendances_added} người vào thành phần cuộc họp. "
            f"Bản sao lưu: {summary.backup}.")


def merge_lines(report: PackageReport) -> list[str]:
    m = report.package.manifest
    scope = "phần của điểm cầu " + m["site"]["name"] if report.package.scope == "site" \
        else "cuộc họp"
    sender = m.get("label") or m["replica"][:8]
    lines = [f"Gói {scope} — “{m['meeting']['title']}”, từ {sender} "
             f"(thay đổi {m['since']}→{m['upto']})."]
    for item in report.plan.items:
        if item.outcome is not Outcome.UNCHANGED:
            lines.append(f"  {_OUTCOMES[item.outcome]}: {item.kind} {item.label}"
                         + (f" — CHỜ: tham chiếu tới {', '.join(item.waits_for)} không có ở "
                            "đây và trong gói" if item.waits_for else ""))
            for c in item.changes:
                lines.append(f"      {c.field}: “{c.mine}” → “{c.theirs}”"
                             if item.outcome is not Outcome.CONFLICT else
                             f"      {c.field}: ở đây “{c.mine}” / bên kia “{c.theirs}”")
    counts = report.plan.counts()
    lines.append(", ".join(f"{_OUTCOMES[o]} {counts[o]}" for o in Outcome) + ".")
    if counts[Outcome.OLDER]:
        lines.append(f"{counts[Outcome.OLDER]} bản ghi cũ hơn bản ở đây: bỏ qua, không thay "
                     "đổi gì.")
    waiting = sum(1 for item in report.plan.items if item.waits_for)
    if waiting:
        lines.append(f"Vấn đề: {waiting} bản ghi tham chiếu tới bản ghi không có ở đây và trong "
                     "gói; được giữ lại nhưng chưa hiện cho tới khi bản ghi đó đến.")
    if counts[Outcome.CONFLICT]:
        lines.append("Xung đột: cả hai giá trị được giữ, bản thắng tạm thời giống nhau ở mọi "
                     "bàn; hãy giải quyết (meetingdesk exchange conflicts).")
    if not report.written:
        lines.append("Chạy thử: chưa ghi gì.")
    elif not report.plan.writes:
        lines.append("Không có gì thay đổi: không ghi, không sao lưu.")
    else:
        lines.append("Đã ghi vào dữ liệu" + (f" (bản sao lưu: {report.backup})."
                                             if report.backup else "."))
    return lines


def conflict_lines(found: list[Conflict]) -> list[str]:
    if not found:
        return ["Không có xung đột."]
    lines = [f"{len(found)} bản ghi có xung đột:"]
    for c in found:
        lines.append(f"{c.gid}  {c.kind} {c.label}")
        for f in c.fields:
            lines.append(f"    {f.field}:")
            for cand in f.candidates:
                mark = "đang hiển thị" if cand.shown else "bản kia"
                lines.append(f"      [{mark}] “{cand.text}” — {cand.who}, {cand.at or '?'}")
    return lines
