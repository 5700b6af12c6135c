"""Conflicts kept in the desk, and their resolution field by field.

A conflict is a field whose revision state holds different values written concurrently on
different desks (:mod:`meetingdesk.domain.replication`). Each value comes with who wrote it
(the desk's label, by replica id) and when. Resolving is an edit of this desk: the chosen
values are written as a new revision that covers every value it replaces, so every desk it
reaches takes the resolution instead of the conflict.
"""

from __future__ import annotations

from collections.abc import Mapping
from contextlib import nullcontext
from dataclasses import dataclass

from meetingdesk.domain.errors import NotFoundError, ValidationError
from meetingdesk.domain.replication import ALIVE, Value, winning, write
from meetingdesk.domain.text import clean_text
from meetingdesk.services.guards import MAX_LINE, MAX_TEXT
from meetingdesk.services.sync import Namer, Writer
from meetingdesk.store import replica, revisions
from meetingdesk.store.desk import Desk
from meetingdesk.store.exchanged import REGISTRY
from meetingdesk.store.revisions import NewState
from meetingdesk.store.sealing import Book, now_text, seal


@dataclass(frozen=True, slots=True)
class Candidate:
    """One value of a field in conflict."""

    value: Value
    text: str
    """The value in words (a reference by its target's name)."""
    who: str
    """The desk that wrote it, by its label (``"bàn này"``: this desk)."""
    here: bool
    """Written by this desk."""
    at: str
    shown: bool
    """Whether it is the value shown meanwhile (the same on every desk)."""


@dataclass(frozen=True, slots=True)
class FieldConflict:
    field: str
    candidates: tuple[Candidate, ...]
    """The shown value first."""


@dataclass(frozen=True, slots=True)
class Conflict:
    gid: str
    kind: str
    label: str
    fields: tuple[FieldConflict, ...]
    editable: tuple[str, ...]
    """Fields that can be given a new value (plain text and numbers; not references)."""


def _who(labels: Mapping[str, tuple[str, bool]], me: str, replica_id: str) -> str:
    if replica_id == me:
        return "bàn này"
    if replica_id.startswith("legacy-"):
        return "trước khi có lịch sử sửa đổi"
    label, mine = labels.get(replica_id, ("", False))
    if mine:
        return label or "bàn này (trước khi sao chép)"
    return label or replica_id[:8]


def list_conflicts(desk: Desk) -> list[Conflict]:
    """Every record in conflict, oldest change first (this desk's pending edits sealed first;
    a read-only desk is read as it is)."""
    with nullcontext(desk.db) if desk.read_only else desk.transaction() as db:
        if not desk.read_only:
            seal(db)
        found = revisions.conflicted(db)
        namer = Namer(db)
        labels = replica.labels(db)
        me = replica.replica_id(db)
    out = []
    for stored in found:
        spec = REGISTRY[stored.kind]
        state = stored.state
        fields = []
        for name in state.conflicts():
            sibs = state.fields[name]
            best = winning(sibs)
            ordered = sorted(sibs, key=lambda s: (s is not best, s.at, s.replica))
            fields.append(FieldConflict(name, tuple(
                Candidate(s.value, namer.value(stored.kind, name, s.value),
                          _who(labels, me, s.replica), s.replica == me, s.at, s is best)
                for s in ordered)))
        editable = tuple(f for f in spec.fields if f not in spec.lists)
        label = namer.label(stored.kind, state.values()) or stored.gid[:8]
        out.append(Conflict(stored.gid, stored.kind, label, tuple(fields), editable))
    return out


def _clean(kind: str, field: str, value: Value) -> Value:
    spec = REGISTRY[kind]
    if isinstance(value, str) and field in spec.fields:
        multiline = field in spec.multiline
        value = clean_text(value, multiline=multiline)
        if len(value) > (MAX_TEXT if multiline else MAX_LINE):
            raise ValidationError("conflicts.value_too_long")
    return value


def resolve(desk: Desk, *, gid: str, choices: Mapping[str, Value]) -> None:
    """Settle fields of a record in conflict with the chosen values (one of the candidates,
    or a value typed anew; :data:`ALIVE` ``True``/``False`` keeps or deletes the record)."""
    with desk.transaction() as db:
        book = Book(db)
        seal(db, book)
        stored = revisions.states(db, [gid]).get(gid)
        if stored is None:
            raise NotFoundError("conflicts.record_not_found")
        spec = REGISTRY[stored.kind]
        unknown = set(choices) - {*spec.travelling, ALIVE}
        if unknown:
            raise ValidationError("conflicts.no_such_field", fields=", ".join(sorted(unknown)))
        values = stored.state.values()
        values.update({f: _clean(stored.kind, f, v) for f, v in choices.items() if f != ALIVE})
        alive = bool(choices.get(ALIVE, stored.state.alive))
        state = write(stored.state, book.me, now_text(), values, alive=alive,
                      force=[f for f in choices if f != ALIVE])
        Writer(db, book).write([NewState(gid, stored.kind, stored.meeting, stored.site, None,
                                         state)])
