"""The revision algebra of exchanged records: version vectors and per-field sibling sets.

This is CouchDB's replication model reduced to what a desk needs, as plain data and pure
functions (the store keeps the states, services move them between desks):

- Every exchanged record has a global id and a :class:`RecordState`: a *version vector*
  (replica id → how many revisions that replica wrote to the record) and, for every field,
  the set of *siblings* — values with the *dot* ``(replica, counter)`` of the revision that
  wrote them. A record with no conflict has one sibling per field.
- A local edit is a new revision: the replica's counter goes up by one and every changed
  field gets the new dot (its earlier siblings are replaced). Every revision also writes the
  hidden field :data:`ALIVE` (``True``, or ``False`` for a deletion: a tombstone), so a delete
  concurrent with an edit leaves two different siblings there — a conflict, not a loss.
- :func:`merge` keeps, for each field, the siblings that the other side has not seen
  superseded: a sibling of one side survives when the other side has it too, or when the
  other side's vector does not cover its dot. The merge is commutative, associative and
  idempotent, so desks exchanging states in any order, any number of times, converge; a state
  whose vector is covered by the local one is older and changes nothing.
- A field whose siblings hold different values is in conflict; :func:`winner` picks the value
  shown meanwhile, the same on every desk (latest time, then replica id, then counter).
  Resolving is an ordinary edit: its new dot covers every sibling, so it heals every desk.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

ALIVE = "_alive"
"""The hidden field that says whether the record exists (``False``: deleted)."""

Value = str | int | float | bool | None


@dataclass(frozen=True, slots=True, order=True)
class Sibling:
    """One value of a field with the revision that wrote it: who (replica), which of its
    revisions of the record (counter), and when (ISO time, ``""`` when unknown)."""

    replica: str
    counter: int
    value: Value
    at: str = ""

    @property
    def dot(self) -> tuple[str, int]:
        return (self.replica, self.counter)

    def to_json(self) -> list[Any]:
        return [self.value, self.replica, self.counter, self.at]

    @staticmethod
    def from_json(raw: Any) -> Sibling:
        """A sibling from parsed JSON (exact JSON types: a ``true`` is no counter)."""
        if type(raw) is list and len(raw) == 4:
            value, replica, counter, at = raw
            if type(replica) is str and type(counter) is int and counter > 0 \
                    and type(at) is str and type(value) in _SCALARS:
                return Sibling(replica, counter, value, at)
        raise ValueError("bad sibling")


_SCALARS = frozenset({str, int, float, bool, type(None)})


class Order(StrEnum):
    """How an incoming state relates to the local one."""

    EQUAL = "equal"
    OLDER = "older"
    NEWER = "newer"
    CONCURRENT = "concurrent"


@dataclass(frozen=True, slots=True)
class RecordState:
    """A record's revision state: its version vector and the siblings of every field.

    A state never changes, so what is derived from it (the values shown, the fields in
    conflict) is computed once, on first use."""

    vector: Mapping[str, int]
    fields: Mapping[str, tuple[Sibling, ...]]
    _shown: dict[str, Value] | None = field(default=None, init=False, repr=False,
                                            compare=False)
    _conflicts: tuple[str, ...] | None = field(default=None, init=False, repr=False,
                                               compare=False)

    def covers(self, sibling: Sibling) -> bool:
        """Whether this state has seen the revision that wrote ``sibling``."""
        return self.vector.get(sibling.replica, 0) >= sibling.counter

    @property
    def alive(self) -> bool:
        return bool(winner(self.fields.get(ALIVE, ())))

    @property
    def shown(self) -> Mapping[str, Value]:
        """The value shown for every field (the winner of its siblings), hidden field aside;
        computed once and shared: read it, never change it (:meth:`values` gives a copy)."""
        shown = self._shown
        if shown is None:
            shown = {f: winner(s) for f, s in self.fields.items() if f != ALIVE}
            object.__setattr__(self, "_shown", shown)
        return shown

    def values(self) -> dict[str, Value]:
        """The value shown for every field, hidden field aside, as a dict of the caller's."""
        return dict(self.shown)

    def conflicts(self) -> tuple[str, ...]:
        """Fields whose siblings hold different values (:data:`ALIVE` included), sorted."""
        found = self._conflicts
        if found is None:
            found = tuple(sorted(f for f, s in self.fields.items()
                                 if len(s) > 1 and len({_key(x.value) for x in s}) > 1))
            object.__setattr__(self, "_conflicts", found)
        return found

    def to_json(self) -> dict[str, Any]:
        return {"v": dict(sorted(self.vector.items())),
                "f": {f: [s.to_json() for s in sibs] for f, sibs in sorted(self.fields.items())}}

    @staticmethod
    def from_json(raw: Any) -> RecordState:
        if not isinstance(raw, dict) or not isinstance(raw.get("v"), dict) \
                or not isinstance(raw.get("f"), dict):
            raise ValueError("bad state")
        vector = raw["v"]
        if not all(isinstance(k, str) and isinstance(n, int) and not isinstance(n, bool)
                   and n > 0 for k, n in vector.items()):
            raise ValueError("bad vector")
        fields: dict[str, tuple[Sibling, ...]] = {}
        for name, sibs in raw["f"].items():
            if not isinstance(sibs, list) or not sibs:
                raise ValueError("bad field")
            fields[name] = _canonical([Sibling.from_json(s) for s in sibs])
        state = RecordState(dict(vector), fields)
        if not all(state.covers(s) for sibs in fields.values() for s in sibs):
            raise ValueError("a sibling outside its vector")
        if ALIVE not in fields:
            raise ValueError("no alive field")
        return state

    @staticmethod
    def from_stored(raw: dict[str, Any]) -> RecordState:
        """A state as this desk stored it (already checked and canonical)."""
        return RecordState(raw["v"], {
            f: tuple(Sibling(x[1], x[2], x[0], x[3]) for x in sibs)
            for f, sibs in raw["f"].items()})

    def digest(self) -> str:
        text = json.dumps(self.to_json(), sort_keys=True, ensure_ascii=False,
                          separators=(",", ":"))
        return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _key(value: Value) -> tuple[type, object]:
    """A comparison key telling values apart by type too (``1`` is not ``True``, ``1.0`` is
    not ``1``); floats by their text, as they travel (``-0.0`` is not ``0.0``)."""
    return (float, repr(value)) if isinstance(value, float) else (type(value), value)


