"""A generated version of a meeting's conclusion notice (its bytes are kept by the store)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from meetingdesk.domain.enums import Profile


@dataclass(frozen=True, slots=True)
class NoticeVersion:
    id: int | None
    meeting_id: int
    created_at: datetime
    profile: Profile
    sha256: str
    size: int
    final: bool = False
    finalized_at: datetime | None = None
