"""Natural matches for exchange merges: local records evidently the same as an incoming one.

Each kind is matched on a few values, given by name; text keys (``*_folded``) are compared
with the record's text folded by ``md_fold`` (see ``store/desk.py``), so the caller passes
them already folded with :func:`meetingdesk.domain.text.fold`.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from sqlite_utils import Database

# kind → (table, condition with named parameters)
_SAME: dict[str, tuple[str, str]] = {
    "person": ("people", "md_fold(full_name) = :full_name_folded AND site_id IS :site_id"),
    "meeting": ("meetings",
                "md_fold(title) = :title_folded AND planned_start IS :planned_start"),
    "meeting_site": ("meeting_sites", "meeting_id = :meeting_id AND site_id = :site_id"),
    "attendance": ("attendances", "meeting_id = :meeting_id AND person_id = :person_id"),
    "agenda_item": ("agenda_items",
                    "meeting_id = :meeting_id AND md_fold(title) = :title_folded"),
    "note": ("notes", "meeting_id = :meeting_id AND at = :at AND text = :text"),
    "connection_event": ("connection_events",
                         "meeting_site_id = :meeting_site_id AND at = :at AND status = :status"),
}

#: The kinds matched by :func:`same_ids`.
KINDS = frozenset(_SAME)


def same_ids(db: Database, kind: str, key: Mapping[str, Any]) -> list[int]:
    """Ids (ascending) of the records of ``kind`` whose values equal ``key``; ``key`` holds
    exactly the named values of that kind's match (e.g. ``meeting_id`` and ``person_id``)."""
    table, condition = _SAME[kind]
    cursor = db.conn.execute(f"SELECT id FROM [{table}] WHERE {condition} ORDER BY id",
                             dict(key))
    return [int(r[0]) for r in cursor]
