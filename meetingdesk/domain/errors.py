"""Typed errors whose message a secretary can read, in Vietnamese or English.

An error is made from a key of the message table and the values of its placeholders
(``ValidationError("guards.field_empty", field=message("bulk.full_name"))``, see
:mod:`meetingdesk.domain.messages`); ``str(error)`` renders it in the current language, which
the GUI sets from the user's preference and the CLI from ``MEETINGDESK_LANG``.
"""

from __future__ import annotations

from typing import Any

from meetingdesk.domain.messages import Message, current_language, message, set_language

__all__ = ["ConflictError", "DeskFileError", "MeetingDeskError", "NotFoundError",
           "ReadOnlyDeskError", "StorageError", "ValidationError", "current_language",
           "set_language"]


def _restore(cls: type[MeetingDeskError], state: dict[str, Any]) -> MeetingDeskError:
    error = cls.__new__(cls)
    error.__dict__.update(state)
    error.args = (state["message"].key,)
    return error


class MeetingDeskError(Exception):
    """Base of every error MeetingDesk reports to its user: the message ``key`` of the table
    with its ``values``, or a :class:`Message` made elsewhere (an error passed on)."""

    def __init__(self, key: str | Message, /, **values: Any) -> None:
        if isinstance(key, Message):
            assert not values, "a Message comes with its values"
            self.message = key
        else:
            self.message = message(key, **values)
        super().__init__(self.message.key)

    def __str__(self) -> str:
        return str(self.message)

    def __reduce__(self) -> tuple[Any, ...]:
        return _restore, (type(self), dict(self.__dict__))

    @property
    def vi(self) -> str:
        """The message in Vietnamese, whatever the current language."""
        return self.message.vi

    @property
    def en(self) -> str:
        """The message in English, whatever the current language."""
        return self.message.en


class ValidationError(MeetingDeskError):
    """Input that cannot be accepted, with a message that says why."""


class NotFoundError(MeetingDeskError):
    """A record that was asked for does not exist (any more)."""


class ConflictError(MeetingDeskError):
    """The change clashes with existing data (a duplicate, a frozen meeting...)."""


class DeskFileError(MeetingDeskError):
    """A desk file that cannot be opened: missing, unreadable, damaged or too new."""


class StorageError(DeskFileError):
    """The disk or the file failed under an open desk (full disk, I/O error, read-only file,
    a lock held elsewhere). ``cause`` is SQLite's error family, e.g. ``"SQLITE_FULL"``."""

    def __init__(self, key: str | Message, /, *, cause: str = "", **values: Any) -> None:
        super().__init__(key, **values)
        self.cause = cause


class ReadOnlyDeskError(DeskFileError):
    """A change asked of a desk opened read-only (read-only medium, or a file the user may not
    write)."""
