"""The repositories of every table of the domain."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from meetingdesk.domain.enums import AttendanceStatus, Role
from meetingdesk.domain.messages import message
from meetingdesk.domain.records import (
    AgendaItem,
    Attendance,
    ConnectionEvent,
    Document,
    Issuer,
    Meeting,
    MeetingEvent,
    MeetingSite,
    MinutesVersion,
    Note,
    NoteDraft,
    NoteRevision,
    Person,
    Site,
    Task,
)
from meetingdesk.store.reads import Reads
from meetingdesk.store.repository import Repository
from meetingdesk.store.rows import from_row, to_row

if TYPE_CHECKING:
    from sqlite_utils import Database


def _attending(meeting_id: int, roles: Sequence[Role] | None) -> tuple[str, list[Any]]:
    """The ``WHERE`` of a meeting's attendances, in one of ``roles`` when given."""
    if roles is None:
        return "meeting_id = ?", [meeting_id]
    marks = ", ".join("?" for _ in roles) or "NULL"
    return f"meeting_id = ? AND role IN ({marks})", [meeting_id, *(r.value for r in roles)]


class SiteRepository(Repository[Site]):
    """Sites, with their former names (aliases) kept in their own table."""

    def _records(self, db: Reads, rows: Sequence[Sequence[Any]]) -> list[Site]:
        """The sites with their aliases, read in one query per 500 sites (not one per site:
        a meeting has a hundred)."""
        ids = [values[0] for values in rows]  # ``id`` is the first column
        aliases: dict[int, list[str]] = {}
        for start in range(0, len(ids), 500):
            chunk = ids[start:start + 500]
            marks = ", ".join("?" for _ in chunk)
            for site_id, name in db.execute(
                    f"SELECT site_id, name FROM site_aliases WHERE site_id IN ({marks}) "
                    "ORDER BY id", chunk):
                aliases.setdefault(site_id, []).append(name)
        return [from_row(Site, {**dict(zip(self.columns, values, strict=True)), "aliases": None},
                         aliases=tuple(aliases.get(values[0], ())))
                for values in rows]

    def set_aliases(self, db: Database, site_id: int, aliases: tuple[str, ...]) -> None:
        db.execute("DELETE FROM site_aliases WHERE site_id = ?", [site_id])
        db.conn.executemany(
            "INSERT OR IGNORE INTO site_aliases (site_id, name) VALUES (?, ?)",
            [(site_id, a) for a in aliases],
        )

    def insert(self, db: Database, record: Site) -> Site:
        stored = super().insert(db, record)
        assert stored.id is not None
        self.set_aliases(db, stored.id, record.aliases)
        return self.get(db, stored.id)

    def by_code(self, db: Reads, code: str) -> Site | None:
        found = self.where(db, code=code)
        return found[0] if found else None

    def taking_part(self, db: Reads, meeting_id: int) -> list[Site]:
        """The sites taking part in a meeting, by id."""
        return self._find(
            db, "id IN (SELECT site_id FROM meeting_sites WHERE meeting_id = ?)", [meeting_id])

    def attending(self, db: Reads, meeting_id: int, roles: Sequence[Role] | None = None
                  ) -> list[Site]:
        """The sites of the people on a meeting's attendance list (those in one of ``roles``
        when given), by id."""
        where, params = _attending(meeting_id, roles)
        return self._find(db, f"id IN (SELECT site_id FROM attendances WHERE {where})", params)


class PersonRepository(Repository[Person]):
    def attending(self, db: Reads, meeting_id: int, roles: Sequence[Role] | None = None
                  ) -> list[Person]:
        """The people on a meeting's attendance list (those in one of ``roles`` when given),
        by id."""
        where, params = _attending(meeting_id, roles)
        return self._find(db, f"id IN (SELECT person_id FROM attendances WHERE {where})",
                          params)


class MeetingRepository(Repository[Meeting]):
    def newest_first(self, db: Reads) -> list[Meeting]:
        """Every meeting by start (actual, else planned), newest first; undated ones last."""
        return self._find(db, order_by="coalesce(actual_start, planned_start) DESC, id DESC")


