"""Plain-text reports of an import plan and of a package merge, for the CLI (the GUI shows the
same plans in tables)."""

from __future__ import annotations

from meetingdesk.domain.messages import Joined, Message, message
from meetingdesk.exchange.importer import Action, ImportPlan, ImportSummary
from meetingdesk.exchange.mapping import Field
from meetingdesk.exchange.packages import PackageReport
from meetingdesk.services.conflicts import Conflict
from meetingdesk.services.sync import Outcome

_ACTIONS = {Action.ADD: "exchange_report.action_add",
            Action.UPDATE: "exchange_report.action_update",
            Action.SKIP: "exchange_report.action_skip"}
_OUTCOMES = {Outcome.NEW: "exchange_report.outcome_new",
             Outcome.CHANGED: "exchange_report.outcome_changed",
             Outcome.DELETED: "exchange_report.outcome_deleted",
             Outcome.UNCHANGED: "exchange_report.outcome_unchanged",
             Outcome.OLDER: "exchange_report.outcome_older",
             Outcome.CONFLICT: "exchange_report.outcome_conflict"}


def plan_lines(plan: ImportPlan, *, details: bool = True) -> list[str]:
    table = plan.table
    facts: list[Message] = []
    if table.encoding:
        facts.append(message("exchange_report.encoding", encoding=table.encoding))
    if table.sheet:
        facts.append(message("exchange_report.sheet", sheet=table.sheet))
    facts.append(message("exchange_report.header_line", line=table.header_line))
    lines = [str(message("exchange_report.file", source=plan.source, rows=len(table.rows),
                         facts=Joined(tuple(facts), ", ")))]
    columns = tuple(message("exchange_report.column", field=f.label, number=i + 1,
                            header=table.headers[i])
                    for f, i in sorted(plan.mapping.items(), key=lambda p: p[1])
                    if isinstance(f, Field) and i < len(table.headers))
    lines.append(str(message("exchange_report.columns", columns=Joined(columns, ", "))))
    if details:
        lines += [str(message("exchange_report.row", line=r.line, action=message(
            _ACTIONS[r.action]), name=r.name, reason=r.reason)) for r in plan.rows]
    counts = {"add": plan.count(Action.ADD), "update": plan.count(Action.UPDATE),
              "skip": plan.count(Action.SKIP), "sites": len(plan.new_sites)}
    lines.append(str(
        message("exchange_report.plan", **counts) if plan.meeting_id is None else
        message("exchange_report.plan_with_meeting", **counts, people=plan.attendances,
                meeting_sites=len(plan.meeting_sites))))
    return lines


def summary_line(summary: ImportSummary) -> str:
    return str(message("exchange_report.imported", added=summary.added,
                       updated=summary.updated, skipped=summary.skipped,
                       sites=summary.sites_added, people=summary.attendances_added,
                       backup=summary.backup))


def merge_lines(report: PackageReport) -> list[str]:
    m = report.package.manifest
    scope = (message("exchange_report.scope_site", name=m["site"]["name"])
             if report.package.scope == "site" else message("exchange_report.scope_meeting"))
    lines = [str(message("exchange_report.package", scope=scope, title=m["meeting"]["title"],
                         sender=m.get("label") or m["replica"][:8], since=m["since"],
                         upto=m["upto"]))]
    for item in report.plan.items:
        if item.outcome is Outcome.UNCHANGED:
            continue
        line = f"  {message(_OUTCOMES[item.outcome])}: {item.kind} {item.label}"
        if item.waits_for:
            waits = message("exchange_report.waits_for", targets=", ".join(item.waits_for))
            line += f" — {waits}"
        lines.append(line)
        for c in item.changes:
            lines.append(f"      {c.field}: " + str(message(
                "exchange_report.conflict_change", mine=c.mine, theirs=c.theirs))
                if c.conflict else f"      {c.field}: “{c.mine}” → “{c.theirs}”")
    counts = report.plan.counts()
    lines.append(", ".join(f"{message(_OUTCOMES[o])} {counts[o]}" for o in Outcome) + ".")
    if counts[Outcome.OLDER]:
        lines.append(str(message("exchange_report.older_ignored", count=counts[Outcome.OLDER])))
    waiting = sum(1 for item in report.plan.items if item.waits_for)
    if waiting:
        lines.append(str(message("exchange_report.waiting", count=waiting)))
    if counts[Outcome.CONFLICT]:
        lines.append(str(message("exchange_report.conflicts_kept")))
    if not report.written:
        lines.append(str(message("cli.dry_run")))
    elif not report.plan.writes:
        lines.append(str(message("exchange_report.nothing_changed")))
    else:
        lines.append(str(message("exchange_report.written_with_backup", backup=report.backup)
                         if report.backup else message("exchange_report.written")))
    return lines


def conflict_lines(found: list[Conflict]) -> list[str]:
    if not found:
        return [str(message("exchange_report.no_conflicts"))]
    lines = [str(message("exchange_report.conflicts_count", count=len(found)))]
    for c in found:
        lines.append(f"{c.gid}  {c.kind} {c.label}")
        for f in c.fields:
            lines.append(f"    {f.field}:")
            for cand in f.candidates:
                mark = message("exchange_report.shown_value" if cand.shown
                               else "exchange_report.other_value")
                lines.append(f"      [{mark}] “{cand.text}” — {cand.who}, {cand.at or '?'}")
    return lines
