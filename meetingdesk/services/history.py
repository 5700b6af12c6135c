"""Undo and redo support: snapshots of records taken before and after an edit.

The GUI's undo stack runs every edit through :func:`run_recorded`, then restores the "before"
snapshot to undo and the "after" one to redo. Any service call can be recorded this way, and
the record says what it changed (:class:`~meetingdesk.services.changes.Changes`).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from meetingdesk.domain.errors import ConflictError
from meetingdesk.services import changes
from meetingdesk.services.changes import Changes
from meetingdesk.store import snapshots
from meetingdesk.store.desk import Desk
from meetingdesk.store.snapshots import Ref, Snapshot


@dataclass(frozen=True, slots=True)
class Recorded:
    """The result of an edit with the state of the records it touched, before and after."""

    result: Any
    before: Snapshot
    after: Snapshot
    changes: Changes
    """What the edit changed (its undo changes :meth:`Changes.inverted`, its redo the same)."""


def prepare(desk: Desk) -> None:
    """Do now what the first recorded edit of ``desk`` would otherwise do first: read the
    schema's keys and foreign keys."""
    snapshots.read_schema(desk.conn)


def run_recorded(desk: Desk, action: Callable[[], Any], roots: Iterable[Ref] = (),
                 new_roots: Callable[[Any], Iterable[Ref]] | None = None, *,
                 shallow: bool = False) -> Recorded:
    """Run ``action`` (a service call) and snapshot ``roots`` around it.

    ``new_roots`` names the records the action created (from its result): they had no row
    before, so restoring "before" removes them. ``shallow`` snapshots only the roots' own rows,
    for an edit of their fields that adds or removes nothing.
    """
    roots = tuple(roots)
    before = snapshots.take(desk.conn, roots, shallow=shallow)
    result = action()
    created = tuple(new_roots(result)) if new_roots else ()
    before = before.merged(Snapshot(created, shallow, (), ()))
    after = snapshots.take(desk.conn, roots + created, shallow=shallow)
    return Recorded(result, before, after,
                    changes.between(roots + created, before.rows, after.rows))


def restore(desk: Desk, state: Snapshot) -> None:
    """Put the recorded records back as they were in ``state``, in one transaction.

    A state that later changes made impossible (a record it refers to is gone, a name is
    taken) is refused with a :class:`ConflictError`, and nothing is changed."""
    try:
        with desk.transaction() as db:
            snapshots.restore(db, state)
    except sqlite3.IntegrityError as exc:
        raise ConflictError("history.undo_stale", error=exc) from exc
