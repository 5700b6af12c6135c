"""Importing a delegate or site list into the directory and a meeting.

The GUI and the CLI call, in order::

    table = read_table(path)                       # headers and rows, any encoding
    mapping = guess_mapping(table.headers)         # the user may correct it
    plan = plan_import(desk, table, mapping, meeting_id, site_code)   # nothing written
    summary = apply_import(desk, plan)             # backup, then one transaction

A table with a name column imports people (and the sites they come from); without one, a
table with a site column imports sites. People already in the directory are matched by their
folded name (``Hoà``/``Hòa``, case and accents ignored) within the same site — and by e-mail
when several share a name — so importing the same list twice adds nothing the second time.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass, field, replace
from enum import StrEnum
from pathlib import Path

from meetingdesk.domain.enums import AttendanceStatus, Role, SiteKind
from meetingdesk.domain.errors import ConflictError
from meetingdesk.domain.messages import Message, message
from meetingdesk.domain.records import Person, Site
from meetingdesk.domain.text import clean_text, fold
from meetingdesk.exchange.errors import ExchangeError
from meetingdesk.exchange.mapping import Field, Mapping
from meetingdesk.exchange.table import Table
from meetingdesk.services import directory, participation
from meetingdesk.services.bulk import Batch, backup_desk, clean_titles, run_batch
from meetingdesk.services.guards import MAX_LINE, editable_meeting
from meetingdesk.store.desk import Desk

logger = logging.getLogger(__name__)

_TITLE_SPLIT = re.compile(r"\s*(?:;|\n|,\s)\s*")
_PERSON_FIELDS = ("full_name", "titles", "organization", "phone", "email", "rank")
_SITE_CONTACTS = ("contact_name", "contact_phone", "technician_name", "technician_phone")


class Action(StrEnum):
    ADD = "add"
    UPDATE = "update"
    SKIP = "skip"


@dataclass(frozen=True, slots=True)
class PlanRow:
    """What will happen to one row of the file, and why."""

    line: int
    action: Action
    name: str
    reason: Message
    record_id: int | None = None
    """The existing person (or site) it matched."""
    values: dict[str, object] = field(default_factory=dict)
    """Fields to write: all of them for an add, the changed ones for an update."""
    site: int | str | None = None
    """The person's site: an existing id, or the key of a site the plan adds."""
    attend: tuple[Role, AttendanceStatus, str | None] | None = None
    """Role, status and reason of a new attendance in the meeting."""
    summoned: int | None = None
    """Site lists: the number summoned at this site for the meeting."""


@dataclass(frozen=True, slots=True)
class NewSite:
    key: str
    name: str
    code: str | None


@dataclass(frozen=True, slots=True)
class ImportPlan:
    """Everything an import will do, computed before anything is written."""

    source: str
    meeting_id: int | None
    kind: str
    """``people`` or ``sites``."""
    rows: tuple[PlanRow, ...]
    new_sites: tuple[NewSite, ...]
    meeting_sites: tuple[int | str, ...]
    """Sites (id, or key of a new site) the plan adds to the meeting."""
    table: Table
    mapping: Mapping
    site_code: str | None = None

    def count(self, action: Action) -> int:
        return sum(1 for r in self.rows if r.action is action)

    @property
    def adds(self) -> list[PlanRow]:
        return [r for r in self.rows if r.action is Action.ADD]

    @property
    def updates(self) -> list[PlanRow]:
        return [r for r in self.rows if r.action is Action.UPDATE]

    @property
    def skips(self) -> list[PlanRow]:
        return [r for r in self.rows if r.action is Action.SKIP]

    @property
    def attendances(self) -> int:
        return sum(1 for r in self.rows if r.attend is not None)

    def signature(self) -> tuple[object, ...]:
        rows = tuple((r.line, r.action, r.record_id, tuple(sorted(r.values.items())), r.site,
                      r.attend, r.summoned) for r in self.rows)
        return (rows, self.new_sites, self.meeting_sites)


