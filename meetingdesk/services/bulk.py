"""Many writes as one unit of work: a checked backup first, then one transaction.

Imports and exchange packages write thousands of rows; :func:`run_batch` gives them a
:class:`Batch` whose methods validate like the directory and participation services but write
through :mod:`meetingdesk.store.bulk` (one statement per row, no read-back). Any error rolls
back the whole batch: never a half-written import.
"""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from meetingdesk.domain.enums import AttendanceStatus, Role, SiteKind
from meetingdesk.domain.errors import ConflictError
from meetingdesk.domain.messages import message
from meetingdesk.domain.precedence import rank_after_titles_change, rank_of_titles
from meetingdesk.domain.records import Attendance, MeetingSite, Person, Site
from meetingdesk.services.guards import non_negative, optional_line, required_line
from meetingdesk.store import bulk, tables
from meetingdesk.store.backup import backup_connection, backup_name
from meetingdesk.store.desk import Desk
from meetingdesk.store.rows import to_row, values_to_row

if TYPE_CHECKING:
    from sqlite_utils import Database

logger = logging.getLogger(__name__)

T = TypeVar("T")

PERSON_TEXT = ("organization", "phone", "email")


def clean_titles(values: tuple[str, ...] | list[str]) -> tuple[str, ...]:
    out: list[str] = []
    for value in values:
        cleaned = optional_line(value)
        if cleaned and cleaned not in out:
            out.append(cleaned)
    return tuple(out)


def clean_person_values(values: dict[str, object]) -> dict[str, object]:
    """Person fields cleaned as :func:`services.directory.update_person` cleans them."""
    cleaned: dict[str, object] = {}
    for key, value in values.items():
        if key == "full_name":
            cleaned[key] = required_line(str(value), message("fields.full_name"))
        elif key == "titles":
            cleaned[key] = clean_titles(value)  # type: ignore[arg-type]
        elif key in PERSON_TEXT:
            cleaned[key] = optional_line(None if value is None else str(value))
        elif key in ("site_id", "rank"):
            cleaned[key] = value
        else:
            raise TypeError(f"unknown person field {key}")
    return cleaned


class Batch:
    """Writes inside one open transaction. Obtain one from :func:`run_batch`."""

    def __init__(self, db: Database) -> None:
        self.db = db
        self._positions: dict[tuple[str, int], int] = {}

    def _next_position(self, table: str, meeting_id: int) -> int:
        key = (table, meeting_id)
        if key not in self._positions:
            self._positions[key] = bulk.max_position(self.db, table, "meeting_id", meeting_id)
        self._positions[key] += 1
        return self._positions[key]

    def add_site(self, *, name: str, code: str | None = None,
                 kind: SiteKind = SiteKind.OTHER, aliases: tuple[str, ...] = (),
                 **contacts: str | None) -> int:
        site = Site(None, required_line(name, message("fields.site_name")), SiteKind(kind),
                    optional_line(code), clean_titles(aliases),
                    **{k: optional_line(v) for k, v in contacts.items()})
        try:
            stored = tables.sites.insert(self.db, site)
        except sqlite3.IntegrityError:
            raise ConflictError("directory.site_code_already_used", code=site.code) from None
        assert stored.id is not None
        return stored.id

    def update_site(self, site_id: int, values: dict[str, object],
                    aliases: tuple[str, ...] | None = None) -> None:
        row = {k: optional_line(None if v is None else str(v)) for k, v in values.items()}
        if "name" in row:
            row["name"] = required_line(str(values["name"]), message("fields.site_name"))
        bulk.update_row(self.db, "sites", site_id, values_to_row(Site, row))
        if aliases is not None:
            tables.sites.set_aliases(self.db, site_id, clean_titles(aliases))

    def add_person(self, **values: object) -> int:
        """A new person; without a rank, the precedence derived from the titles."""
        cleaned = clean_person_values(values)
        if cleaned.get("rank") is None:
            cleaned["rank"] = rank_of_titles(cleaned.get("titles", ()))  # type: ignore[arg-type]
        person = Person(id=None, **cleaned)  # type: ignore[arg-type]
        return bulk.insert_row(self.db, "people", to_row(person))

    def update_person(self, person_id: int, values: dict[str, object]) -> None:
        """Change a person's fields; new titles re-derive a rank that was derived."""
        cleaned = clean_person_values(values)
        if "titles" in cleaned and "rank" not in cleaned:
            old = tables.people.get(self.db, person_id)
            cleaned["rank"] = rank_after_titles_change(
                rank=old.rank, old_titles=old.titles,
                new_titles=cleaned["titles"])  # type: ignore[arg-type]
        bulk.update_row(self.db, "people", person_id, values_to_row(Person, cleaned))

    def add_meeting_site(self, *, meeting_id: int, site_id: int, summoned: int = 0,
                         host_person_id: int | None = None) -> int:
        count = non_negative(summoned, message("fields.number_summoned")) or 0
        ms = MeetingSite(None, meeting_id, site_id, host_person_id, count,
                         position=self._next_position("meeting_sites", meeting_id))
        return bulk.insert_row(self.db, "meeting_sites", to_row(ms))

    def update_meeting_site(self, meeting_site_id: int, values: dict[str, object]) -> None:
        bulk.update_row(self.db, "meeting_sites", meeting_site_id,
                        values_to_row(MeetingSite, values))

    def add_attendance(self, *, meeting_id: int, person_id: int, site_id: int | None,
                       role: Role = Role.DELEGATE,
                       status: AttendanceStatus = AttendanceStatus.EXPECTED,
                       reason: str | None = None) -> int:
        att = Attendance(None, meeting_id, person_id, site_id, Role(role),
                         AttendanceStatus(status), optional_line(reason),
                         position=self._next_position("attendances", meeting_id))
        try:
            return bulk.insert_row(self.db, "attendances", to_row(att))
        except sqlite3.IntegrityError:
            raise ConflictError("bulk.person_twice") from None

    def update_attendance(self, attendance_id: int, values: dict[str, object]) -> None:
        bulk.update_row(self.db, "attendances", attendance_id,
                        values_to_row(Attendance, values))


def backup_desk(desk: Desk, reason: str) -> Path:
    """A checked copy of the desk beside it (``<desk>-backups/``), before a large change.

    Never replaces an earlier backup taken in the same second (a numbered name is used)."""
    target = backup_name(desk.path, reason)
    number = 1
    while target.exists():
        number += 1
        target = backup_name(desk.path, f"{reason}-{number}")
    return backup_connection(desk.conn, target)


def run_batch(desk: Desk, work: Callable[[Batch], T], *, backup_reason: str | None) -> T:
    """Back the desk up (unless ``backup_reason`` is ``None``), then run ``work`` in one
    transaction: all of it is written, or none of it."""
    if backup_reason:
        backup_desk(desk, backup_reason)
    with desk.transaction() as db:
        return work(Batch(db))
