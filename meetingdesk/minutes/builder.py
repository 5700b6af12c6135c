"""Meeting → :class:`MinutesDocument`: gathers the meeting through the services and words it
as the profile says. No reportlab here."""

from __future__ import annotations

import logging
import re
import unicodedata
from dataclasses import dataclass, replace
from datetime import datetime

from meetingdesk.domain.dates import BLANK_DATE, date_words, short_date
from meetingdesk.domain.enums import NoteKind, Role
from meetingdesk.domain.headcount import SiteHeadcount
from meetingdesk.domain.records import AgendaItem, Issuer, Meeting, Note, Person
from meetingdesk.domain.text import fold, strip_invisible
from meetingdesk.minutes.document import (
    Appendix,
    BodySection,
    DelegateRow,
    Header,
    MinutesDocument,
    NoteEntry,
    OpeningLine,
    ReviewRow,
    Signer,
    SiteAttendance,
    SiteLogRow,
    TaskRow,
)
from meetingdesk.minutes.profiles import FormatProfile, profile_for
from meetingdesk.services import (
    agenda,
    directory,
    meetings,
    notes,
    organization,
    participation,
    tasks,
)
from meetingdesk.services.participation import AttendanceEntry, SiteEntry
from meetingdesk.store.desk import Desk

logger = logging.getLogger(__name__)

_CHAIRS = (Role.CHAIR, Role.CO_CHAIR)
_UNDRAWABLE = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f\ud800-\udfff]")
"""Control characters (category Cc) but the newline, and lone surrogates."""
_EVENT_WORDS = ("Cuộc họp", "Hội nghị", "Hội thảo", "Phiên họp", "Buổi làm việc")


def clean(text: str | None) -> str:
    """User text made safe to draw: NFC, control characters, BOM, bidi controls and lone
    surrogates dropped, tabs as spaces. Newlines are kept (they separate paragraphs). Text
    stored before the desk cleaned its way in is cleaned here too."""
    if not text:
        return ""
    text = strip_invisible(text.replace("\r\n", "\n").replace("\r", "\n"))
    text = unicodedata.normalize("NFC", text)
    return _UNDRAWABLE.sub("", text.replace("\t", " "))


def line(text: str | None) -> str:
    """One-line user text: :func:`clean`, every run of white space as one space."""
    return " ".join(clean(text).split())


def paragraphs(text: str) -> tuple[str, ...]:
    """A note's text as paragraphs: one per non-empty line."""
    return tuple(p for p in (" ".join(raw.split()) for raw in clean(text).split("\n")) if p)


def time_words(at: datetime) -> str:
    return f"{at.hour} giờ {at.minute:02d} phút"


def short_time(at: datetime) -> str:
    return f"{at.hour} giờ {at.minute:02d}"


def document_number(profile: FormatProfile, number: int | None, code: str) -> str:
    """``Số: 12/BB-VP`` (state) or ``Số 12-BB/BTCTW`` (party) from the desk's code in either
    form (``BB/BTCTW``, ``BB-VP``): the kind and the issuer are split at the first separator."""
    kind, _, issuer = re.sub(r"\s+", "", line(code)).partition("/")
    if not issuer:
        kind, _, issuer = kind.partition("-")
    digits = f"{number:02d}" if number is not None else profile.wording.no_number
    text = profile.wording.number.format(number=digits, kind=kind or "BB", issuer=issuer)
    return text.rstrip("-/")


def event_word(kind: str) -> str:
    """The word a closing line uses for the meeting: ``Hội nghị``, ``Cuộc họp``…"""
    for word in _EVENT_WORDS:
        if line(kind).casefold().startswith(word.casefold()):
            return word
    return "Hội nghị" if "hội nghị" in line(kind).casefold() else "Cuộc họp"


@dataclass(frozen=True, slots=True)
class MeetingFacts:
    """What the builder reads from the desk, once."""

    meeting: Meeting
    issuer: Issuer
    chair: Person | None
    """Who signs for the chair, if anybody."""
    secretary: Person | None
    people: list[AttendanceEntry]
    sites: list[SiteEntry]
    notes: list[Note]


def upper_first(text: str) -> str:
    return text[:1].upper() + text[1:]


def _person(profile: FormatProfile, entry: AttendanceEntry, *, capital: bool = False) -> str:
    return _named(profile, entry.person, capital=capital)


def _named(profile: FormatProfile, person: Person, *, capital: bool = False) -> str:
    """``đồng chí Mai Văn Chính, Ủy viên Trung ương Đảng, …``"""
    honorific = upper_first(profile.wording.honorific) if capital else profile.wording.honorific
    titles = line(person.title_line)
    return f"{honorific} {line(person.full_name)}" + (f", {titles}" if titles else "")