@dataclass(frozen=True, slots=True)
class ImportSummary:
    added: int
    updated: int
    skipped: int
    sites_added: int
    attendances_added: int
    meeting_sites_added: int
    backup: Path | None


# --- planning -------------------------------------------------------------------------------

def _labels(enum: type[Role] | type[AttendanceStatus]) -> dict[str, object]:
    found: dict[str, object] = {}
    for member in enum:
        found[fold(member.value.replace("_", " "))] = member
        found[fold(member.label)] = member
    return found


_ROLES = _labels(Role) | {"dai bieu chinh thuc": Role.DELEGATE, "khach": Role.GUEST,
                          "dai bieu moi": Role.GUEST}
_STATUSES = _labels(AttendanceStatus) | {
    "co mat": AttendanceStatus.PRESENT, "truc tiep": AttendanceStatus.PRESENT,
    "truc tuyen": AttendanceStatus.ONLINE, "vang": AttendanceStatus.ABSENT,
    "vang co ly do": AttendanceStatus.ABSENT_EXCUSED, "muon": AttendanceStatus.LATE}


def _site_key(text: str) -> str:
    """How a site's code, name or former name is matched: folded, without the spaces around
    it (a code that only a combining mark sets apart from another is the same code)."""
    return fold(text).strip()


class _SiteIndex:
    """Sites by folded code, name and former name, plus the sites a plan adds."""

    def __init__(self, sites: list[Site]) -> None:
        self.by_key: dict[str, Site] = {}
        for site in sites:
            for key in (site.code or "", site.name, *site.aliases):
                if key:
                    self.by_key.setdefault(_site_key(key), site)
        self.new: dict[str, NewSite] = {}
        self.new_keys: dict[str, str] = {}

    def resolve(self, name: str, code: str) -> int | str | None:
        """The id of a known site, or the key of a new one (a new code or name is added once,
        under the same key for later rows that give either)."""
        name = clean_text(name, multiline=False)
        code = clean_text(code, multiline=False)
        keys = [_site_key(text) for text in (code, name) if text]
        for key in keys:
            site = self.by_key.get(key)
            if site is not None:
                return site.id
            if key in self.new_keys:
                return self.new_keys[key]
        if not keys:
            return None
        key = _site_key(name or code)
        self.new[key] = NewSite(key, name or code, code or None)
        self.new_keys.update((k, key) for k in keys)
        return key


_TOO_LONG = message("importer.cell_too_long", limit=MAX_LINE)


def _too_long(cells: tuple[str, ...]) -> bool:
    """Whether a cell is longer than a field may be: the row is skipped, never cut."""
    return any(len(clean_text(c, multiline=False)) > MAX_LINE for c in cells)


def _cell(cells: tuple[str, ...], mapping: Mapping, f: Field) -> str:
    index = mapping.get(f)
    return cells[index] if index is not None and 0 <= index < len(cells) else ""


def _phone(text: str) -> str | None:
    """A phone number as written; a mobile number whose leading 0 Excel dropped gets it back."""
    text = clean_text(text, multiline=False)
    return ("0" + text) if text.isdigit() and len(text) == 9 and text[0] != "0" else (text or None)


def _count(text: str) -> int | None:
    """A whole number of at most nine ASCII digits (a rank, a number of delegates); anything
    else — ``²``, ``٣``, ``12.5``, a 30-digit number that SQLite cannot store — counts as blank."""
    text = text.strip()
    return int(text) if re.fullmatch(r"[0-9]{1,9}", text) else None


def _person_values(cells: tuple[str, ...], mapping: Mapping) -> dict[str, object]:
    values: dict[str, object] = {"full_name": clean_text(_cell(cells, mapping, Field.FULL_NAME),
                                                         multiline=False)}
    titles = clean_titles(_TITLE_SPLIT.split(_cell(cells, mapping, Field.TITLES)))
    if titles:
        values["titles"] = titles
    for f in (Field.ORGANIZATION, Field.EMAIL):
        text = clean_text(_cell(cells, mapping, f), multiline=False)
        if text:
            values[f.value] = text
    phone = _phone(_cell(cells, mapping, Field.PHONE))
    if phone:
        values["phone"] = phone
    rank = _count(_cell(cells, mapping, Field.RANK))
    if rank is not None:
        values["rank"] = rank
    return values


