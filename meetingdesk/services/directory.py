"""The directories of sites (điểm cầu) and people (đại biểu)."""

from __future__ import annotations

import sqlite3

from meetingdesk.domain.enums import SiteKind
from meetingdesk.domain.errors import ConflictError
from meetingdesk.domain.messages import message
from meetingdesk.domain.precedence import rank_after_titles_change, rank_of_titles
from meetingdesk.domain.records import Person, Site
from meetingdesk.domain.text import clean_text, fold, name_key, vietnamese_key
from meetingdesk.services.guards import optional_line, required_line
from meetingdesk.store import tables
from meetingdesk.store.desk import Desk


def _clean_list(values: tuple[str, ...] | list[str]) -> tuple[str, ...]:
    out: list[str] = []
    for v in values:
        cleaned = optional_line(v)
        if cleaned and cleaned not in out:
            out.append(cleaned)
    return tuple(out)


def _duplicate_code(code: str | None) -> ConflictError:
    return ConflictError("directory.site_code_already_used", code=code)


def add_site(desk: Desk, *, name: str, kind: SiteKind = SiteKind.PROVINCE,
             code: str | None = None, aliases: tuple[str, ...] = (),
             contact_name: str | None = None, contact_phone: str | None = None,
             technician_name: str | None = None, technician_phone: str | None = None) -> Site:
    site = Site(
        id=None, name=required_line(name, message("fields.site_name")), kind=SiteKind(kind),
        code=optional_line(code), aliases=_clean_list(aliases),
        contact_name=optional_line(contact_name), contact_phone=optional_line(contact_phone),
        technician_name=optional_line(technician_name),
        technician_phone=optional_line(technician_phone),
    )
    with desk.transaction() as db:
        try:
            return tables.sites.insert(db, site)
        except sqlite3.IntegrityError:
            raise _duplicate_code(site.code) from None


def update_site(desk: Desk, site_id: int, **changes: object) -> Site:
    """Change some fields of a site: name, kind, code, aliases, contact and technician."""
    values: dict[str, object] = {}
    for key, value in changes.items():
        if key == "name":
            values[key] = required_line(str(value), message("fields.site_name"))
        elif key == "kind":
            values[key] = SiteKind(str(value))
        elif key in ("code", "contact_name", "contact_phone", "technician_name",
                     "technician_phone"):
            values[key] = optional_line(value if value is None else str(value))
        elif key != "aliases":
            raise TypeError(f"unknown site field {key}")
    with desk.transaction() as db:
        try:
            tables.sites.update(db, site_id, values)
        except sqlite3.IntegrityError:
            raise _duplicate_code(values.get("code")) from None
        if "aliases" in changes:
            tables.sites.set_aliases(db, site_id, _clean_list(changes["aliases"]))  # type: ignore[arg-type]
        return tables.sites.get(db, site_id)


def delete_site(desk: Desk, site_id: int) -> None:
    with desk.transaction() as db:
        try:
            tables.sites.delete(db, site_id)
        except sqlite3.IntegrityError:
            raise ConflictError("directory.site_in_a_meeting") from None


def get_site(desk: Desk, site_id: int) -> Site:
    return tables.sites.get(desk.conn, site_id)


def list_sites(desk: Desk, query: str = "") -> list[Site]:
    """Sites whose name, code or a former name contains ``query`` (folded), by name."""
    sites = tables.sites.all(desk.conn)
    wanted = fold(query).strip()
    if wanted:
        sites = [s for s in sites if any(
            wanted in fold(t) for t in (s.name, s.code or "", *s.aliases))]
    return sorted(sites, key=lambda s: (s.kind is not SiteKind.CENTRAL, vietnamese_key(s.name)))


def find_site(desk: Desk, name_or_code: str) -> Site | None:
    """The site whose code, name or former name equals ``name_or_code`` (folded)."""
    wanted = fold(name_or_code).strip()
    for site in tables.sites.all(desk.conn):
        if wanted in (fold(site.code or ""), fold(site.name), *map(fold, site.aliases)):
            return site
    return None


def add_person(desk: Desk, *, full_name: str, titles: tuple[str, ...] | list[str] = (),
               organization: str | None = None, site_id: int | None = None,
               rank: int | None = None, phone: str | None = None,
               email: str | None = None) -> Person:
    """A new person; without ``rank``, the precedence derived from the titles."""
    clean_titles = _clean_list(titles)
    person = Person(
        id=None, full_name=required_line(full_name, message("fields.full_name")),
        titles=clean_titles, organization=optional_line(organization), site_id=site_id,
        rank=rank_of_titles(clean_titles) if rank is None else int(rank),
        phone=optional_line(phone), email=optional_line(email),
    )
    with desk.transaction() as db:
        if site_id is not None:
            tables.sites.get(db, site_id)
        return tables.people.insert(db, person)


def update_person(desk: Desk, person_id: int, **changes: object) -> Person:
    """Change some fields of a person: full_name, titles, organization, site_id, rank...

    New titles without a new rank re-derive a rank that had been derived from the old titles;
    a rank set by hand stays."""
    values: dict[str, object] = {}
    for key, value in changes.items():
        if key == "full_name":
            values[key] = required_line(str(value), message("fields.full_name"))
        elif key == "titles":
            values[key] = _clean_list(value)  # type: ignore[arg-type]
        elif key in ("organization", "phone", "email"):
            values[key] = optional_line(value if value is None else str(value))
        elif key in ("site_id", "rank"):
            values[key] = value
        else:
            raise TypeError(f"unknown person field {key}")
    with desk.transaction() as db:
        if values.get("site_id") is not None:
            tables.sites.get(db, int(values["site_id"]))  # type: ignore[arg-type]
        if "titles" in values and "rank" not in values:
            old = tables.people.get(db, person_id)
            values["rank"] = rank_after_titles_change(
                rank=old.rank, old_titles=old.titles,
                new_titles=values["titles"])  # type: ignore[arg-type]
        return tables.people.update(db, person_id, values)


def same_person(desk: Desk, *, full_name: str, site_id: int | None) -> list[Person]:
    """People already in the directory whose folded name equals ``full_name`` at the same
    site (or with no site): a new person of that name is most likely one of them."""
    wanted = fold(clean_text(full_name, multiline=False))
    return [p for p in list_people(desk, by_rank=True)
            if fold(p.full_name) == wanted and (p.site_id is None or site_id is None
                                                 or p.site_id == site_id)]


def delete_person(desk: Desk, person_id: int) -> None:
    with desk.transaction() as db:
        try:
            tables.people.delete(db, person_id)
        except sqlite3.IntegrityError:
            raise ConflictError("directory.person_in_a_meeting") from None


def get_person(desk: Desk, person_id: int) -> Person:
    return tables.people.get(desk.conn, person_id)


def list_people(desk: Desk, query: str = "", *, by_rank: bool = False) -> list[Person]:
    """People matching ``query`` (folded, in name, titles or organization).

    Sorted in Vietnamese name order, or by precedence rank first when ``by_rank``.
    """
    people = tables.people.all(desk.conn)
    wanted = fold(query).strip()
    if wanted:
        people = [p for p in people if wanted in fold(
            " ".join((p.full_name, *p.titles, p.organization or "")))]
    if by_rank:
        return sorted(people, key=lambda p: (p.rank, name_key(p.full_name)))
    return sorted(people, key=lambda p: name_key(p.full_name))
