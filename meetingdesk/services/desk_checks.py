"""The checks of a desk that run after the window has opened it (Qt-free; the window runs
them on its background runner after the first paint).

Before opening, :func:`meetingdesk.services.session.open_session` checks the file once and
fast: header, identity, version and the whole schema (what keeps a foreign trigger from ever
firing), in milliseconds. SQLite's quick_check reads every page — seconds on a desk of a
thousand meetings — so the window runs it here instead, while every write of the process to
the file waits for its verdict (:mod:`meetingdesk.store.write_gate`): a damaged file is never
written. Then ``foreign_key_check`` (rows pointing to records that are gone). A full
``integrity_check`` (every index against its table: a quarter of a minute on that desk) stays
with ``meetingdesk check``.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

from meetingdesk.domain.errors import DeskFileError
from meetingdesk.services import backups
from meetingdesk.services.backups import BackupInfo
from meetingdesk.services.session import WorkSession
from meetingdesk.store.integrity import (
    Cancel,
    CheckCancelled,
    foreign_key_violations_file,
    quick_check_file,
)

logger = logging.getLogger(__name__)

__all__ = ["Cancel", "CheckCancelled", "DeskFindings", "check_after_opening"]


@dataclass(frozen=True, slots=True)
class DeskFindings:
    """What the checks after opening found (nothing, when :attr:`ok`)."""

    damage: str | None = None
    """quick_check's complaint: the file is damaged and nothing is written to it."""
    broken_references: int = 0
    """Rows pointing to a record that is not there (``foreign_key_check``)."""
    newest_good_backup: BackupInfo | None = None
    """The newest backup that passes quick_check, looked for when something was found."""

    @property
    def ok(self) -> bool:
        return self.damage is None and not self.broken_references


def damaged_refusal(work: WorkSession, problem: str) -> DeskFileError:
    return DeskFileError("desk_checks.damaged", path=work.path, problem=problem)


def unchecked_refusal(work: WorkSession) -> DeskFileError:
    return DeskFileError("desk_checks.unchecked", path=work.path)


def check_after_opening(work: WorkSession, cancel: Cancel | None = None) -> DeskFindings:
    """Run the checks left for after opening on ``work``'s file (read-only connections of
    their own; any thread). The writes held since opening go ahead as soon as quick_check
    passes, and are refused for good when it fails or is cancelled (:class:`CheckCancelled`
    is raised then)."""
    gate = work.write_gate
    try:
        problem = quick_check_file(work.path, cancel)
    except BaseException:
        if gate is not None:
            gate.refuse(unchecked_refusal(work))
        raise
    if problem is not None:
        if gate is not None:
            gate.refuse(damaged_refusal(work, problem))
        logger.error("%s is damaged: %s", work.path, problem)
        return DeskFindings(damage=problem, newest_good_backup=_newest_good(work, cancel))
    if gate is not None:
        gate.open()
    broken = foreign_key_violations_file(work.path, cancel)
    if broken:
        logger.warning("%s has %d broken references", work.path, broken)
        return DeskFindings(broken_references=broken,
                            newest_good_backup=_newest_good(work, cancel))
    return DeskFindings()


def _newest_good(work: WorkSession, cancel: Cancel | None) -> BackupInfo | None:
    for backup in reversed(backups.list_backups(work.path)):
        try:
            if quick_check_file(backup.path, cancel) is None:
                return backup
        except CheckCancelled:
            return None
    return None
