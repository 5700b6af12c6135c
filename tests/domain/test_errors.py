"""Typed errors speak Vietnamese by default, English on request."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from meetingdesk.domain.errors import (
    ConflictError,
    MeetingDeskError,
    NotFoundError,
    ValidationError,
    current_language,
    set_language,
)


@pytest.fixture
def english() -> Iterator[None]:
    set_language("en")
    yield
    set_language("vi")


def test_errors_speak_vietnamese_by_default() -> None:
    assert current_language() == "vi"
    assert str(ValidationError("Chưa nhập họ và tên.", "The full name is empty.")) == (
        "Chưa nhập họ và tên.")


@pytest.mark.usefixtures("english")
def test_errors_speak_english_after_set_language() -> None:
    assert current_language() == "en"
    assert str(NotFoundError("Không tìm thấy.", "Not found.")) == "Not found."
    # Without an English wording, the Vietnamese one is shown rather than nothing.
    assert str(ConflictError("Đã có.")) == "Đã có."


def test_errors_are_meetingdesk_errors() -> None:
    for cls in (ValidationError, NotFoundError, ConflictError):
        assert issubclass(cls, MeetingDeskError)
