"""The registry of exchanged tables: what travels between desks, declared once.

Each :class:`Exchanged` names a kind of record, its table, the columns that travel, its
references (column → kind), and how it belongs to a meeting and a site (for the scope of a
package). A new table joins the exchange by a declaration here and a migration that calls
:func:`meetingdesk.store.tracking.track` on it (a global id column and the triggers that note
its changes); nothing else needs to know it. Kinds are listed in dependency order: a record
only refers to kinds before it.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class Exchanged:
    kind: str
    table: str
    fields: tuple[str, ...]
    """Plain columns that travel (as stored: ISO text, enum values, JSON lists)."""
    refs: dict[str, str] = field(default_factory=dict)
    """Reference columns → the kind they refer to (they travel as global ids)."""
    required: tuple[str, ...] = ()
    """References that cannot be empty: the record waits for its target."""
    meeting_via: str | None = None
    """The reference whose target's meeting is this record's meeting (``meeting_id``)."""
    site_via: tuple[str, ...] = ()
    """References tried in turn for the site a record belongs to (a site's package part)."""
    natural: tuple[str, ...] = ()
    """For an association (a delegate at a meeting), the references whose global ids make
    its global id: two desks adding the same association add the same record."""
    positioned: bool = False
    """A local ``position`` column (order in this desk's lists), set on insert."""
    multiline: tuple[str, ...] = ()
    lists: tuple[str, ...] = ()
    """Fields holding a JSON list of texts (a person's titles)."""
    aliases: bool = False
    """Sites: former names kept in ``site_aliases``, travelling as the JSON field
    ``aliases``."""

    @property
    def travelling(self) -> tuple[str, ...]:
        """Every field as it travels: plain fields, aliases, references."""
        return (*self.fields, *(("aliases",) if self.aliases else ()), *self.refs)


REGISTRY: dict[str, Exchanged] = {e.kind: e for e in (
    Exchanged("site", "sites", ("name", "kind", "code", "contact_name", "contact_phone",
                                "technician_name", "technician_phone"), aliases=True),
    Exchanged("person", "people", ("full_name", "titles", "organization", "rank", "phone",
                                   "email"), {"site_id": "site"}, lists=("titles",)),
    Exchanged("issuer", "issuers", ("name", "parent_body", "place", "profile", "number_code",
                                    "recipients", "chair_title"),
              {"chair_person_id": "person", "secretary_person_id": "person"},
              lists=("recipients",)),
    Exchanged("meeting", "meetings", ("title", "kind", "organizer", "planned_start",
                                      "planned_end", "actual_start", "actual_end", "number",
                                      "description", "chair_signer_title",
                                      "secretary_signer_title"),
              {"main_site_id": "site", "issuer_id": "issuer", "chair_signer_id": "person",
               "secretary_signer_id": "person"}, multiline=("description",)),
    Exchanged("meeting_site", "meeting_sites", ("summoned", "connection", "present",
                                                "attendance_note", "absence_note"),
              {"meeting_id": "meeting", "site_id": "site", "host_person_id": "person"},
              required=("meeting_id", "site_id"), meeting_via="meeting_id",
              site_via=("site_id",), natural=("meeting_id", "site_id"), positioned=True),
    Exchanged("connection_event", "connection_events", ("at", "status", "remark"),
              {"meeting_site_id": "meeting_site"}, required=("meeting_site_id",),
              meeting_via="meeting_site_id", site_via=("meeting_site_id",)),
    Exchanged("attendance", "attendances", ("role", "status", "reason", "checked_in_at"),
              {"meeting_id": "meeting", "person_id": "person", "site_id": "site"},
              required=("meeting_id", "person_id"), meeting_via="meeting_id",
              site_via=("site_id",), natural=("meeting_id", "person_id"), positioned=True),
    Exchanged("agenda_item", "agenda_items", ("title", "position", "planned_minutes",
                                              "actual_start", "actual_end"),
              {"meeting_id": "meeting", "presenter_id": "person"}, required=("meeting_id",),
              meeting_via="meeting_id"),
    Exchanged("note", "notes", ("text", "at", "kind"),
              {"meeting_id": "meeting", "agenda_item_id": "agenda_item",
               "speaker_id": "attendance", "site_id": "site"}, required=("meeting_id",),
              meeting_via="meeting_id", site_via=("site_id", "speaker_id"),
              multiline=("text",)),
    Exchanged("task", "tasks", ("description", "owner_unit", "due_on", "status", "position"),
              {"meeting_id": "meeting", "owner_person_id": "person", "note_id": "note",
               "owner_site_id": "site"},
              required=("meeting_id",), meeting_via="meeting_id", site_via=("owner_site_id",),
              multiline=("description",)),
    Exchanged("task_progress", "task_progress", ("reported_on", "text", "source", "status",
                                                 "recorded_at"),
              {"task_id": "task", "site_id": "site"}, required=("task_id",),
              meeting_via="task_id", site_via=("site_id", "task_id"), multiline=("text",)),
)}

ORDER = tuple(REGISTRY)
"""Kinds in dependency order."""


def by_table(table: str) -> Exchanged | None:
    return next((e for e in REGISTRY.values() if e.table == table), None)
