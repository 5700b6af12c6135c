"""The desk's organization settings (minutes header, numbering, signers, recipients)."""

from __future__ import annotations

from dataclasses import replace

from meetingdesk.domain.enums import Profile
from meetingdesk.domain.records import Organization
from meetingdesk.services.guards import optional_line
from meetingdesk.store import tables
from meetingdesk.store.desk import Desk


def get_organization(desk: Desk) -> Organization:
    return tables.get_organization(desk.db)


def update_organization(desk: Desk, **changes: object) -> Organization:
    """Change agency, parent_agency, place, profile, number_code, chair_title or recipients."""
    values: dict[str, object] = {}
    for key, value in changes.items():
        if key == "profile":
            values[key] = Profile(str(value))
        elif key == "recipients":
            values[key] = tuple(r for r in (optional_line(v) for v in value) if r)  # type: ignore[attr-defined]
        elif key in ("agency", "parent_agency", "place", "number_code", "chair_title"):
            values[key] = optional_line(None if value is None else str(value)) or ""
        else:
            raise TypeError(f"unknown organization field {key}")
    with desk.transaction() as db:
        org = replace(tables.get_organization(db), **values)  # type: ignore[arg-type]
        tables.set_organization(db, org)
        return org
