"""Records as they travel between desks: a global id, a kind and a revision state.

A package carries, for its scope (a meeting, or one site's part of it), the revision states
that changed after the partner's checkpoint, plus every record they refer to, so references
always resolve. States are checked here for shape and for clean text (a text that was not
cleaned as typed text is refused, never silently altered: altering it would split the
record's history); :mod:`meetingdesk.services.sync` merges them into a desk.
"""

from __future__ import annotations

import json
import math
import uuid
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from meetingdesk.domain.errors import ValidationError
from meetingdesk.domain.messages import Message, message
from meetingdesk.domain.replication import ALIVE, RecordState
from meetingdesk.domain.text import clean_text
from meetingdesk.services.guards import MAX_LINE, MAX_TEXT
from meetingdesk.store import revisions
from meetingdesk.store.desk import Desk
from meetingdesk.store.exchanged import ORDER, REGISTRY
from meetingdesk.store.migrations import SCHEMA_VERSION
from meetingdesk.store.revisions import Stored


@dataclass(frozen=True, slots=True)
class WireRecord:
    """One record as it travels in a package."""

    gid: str
    kind: str
    state: RecordState
    state_text: str | None = field(default=None, compare=False, repr=False)
    """The state's JSON text as this desk stores it, when it was read from the desk."""

    def to_json(self) -> dict[str, Any]:
        return {"gid": self.gid, "kind": self.kind, "state": self.state.to_json()}

    def json_text(self) -> str:
        """The record's JSON text in a package: ``to_json`` written compactly, the state's
        part taken as stored (not encoded again)."""
        state = self.state_text if self.state_text is not None else json.dumps(
            self.state.to_json(), ensure_ascii=False, separators=(",", ":"))
        return f'{{"gid":{json.dumps(self.gid)},"kind":{json.dumps(self.kind)},"state":{state}}}'


def bad_record(what: Message) -> ValidationError:
    return ValidationError("wire.invalid_record", what=what)


def is_gid(value: object) -> bool:
    """Whether ``value`` is a global id (a UUID in its text form)."""
    if not isinstance(value, str) or len(value) != 36:
        return False
    try:
        uuid.UUID(value)
    except ValueError:
        return False
    return True


def parse_record(raw: object, accepted: set[tuple[str, str]] | None = None) -> WireRecord:
    """A record from a package's JSON, checked for shape, references and clean text.
    ``accepted`` remembers, across the records of one package, the texts already found
    clean (by how they were checked): a delegate's site or name is checked once."""
    if not isinstance(raw, dict):
        raise bad_record(message("wire.not_an_object"))
    spec = REGISTRY.get(str(raw.get("kind")))
    if spec is None:
        raise bad_record(message("wire.kind", kind=raw.get("kind")))
    gid = raw.get("gid")
    if not is_gid(gid):
        raise bad_record(message("wire.global_id"))
    try:
        state = RecordState.from_json(raw.get("state"))
    except (ValueError, TypeError, AttributeError):
        raise bad_record(message("wire.revisions", kind=spec.kind)) from None
    allowed = {*spec.travelling, ALIVE}
    if not set(state.fields) <= allowed:
        raise bad_record(message("wire.fields", kind=spec.kind))
    accepted = set() if accepted is None else accepted
    for name, siblings in state.fields.items():
        is_ref, multiline = name in spec.refs, name in spec.multiline
        is_list = name in spec.lists or name == "aliases"
        how = "ref" if is_ref else "list" if is_list else "text" if multiline else "line"
        for s in siblings:
            value = s.value
            if isinstance(value, str) and name != ALIVE:
                if (how, value) in accepted:
                    continue
                _check_value(spec.kind, name, value, is_ref, multiline, is_list)
                accepted.add((how, value))
            else:
                _check_value(spec.kind, name, value, is_ref, multiline, is_list)
    return WireRecord(str(gid), spec.kind, state)


def _check_value(kind: str, name: str, value: object, is_ref: bool, multiline: bool,
                 is_list: bool) -> None:
    if name == ALIVE:
        ok = isinstance(value, bool)
    elif is_ref:
        ok = value is None or is_gid(value)
    elif isinstance(value, bool):
        ok = False
    elif isinstance(value, str) and is_list:
        ok = _is_text_list(value)
    elif isinstance(value, str):
        limit = MAX_TEXT if multiline else MAX_LINE
        ok = len(value) <= limit and clean_text(value, multiline=multiline) == value
    else:
        ok = value is None or (isinstance(value, int) and -2**63 <= value < 2**63) or (
            isinstance(value, float) and math.isfinite(value))  # what SQLite can store
    if not ok:
        raise bad_record(message("wire.value", name=name, kind=kind))


