"""The issuers (cơ quan ban hành) of the desk's meetings: a directory with one default.

A meeting's minutes take their heading, place, number code, recipients and default profile from
the meeting's issuer; a new meeting takes the desk's default issuer and that issuer's default
signers.
"""

from __future__ import annotations

import logging

from meetingdesk.domain.enums import Profile
from meetingdesk.domain.errors import ConflictError
from meetingdesk.domain.messages import message
from meetingdesk.domain.records import Issuer
from meetingdesk.services.guards import optional_line, required_line
from meetingdesk.store import tables
from meetingdesk.store.desk import Desk
from meetingdesk.store.reads import Reads

logger = logging.getLogger(__name__)

_LINES = ("parent_body", "place", "number_code", "chair_title")
_PEOPLE = ("chair_person_id", "secretary_person_id")

BLANK_ISSUER = Issuer(None, "")
"""What a meeting without an issuer prints: nothing of anybody's heading."""


def _clean(db: Reads, changes: dict[str, object]) -> dict[str, object]:
    values: dict[str, object] = {}
    for key, value in changes.items():
        if key == "name":
            values[key] = required_line(None if value is None else str(value),
                                        message("fields.issuer_name"))
        elif key == "profile":
            values[key] = Profile(str(value))
        elif key == "recipients":
            values[key] = tuple(r for r in (optional_line(str(v)) for v in
                                            (value or ())) if r)  # type: ignore[attr-defined]
        elif key in _LINES:
            values[key] = optional_line(None if value is None else str(value)) or ""
        elif key in _PEOPLE:
            if value is not None:
                tables.people.get(db, int(value))  # type: ignore[call-overload]
            values[key] = value
        else:
            raise TypeError(f"unknown issuer field {key}")
    return values


def list_issuers(desk: Desk) -> list[Issuer]:
    """Every issuer, by id (the default first)."""
    found = tables.issuers.all(desk.conn)
    return sorted(found, key=lambda i: (not i.is_default, i.id or 0))


def default_issuer(desk: Desk) -> Issuer | None:
    """The issuer new meetings take, if the desk has one."""
    return tables.issuers.default(desk.conn)


def issuer_of(desk: Desk, issuer_id: int | None) -> Issuer:
    """A meeting's issuer from its ``issuer_id``: none prints a blank heading."""
    return BLANK_ISSUER if issuer_id is None else tables.issuers.get(desk.conn, issuer_id)


def add_issuer(desk: Desk, *, name: str, make_default: bool = False,
               **fields: object) -> Issuer:
    """A new issuer: ``parent_body``, ``place``, ``profile``, ``number_code``, ``recipients``,
    ``chair_title``, ``chair_person_id``, ``secretary_person_id``. The first issuer of a desk
    (or one with ``make_default``) becomes the default."""
    with desk.transaction() as db:
        values = _clean(db, {"name": name, **fields})
        issuer = tables.issuers.insert(db, Issuer(id=None, **values))  # type: ignore[arg-type]
        assert issuer.id is not None
        if make_default or tables.issuers.default(db) is None:
            tables.issuers.make_default(db, issuer.id)
            issuer = tables.issuers.get(db, issuer.id)
    logger.info("Added issuer %s (%s)", issuer.id, issuer.name)
    return issuer


def update_issuer(desk: Desk, issuer_id: int, **changes: object) -> Issuer:
    """Change an issuer's fields (those of :func:`add_issuer`). Meetings of this issuer print
    the new heading from their next minutes on; final versions keep what they printed."""
    with desk.transaction() as db:
        return tables.issuers.update(db, issuer_id, _clean(db, changes))


def set_default_issuer(desk: Desk, issuer_id: int) -> Issuer:
    with desk.transaction() as db:
        tables.issuers.get(db, issuer_id)
        tables.issuers.make_default(db, issuer_id)
        return tables.issuers.get(db, issuer_id)


def delete_issuer(desk: Desk, issuer_id: int) -> None:
    """Remove an issuer that no meeting uses and that is not the desk's default."""
    with desk.transaction() as db:
        issuer = tables.issuers.get(db, issuer_id)
        used = tables.issuers.meeting_count(db, issuer_id)
        if used:
            raise ConflictError("organization.issuer_in_use" if issuer.name
                                else "organization.unnamed_issuer_in_use",
                                name=issuer.name, used=used)
        if issuer.is_default:
            raise ConflictError("organization.default_not_removable")
        tables.issuers.delete(db, issuer_id)
