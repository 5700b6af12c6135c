"""Entering the present count a site reports, in two keystrokes: S opens the count with the
likeliest figure selected (the last one reported, else everyone summoned), Enter keeps it;
typing a number replaces it."""

from __future__ import annotations

from PySide6.QtWidgets import QInputDialog, QWidget

from meetingdesk.domain.headcount import SiteHeadcount
from meetingdesk.gui.i18n import tr

MAX_COUNT = 100_000


def ask_present(parent: QWidget, site_name: str, count: SiteHeadcount) -> int | None:
    """The present count for ``site_name``, or ``None`` when cancelled. The named people
    marked present are the smallest count accepted."""
    proposed = count.reported if count.reported is not None else max(count.summoned,
                                                                     count.named_present)
    value, ok = QInputDialog.getInt(
        parent, tr("Present at the site"),
        tr("Present at %1 (summoned %2):").replace("%1", site_name)
        .replace("%2", str(count.summoned)),
        proposed, count.named_present, MAX_COUNT)
    return value if ok else None
