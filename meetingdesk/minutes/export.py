"""Writing the minutes to a file atomically; the helper lives in
:mod:`meetingdesk.services.files` (the exchange exports use it too) and is re-exported here."""

from __future__ import annotations

from meetingdesk.services.files import write_atomically

__all__ = ["write_atomically"]
