"""Per-partner checkpoints: what this desk sent to and received from every other desk.

Every change stored here gets the next sequence number of this desk. For each partner (a
replica id) and scope (a meeting, or one site's part of it) the desk keeps:

- ``received``: the partner's sequence number up to which this desk holds everything of that
  scope (advanced by a package only when it starts at or before it: no gap);
- ``acked``: this desk's sequence number up to which the partner said it holds everything —
  every package of a meeting carries such acknowledgements of that meeting's scopes, for all
  its partners (so a manifest grows with the meeting, not with the year);
- ``sent``: this desk's sequence number when it last wrote a package for the partner.

A package for a partner carries only what changed after ``acked`` (a lost or unread package
is thus sent again, never skipped); "send everything" starts from zero.
"""

from __future__ import annotations

import logging
import uuid
from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING

from meetingdesk.domain.errors import ValidationError
from meetingdesk.services.wire import scope_meeting
from meetingdesk.store import replica, revisions
from meetingdesk.store.desk import Desk
from meetingdesk.store.revisions import Checkpoint
from meetingdesk.store.sealing import now_text

if TYPE_CHECKING:
    from sqlite_utils import Database

logger = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class Partner:
    replica_id: str
    label: str
    checkpoints: tuple[Checkpoint, ...]


def this_replica(desk: Desk) -> str:
    return replica.replica_id(desk.db)


def renewed_if_behind(desk: Desk, acks: Mapping[str, Mapping[str, int]]) -> str:
    """This desk's replica id, renewed first when a package's acknowledgements (``acks``:
    replica id → scope → sequence) hold more of this desk's revisions than it does: it went
    back in time — restored over itself where no mark of the replica was left to tell — and
    must not number new revisions as those the partner already has. Its former id stays
    among its own, so the partner's copies of what it wrote come back as its own."""
    me = this_replica(desk)
    acked = max(acks.get(me, {}).values(), default=0)
    held = revisions.last_seq(desk.db)
    if desk.read_only or acked <= held:
        return me
    logger.warning("A partner holds revisions of %s up to %d, beyond this desk's %d: the "
                   "desk went back in time; taking a new replica id", me, acked, held)
    return replica.renew(desk.conn, desk.path)


def partners(desk: Desk) -> list[Partner]:
    """The other desks this one has heard of, by label."""
    db = desk.db
    found = []
    for rid, (label, mine) in replica.labels(db).items():
        if not mine:
            found.append(Partner(rid, label, tuple(revisions.checkpoints(db, rid))))
    return sorted(found, key=lambda p: (p.label, p.replica_id))


def find_partner(desk: Desk, text: str) -> str:
    """A partner's replica id from its id (or the start of it) or its label; a whole replica
    id is taken as it is, also for a desk not heard of yet (one that never sent a package)."""
    wanted = text.strip().casefold()
    found = {p.replica_id for p in partners(desk)
             if p.replica_id.startswith(wanted) or p.label.casefold() == wanted}
    if not found and _whole_replica_id(wanted):
        return wanted
    if len(found) != 1:
        raise ValidationError("checkpoints.partner_none_matches" if not found
                              else "checkpoints.partner_several_match", text=text)
    return found.pop()


def _whole_replica_id(text: str) -> bool:
    try:
        return str(uuid.UUID(text)) == text
    except ValueError:
        return False


def _get(db: Database, partner: str, scope: str) -> Checkpoint:
    found = revisions.checkpoints(db, partner, scope)
    return found[0] if found else Checkpoint(partner, scope, 0, 0, 0, now_text())


def start_for(db: Database, partner: str, scope: str) -> int:
    """Where a package of ``scope`` for ``partner`` starts: what it acknowledged."""
    return _get(db, partner, scope).acked


def note_sent(db: Database, partner: str, scope: str, upto: int) -> None:
    cp = _get(db, partner, scope)
    revisions.put_checkpoint(db, Checkpoint(partner, scope, max(cp.sent, upto), cp.received,
                                            cp.acked, now_text()))


def note_received(db: Database, partner: str, label: str, scope: str, since: int, upto: int,
                  acks: Mapping[str, int], *, complete: bool = True) -> None:
    """A package from ``partner`` was merged: its scope is held up to ``upto`` (when it
    started within what was held and was ``complete``: made for this desk or for anyone),
    and its acknowledgements of this desk's scopes count."""
    replica.remember(db.conn, partner, label)
    cp = _get(db, partner, scope)
    received = max(cp.received, upto) if complete and since <= cp.received else cp.received
    revisions.put_checkpoint(db, Checkpoint(partner, scope, cp.sent, received, cp.acked,
                                            now_text()))
    for acked_scope, seq in acks.items():
        cp = _get(db, partner, acked_scope)
        revisions.put_checkpoint(db, Checkpoint(partner, acked_scope, cp.sent, cp.received,
                                                max(cp.acked, seq), now_text()))


def acknowledgements(db: Database, meeting: str) -> dict[str, dict[str, int]]:
    """For every partner, the scopes of ``meeting`` this desk holds of it and up to where."""
    acks: dict[str, dict[str, int]] = {}
    for cp in revisions.checkpoints(db):
        if cp.received and scope_meeting(cp.scope) == meeting:
            acks.setdefault(cp.partner, {})[cp.scope] = cp.received
    return acks


def last_seq(db: Database) -> int:
    return revisions.last_seq(db)
