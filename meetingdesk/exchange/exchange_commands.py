"""The ``exchange`` command's actions, as lines of text: this desk's replica id, its partners
and checkpoints, the conflicts it keeps, and resolving one field of one of them."""

from __future__ import annotations

import argparse
from collections.abc import Iterator

from meetingdesk.domain.errors import ValidationError
from meetingdesk.domain.messages import message
from meetingdesk.domain.replication import ALIVE, Value
from meetingdesk.exchange.report import conflict_lines
from meetingdesk.services import checkpoints, conflicts
from meetingdesk.store.desk import Desk


def run(desk: Desk, args: argparse.Namespace) -> Iterator[str]:
    if args.action == "whoami":
        yield str(message("exchange_commands.whoami", replica=checkpoints.this_replica(desk)))
    elif args.action == "partners":
        found = checkpoints.partners(desk)
        if not found:
            yield str(message("exchange_commands.no_partners"))
        for p in found:
            yield f"{p.replica_id}  {p.label}"
            for cp in p.checkpoints:
                yield str(message("exchange_commands.checkpoint", scope=cp.scope, sent=cp.sent,
                                  received=cp.received, acked=cp.acked,
                                  updated_at=cp.updated_at))
    elif args.action == "conflicts":
        yield from conflict_lines(conflicts.list_conflicts(desk))
    else:
        yield _resolve(desk, args)


def _resolve(desk: Desk, args: argparse.Namespace) -> str:
    if not args.record or not args.field or not (args.keep or args.take_other
                                                  or args.set is not None):
        raise ValidationError("exchange_commands.missing_options")
    found = [c for c in conflicts.list_conflicts(desk) if c.gid.startswith(args.record)]
    if len(found) != 1:
        raise ValidationError("exchange_commands.record_ambiguous", record=args.record)
    conflict = found[0]
    field = next((f for f in conflict.fields if f.field == args.field), None)
    if field is None:
        raise ValidationError("exchange_commands.field_not_in_conflict", field=args.field)
    value: Value
    if args.keep:
        value = field.candidates[0].value
    elif args.take_other:
        value = field.candidates[1].value
    elif args.field == ALIVE or args.field not in conflict.editable:
        raise ValidationError("exchange_commands.keep_or_take_only")
    else:
        value = _typed(args.set, field.candidates[0].value)
    conflicts.resolve(desk, gid=conflict.gid, choices={field.field: value})
    return str(message("exchange_commands.resolved", label=conflict.label, field=field.field,
                       value=repr(value)))


def _typed(text: str, like: Value) -> Value:
    if isinstance(like, int) and not isinstance(like, bool):
        try:
            return int(text)
        except ValueError:
            raise ValidationError("exchange_commands.not_a_number", text=text) \
                from None
    return text
