"""File ▸ Import, Export and Exchange packages: what the menu entries do.

Every file is written off the GUI thread behind a busy indicator, and atomically (a temporary
file in the same folder, then renamed), so a failure never leaves half a file. Imports go
through their dialogs (:mod:`~meetingdesk.gui.dialogs.import_dialog`,
:mod:`~meetingdesk.gui.dialogs.package_dialog`), which show what will happen before anything
is written.
"""

from __future__ import annotations

import logging
import tempfile
from dataclasses import replace
from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QInputDialog, QMessageBox, QWidget

from meetingdesk.domain.enums import Profile
from meetingdesk.gui import settings as keys
from meetingdesk.gui.dialogs.import_dialog import ImportDialog, choose_list_file
from meetingdesk.gui.dialogs.package_dialog import (
    PACKAGE_FILTER,
    PackageDialog,
    choose_package_file,
    package_filter,
)
from meetingdesk.gui.i18n import tr
from meetingdesk.gui.jobs import run_busy
from meetingdesk.gui.save_paths import default_path, meeting_file_name, minutes_name
from meetingdesk.gui.settings import Settings
from meetingdesk.gui.tabs.minutes import preferred_margins
from meetingdesk.gui.undo import DeskSession
from meetingdesk.gui.workers import on_desk
from meetingdesk.minutes.profiles import Margins
from meetingdesk.services import checkpoints, meetings, participation
from meetingdesk.services.files import write_atomically
from meetingdesk.store.desk import Desk

logger = logging.getLogger(__name__)

TABLE_SUFFIXES = (".xlsx", ".csv")


def _save_path(parent: QWidget, title: str, default: str,
               filters: list[tuple[str, str]]) -> Path | None:
    """A file name from the save dialog, given the suffix of the chosen filter if it has
    none of the ``filters``' suffixes (``(filter text, suffix)`` pairs)."""
    name, chosen = QFileDialog.getSaveFileName(parent, title, default_path(default),
                                               ";;".join(text for text, _ in filters))
    if not name:
        return None
    path = Path(name)
    if path.suffix.lower() not in {suffix for _, suffix in filters}:
        suffix = next((s for text, s in filters if text == chosen), filters[0][1])
        path = path.with_name(path.name + suffix)
    return path


# --- import --------------------------------------------------------------------------------

def import_list(parent: QWidget, session: DeskSession, meeting_id: int | None) -> None:
    """Choose a delegate or site list, then preview, correct and import it in the dialog."""
    path = choose_list_file(parent)
    if path is None:
        return
    dialog = ImportDialog(session, meeting_id, parent)
    dialog.open_file(path)
    dialog.exec()


def import_package(parent: QWidget, session: DeskSession) -> None:
    """Choose a ``.mdpkg`` file, then preview and merge it in the dialog."""
    path = choose_package_file(parent)
    if path is not None:
        PackageDialog(session, path, parent).exec()


# --- export --------------------------------------------------------------------------------

def _write_table(desk: Desk, meeting_id: int, what: str, path: Path) -> int:
    from meetingdesk.exchange.export import export_table

    with tempfile.TemporaryDirectory(prefix="meetingdesk-export-") as folder:
        scratch = Path(folder) / f"export{path.suffix.lower()}"
        count = export_table(desk, meeting_id, what, scratch)
        write_atomically(path, scratch.read_bytes())
    logger.info("Exported %d rows (%s) of meeting %d to %s", count, what, meeting_id, path)
    return count


def export_table(parent: QWidget, session: DeskSession, meeting_id: int, what: str) -> None:
    """Write the meeting's ``attendance`` list or ``sites`` table to XLSX or CSV."""
    title = tr("Export the attendance list") if what == "attendance" \
        else tr("Export the site table")
    meeting = meetings.get_meeting(session.desk, meeting_id)
    default = meeting_file_name("Thành phần dự họp" if what == "attendance" else "Điểm cầu",
                                meeting, "xlsx")
    path = _save_path(parent, title, default,
                      [(tr("Excel workbook (*.xlsx)"), ".xlsx"),
                       (tr("CSV, UTF-8 (*.csv)"), ".csv")])
    if path is None:
        return

    def written(count: int) -> None:
        QMessageBox.information(parent, title, tr("%1 rows written to %2.").replace(
            "%1", str(count)).replace("%2", str(path)))

    run_busy(parent, session.runner, tr("Exporting…"), on_desk(
        session.desk.path, lambda desk: _write_table(desk, meeting_id, what, path)), written,
        cancellable=True)


