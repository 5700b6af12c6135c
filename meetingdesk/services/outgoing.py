"""What a package for a partner carries: the scope's changes since the partner's checkpoint.

:func:`send` seals this desk's pending edits, picks the records, and hands them to the
caller's writer inside one transaction, so the "sent" checkpoint counts only when the file
was written.
"""

from __future__ import annotations

from collections.abc import Callable
from contextlib import nullcontext
from dataclasses import dataclass

from meetingdesk.services import checkpoints, wire
from meetingdesk.services.wire import WireRecord
from meetingdesk.store import tables
from meetingdesk.store.desk import Desk
from meetingdesk.store.sealing import Book, seal


@dataclass(frozen=True, slots=True)
class Outgoing:
    records: list[WireRecord]
    replica: str
    label: str
    meeting: str
    site: str | None
    scope: str
    since: int
    upto: int
    acks: dict[str, dict[str, int]]
    to: str | None
    """The partner it was made for (what that partner already has is left out)."""


def desk_label(desk: Desk) -> str:
    """How partners name this desk: its default issuer, and the file's name."""
    issuer = tables.issuers.default(desk.conn)
    name = issuer.name.strip() if issuer is not None else ""
    return f"{name} ({desk.path.stem})" if name else desk.path.stem


def send(desk: Desk, *, meeting_id: int, site_id: int | None = None,
         partner: str | None = None, everything: bool = False,
         writer: Callable[[Outgoing], None]) -> Outgoing:
    """Collect a package's records — for ``partner`` only what it has not acknowledged,
    unless ``everything`` (or no partner) — and call ``writer`` with them."""
    with nullcontext(desk.db) if desk.read_only else desk.transaction() as db:
        book = Book(db)
        if not desk.read_only:  # a read-only desk sends what it holds, and notes nothing
            seal(db, book)
        meeting = book.gid("meeting", meeting_id)
        site = book.gid("site", site_id) if site_id is not None else None
        assert meeting is not None and (site_id is None or site is not None)
        scope = wire.scope_key(meeting, site)
        since = 0 if everything or partner is None else checkpoints.start_for(db, partner,
                                                                               scope)
        records = wire.collect(desk, meeting, site=site, since=since,
                               partner=None if everything else partner)
        out = Outgoing(records, book.me, desk_label(desk), meeting, site, scope, since,
                       checkpoints.last_seq(db), checkpoints.acknowledgements(db, meeting), partner)
        writer(out)
        if partner is not None and not desk.read_only:
            checkpoints.note_sent(db, partner, scope, out.upto)
    desk.mark_progress()  # its revisions may now be a partner's: never to be numbered again
    return out