def _is_text_list(value: str) -> bool:
    try:
        items = json.loads(value)
    except ValueError:
        return False
    return isinstance(items, list) and all(
        isinstance(i, str) and i and clean_text(i) == i for i in items)


# --- outgoing ---------------------------------------------------------------------------------

def scope_key(meeting: str, site: str | None) -> str:
    return f"site:{meeting}:{site}" if site else f"meeting:{meeting}"


def scope_meeting(scope: str) -> str:
    """The meeting (global id) a scope key is of."""
    return scope.split(":")[1]


def collect(desk: Desk, meeting: str, *, site: str | None = None, since: int = 0,
            partner: str | None = None) -> list[WireRecord]:
    """The states of a meeting (or of one site's part) changed after ``since``, less those
    that came unchanged from ``partner``, with every record they refer to that the partner
    may lack; dependency order.

    ``since`` is what the partner acknowledged holding of the scope: every state of it up to
    there, with the records those referred to (each package carries them, and a directory
    record that changed later travels again with the next package). So a record referred to
    that has not changed since, and that the scope already referred to then, is left out:
    a centre's second package for a province does not carry the 1,000 delegates again."""
    db = desk.db
    chosen: dict[str, Stored] = {s.gid: s for s in revisions.changed_since(db, meeting, since,
                                                                          site)
                                 if partner is None or s.origin != partner}
    _add_changed_directory(desk, meeting, site, since, partner, chosen)
    held: set[str] | None = None
    todo = list(chosen.values())
    while todo:
        wanted = {v for s in todo for f, v in s.state.shown.items()
                  if f in REGISTRY[s.kind].refs and isinstance(v, str) and v not in chosen}
        found: dict[str, Stored] = {}
        for g, s in revisions.states(db, wanted).items():
            if partner is not None and s.origin == partner:
                continue  # the partner has it: it came from there
            if since and s.seq <= since:
                if held is None:
                    held = _held(desk, meeting, site, since)
                if g in held:
                    continue
            found[g] = s
        chosen.update(found)
        todo = list(found.values())
    ordered = sorted(chosen.values(), key=lambda s: (ORDER.index(s.kind), s.seq))
    return [WireRecord(s.gid, s.kind, s.state, s.text) for s in ordered]


_ASSOCIATIONS = tuple(k for k, e in REGISTRY.items() if e.meeting_via in e.natural)
"""Kinds that belong to their meeting through a reference that makes their global id (a
delegate at a meeting): neither their meeting nor those references ever change."""


def _held(desk: Desk, meeting: str, site: str | None, upto: int) -> set[str]:
    """The records a partner that acknowledged the scope up to ``upto`` holds: the scope's
    states unchanged since, and the records they refer to; for the whole meeting, also the
    records that the associations it held then were made of (a delegate whose attendance
    changed since)."""
    held: set[str] = set()
    for s in revisions.held_since(desk.db, meeting, upto, () if site else _ASSOCIATIONS, site):
        spec = REGISTRY[s.kind]
        shown = s.state.shown
        if s.seq <= upto:
            held.add(s.gid)
            held.update(v for f, v in shown.items() if f in spec.refs and isinstance(v, str))
        else:
            held.update(v for f in spec.natural if isinstance(v := shown.get(f), str))
    return held


def _add_changed_directory(desk: Desk, meeting: str, site: str | None, since: int,
                           partner: str | None, chosen: dict[str, Stored]) -> None:
    """Directory records (sites, people) changed after ``since`` that the scope refers to:
    a province's new phone number of a delegate travels with the province's part."""
    if not revisions.directory_changed_since(desk.db, since):
        return
    referred: set[str] = set()
    for s in revisions.changed_since(desk.db, meeting, 0, site):
        referred.update(v for f, v in s.state.shown.items()
                        if f in REGISTRY[s.kind].refs and isinstance(v, str))
    chosen.update({g: s for g, s in revisions.states(desk.db, referred - set(chosen)).items()
                   if s.meeting is None and s.seq > since
                   and (partner is None or s.origin != partner)})


def kinds() -> tuple[str, ...]:
    """The kinds of records that travel."""
    return ORDER


def schema_version() -> int:
    """The desk schema the records are written in (a package names it in its manifest)."""
    return SCHEMA_VERSION


def kinds_count(records: Iterable[WireRecord]) -> dict[str, int]:
    counts = dict.fromkeys(ORDER, 0)
    for r in records:
        counts[r.kind] += 1
    return counts