def _attendance(cells: tuple[str, ...], mapping: Mapping
                ) -> tuple[Role, AttendanceStatus, str | None]:
    role = _ROLES.get(fold(_cell(cells, mapping, Field.ROLE)).strip(), Role.DELEGATE)
    status = _STATUSES.get(fold(_cell(cells, mapping, Field.STATUS)).strip(),
                           AttendanceStatus.EXPECTED)
    reason = clean_text(_cell(cells, mapping, Field.REASON), multiline=False) or None
    return role, status, reason  # type: ignore[return-value]


def _match(candidates: list[Person], site: int | str | None, email: object) -> list[Person]:
    if isinstance(site, int):
        candidates = [p for p in candidates if p.site_id in (site, None)]
    elif isinstance(site, str):
        candidates = [p for p in candidates if p.site_id is None]
    if len(candidates) > 1 and email:
        by_email = [p for p in candidates if p.email and fold(p.email) == fold(str(email))]
        candidates = by_email or candidates
    return candidates


def _changes(person: Person, values: dict[str, object], site: int | str | None
             ) -> dict[str, object]:
    changes = {k: v for k, v in values.items()
               if k != "full_name" and v not in (None, "", ()) and getattr(person, k) != v}
    if isinstance(site, int) and person.site_id is None:
        changes["site_id"] = site
    return changes


def _people_rows(desk: Desk, table: Table, mapping: Mapping, meeting_id: int | None,
                 default_site: int | None, sites: _SiteIndex) -> list[PlanRow]:
    by_name: dict[str, list[Person]] = {}
    for person in directory.list_people(desk):
        by_name.setdefault(fold(person.full_name), []).append(person)
    attending = ({e.person.id for e in participation.attendance_list(desk, meeting_id)}
                 if meeting_id is not None else set())
    seen: dict[tuple[str, int | str | None], int] = {}
    rows: list[PlanRow] = []
    for line, cells in table.rows:
        if _too_long(cells):  # before the values: a title that long is refused by them
            name = clean_text(_cell(cells, mapping, Field.FULL_NAME), multiline=False)
            rows.append(PlanRow(line, Action.SKIP, name[:80], _TOO_LONG))
            continue
        values = _person_values(cells, mapping)
        name = str(values["full_name"])
        if not name:
            rows.append(PlanRow(line, Action.SKIP, "", message("importer.no_name")))
            continue
        site = sites.resolve(_cell(cells, mapping, Field.SITE),
                             _cell(cells, mapping, Field.SITE_CODE)) or default_site
        key = (fold(name), site)
        if key in seen:
            rows.append(PlanRow(line, Action.SKIP, name, message("importer.same_line",
                                                                 line=seen[key])))
            continue
        seen[key] = line
        attend = _attendance(cells, mapping) if meeting_id is not None else None
        found = _match(by_name.get(fold(name), []), site, values.get("email"))
        if len(found) > 1:
            rows.append(PlanRow(line, Action.SKIP, name,
                                message("importer.ambiguous_name", count=len(found))))
            continue
        if not found:
            rows.append(PlanRow(line, Action.ADD, name, message("importer.new_person"),
                                values={**values, "site_id": None}, site=site, attend=attend))
            continue
        person = found[0]
        changes = _changes(person, values, site)
        attend = attend if person.id not in attending else None
        person_site = person.site_id if person.site_id is not None else site
        if changes:
            fields = ", ".join(sorted(changes))
            rows.append(PlanRow(line, Action.UPDATE, name,
                                message("importer.update_fields", fields=fields), person.id,
                                changes, person_site, attend))
        elif attend is not None:
            rows.append(PlanRow(line, Action.ADD, name,
                                message("importer.known_person_added"), person.id,
                                {}, person_site, attend))
        else:
            rows.append(PlanRow(line, Action.SKIP, name, message("importer.already_unchanged"),
                                person.id))
    return rows


