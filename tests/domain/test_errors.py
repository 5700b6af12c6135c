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
from meetingdesk.domain.messages import message


@pytest.fixture
def english() -> Iterator[None]:
    set_language("en")
    yield
    set_language("vi")


def test_errors_speak_vietnamese_by_default() -> None:
    assert current_language() == "vi"
    error = ValidationError("guards.field_empty", field=message("bulk.full_name"))
    assert str(error) == "Chưa nhập họ và tên."


@pytest.mark.usefixtures("english")
def test_errors_speak_english_after_set_language() -> None:
    assert current_language() == "en"
    error = NotFoundError("repository.not_found", what=message("tables.person"), record_id=4)
    assert str(error) == "The person (id 4) was not found; it may have been deleted."
    # Made before the language changes, an error still shows in the language of the moment.
    set_language("vi")
    assert str(error) == "Không tìm thấy đại biểu (mã 4); có thể đã bị xóa."


def test_errors_refuse_words_in_place_of_a_key() -> None:
    with pytest.raises(KeyError, match="no message"):
        ConflictError("Đã có.")
    with pytest.raises(TypeError):
        ValidationError("guards.field_empty", "The field is empty.")  # type: ignore[call-arg]


def test_errors_are_meetingdesk_errors() -> None:
    for cls in (ValidationError, NotFoundError, ConflictError):
        assert issubclass(cls, MeetingDeskError)