def _canonical(siblings: Iterable[Sibling]) -> tuple[Sibling, ...]:
    """Siblings deduplicated by dot, in a fixed order."""
    if isinstance(siblings, list | tuple) and len(siblings) == 1:
        return (siblings[0],)
    by_dot: dict[tuple[str, int], Sibling] = {}
    for s in siblings:
        by_dot.setdefault(s.dot, s)
    return tuple(sorted(by_dot.values(), key=lambda s: s.dot))


def winner(siblings: Sequence[Sibling]) -> Value:
    """The value shown for a field: the latest write, ties broken by replica then counter —
    a pure function of the sibling set, hence the same on every desk."""
    if len(siblings) == 1:  # no conflict: the usual case
        return siblings[0].value
    best = winning(siblings)
    return best.value if best is not None else None


def winning(siblings: Iterable[Sibling]) -> Sibling | None:
    return max(siblings, key=_rank, default=None)


def _rank(s: Sibling) -> tuple[str, str, int]:
    return (s.at, s.replica, s.counter)


def compare(incoming: RecordState, local: RecordState) -> Order:
    """Whether ``incoming`` is equal to, older than, newer than or concurrent with ``local``."""
    replicas = set(incoming.vector) | set(local.vector)
    ahead = any(incoming.vector.get(r, 0) > local.vector.get(r, 0) for r in replicas)
    behind = any(incoming.vector.get(r, 0) < local.vector.get(r, 0) for r in replicas)
    if ahead and behind:
        return Order.CONCURRENT
    if ahead:
        return Order.NEWER
    return Order.OLDER if behind else Order.EQUAL


def merge(a: RecordState, b: RecordState) -> RecordState:
    """The union of two states of one record (commutative, associative, idempotent)."""
    vector = dict(a.vector)
    for r, n in b.vector.items():
        vector[r] = max(vector.get(r, 0), n)
    fields: dict[str, tuple[Sibling, ...]] = {}
    for name in set(a.fields) | set(b.fields):
        mine, theirs = a.fields.get(name, ()), b.fields.get(name, ())
        if mine == theirs:  # the usual case: a field neither side changed
            fields[name] = mine
            continue
        mine_dots, their_dots = {s.dot for s in mine}, {s.dot for s in theirs}
        kept = [s for s in mine if s.dot in their_dots or not b.covers(s)]
        kept += [s for s in theirs if s.dot in mine_dots or not a.covers(s)]
        if kept:
            fields[name] = _canonical(kept)
    return RecordState(vector, fields)


def create(replica: str, at: str, values: Mapping[str, Value]) -> RecordState:
    """The first revision of a record born on ``replica``."""
    fields = {f: (Sibling(replica, 1, v, at),) for f, v in values.items()}
    fields[ALIVE] = (Sibling(replica, 1, True, at),)
    return RecordState({replica: 1}, fields)


def legacy(values: Mapping[str, Value]) -> RecordState:
    """The first revision given to a record that existed before revisions did: its dot is
    named after its content, so two desks holding the same record alike agree on it, and
    fields held differently show up as a conflict (nobody knows which is newer)."""
    text = json.dumps(dict(sorted(values.items())), ensure_ascii=False, separators=(",", ":"))
    replica = "legacy-" + hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]
    return create(replica, "", values)


def write(state: RecordState, replica: str, at: str, values: Mapping[str, Value], *,
          alive: bool = True, force: Iterable[str] = ()) -> RecordState:
    """A new revision by ``replica``: fields whose shown value differs (and those in
    ``force``, which a conflict resolution settles) get the new dot; so does :data:`ALIVE`.
    A field in conflict that the edit leaves as shown keeps its siblings."""
    counter = state.vector.get(replica, 0) + 1
    forced = set(force)
    fields = dict(state.fields)
    for name, value in values.items():
        current = state.fields.get(name, ())
        if name in forced or not current or _key(winner(current)) != _key(value):
            fields[name] = (Sibling(replica, counter, value, at),)
    fields[ALIVE] = (Sibling(replica, counter, alive, at),)
    return RecordState({**state.vector, replica: counter}, fields)


def changed_fields(before: RecordState | None, after: RecordState) -> tuple[str, ...]:
    """Fields whose shown value differs between two states (all of them when ``before`` is
    ``None``), :data:`ALIVE` aside."""
    shown = after.shown
    if before is None:
        return tuple(shown)
    old = before.shown
    return tuple(f for f, v in shown.items() if _key(old.get(f)) != _key(v))
