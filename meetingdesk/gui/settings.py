"""Every preference and piece of window state MeetingDesk keeps, declared in one place.

QSettings in IniFormat holds only these (never the user's data, which lives in the desk).
``MEETINGDESK_SETTINGS`` names another ini file (tests, screenshots, benchmarks).
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QByteArray, QSettings

T = TypeVar("T")

MAX_RECENT = 8


@dataclass(frozen=True, slots=True)
class Setting(Generic[T]):
    key: str
    default: T


LANGUAGE = Setting("ui/language", "vi")
LAST_DESK = Setting("desk/last", "")
RECENT_DESKS: Setting[list[str]] = Setting("desk/recent", [])
WINDOW_GEOMETRY = Setting("window/geometry", QByteArray())
WINDOW_STATE = Setting("window/state", QByteArray())
SPLITTER_STATE = Setting("window/splitter", QByteArray())
MINUTES_PROFILE = Setting("minutes/profile", "")
"""``state``, ``party`` or empty for the organization's profile."""
CUSTOM_MARGINS = Setting("minutes/custom_margins", False)
"""Use the margins below instead of the profile's."""
MARGIN_TOP = Setting("minutes/margin_top_mm", 20.0)
MARGIN_BOTTOM = Setting("minutes/margin_bottom_mm", 20.0)
MARGIN_LEFT = Setting("minutes/margin_left_mm", 30.0)
MARGIN_RIGHT = Setting("minutes/margin_right_mm", 15.0)
SIGN_WITH_TOKEN = Setting("signing/with_token", False)
SIGN_P12_FILE = Setting("signing/p12_file", "")
SIGN_TOKEN_LIBRARY = Setting("signing/token_library", "")
SIGN_TOKEN_LABEL = Setting("signing/token_label", "")
SIGN_AS_SECRETARY = Setting("signing/as_secretary", False)
TIMESTAMP_URL = Setting("signing/timestamp_url", "")
"""Empty: PAdES B-B offline (the default); a URL: B-T with that timestamp server."""
TRUST_ROOTS: Setting[list[str]] = Setting("signing/trust_roots", [])
"""Root certificate files the user added for checking signatures (none are bundled)."""


def signer_images(signer: str) -> tuple[Setting[str], Setting[str]]:
    """The signature and seal images remembered for one signer (a .p12 file or a token)."""
    key = signer.replace("/", "|").replace("\\", "|")
    return (Setting(f"signing/images/{key}/signature", ""),
            Setting(f"signing/images/{key}/seal", ""))

ALL: tuple[Setting[Any], ...] = (
    LANGUAGE, LAST_DESK, RECENT_DESKS, WINDOW_GEOMETRY, WINDOW_STATE, SPLITTER_STATE,
    MINUTES_PROFILE, CUSTOM_MARGINS, MARGIN_TOP, MARGIN_BOTTOM, MARGIN_LEFT, MARGIN_RIGHT,
    SIGN_WITH_TOKEN, SIGN_P12_FILE, SIGN_TOKEN_LIBRARY, SIGN_TOKEN_LABEL, SIGN_AS_SECRETARY,
    TIMESTAMP_URL, TRUST_ROOTS,
)


class Settings:
    """Typed access to the declared settings."""

    def __init__(self, path: Path | None = None) -> None:
        env = os.environ.get("MEETINGDESK_SETTINGS")
        if path is None and env:
            path = Path(env)
        if path is not None:
            self.qsettings = QSettings(str(path), QSettings.Format.IniFormat)
        else:
            self.qsettings = QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope,
                                       "MeetingDesk", "MeetingDesk")

    def get(self, setting: Setting[T]) -> T:
        if not self.qsettings.contains(setting.key):
            return setting.default
        value = self.qsettings.value(setting.key)
        default = setting.default
        try:
            if isinstance(default, list):
                if value is None:
                    return []
                return [str(v) for v in (value if isinstance(value, list) else [value])]
            if isinstance(default, bool):
                return (value if isinstance(value, bool)
                        else str(value).lower() in ("true", "1"))
            if isinstance(default, float):
                return float(value)
            if isinstance(default, QByteArray):
                return value if isinstance(value, QByteArray) else default
            return type(default)(value)
        except (TypeError, ValueError):
            return default

    def set(self, setting: Setting[T], value: T) -> None:
        self.qsettings.setValue(setting.key, value)

    def remember_desk(self, path: Path) -> None:
        """Make ``path`` the last desk and the first of the recent ones."""
        text = str(path.resolve())
        recent = [p for p in self.get(RECENT_DESKS) if p != text]
        self.set(RECENT_DESKS, [text, *recent][:MAX_RECENT])
        self.set(LAST_DESK, text)

    def sync(self) -> None:
        self.qsettings.sync()
