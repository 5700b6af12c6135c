"""What an edit changed, as a value: the idea of Anki's ``OpChanges``.

Every undoable edit (:func:`meetingdesk.services.history.run_recorded`) and its undo and redo
(:func:`meetingdesk.services.history.restore`) yield a :class:`Changes`: the records inserted,
updated and deleted (each as ``(table, id)``) and the meetings whose content they belong to.
Views apply it in place — a changed row is re-read and replaced, an inserted one added, a
deleted one removed — and a view whose records are not named does nothing.

A change set is computed from the rows an edit touched before and after it (the undo
snapshots), so a service cannot forget to report a record it wrote. Writes that are not
recorded row by row (an import, a package, the live mode, a restored backup) report
:data:`EVERYTHING` or :func:`meeting_content`: every view of that scope reloads.

The kinds of record are the tables' names (``"attendances"``, ``"agenda_items"``...), so a
table added by a migration is covered without code here.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

Ref = tuple[str, int]
"""A record: (table, id)."""


@dataclass(frozen=True, slots=True)
class Changes:
    """The records one edit inserted, updated and deleted, and the meetings they belong to.

    ``all_kinds`` is set for a change that is not known row by row: every record of the
    ``meetings`` named (or of the whole desk when ``meetings`` is empty) may have changed.
    """

    inserted: frozenset[Ref] = frozenset()
    updated: frozenset[Ref] = frozenset()
    deleted: frozenset[Ref] = frozenset()
    meetings: frozenset[int] = frozenset()
    """The meetings whose records changed (a meeting itself, or rows with its ``meeting_id``).
    Empty when the change is desk-wide (the directory of sites or people, settings)."""
    all_kinds: bool = False
    desk_wide: bool = False
    """The change may touch every meeting (a directory record, an import, a restore)."""

    @property
    def kinds(self) -> frozenset[str]:
        """The tables with at least one changed record."""
        return frozenset(t for t, _ in self.inserted | self.updated | self.deleted)

    def is_empty(self) -> bool:
        return not (self.inserted or self.updated or self.deleted or self.all_kinds)

    def touches(self, kinds: Iterable[str], meeting_id: int | None = None) -> bool:
        """Whether a view showing records of ``kinds`` (of ``meeting_id``, if given) may have
        to change."""
        if meeting_id is not None and not self.desk_wide and meeting_id not in self.meetings:
            return False
        return self.all_kinds or not self.kinds.isdisjoint(kinds)

    def ids(self, kind: str, *, inserted: bool = True, updated: bool = True,
            deleted: bool = True) -> frozenset[int]:
        """The ids of the changed records of one ``kind`` (of the operations asked)."""
        chosen: set[Ref] = set()
        if inserted:
            chosen |= self.inserted
        if updated:
            chosen |= self.updated
        if deleted:
            chosen |= self.deleted
        return frozenset(i for t, i in chosen if t == kind)

    def inverted(self) -> Changes:
        """The change that undoes this one: what was inserted is deleted and back."""
        return Changes(self.deleted, self.updated, self.inserted, self.meetings,
                       self.all_kinds, self.desk_wide)


EVERYTHING = Changes(all_kinds=True, desk_wide=True)
"""Anything on the desk may have changed (an import, a package, a restored backup)."""

NOTHING = Changes()

def meeting_content(meeting_id: int) -> Changes:
    """Anything of one meeting may have changed (the live mode wrote outside the history)."""
    return Changes(meetings=frozenset({meeting_id}), all_kinds=True)


def between(roots: Iterable[Ref], before: Iterable[tuple[str, dict[str, Any]]],
            after: Iterable[tuple[str, dict[str, Any]]]) -> Changes:
    """The change that turns the rows ``before`` into the rows ``after``, each given as
    ``(table, row)`` of the records an edit on ``roots`` could touch (an undo snapshot's rows).

    A changed row that belongs to no meeting by itself (a connection event, a citation, a
    revision) counts as a change of the roots it hangs from. An edit of a record that is no
    meeting's own (a site, a person, a document of the register) is desk-wide.
    """
    roots = tuple(roots)
    old, old_links = _by_ref(before)
    new, new_links = _by_ref(after)
    inserted = set(new.keys() - old.keys())
    deleted = set(old.keys() - new.keys())
    updated = {r for r in new.keys() & old.keys() if new[r] != old[r]}
    meetings: set[int] = set()
    desk_wide = False
    dependents_changed = old_links != new_links
    for ref in inserted | deleted | updated:
        table, rid = ref
        for row in (old.get(ref), new.get(ref)):
            if row is None:
                continue
            if table == "meetings":
                meetings.add(rid)
            elif isinstance(row.get("meeting_id"), int):
                meetings.add(row["meeting_id"])
            elif ref not in roots:
                dependents_changed = True
    for table, rid in roots:
        row = new.get((table, rid)) or old.get((table, rid))
        if row is None:
            continue
        if table == "meetings":
            meetings.add(rid)
        elif isinstance(row.get("meeting_id"), int):
            meetings.add(row["meeting_id"])
        elif (table, rid) in inserted | deleted | updated or dependents_changed:
            desk_wide = True
        if dependents_changed and (table, rid) not in inserted | deleted:
            updated.add((table, rid))
    return Changes(frozenset(inserted), frozenset(updated), frozenset(deleted),
                   frozenset(meetings), False, desk_wide)


def _by_ref(rows: Iterable[tuple[str, dict[str, Any]]]
            ) -> tuple[dict[Ref, dict[str, Any]], list[tuple[str, dict[str, Any]]]]:
    """Rows with an integer ``id`` by their reference, and the rows of link tables (which
    have no id of their own)."""
    found: dict[Ref, dict[str, Any]] = {}
    links: list[tuple[str, dict[str, Any]]] = []
    for table, row in rows:
        rid = row.get("id")
        if isinstance(rid, int):
            found[(table, rid)] = row
        else:
            links.append((table, row))
    links.sort(key=repr)
    return found, links