def _write_minutes_docx(desk: Desk, meeting_id: int, profile: Profile | None,
                        margins: Margins | None, path: Path) -> None:
    from meetingdesk.exchange.docx_minutes import render_minutes_docx
    from meetingdesk.minutes.builder import build_minutes
    from meetingdesk.minutes.generate import meeting_profile
    from meetingdesk.minutes.profiles import profile_for

    fmt = profile_for(profile or meeting_profile(desk, meeting_id))
    if margins is not None:
        fmt = replace(fmt, margins=margins)
    write_atomically(path, render_minutes_docx(build_minutes(desk, meeting_id, fmt), fmt))
    logger.info("Exported the minutes of meeting %d (%s) to %s", meeting_id, fmt.key.value, path)


def export_minutes_docx(parent: QWidget, session: DeskSession, meeting_id: int,
                        settings: Settings) -> None:
    """Write the meeting's minutes as DOCX, in the profile and margins the minutes tab uses,
    for agencies that edit in Word."""
    title = tr("Export the minutes for Word")
    path = _save_path(parent, title,
                      minutes_name(meetings.get_meeting(session.desk, meeting_id), None, "docx"),
                      [(tr("Word documents (*.docx)"), ".docx")])
    if path is None:
        return
    chosen = settings.get(keys.MINUTES_PROFILE)
    profile = Profile(chosen) if chosen else None
    margins = preferred_margins(settings)  # read here: settings stay in the GUI thread
    run_busy(parent, session.runner, tr("Writing the minutes…"), on_desk(
        session.desk.path, lambda desk: _write_minutes_docx(desk, meeting_id, profile, margins,
                                                            path)),
        lambda _: QMessageBox.information(parent, title, tr("The minutes were written to %1.")
                                          .replace("%1", str(path))), cancellable=True)


def export_site_package(parent: QWidget, session: DeskSession, meeting_id: int) -> None:
    """Write the meeting (or one site's part of it) as a ``.mdpkg`` exchange package: for a
    partner desk, only what it has not acknowledged yet, or everything."""
    title = tr("Export an exchange package")
    entries = participation.meeting_sites(session.desk, meeting_id)
    setup = tr("The whole meeting (sites, agenda, delegates, notes), to send to the sites")
    items = [setup, *(e.site.name + (f" ({e.site.code})" if e.site.code else "")
                      for e in entries)]
    chosen, ok = QInputDialog.getItem(parent, title, tr("What the package holds:"), items, 0,
                                      False)
    if not ok:
        return
    site = entries[items.index(chosen) - 1].site if chosen != setup else None
    code = (site.code or site.name) if site else None
    partners = checkpoints.partners(session.desk)
    everything = tr("Everything (for a new partner, or one that lost its desk)")
    targets = [everything, *(p.label or p.replica_id[:8] for p in partners)]
    target, ok = QInputDialog.getItem(parent, title, tr("For which desk (only what it lacks):"),
                                      targets, 0, False)
    if not ok:
        return
    partner = partners[targets.index(target) - 1].replica_id if target != everything else None
    default = meeting_file_name("Gói trao đổi", meetings.get_meeting(session.desk, meeting_id),
                                "mdpkg", extra=site.name if site else "thiết lập")
    path = _save_path(parent, title, default, [(package_filter(), PACKAGE_FILTER[1:])])
    if path is None:
        return

    def write(desk: Desk) -> int:
        from meetingdesk.exchange.packages import export_package

        return len(export_package(desk, meeting_id, path, site_code=code,
                                  partner=partner).records)

    run_busy(parent, session.runner, tr("Exporting…"), on_desk(session.desk.path, write),
             lambda count: QMessageBox.information(
                 parent, title, tr("The package was written to %1 (%2 records).")
                 .replace("%1", str(path)).replace("%2", str(count))))
