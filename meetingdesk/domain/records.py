"""The domain's records: plain, immutable values. ``id`` is ``None`` until stored."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from meetingdesk.domain.dates import short_date
from meetingdesk.domain.enums import (
    AttendanceStatus,
    ConnectionStatus,
    MeetingStatus,
    NoteKind,
    Profile,
    Role,
    SiteKind,
    TaskStatus,
)


@dataclass(frozen=True, slots=True)
class Issuer:
    """An issuing body (cơ quan ban hành) of the directory: the minutes of its meetings take
    its heading, place, number code, recipients and profile."""

    id: int | None
    name: str
    """The issuing body as the heading prints it: ``BAN TỔ CHỨC TỈNH ỦY THÁI NGUYÊN``."""
    parent_body: str = ""
    """The body above it: ``ĐẢNG BỘ TỈNH THÁI NGUYÊN``, ``BAN CHẤP HÀNH TRUNG ƯƠNG``."""
    place: str = ""
    profile: Profile = Profile.PARTY
    number_code: str = ""
    """``BB/BTCTW`` or ``BB-BTCTU``: the kind and the issuer's abbreviation."""
    recipients: tuple[str, ...] = ()
    chair_title: str = ""
    """The title line printed above the chair's name when the issuer's chair signs."""
    chair_person_id: int | None = None
    """Who signs for the chair by default in a new meeting of this issuer."""
    secretary_person_id: int | None = None
    is_default: bool = False
    """The desk's default issuer, given to new meetings."""


@dataclass(frozen=True, slots=True)
class Site:
    id: int | None
    name: str
    kind: SiteKind = SiteKind.PROVINCE
    code: str | None = None
    aliases: tuple[str, ...] = ()
    contact_name: str | None = None
    contact_phone: str | None = None
    technician_name: str | None = None
    technician_phone: str | None = None


@dataclass(frozen=True, slots=True)
class Person:
    id: int | None
    full_name: str
    titles: tuple[str, ...] = ()
    organization: str | None = None
    site_id: int | None = None
    rank: int = 1000
    phone: str | None = None
    email: str | None = None

    @property
    def title_line(self) -> str:
        """The titles as one line, as they are written after a name."""
        return ", ".join(self.titles)


@dataclass(frozen=True, slots=True)
class Meeting:
    id: int | None
    title: str
    kind: str = "Hội nghị trực tuyến"
    organizer: str | None = None
    planned_start: datetime | None = None
    planned_end: datetime | None = None
    actual_start: datetime | None = None
    actual_end: datetime | None = None
    main_site_id: int | None = None
    status: MeetingStatus = MeetingStatus.DRAFT
    number: int | None = None
    description: str | None = None
    source_meeting_id: int | None = None
    issuer_id: int | None = None
    chair_signer_id: int | None = None
    """The person who signs for the chair (chủ trì, chủ tọa); none: nothing is printed."""
    chair_signer_title: str = ""
    """The title line printed above the chair's name (``PHÓ TRƯỞNG BAN THƯỜNG TRỰC``)."""
    secretary_signer_id: int | None = None
    secretary_signer_title: str = ""

    @property
    def date(self) -> date | None:
        when = self.actual_start or self.planned_start
        return when.date() if when else None


@dataclass(frozen=True, slots=True)
class MeetingSite:
    id: int | None
    meeting_id: int
    site_id: int
    host_person_id: int | None = None
    summoned: int = 0
    connection: ConnectionStatus = ConnectionStatus.UNCHECKED
    position: int = 0
    present: int | None = None
    """The present count the site reports (``None`` until it does); the named people marked
    present there are its floor."""
    attendance_note: str | None = None
    """Who attends there beyond the named delegates (``đại diện các sở, ngành của tỉnh``)."""
    absence_note: str | None = None
    """Who is absent at the site and why, as the site reports it."""


