"""Where export dialogs start: the user's Documents folder, with a name people recognise."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QStandardPaths

from meetingdesk.domain.filenames import export_name
from meetingdesk.domain.records import Meeting, MinutesVersion


def documents_folder() -> Path:
    """The user's Documents folder (their home folder when the system has none)."""
    found = QStandardPaths.writableLocation(
        QStandardPaths.StandardLocation.DocumentsLocation)
    folder = Path(found) if found else Path.home()
    return folder if folder.is_dir() else Path.home()


def default_path(name: str) -> str:
    """``name`` in the Documents folder, as a save dialog's starting point."""
    return str(documents_folder() / name)


def minutes_name(meeting: Meeting, version: MinutesVersion | None, suffix: str) -> str:
    """"Bien ban so 12 - 2023-04-03.pdf": the meeting's number and day (else the version's)."""
    day = meeting.date or (version.created_at.date() if version else None)
    return export_name("Biên bản", number=meeting.number, day=day, suffix=suffix)


def meeting_file_name(what: str, meeting: Meeting, suffix: str, extra: str = "") -> str:
    """"Thanh phan du hop - 2023-04-03.xlsx" and the like, for a meeting's exports."""
    return export_name(what, day=meeting.date, extra=extra, suffix=suffix)
