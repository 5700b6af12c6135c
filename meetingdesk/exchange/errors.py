"""Errors of import and export, each with a Vietnamese and an English message."""

from __future__ import annotations

from meetingdesk.domain.errors import MeetingDeskError


class ExchangeError(MeetingDeskError):
    """Base of every import/export error: the importer never raises anything else."""


class UnreadableFileError(ExchangeError):
    """A file whose encoding or format cannot be read without guessing."""


class HostileFileError(ExchangeError):
    """A file refused for safety: too big, too many rows, a zip bomb, unsafe paths, links."""


class PackageError(ExchangeError):
    """An exchange package that is damaged, tampered with or of an unknown format."""