class MinutesBuilder:
    def __init__(self, desk: Desk, facts: MeetingFacts, profile: FormatProfile) -> None:
        self.desk = desk
        self.f = facts
        self.p = profile
        self.w = profile.wording
        self.by_attendance = {e.attendance.id: e for e in facts.people}
        self.site_names = {s.site.id: line(s.site.name) for s in facts.sites}
        self.section = 0

    # --- helpers -------------------------------------------------------------------------

    def heading(self, text: str) -> str:
        """A part's heading, numbered ``1.``, ``2.``… when the profile numbers them."""
        if not text:
            return ""
        if self.p.section_numbers:
            self.section += 1
            return f"{self.section}. {text}"
        return text

    def sub(self, index: int, text: str) -> str:
        return f"{self.section}.{index} {text}" if self.p.section_numbers else f"{index}. {text}"

    def role(self, *roles: Role) -> list[AttendanceEntry]:
        return [e for e in self.f.people if e.attendance.role in roles]

    def site_name(self, site_id: int | None) -> str:
        if site_id is None:
            return ""
        name = self.site_names.get(site_id)
        return name if name is not None else line(directory.get_site(self.desk, site_id).name)

    def site_words(self, name: str) -> str:
        """``điểm cầu Thái Nguyên``; a name that already says ``Điểm cầu …`` is kept."""
        prefix = self.w.site.format(name="").strip()
        if fold(name).startswith(fold(prefix)):
            return name
        return self.w.site.format(name=name)

    # --- parts ---------------------------------------------------------------------------

    def header(self) -> Header:
        m, issuer = self.f.meeting, self.f.issuer
        place_date = ""
        if self.p.place_date_in_header and m.date:
            place_date = self.w.place_date.format(place=line(issuer.place),
                                                  date=date_words(m.date)).lstrip(", ")
        return Header(line(issuer.parent_body).upper(), line(issuer.name).upper(),
                      document_number(self.p, m.number, issuer.number_code), self.w.nation,
                      self.w.motto, place_date)

    def opening(self, documents: list[str]) -> tuple[OpeningLine, ...]:
        m, w = self.f.meeting, self.w
        lines: list[OpeningLine] = []
        start = m.actual_start or m.planned_start
        if start:
            lines.append(OpeningLine(w.time_started, w.started.format(
                event=event_word(m.kind), time=time_words(start), date=date_words(start.date()))))
        main = self.site_name(m.main_site_id)
        others = sum(1 for s in self.f.sites if s.site.id != m.main_site_id)
        if others:
            place = w.place_online.format(main=main, count=others).lstrip(", ")
        else:
            place = main or line(self.f.issuer.place)
        if place:
            lines.append(OpeningLine(w.place, place + "."))
        if w.subject:
            subject = line(m.description) or "; ".join(
                line(i.title) for i in agenda.agenda(self.desk, m.id or 0))
            if subject:
                lines.append(OpeningLine(w.subject, subject.rstrip(".") + "."))
        counts = self.headcounts(self.official())
        present = sum(c.present for c in counts.values())
        absent = sum(c.absent for c in counts.values())
        summoned = sum(c.summoned for c in counts.values())
        total = w.attendance_total.format(present=present)
        if summoned:
            total += w.attendance_summoned.format(summoned=summoned)
        if absent:
            total += w.attendance_absent.format(absent=absent)
        lines.append(OpeningLine(w.attendance, total + "."))
        for label, people, signer in ((w.chair, self.role(*_CHAIRS), self.f.chair),
                                      (w.secretary, self.role(Role.SECRETARY), self.f.secretary)):
            named = [_person(self.p, e, capital=i == 0) for i, e in enumerate(people)]
            if not named and signer is not None:
                named = [_named(self.p, signer, capital=True)]
            if named:
                lines.append(OpeningLine(label, "; ".join(named) + "."))
        if w.documents_used and documents:
            lines.append(OpeningLine(w.documents_used, "; ".join(documents) + "."))
        return tuple(OpeningLine(w.bullet + o.label, o.value) for o in lines)

    def official(self) -> list[AttendanceEntry]:
        """The people counted as delegates: everyone but the invited guests where the
        profile lists those apart."""
        if not self.w.invited_delegates:
            return list(self.f.people)
        return [e for e in self.f.people if e.attendance.role is not Role.GUEST]

    def headcounts(self, people: list[AttendanceEntry]) -> dict[int | None, SiteHeadcount]:
        """Per site (``None``: people of no site of the meeting), its figures: the count the
        site reported, with the named ``people`` there as its floor."""
        named: dict[int | None, list[int]] = {}
        known = {s.site.id for s in self.f.sites}
        for e in people:
            key = e.attendance.site_id if e.attendance.site_id in known else None
            c = named.setdefault(key, [0, 0, 0])
            status = e.attendance.status
            c[0 if status.is_present else 1 if status.is_absent else 2] += 1
        counts = {s.site.id: SiteHeadcount(s.meeting_site.summoned, s.meeting_site.present,
                                           *named.get(s.site.id, [0, 0, 0]))
                  for s in self.f.sites}
        if None in named:
            counts[None] = SiteHeadcount(0, None, *named[None])
        return counts

    def site_summary(self, count: SiteHeadcount, absence: str = "", attending: str = "") -> str:
        """``triệu tập 20, có mặt 18 đồng chí (vắng 2: …).`` and who else attends there."""
        w = self.w
        text = (w.site_count if count.summoned else w.site_count_unsummoned).format(
            summoned=count.summoned, present=count.present)
        if count.absent:
            text += (w.site_absent_note if absence else w.site_absent).format(
                absent=count.absent, note=absence.rstrip(".;"))
        if not count.accounted:
            text += w.site_unreported
        text += "."
        if attending:
            text += " " + upper_first(attending.rstrip(".;")) + "."
        return text

    def delegate_row(self, number: int, entry: AttendanceEntry) -> DelegateRow:
        status = entry.attendance.status.label
        reason = line(entry.attendance.reason)
        return DelegateRow(number, line(entry.person.full_name), line(entry.person.title_line),
                           f"{status}: {reason}" if reason else status)

    def absent_line(self, entry: AttendanceEntry) -> str:
        person = _person(self.p, entry, capital=True)
        reason = line(entry.attendance.reason)
        return self.w.absent_reason.format(name=person, reason=reason) if reason else person

    def site_attendance(self, heading: str, summary: str,
                        people: list[AttendanceEntry]) -> SiteAttendance:
        listed = [e for e in people if not e.attendance.status.is_absent]
        absent = [e for e in people if e.attendance.status.is_absent]
        return SiteAttendance(heading, summary,
                              tuple(self.delegate_row(i, e) for i, e in enumerate(listed, 1)),
                              tuple(self.absent_line(e) for e in absent))

    def sites(self, people: list[AttendanceEntry],
              counts: dict[int | None, SiteHeadcount]) -> tuple[SiteAttendance, ...]:
        """One part per site: its line of figures, its named delegates, its named absent."""
        by_site: dict[int | None, list[AttendanceEntry]] = {}
        known = {s.site.id for s in self.f.sites}
        for e in people:
            key = e.attendance.site_id if e.attendance.site_id in known else None
            by_site.setdefault(key, []).append(e)
        out = [self.site_attendance(
            upper_first(self.site_words(line(s.site.name))),
            self.site_summary(counts[s.site.id], line(s.meeting_site.absence_note),
                              line(s.meeting_site.attendance_note)),
            by_site.get(s.site.id, [])) for s in self.f.sites]
        if None in by_site:
            out.append(self.site_attendance(self.w.no_site, self.site_summary(counts[None]),
                                            by_site[None]))
        return tuple(out)

    def note_entry(self, note: Note, *, closing: bool = False) -> NoteEntry:
        """A note as the minutes word it; the chair's closing conclusions are not set apart
        (their section says what they are)."""
        verbs = dict(self.w.note_verbs)
        labels = dict(self.w.set_apart_labels)
        speaker = self.by_attendance.get(note.speaker_id)
        site = self.site_name(note.site_id if note.site_id is not None
                              else speaker.attendance.site_id if speaker else None)
        where = ", ".join(x for x in (self.site_words(site) if site else "",
                                      short_time(note.at)) if x)
        verb = verbs.get(note.kind.value, "")
        if speaker:
            lead = f"{_person(self.p, speaker, capital=True)} ({where})" + (
                f" {verb}:" if verb else ":")
        elif note.kind is NoteKind.REMARK and not site:
            lead = ""
        elif site:
            lead = f"{upper_first(self.site_words(site))} ({short_time(note.at)}):"
        else:
            lead = f"{short_time(note.at)}:"
        label = "" if closing else labels.get(note.kind.value, "")
        return NoteEntry(lead, paragraphs(note.text), bool(label), label)

    def body(self) -> tuple[tuple[BodySection, ...], tuple[NoteEntry, ...]]:
        """Sections in agenda order, and the chair's closing conclusions taken out of them."""
        chair_ids = {e.attendance.id for e in self.role(*_CHAIRS)}
        body_notes = list(self.f.notes)
        closing: list[Note] = []
        while body_notes and body_notes[-1].kind is NoteKind.CONCLUSION \
                and body_notes[-1].speaker_id in chair_ids:
            closing.insert(0, body_notes.pop())
        items = agenda.agenda(self.desk, self.f.meeting.id or 0)
        in_item: dict[int, list[Note]] = {}
        loose: list[Note] = []
        for n in body_notes:
            if n.agenda_item_id is not None:
                in_item.setdefault(n.agenda_item_id, []).append(n)
            else:
                loose.append(n)
        first_item_note = min((n.at for ns in in_item.values() for n in ns), default=None)
        before = [n for n in loose if first_item_note is None or n.at <= first_item_note]
        after = [n for n in loose if n not in before]
        presenters = {e.person.id: e for e in self.f.people}
        sections: list[BodySection] = []
        if before:
            sections.append(BodySection("", "", tuple(map(self.note_entry, before))))
        for index, item in enumerate(items, 1):
            presenter = ""
            if item.presenter_id is not None:
                entry = presenters.get(item.presenter_id)
                who = _person(self.p, entry) if entry else (
                    f"{self.w.honorific} "
                    f"{line(directory.get_person(self.desk, item.presenter_id).full_name)}")
                presenter = self.w.presenter + upper_first(who) + "."
            sections.append(BodySection(self.sub(index, line(item.title)), presenter,
                                        tuple(map(self.note_entry, in_item.get(item.id, [])))))
        if after:
            sections.append(BodySection(self.sub(len(items) + 1, self.w.other_notes), "",
                                        tuple(map(self.note_entry, after))))
        return self.with_review(items, sections, 1 if before else 0), tuple(
            self.note_entry(n, closing=True) for n in closing)

    def with_review(self, items: list[AgendaItem], sections: list[BodySection],
                    first_item_at: int) -> tuple[BodySection, ...]:
        """The tasks carried forward into this meeting, as a table under the agenda item that
        reviews them (or a first section of their own when that item was removed)."""
        reviewed = tasks.reviewed_tasks(self.desk, self.f.meeting.id or 0)
        if not reviewed:
            return tuple(sections)
        results = dict(self.w.review_results)
        rows = tuple(ReviewRow(i, line(r.line.task.description), line(r.line.owner),
                               short_date(r.line.task.due_on) if r.line.task.due_on else "",
                               results[r.state.value]) for i, r in enumerate(reviewed, 1))
        prefix = tasks.REVIEW_TITLE.split("{")[0]
        for index, item in enumerate(items, first_item_at):
            if item.title.startswith(prefix):
                sections[index] = replace(sections[index], review=rows)
                return tuple(sections)
        return (BodySection(self.w.review_heading, "", (), rows), *sections)

    def tasks(self) -> tuple[TaskRow, ...]:
        rows = []
        names = {e.person.id: line(e.person.full_name) for e in self.f.people}
        for i, t in enumerate(notes.tasks_of(self.desk, self.f.meeting.id or 0), 1):
            who = []
            if t.owner_person_id is not None:
                who.append(names.get(t.owner_person_id) or line(
                    directory.get_person(self.desk, t.owner_person_id).full_name))
            if t.owner_unit:
                who.append(line(t.owner_unit))
            due = short_date(t.due_on) if t.due_on else ""
            rows.append(TaskRow(i, line(t.description), "; ".join(who), due))
        return tuple(rows)

    def signers(self) -> tuple[Signer | None, Signer | None]:
        """The secretary and the chair, each with the title line above the name; a role
        nobody holds prints nothing."""
        m, w = self.f.meeting, self.w

        def signer(person: Person | None, role: str, title: str) -> Signer | None:
            if person is None:
                return None
            lines = (role,) + ((line(title).upper(),) if line(title) else ())
            return Signer(lines, w.signature_hint, line(person.full_name))

        return (signer(self.f.secretary, w.secretary_signer, m.secretary_signer_title),
                signer(self.f.chair, w.chair_signer, m.chair_signer_title))

    def appendix(self, number: str,
                 counts: dict[int | None, SiteHeadcount]) -> Appendix | None:
        if not self.f.sites:
            return None
        rows = []
        for i, s in enumerate(self.f.sites, 1):
            assert s.meeting_site.id is not None
            log = tuple(
                f"{e.at:%H:%M} {e.status.label}" + (f" ({line(e.remark)})" if e.remark else "")
                for e in participation.connection_log(self.desk, s.meeting_site.id))
            count = counts[s.site.id]
            rows.append(SiteLogRow(i, line(s.site.name), count.summoned, count.present,
                                   count.absent, log))
        return Appendix(self.w.appendix_title, self.w.appendix_subject,
                        self.w.appendix_ref.format(number=re.sub(r"^Số:?", "số", number)),
                        self.w.appendix_columns, tuple(rows))

    def build(self) -> MinutesDocument:
        m, w = self.f.meeting, self.w
        docs = notes.cited_documents(self.desk, m.id or 0)
        doc_lines = tuple(
            line(d.display)
            + (w.document_issuer.format(issuer=line(d.issuer)) if d.issuer else "")
            + (w.document_title.format(title=line(d.title)) if d.title else "") for d in docs)
        header = self.header()
        official = self.official()
        guests = [e for e in self.f.people if w.invited_delegates
                  and e.attendance.role is Role.GUEST]
        counts = self.headcounts(official)
        opening = self.opening([line(d.display) for d in docs])
        attendance_heading = self.heading(w.attendance_heading)
        attendance_lines: tuple[str, ...] = ()
        if w.official_delegates:
            attendance_lines = (self.sub(1, w.official_delegates.format(
                present=sum(c.present for c in counts.values()),
                absent=sum(c.absent for c in counts.values()))),)
        sites = self.sites(official, counts)
        guests_heading = self.sub(2, w.invited_delegates) if guests else ""
        body_heading = self.heading(w.body_heading)
        sections, closing_notes = self.body()
        conclusions_heading = self.heading(w.chair_conclusions) if closing_notes else ""
        task_rows = self.tasks()
        tasks_heading = self.heading(w.tasks) if task_rows else ""
        documents_heading = self.heading(w.documents) if doc_lines else ""
        end = m.actual_end
        day = (end or m.actual_start or m.planned_start)
        day_text = date_words(day.date()) if day else BLANK_DATE
        template = w.closing if end else w.closing_no_time
        closing = template.format(event=event_word(m.kind),
                                  time=time_words(end) if end else "", date=day_text)
        recipients = tuple(w.recipient.format(name=line(r)) for r in self.f.issuer.recipients
                           if line(r))
        recipients += (w.list_item.format(text=w.recipients_last),)
        return MinutesDocument(
            profile=self.p.key, header=header, doc_type=w.doc_type, title=line(m.title),
            opening=opening, contents_heading=w.contents,
            attendance_heading=attendance_heading, attendance_lines=attendance_lines,
            sites=sites, guests_heading=guests_heading,
            guest_rows=tuple(self.delegate_row(i, e) for i, e in enumerate(guests, 1)),
            body_heading=body_heading, sections=sections,
            conclusions_heading=conclusions_heading, chair_conclusions=closing_notes,
            tasks_heading=tasks_heading, task_columns=w.task_columns, task_rows=task_rows,
            documents_heading=documents_heading, document_lines=doc_lines, closing=closing,
            signers=self.signers(), recipients_title=w.recipients_title, recipients=recipients,
            appendix=self.appendix(header.number, counts),
            pdf_title=f"{w.doc_type} - {line(m.title)}",
            pdf_author=header.agency, delegate_columns=w.delegate_columns,
            review_columns=w.review_columns if any(s.review for s in sections) else (),
        )


def read_facts(desk: Desk, meeting_id: int) -> MeetingFacts:
    """What the minutes (and the conclusion notice) of a meeting say, read once."""
    meeting = meetings.get_meeting(desk, meeting_id)
    return MeetingFacts(
        meeting=meeting,
        issuer=organization.issuer_of(desk, meeting.issuer_id),
        chair=_signer(desk, meeting.chair_signer_id),
        secretary=_signer(desk, meeting.secretary_signer_id),
        people=participation.attendance_list(desk, meeting_id),
        sites=participation.meeting_sites(desk, meeting_id),
        notes=notes.notes_of(desk, meeting_id),
    )


def build_minutes(desk: Desk, meeting_id: int,
                  profile: FormatProfile | None = None) -> MinutesDocument:
    """The minutes of a meeting as plain data, in ``profile`` (default: its issuer's)."""
    facts = read_facts(desk, meeting_id)
    logger.info("Building minutes of meeting %s (%d people, %d notes)", meeting_id,
                len(facts.people), len(facts.notes))
    return MinutesBuilder(desk, facts, profile or profile_for(facts.issuer.profile)).build()


def _signer(desk: Desk, person_id: int | None) -> Person | None:
    return None if person_id is None else directory.get_person(desk, person_id)