class NoteRepository(Repository[Note]):
    def of_site(self, db: Reads, meeting_id: int, site_id: int,
                speaker_ids: Sequence[int]) -> list[Note]:
        """A meeting's notes taken at ``site_id`` or spoken by one of ``speaker_ids``
        (attendance ids), by id."""
        marks = ", ".join("?" for _ in speaker_ids) or "NULL"
        return self._find(db, f"meeting_id = ? AND (site_id = ? OR speaker_id IN ({marks}))",
                          [meeting_id, site_id, *speaker_ids])


class DocumentRepository(Repository[Document]):
    def by_reference(self, db: Reads, reference: str) -> Document | None:
        """The first document (by id) with this reference, if any."""
        found = self.where(db, reference=reference)
        return found[0] if found else None

    def by_issue_date(self, db: Reads) -> list[Document]:
        """Every document by issue date (or year), then reference."""
        return self._find(db, order_by="coalesce(issued_on, issued_year), reference")


sites = SiteRepository("sites", Site, message("tables.site"), virtual=frozenset({"aliases"}))
people = PersonRepository("people", Person, message("tables.person"))
meetings = MeetingRepository("meetings", Meeting, message("tables.meeting"))
meeting_events = Repository("meeting_events", MeetingEvent, message("tables.event"))
meeting_sites = Repository("meeting_sites", MeetingSite, message("tables.meeting_site"),
                           order=("position", "id"))
connection_events = Repository("connection_events", ConnectionEvent,
                               message("tables.connection_event"), order=("at", "id"))
class AttendanceRepository(Repository[Attendance]):
    def present_at_site(self, db: Reads, meeting_id: int, site_id: int) -> int:
        """How many named people are marked present (in person, online, late) at a site."""
        return int(db.execute(
            "SELECT count(*) FROM attendances WHERE meeting_id = ? AND site_id = ? "
            "AND status IN ('present', 'online', 'late')", [meeting_id, site_id]).fetchone()[0])

    def status_counts(self, db: Reads, meeting_id: int
                      ) -> list[tuple[int | None, AttendanceStatus, int]]:
        """(site id, status, how many people) over a meeting's attendance list, counted by
        SQLite (a list of thousands is never turned into records to be counted)."""
        rows = db.execute("SELECT site_id, status, count(*) FROM attendances "
                          "WHERE meeting_id = ? GROUP BY site_id, status", [meeting_id])
        return [(site_id, AttendanceStatus(status), count) for site_id, status, count in rows]

    def in_roles(self, db: Reads, meeting_id: int, roles: Sequence[Role]) -> list[Attendance]:
        """A meeting's attendances in one of ``roles``, in list order."""
        where, params = _attending(meeting_id, roles)
        return self._find(db, where, params, order_by="position, id")


attendances = AttendanceRepository("attendances", Attendance, message("tables.attendance"),
                                   order=("position", "id"))
agenda_items = Repository("agenda_items", AgendaItem, message("tables.agenda_item"),
                          order=("position", "id"))
notes = NoteRepository("notes", Note, message("tables.note"), order=("at", "id"))
note_revisions = Repository("note_revisions", NoteRevision, message("tables.note_revision"),
                            order=("revision",))
tasks = Repository("tasks", Task, message("tables.task"), order=("position", "id"))


note_drafts = Repository("note_drafts", NoteDraft, message("tables.note_draft"),
                         order=("meeting_id",))
"""One draft a meeting, keyed by it (the table has no ``id``)."""


def get_draft(db: Reads, meeting_id: int) -> NoteDraft | None:
    found = note_drafts._find(db, "meeting_id = ?", [meeting_id], order_by=None)
    return found[0] if found else None


def all_drafts(db: Reads) -> list[NoteDraft]:
    return note_drafts.all(db, order=("saved_at DESC",))


def put_draft(db: Database, draft: NoteDraft) -> None:
    db["note_drafts"].upsert(to_row(draft), pk="meeting_id")  # type: ignore[union-attr]


def delete_draft(db: Database, meeting_id: int) -> None:
    db.execute("DELETE FROM note_drafts WHERE meeting_id = ?", [meeting_id])
documents = DocumentRepository("documents", Document, message("tables.document"))
minutes_versions = Repository("minutes_versions", MinutesVersion,
                              message("tables.minutes_version"), order=("created_at", "id"))