@dataclass(frozen=True, slots=True)
class ConnectionEvent:
    id: int | None
    meeting_site_id: int
    at: datetime
    status: ConnectionStatus
    remark: str | None = None


@dataclass(frozen=True, slots=True)
class Attendance:
    id: int | None
    meeting_id: int
    person_id: int
    site_id: int | None = None
    role: Role = Role.DELEGATE
    status: AttendanceStatus = AttendanceStatus.EXPECTED
    reason: str | None = None
    checked_in_at: datetime | None = None
    position: int = 0


@dataclass(frozen=True, slots=True)
class AgendaItem:
    id: int | None
    meeting_id: int
    title: str
    position: int = 0
    presenter_id: int | None = None
    planned_minutes: int | None = None
    actual_start: datetime | None = None
    actual_end: datetime | None = None


@dataclass(frozen=True, slots=True)
class Note:
    id: int | None
    meeting_id: int
    text: str
    at: datetime
    kind: NoteKind = NoteKind.STATEMENT
    agenda_item_id: int | None = None
    speaker_id: int | None = None
    """The speaking attendance (a person at this meeting)."""
    site_id: int | None = None
    revision: int = 1


@dataclass(frozen=True, slots=True)
class NoteDraft:
    """The note being typed in live mode, saved continuously until it is filed."""

    meeting_id: int
    text: str
    started_at: datetime
    saved_at: datetime
    kind: NoteKind = NoteKind.STATEMENT
    agenda_item_id: int | None = None
    speaker_id: int | None = None
    note_id: int | None = None
    """Set when the draft is an edit of a note already filed."""


@dataclass(frozen=True, slots=True)
class NoteRevision:
    id: int | None
    note_id: int
    revision: int
    text: str
    saved_at: datetime


@dataclass(frozen=True, slots=True)
class Task:
    id: int | None
    meeting_id: int
    description: str
    owner_person_id: int | None = None
    owner_unit: str | None = None
    due_on: date | None = None
    status: TaskStatus = TaskStatus.OPEN
    note_id: int | None = None
    position: int = 0
    owner_site_id: int | None = None
    """The site that carries the task out, when it is a site's (a province's) task."""


@dataclass(frozen=True, slots=True)
class Document:
    id: int | None
    reference: str
    """The canonical number and code, e.g. ``96-QĐ/TW`` or ``30/2020/NĐ-CP``: unique in a desk."""
    doc_type: str | None = None
    number: str | None = None
    code: str | None = None
    issued_on: date | None = None
    issued_year: int | None = None
    issuer: str | None = None
    title: str | None = None
    file_name: str | None = None

    @property
    def display(self) -> str:
        """How the document is cited in text: ``Quy định số 96-QĐ/TW ngày 02/02/2023``."""
        parts = [self.doc_type or "Văn bản", "số", self.reference]
        if self.issued_on:
            parts.append(f"ngày {short_date(self.issued_on)}")
        return " ".join(parts)


@dataclass(frozen=True, slots=True)
class MinutesVersion:
    id: int | None
    meeting_id: int
    created_at: datetime
    profile: Profile
    sha256: str
    size: int
    final: bool = False
    finalized_at: datetime | None = None
    content_sha256: str | None = None
    """The sha256 of the minutes' content (not of the PDF, which carries its creation time)."""
    signed_sha256: str | None = None
    """Set when the version has a digitally signed copy (its bytes are kept apart)."""
    signed_at: datetime | None = None
    signed_by: str | None = None


@dataclass(frozen=True, slots=True)
class MeetingEvent:
    """Something that happened to a meeting's record: finalised, reopened, copied."""

    id: int | None
    meeting_id: int
    at: datetime
    kind: str
    detail: str | None = None


@dataclass(frozen=True, slots=True)
class SearchHit:
    kind: str
    """``note``, ``person``, ``site``, ``agenda`` or ``document``."""
    ref_id: int
    text: str
    meeting_id: int | None
    meeting_title: str | None
    meeting_date: date | None
    score: float = 0.0
