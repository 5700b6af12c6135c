"""The conclusion notice (thông báo kết luận) of a meeting, as a second official document.

The notice is built as a :class:`MinutesDocument` — same header, profile, tables, signature
block and recipients — so the minutes' renderers (PDF and DOCX) draw it; only its wording and
content differ: the issuer's heading numbered ``TB``, the place and date in the right column,
``THÔNG BÁO`` with the subject "Kết luận của đồng chí … tại …", an opening paragraph (when,
where, who chaired), the conclusions, the tasks with their owners and dates, the signer, and
the recipients (Nghị định 30/2020, Phụ lục III mẫu 1.4; Hướng dẫn 36-HD/VPTW for the Party).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from meetingdesk.domain.dates import BLANK_DATE, date_words, document_date
from meetingdesk.domain.enums import NoteKind, Role
from meetingdesk.minutes.builder import (
    MinutesBuilder,
    document_number,
    event_word,
    line,
    paragraphs,
    read_facts,
    upper_first,
)
from meetingdesk.minutes.document import BodySection, MinutesDocument, NoteEntry, Signer
from meetingdesk.minutes.profiles import FormatProfile, profile_for
from meetingdesk.store.desk import Desk

_CHAIRS = (Role.CHAIR, Role.CO_CHAIR)


@dataclass(frozen=True, slots=True)
class NoticeWording:
    """The notice's own words; everything else is the profile's."""

    doc_type: str = "THÔNG BÁO"
    kind: str = "TB"
    subject: str = "Kết luận của {who} tại {meeting}"
    subject_no_chair: str = "Kết luận tại {meeting}"
    held: str = "{day}, {organizer} tổ chức {meeting}"
    where: str = " tại {place}"
    chaired: str = "{who} chủ trì {event}."
    lead_in: str = ("Sau khi nghe báo cáo và ý kiến phát biểu của các đại biểu, {who} "
                    "kết luận như sau:")
    lead_in_no_chair: str = "{event} đã thống nhất kết luận như sau:"
    tasks: str = "Phân công thực hiện"
    closing: str = "{issuer} thông báo để các cơ quan, đơn vị biết, thực hiện./."
    recipients_last: str = "Lưu: VT."
    pdf_title: str = "Thông báo kết luận - {meeting}"


WORDING = NoticeWording()


def _who(entry_name: str, titles: str, honorific: str) -> str:
    return f"{honorific} {entry_name}" + (f", {titles}" if titles else "")


class _NoticeBuilder:
    def __init__(self, minutes: MinutesBuilder, issued_on: date | None) -> None:
        self.m = minutes
        self.f = minutes.f
        self.p = minutes.p
        self.w = WORDING
        self.issued_on = issued_on

    def chair(self) -> str:
        """The one who concluded: the meeting's chair, else who signs for the chair."""
        chairs = self.m.role(*_CHAIRS)
        person = chairs[0].person if chairs else self.f.chair
        if person is None:
            return ""
        return _who(line(person.full_name), line(person.title_line), self.p.wording.honorific)

    def number(self) -> str:
        code = re.sub(r"\s+", "", line(self.f.issuer.number_code))
        issuer = code.partition("/")[2] or code.partition("-")[2]
        return document_number(self.p, None, f"{self.w.kind}/{issuer}")

    def opening(self, chair: str) -> tuple[str, ...]:
        m = self.f.meeting
        event = event_word(m.kind)
        organizer = line(m.organizer) or line(self.f.issuer.name)
        day = upper_first(document_date(m.date)) if m.date else ""
        held = self.w.held.format(day=day, organizer=organizer,
                                  meeting=line(m.title)).lstrip(", ")
        main = self.m.site_name(m.main_site_id)
        others = sum(1 for s in self.f.sites if s.site.id != m.main_site_id)
        place = (self.p.wording.place_online.format(main=main, count=others).lstrip(", ")
                 if others else main)
        first = upper_first(held + (self.w.where.format(place=place) if place else "")) + "."
        if chair:
            first += " " + self.w.chaired.format(who=upper_first(chair), event=event)
        lead = (self.w.lead_in.format(who=chair) if chair
                else self.w.lead_in_no_chair.format(event=event))
        return first, lead

    def conclusions(self) -> tuple[NoteEntry, ...]:
        texts = [p for n in self.f.notes if n.kind in (NoteKind.CONCLUSION, NoteKind.DECISION)
                 for p in paragraphs(n.text)]
        return tuple(NoteEntry("", (f"{i}. {t}",)) for i, t in enumerate(texts, 1))

    def signer(self) -> Signer | None:
        """Who signs for the chair, with the title line above the name (nobody: nothing)."""
        person, title = self.f.chair, line(self.f.meeting.chair_signer_title).upper()
        if person is None:
            return None
        return Signer((title,) if title else (), self.p.wording.signature_hint,
                      line(person.full_name))

    def build(self) -> MinutesDocument:
        minutes, m, issuer, pw = self.m, self.f.meeting, self.f.issuer, self.p.wording
        chair = self.chair()
        header = minutes.header()
        when = date_words(self.issued_on) if self.issued_on is not None else BLANK_DATE
        place_date = pw.place_date.format(place=line(issuer.place), date=when).lstrip(", ")
        header = type(header)(header.parent_agency, header.agency, self.number(),
                              header.nation, header.motto, place_date)
        subject = (self.w.subject.format(who=chair, meeting=line(m.title)) if chair
                   else self.w.subject_no_chair.format(meeting=line(m.title)))
        opening = NoteEntry("", self.opening(chair))
        conclusions = self.conclusions()
        task_rows = minutes.tasks()
        announcer = line(m.organizer) or line(issuer.name)
        recipients = tuple(pw.recipient.format(name=line(r)) for r in issuer.recipients
                           if line(r))
        recipients += (pw.list_item.format(text=self.w.recipients_last),)
        return MinutesDocument(
            profile=self.p.key, header=header, doc_type=self.w.doc_type,
            title=upper_first(subject), opening=(), contents_heading="",
            attendance_heading="", attendance_lines=(), sites=(), guests_heading="",
            guest_rows=(), body_heading="",
            sections=(BodySection("", "", (opening, *conclusions)),),
            conclusions_heading="", chair_conclusions=(),
            tasks_heading=f"{len(conclusions) + 1}. {self.w.tasks}" if task_rows else "",
            task_columns=pw.task_columns, task_rows=task_rows, documents_heading="",
            document_lines=(),
            closing=self.w.closing.format(issuer=upper_first(announcer)),
            signers=(None, self.signer()), recipients_title=pw.recipients_title,
            recipients=recipients, appendix=None,
            pdf_title=self.w.pdf_title.format(meeting=line(m.title)),
            pdf_author=header.agency, delegate_columns=pw.delegate_columns,
        )


def build_notice(desk: Desk, meeting_id: int, profile: FormatProfile | None = None, *,
                 issued_on: date | None = None) -> MinutesDocument:
    """The conclusion notice of a meeting as plain data, in ``profile`` (default: the desk's),
    dated ``issued_on`` (the date is left for the hand when ``None``)."""
    facts = read_facts(desk, meeting_id)
    fmt = profile or profile_for(facts.issuer.profile)
    return _NoticeBuilder(MinutesBuilder(desk, facts, fmt), issued_on).build()
