"""Checks shared by the services: required text, frozen meetings, positive numbers."""

from __future__ import annotations

from collections.abc import Sequence

from sqlite_utils import Database

from meetingdesk.domain.enums import MeetingStatus
from meetingdesk.domain.errors import ConflictError, ValidationError
from meetingdesk.domain.records import Meeting
from meetingdesk.domain.text import clean_text
from meetingdesk.store import tables

MAX_LINE = 2_000
MAX_LINE_VI = "2.000"
"""``MAX_LINE`` as Vietnamese writes it."""
MAX_TEXT = 1_000_000


def required_line(value: str | None, field_vi: str, field_en: str) -> str:
    """A required one-line text field, cleaned; empty or too long is refused."""
    text = clean_text(value, multiline=False)
    if not text:
        raise ValidationError(f"Chưa nhập {field_vi}.", f"The {field_en} is empty.")
    if len(text) > MAX_LINE:
        raise ValidationError(
            f"{field_vi.capitalize()} dài quá {MAX_LINE} ký tự.",
            f"The {field_en} is longer than {MAX_LINE} characters.",
        )
    return text


def optional_line(value: str | None) -> str | None:
    """An optional one-line text field, cleaned (empty: ``None``); too long is refused, never
    cut."""
    text = clean_text(value, multiline=False)
    if len(text) > MAX_LINE:
        start = text[:40].rstrip() + "…"
        raise ValidationError(
            f"Một trường dài quá {MAX_LINE_VI} ký tự (“{start}”); hãy rút gọn.",
            f"A field is longer than {MAX_LINE:,} characters (“{start}”); shorten it.")
    return text or None


def required_text(value: str | None, field_vi: str, field_en: str) -> str:
    """Required multi-line text (a note), cleaned; empty or absurdly long is refused."""
    text = clean_text(value)
    if not text:
        raise ValidationError(f"Chưa nhập {field_vi}.", f"The {field_en} is empty.")
    if len(text) > MAX_TEXT:
        raise ValidationError(
            f"{field_vi.capitalize()} dài quá {MAX_TEXT:,} ký tự.",
            f"The {field_en} is longer than {MAX_TEXT:,} characters.",
        )
    return text


def non_negative(value: int | None, field_vi: str, field_en: str) -> int | None:
    if value is not None and value < 0:
        raise ValidationError(f"{field_vi.capitalize()} không được âm.",
                              f"The {field_en} cannot be negative.")
    return value


def editable_meeting(db: Database, meeting_id: int) -> Meeting:
    """The meeting, provided its minutes are not final (frozen)."""
    meeting = tables.meetings.get(db, meeting_id)
    if meeting.status is MeetingStatus.FINAL:
        raise ConflictError(
            "Biên bản cuộc họp này đã được chốt; hãy mở lại cuộc họp trước khi sửa.",
            "The minutes of this meeting are final; reopen the meeting before editing it.",
        )
    return meeting


def check_order(current: Sequence[int], wanted: Sequence[int]) -> None:
    """A new order must hold exactly the current records, each once."""
    if sorted(current) != sorted(wanted) or len(set(wanted)) != len(wanted):
        raise ValidationError("Danh sách sắp xếp không khớp với dữ liệu hiện có; hãy tải lại.",
                              "The new order does not match the current list; reload it.")