def _site_rows(desk: Desk, table: Table, mapping: Mapping, meeting_id: int | None,
               sites: _SiteIndex) -> list[PlanRow]:
    in_meeting = ({e.site.id: e.meeting_site.summoned
                   for e in participation.meeting_sites(desk, meeting_id)}
                  if meeting_id is not None else {})
    known = {s.id: s for s in directory.list_sites(desk)}
    rows: list[PlanRow] = []
    seen: dict[int | str, int] = {}
    for line, cells in table.rows:
        name = clean_text(_cell(cells, mapping, Field.SITE), multiline=False)
        code = clean_text(_cell(cells, mapping, Field.SITE_CODE), multiline=False)
        if _too_long(cells):
            rows.append(PlanRow(line, Action.SKIP, (name or code)[:80], _TOO_LONG))
            continue
        site = sites.resolve(name, code)
        if site is None:
            rows.append(PlanRow(line, Action.SKIP, "", message("importer.no_site_name")))
            continue
        if site in seen:
            rows.append(PlanRow(line, Action.SKIP, name or code, message("importer.same_line",
                                                                         line=seen[site])))
            continue
        seen[site] = line
        values = {f.value: clean_text(_cell(cells, mapping, f), multiline=False)
                  for f in (Field.CONTACT_NAME, Field.CONTACT_PHONE, Field.TECHNICIAN_NAME,
                            Field.TECHNICIAN_PHONE) if _cell(cells, mapping, f).strip()}
        aliases = clean_titles(_TITLE_SPLIT.split(_cell(cells, mapping, Field.ALIASES)))
        number = _count(_cell(cells, mapping, Field.SUMMONED))
        summoned = number if meeting_id is not None else None
        if isinstance(site, str):
            rows.append(PlanRow(line, Action.ADD, name or code, message("importer.new_site"),
                                values={**values, "aliases": aliases}, site=site,
                                summoned=summoned))
            continue
        current = known[site]
        changes: dict[str, object] = {k: v for k, v in values.items() if getattr(current, k) != v}
        if aliases and not set(aliases) <= set(current.aliases):
            changes["aliases"] = current.aliases + tuple(
                a for a in aliases if a not in current.aliases)
        joins = meeting_id is not None and site not in in_meeting
        summoned_change = (summoned is not None and site in in_meeting
                           and in_meeting[site] != summoned)
        if changes or summoned_change:
            rows.append(PlanRow(line, Action.UPDATE, current.name, message("importer.update_site"),
                                site, changes, site, summoned=summoned))
        elif joins:
            rows.append(PlanRow(line, Action.ADD, current.name, message("importer.added_meeting"),
                                site, {}, site, summoned=summoned))
        else:
            rows.append(PlanRow(line, Action.SKIP, current.name,
                                message("importer.already_unchanged"), site))
    return rows


def plan_import(desk: Desk, table: Table, mapping: Mapping, meeting_id: int | None = None,
                site_code: str | None = None) -> ImportPlan:
    """What importing ``table`` with ``mapping`` would add, update and skip (nothing written).

    ``meeting_id`` puts every person on that meeting's list (and their sites in the meeting);
    ``site_code`` is the site of rows that name none.
    """
    if meeting_id is not None:
        editable_meeting(desk.conn, meeting_id)
    default_site = None
    if site_code:
        found = directory.find_site(desk, site_code)
        if found is None:
            raise ExchangeError("directory.no_such_site", site_code=site_code)
        default_site = found.id
    sites = _SiteIndex(directory.list_sites(desk))
    if Field.FULL_NAME in mapping:
        kind = "people"
        rows = _people_rows(desk, table, mapping, meeting_id, default_site, sites)
    elif Field.SITE in mapping or Field.SITE_CODE in mapping:
        kind = "sites"
        rows = _site_rows(desk, table, mapping, meeting_id, sites)
    else:
        raise ExchangeError("importer.no_name_or_site_column", name=table.name)
    used = {r.site for r in rows if r.action is not Action.SKIP and r.site is not None}
    new_sites = tuple(s for k, s in sites.new.items() if k in used)
    joining: list[int | str] = []
    if meeting_id is not None:
        present = {e.site.id for e in participation.meeting_sites(desk, meeting_id)}
        for r in rows:
            wants = r.attend is not None or (kind == "sites" and r.action is not Action.SKIP)
            if wants and r.site is not None and r.site not in present and r.site not in joining:
                joining.append(r.site)
    return ImportPlan(table.name, meeting_id, kind, tuple(rows), new_sites, tuple(joining),
                      table, dict(mapping), site_code)


