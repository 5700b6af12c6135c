"""The health check of a desk file, as ``meetingdesk check`` prints it. Never writes."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from pathlib import Path

from meetingdesk.domain.errors import DeskFileError
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
            facts = integrity_facts(desk.db)
        except sqlite3.DatabaseError as exc:
            return HealthReport(False, [f"integrity_check: LỖI — {exc}"])
    integrity_ok = facts.integrity == ["ok"]
    # A file nobody may write here is read as immutable, which hides its journal mode.
    unwritable = not writable(path)
    wal = unwritable or facts.journal_mode.lower() == "wal"
    lines = [
        f"tệp: {path}",
        "integrity_check: " + ("ok" if integrity_ok else "LỖI — " + "; ".join(facts.integrity[:5])),
        "foreign_key_check: " + ("ok" if not facts.foreign_key_violations
                                 else f"LỖI — {facts.foreign_key_violations} vi phạm"),
        f"schema: {facts.schema_version} (phiên bản này: {SCHEMA_VERSION})",
        "journal_mode: không kiểm được (tệp chỉ đọc)" if unwritable
        else f"journal_mode: {facts.journal_mode}" + ("" if wal else " (cần WAL)"),
    ]
    ok = integrity_ok and not facts.foreign_key_violations and wal \
        and facts.schema_version == SCHEMA_VERSION
    lines.append("kết quả: " + ("tốt" if ok else "CÓ LỖI"))
    return HealthReport(ok, lines)


def _foreign_report(path: Path, foreign: list[str]) -> HealthReport:
    problem = quick_check_file(path)
    lines = [f"tệp: {path}", "quick_check: " + ("ok" if problem is None else f"LỖI — {problem}")]
    lines += [f"đối tượng không do MeetingDesk tạo: {name}" for name in foreign]
    lines.append(f"kết quả: CÓ LỖI — {len(foreign)} đối tượng lạ hoặc bị sửa; "
                 "MeetingDesk không mở tệp này")
    return HealthReport(False, lines)