class IssuerRepository(Repository[Issuer]):
    def default(self, db: Reads) -> Issuer | None:
        """The desk's default issuer, if one is marked."""
        found = self.where(db, is_default=True)
        return found[0] if found else None

    def make_default(self, db: Database, issuer_id: int) -> None:
        """Mark one issuer the desk's default (and no other)."""
        db.execute("UPDATE issuers SET is_default = 0 WHERE is_default = 1 AND id <> ?",
                   [issuer_id])
        db.execute("UPDATE issuers SET is_default = 1 WHERE id = ?", [issuer_id])

    def meeting_count(self, db: Reads, issuer_id: int) -> int:
        """How many meetings have this issuer."""
        return int(db.execute("SELECT count(*) FROM meetings WHERE issuer_id = ?",
                              [issuer_id]).fetchone()[0])


issuers = IssuerRepository("issuers", Issuer, message("tables.issuer"))


def link_citation(db: Database, note_id: int, document_id: int) -> None:
    db.execute(
        "INSERT OR IGNORE INTO note_citations (note_id, document_id) VALUES (?, ?)",
        [note_id, document_id],
    )


def clear_citations(db: Database, note_id: int) -> None:
    db.execute("DELETE FROM note_citations WHERE note_id = ?", [note_id])


def cited_documents(db: Reads, meeting_id: int) -> list[Document]:
    """Documents cited in a meeting's notes, in order of first citation."""
    cols = ", ".join(f"d.[{c}]" for c in documents.columns)
    return documents._records(db, db.execute(
        f"SELECT {cols} FROM documents d JOIN note_citations c ON c.document_id = d.id "
        "JOIN notes n ON n.id = c.note_id WHERE n.meeting_id = ? "
        "GROUP BY d.id ORDER BY min(n.at), min(n.id)",
        [meeting_id],
    ).fetchall())


def notes_citing(db: Reads, document_id: int) -> list[int]:
    return [r[0] for r in db.execute(
        "SELECT note_id FROM note_citations WHERE document_id = ? ORDER BY note_id",
        [document_id])]


def minutes_pdf(db: Reads, version_id: int) -> bytes:
    row = db.execute("SELECT pdf FROM minutes_versions WHERE id = ?", [version_id]).fetchone()
    if row is None:
        raise minutes_versions.missing(version_id)
    return bytes(row[0])


def signed_minutes_pdf(db: Reads, version_id: int) -> bytes | None:
    """The signed copy of a version, ``None`` when it has none."""
    row = db.execute("SELECT signed_pdf FROM minutes_versions WHERE id = ?",
                     [version_id]).fetchone()
    if row is None:
        raise minutes_versions.missing(version_id)
    return None if row[0] is None else bytes(row[0])


def set_signed_minutes_pdf(db: Database, version_id: int, pdf: bytes) -> None:
    db.execute("UPDATE minutes_versions SET signed_pdf = ? WHERE id = ?", [pdf, version_id])


def insert_minutes_pdf(db: Database, version: MinutesVersion, pdf: bytes) -> MinutesVersion:
    row = to_row(version)
    row["pdf"] = pdf
    table = db["minutes_versions"]
    table.insert(row)  # type: ignore[union-attr]
    return minutes_versions.get(db, table.last_pk)  # type: ignore[union-attr]


def meeting_count_rows(db: Reads, meeting_id: int | None = None
                       ) -> dict[int, tuple[int, int]]:
    """Per meeting (every one, or only ``meeting_id``): (number of sites, number of
    attendances)."""
    sql = ("SELECT m.id, (SELECT count(*) FROM meeting_sites s WHERE s.meeting_id = m.id), "
           "(SELECT count(*) FROM attendances a WHERE a.meeting_id = m.id) FROM meetings m")
    rows = (db.execute(sql) if meeting_id is None
            else db.execute(sql + " WHERE m.id = ?", [meeting_id]))
    return {r[0]: (r[1], r[2]) for r in rows}


def set_document_file(db: Database, document_id: int, name: str, data: bytes) -> None:
    documents.get(db, document_id)
    db.execute("UPDATE documents SET file_name = ?, file_data = ? WHERE id = ?",
               [name, data, document_id])


def document_file(db: Reads, document_id: int) -> tuple[str, bytes] | None:
    row = db.execute("SELECT file_name, file_data FROM documents WHERE id = ?",
                     [document_id]).fetchone()
    if row is None:
        raise documents.missing(document_id)
    return (row[0], bytes(row[1])) if row[1] is not None else None