# --- applying -------------------------------------------------------------------------------

def _write(desk: Desk, batch: Batch, plan: ImportPlan) -> ImportSummary:
    site_ids: dict[int | str, int] = {}
    for new in plan.new_sites:
        row = next((r for r in plan.rows if r.site == new.key and plan.kind == "sites"), None)
        values = dict(row.values) if row else {}
        aliases = values.pop("aliases", ())
        site_ids[new.key] = batch.add_site(name=new.name, code=new.code, kind=SiteKind.OTHER,
                                           aliases=aliases, **values)  # type: ignore[arg-type]

    def site_id(ref: int | str | None) -> int | None:
        return site_ids.get(ref, ref) if ref is not None else None  # type: ignore[return-value]

    meeting_site_ids: dict[int, int] = {}
    if plan.meeting_id is not None:
        meeting_site_ids = {e.site.id: e.meeting_site.id  # type: ignore[misc]
                            for e in participation.meeting_sites(desk, plan.meeting_id)}
        for ref in plan.meeting_sites:
            sid = site_id(ref)
            assert sid is not None
            row = next((r for r in plan.rows if r.site == ref and r.summoned is not None), None)
            meeting_site_ids[sid] = batch.add_meeting_site(
                meeting_id=plan.meeting_id, site_id=sid, summoned=row.summoned if row else 0)
    attendances = 0
    for row in plan.rows:
        if row.action is Action.SKIP:
            continue
        if plan.kind == "sites":
            if row.record_id is not None and row.values:
                values = dict(row.values)
                aliases = values.pop("aliases", None)
                batch.update_site(row.record_id, values, aliases)  # type: ignore[arg-type]
            sid = site_id(row.site)
            if (row.summoned is not None and sid in meeting_site_ids
                    and row.site not in plan.meeting_sites):
                batch.update_meeting_site(meeting_site_ids[sid], {"summoned": row.summoned})
            continue
        person_id = row.record_id
        if person_id is None:
            person_id = batch.add_person(**{**row.values, "site_id": site_id(row.site)})
        elif row.values:
            batch.update_person(person_id, {k: site_id(v) if k == "site_id" else v  # type: ignore[arg-type]
                                            for k, v in row.values.items()})
        if row.attend is not None and plan.meeting_id is not None:
            role, status, reason = row.attend
            batch.add_attendance(meeting_id=plan.meeting_id, person_id=person_id,
                                 site_id=site_id(row.site), role=role, status=status,
                                 reason=reason)
            attendances += 1
    return ImportSummary(plan.count(Action.ADD), plan.count(Action.UPDATE),
                         plan.count(Action.SKIP), len(plan.new_sites), attendances,
                         len(plan.meeting_sites), None)


def apply_import(desk: Desk, plan: ImportPlan, *, backup: bool = True) -> ImportSummary:
    """Write ``plan``: a checked backup first, then one transaction.

    The plan is recomputed inside the transaction; if the desk changed since the preview the
    import is refused (nothing written) and should be previewed again.
    """
    path = backup_desk(desk, "before-import") if backup else None

    def work(batch: Batch) -> ImportSummary:
        again = plan_import(desk, plan.table, plan.mapping, plan.meeting_id, plan.site_code)
        if again.signature() != plan.signature():
            raise ConflictError("importer.stale_plan")
        return _write(desk, batch, plan)

    summary = run_batch(desk, work, backup_reason=None)
    logger.info("Imported %s: %s", plan.source, summary)
    return replace(summary, backup=path)
