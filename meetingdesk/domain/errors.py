"""Typed errors whose message a secretary can read, in Vietnamese or English.

Every error carries both wordings; ``str(error)`` gives the one of the current language, which
the GUI sets from the user's preference and the CLI from ``MEETINGDESK_LANG``.
"""

from __future__ import annotations

import os

_language = "en" if os.environ.get("MEETINGDESK_LANG", "vi").startswith("en") else "vi"


def set_language(language: str) -> None:
    """Choose the language of error messages: ``"vi"`` (default) or ``"en"``."""
    global _language
    _language = "en" if language.startswith("en") else "vi"


def current_language() -> str:
    return _language


class MeetingDeskError(Exception):
    """Base of every error MeetingDesk reports to its user."""

    def __init__(self, vi: str, en: str | None = None) -> None:
        super().__init__(vi)
        self.vi = vi
        self.en = en or vi

    def __str__(self) -> str:
        return self.en if _language == "en" else self.vi


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

    def __init__(self, vi: str, en: str | None = None, *, cause: str = "") -> None:
        super().__init__(vi, en)
        self.cause = cause


class ReadOnlyDeskError(DeskFileError):
    """A change asked of a desk opened read-only (read-only medium, or a file the user may not
    write)."""
