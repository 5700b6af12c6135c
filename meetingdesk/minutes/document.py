"""The minutes as plain data: what the builder makes and the renderer draws.

Every string here is final wording (numbers, labels, dates already filled in) and clean text:
NFC, no control characters. Nothing here knows about reportlab or its markup.
"""

from __future__ import annotations

from dataclasses import dataclass

from meetingdesk.domain.enums import Profile


@dataclass(frozen=True, slots=True)
class Header:
    """The two header blocks: the agency on the left, the nation on the right."""

    parent_agency: str
    agency: str
    number: str
    nation: str
    motto: str
    place_date: str
    """Empty when the profile has no place-and-date line in the header."""


@dataclass(frozen=True, slots=True)
class OpeningLine:
    label: str
    value: str


@dataclass(frozen=True, slots=True)
class DelegateRow:
    """One delegate in a site's list: name, titles and status (or the reason of absence)."""

    number: int
    name: str
    titles: str
    status: str


@dataclass(frozen=True, slots=True)
class SiteAttendance:
    """The delegates of one site: those present (or not yet marked), then the absent ones."""

    heading: str
    summary: str
    delegates: tuple[DelegateRow, ...]
    absent: tuple[str, ...]
    """One line per absent delegate, with the reason when there is one."""


@dataclass(frozen=True, slots=True)
class NoteEntry:
    """A note as it is written in the minutes: who spoke and when, then the text."""

    lead: str
    """``Đồng chí …, chức vụ (điểm cầu …, 14 giờ 30) phát biểu:``; empty for a bare remark."""
    paragraphs: tuple[str, ...]
    set_apart: bool = False
    """Conclusions and decisions are set apart from the statements."""
    label: str = ""
    """``Kết luận``, ``Quyết định`` for the notes set apart."""


@dataclass(frozen=True, slots=True)
class ReviewRow:
    """A task carried forward from an earlier meeting, with what became of it."""

    number: int
    what: str
    who: str
    due: str
    result: str
    """``Đã hoàn thành``, ``Chậm, quá hạn`` or ``Đang thực hiện`` on the meeting's day."""


@dataclass(frozen=True, slots=True)
class BodySection:
    """One agenda item (or the notes outside any item) with its presenter and notes."""

    title: str
    presenter: str
    notes: tuple[NoteEntry, ...]
    review: tuple[ReviewRow, ...] = ()
    """The tasks this item reviews (the first item of a meeting made from a previous one)."""


@dataclass(frozen=True, slots=True)
class TaskRow:
    number: int
    what: str
    who: str
    due: str


@dataclass(frozen=True, slots=True)
class SiteLogRow:
    """One site in the appendix: its counts and its connection log (one event a line)."""

    number: int
    site: str
    summoned: int
    present: int
    absent: int
    log: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Signer:
    role: tuple[str, ...]
    """``THƯ KÝ`` / ``CHỦ TỌA`` and, where needed, the position (``PHÓ TRƯỞNG BAN…``)."""
    hint: str
    name: str


@dataclass(frozen=True, slots=True)
class Appendix:
    title: str
    subject: str
    reference: str
    columns: tuple[str, ...]
    rows: tuple[SiteLogRow, ...]


@dataclass(frozen=True, slots=True)
class MinutesDocument:
    """Everything the minutes say, in reading order."""

    profile: Profile
    header: Header
    doc_type: str
    title: str
    opening: tuple[OpeningLine, ...]
    contents_heading: str
    attendance_heading: str
    attendance_lines: tuple[str, ...]
    """Overall figures under the attendance heading (party: ``1.1 Đại biểu chính thức…``)."""
    sites: tuple[SiteAttendance, ...]
    guests_heading: str
    guest_rows: tuple[DelegateRow, ...]
    body_heading: str
    sections: tuple[BodySection, ...]
    conclusions_heading: str
    chair_conclusions: tuple[NoteEntry, ...]
    tasks_heading: str
    task_columns: tuple[str, ...]
    task_rows: tuple[TaskRow, ...]
    documents_heading: str
    document_lines: tuple[str, ...]
    closing: str
    signers: tuple[Signer | None, Signer | None]
    """Secretary and chair; ``None`` for a role nobody holds (nothing is printed)."""
    recipients_title: str
    recipients: tuple[str, ...]
    appendix: Appendix | None
    pdf_title: str
    pdf_author: str
    delegate_columns: tuple[str, ...]
    review_columns: tuple[str, ...] = ()
