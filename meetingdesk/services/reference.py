"""Reference data: the 34 provincial-level units (since 1 July 2025) and their former names."""

from __future__ import annotations

import csv
from dataclasses import dataclass
from pathlib import Path

from meetingdesk.domain.enums import SiteKind
from meetingdesk.domain.records import Site
from meetingdesk.domain.text import clean_text
from meetingdesk.paths import resource
from meetingdesk.store import tables
from meetingdesk.store.desk import Desk


@dataclass(frozen=True, slots=True)
class Province:
    code: str
    name: str
    kind: str
    """``tỉnh`` or ``thành phố``."""
    former: tuple[str, ...]


def read_provinces(path: Path | None = None) -> list[Province]:
    path = path or resource("data", "provinces-2025.csv")
    with path.open(encoding="utf-8", newline="") as f:
        return [
            Province(row["code"], clean_text(row["name"], multiline=False), row["kind"],
                     tuple(clean_text(n, multiline=False)
                           for n in row["merged_from"].split(";") if n.strip()))
            for row in csv.DictReader(f)
        ]


def load_provinces(desk: Desk) -> int:
    """Put the 34 provinces in the site directory (code, name, former names as aliases).

    Provinces already there (same code) get their former names completed. Returns how many
    sites were added.
    """
    added = 0
    with desk.transaction() as db:
        for p in read_provinces():
            aliases = tuple(n for n in p.former if n != p.name)
            existing = tables.sites.by_code(db, p.code)
            if existing is None:
                tables.sites.insert(db, Site(None, p.name, SiteKind.PROVINCE, p.code, aliases))
                added += 1
            elif existing.id is not None and not set(aliases) <= set(existing.aliases):
                merged = existing.aliases + tuple(a for a in aliases if a not in existing.aliases)
                tables.sites.set_aliases(db, existing.id, merged)
    return added
