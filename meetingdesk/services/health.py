"""The health check of a desk file, as ``meetingdesk check`` prints it. Never writes."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from pathlib import Path

from meetingdesk.domain.errors import DeskFileError
from meetingdesk.domain.messages import message
from meetingdesk.store.desk import open_desk, schema_problems, writable
from meetingdesk.store.integrity import integrity_facts, quick_check_file
from meetingdesk.store.migrations import SCHEMA_VERSION


@dataclass(frozen=True, slots=True)
class HealthReport:
    ok: bool
    lines: list[str]


def check_desk(path: Path) -> HealthReport:
    """Run integrity_check and foreign_key_check on a desk opened read-only.

    A desk holding schema objects MeetingDesk did not create (or altered ones) is reported
    with every such object named, and is not good. A file that cannot be opened at all raises
    :class:`DeskFileError`.
    """
    try:
        desk = open_desk(path, read_only=True)
    except DeskFileError:
        try:
            foreign = schema_problems(path)
        except sqlite3.DatabaseError:
            foreign = []
        if not foreign:
            raise
        return _foreign_report(path, foreign)
    with desk:
        try:
            facts = integrity_facts(desk.conn)
        except sqlite3.DatabaseError as exc:
            return HealthReport(False, [f"integrity_check: {_error(exc)}"])
    integrity_ok = facts.integrity == ["ok"]
    # A file nobody may write here is read as immutable, which hides its journal mode.
    unwritable = not writable(path)
    wal = unwritable or facts.journal_mode.lower() == "wal"
    lines = [
        str(message("health.file", path=path)),
        "integrity_check: " + ("ok" if integrity_ok else _error("; ".join(facts.integrity[:5]))),
        "foreign_key_check: " + (
            "ok" if not facts.foreign_key_violations
            else str(message("health.foreign_key_violations",
                             count=facts.foreign_key_violations))),
        str(message("health.schema", version=facts.schema_version, supported=SCHEMA_VERSION)),
        str(message("health.journal_read_only")) if unwritable
        else f"journal_mode: {facts.journal_mode}" if wal
        else str(message("health.journal_not_wal", mode=facts.journal_mode)),
    ]
    ok = integrity_ok and not facts.foreign_key_violations and wal \
        and facts.schema_version == SCHEMA_VERSION
    lines.append(str(message("health.result_good" if ok else "health.result_bad")))
    return HealthReport(ok, lines)


def _error(detail: object) -> str:
    return str(message("health.error", detail=detail))


def _foreign_report(path: Path, foreign: list[str]) -> HealthReport:
    problem = quick_check_file(path)
    lines = [str(message("health.file", path=path)),
             "quick_check: " + ("ok" if problem is None else _error(problem))]
    lines += [str(message("health.foreign_object", name=name)) for name in foreign]
    lines.append(str(message("health.result_foreign", count=len(foreign))))
    return HealthReport(False, lines)
