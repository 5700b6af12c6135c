"""Checks shared by the services: required text, frozen meetings, positive numbers."""

from __future__ import annotations

from collections.abc import Sequence

from meetingdesk.domain.enums import MeetingStatus
from meetingdesk.domain.errors import ConflictError, ValidationError
from meetingdesk.domain.messages import Message
from meetingdesk.domain.records import Meeting
from meetingdesk.domain.text import clean_text
from meetingdesk.store import tables
from meetingdesk.store.reads import Reads

MAX_LINE = 2_000
MAX_TEXT = 1_000_000


def required_line(value: str | None, field: Message) -> str:
    """A required one-line text field, cleaned; empty or too long is refused."""
    text = clean_text(value, multiline=False)
    if not text:
        raise ValidationError("guards.field_empty", field=field)
    if len(text) > MAX_LINE:
        raise ValidationError("guards.field_too_long", field=field, limit=MAX_LINE)
    return text


def optional_line(value: str | None) -> str | None:
    """An optional one-line text field, cleaned (empty: ``None``); too long is refused, never
    cut."""
    text = clean_text(value, multiline=False)
    if len(text) > MAX_LINE:
        start = text[:40].rstrip() + "…"
        raise ValidationError("guards.a_field_too_long", limit=MAX_LINE, start=start)
    return text or None


def required_text(value: str | None, field: Message) -> str:
    """Required multi-line text (a note), cleaned; empty or absurdly long is refused."""
    text = clean_text(value)
    if not text:
        raise ValidationError("guards.field_empty", field=field)
    if len(text) > MAX_TEXT:
        raise ValidationError("guards.text_too_long", field=field, limit=MAX_TEXT)
    return text


def non_negative(value: int | None, field: Message) -> int | None:
    if value is not None and value < 0:
        raise ValidationError("guards.negative", field=field)
    return value


def editable_meeting(db: Reads, meeting_id: int) -> Meeting:
    """The meeting, provided its minutes are not final (frozen)."""
    meeting = tables.meetings.get(db, meeting_id)
    if meeting.status is MeetingStatus.FINAL:
        raise ConflictError("guards.minutes_final")
    return meeting


def check_order(current: Sequence[int], wanted: Sequence[int]) -> None:
    """A new order must hold exactly the current records, each once."""
    if sorted(current) != sorted(wanted) or len(set(wanted)) != len(wanted):
        raise ValidationError("guards.order_mismatch")
