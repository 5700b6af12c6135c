"""Where MeetingDesk finds its bundled resources and keeps the user's desk."""

from __future__ import annotations

import sys
from pathlib import Path

from platformdirs import user_data_path


def resource_dir() -> Path:
    """The ``resources/`` folder: beside the package, or inside a PyInstaller bundle."""
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        return Path(bundle) / "resources"
    return Path(__file__).resolve().parent.parent / "resources"


def resource(*parts: str) -> Path:
    return resource_dir().joinpath(*parts)


def user_data_dir() -> Path:
    """This user's MeetingDesk folder on this machine (``platformdirs``: under
    ``XDG_DATA_HOME`` on Linux, ``%LOCALAPPDATA%`` on Windows)."""
    return user_data_path("MeetingDesk", appauthor=False)


def default_desk_path() -> Path:
    """The desk used when none is named: ``meetingdesk.db`` in the user data directory."""
    return user_data_dir() / "meetingdesk.db"
