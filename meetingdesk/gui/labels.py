"""Translated labels of the domain's statuses, kinds and roles, and of issuers."""

from __future__ import annotations

from meetingdesk.domain.enums import (
    AttendanceStatus,
    ConnectionStatus,
    LabelledEnum,
    MeetingStatus,
    NoteKind,
    Profile,
    Role,
    SiteKind,
    TaskStatus,
)
from meetingdesk.domain.records import Issuer
from meetingdesk.gui.i18n import installs, tr


def _labels() -> dict[LabelledEnum, str]:
    return {
        SiteKind.CENTRAL: tr("Central venue"),
        SiteKind.PROVINCE: tr("Province or city"),
        SiteKind.MINISTRY: tr("Ministry or agency"),
        SiteKind.COMMUNE: tr("Commune or ward"),
        SiteKind.OTHER: tr("Other"),
        MeetingStatus.DRAFT: tr("Draft"),
        MeetingStatus.PLANNED: tr("Planned"),
        MeetingStatus.RUNNING: tr("In progress"),
        MeetingStatus.ENDED: tr("Ended"),
        MeetingStatus.FINAL: tr("Minutes final"),
        ConnectionStatus.UNCHECKED: tr("Not checked"),
        ConnectionStatus.CHECKED: tr("Checked"),
        ConnectionStatus.CONNECTED: tr("Connected"),
        ConnectionStatus.LOST: tr("Connection lost"),
        ConnectionStatus.RESTORED: tr("Reconnected"),
        Role.CHAIR: tr("Chair"),
        Role.CO_CHAIR: tr("Co-chair"),
        Role.PRESENTER: tr("Presenter"),
        Role.DELEGATE: tr("Delegate"),
        Role.GUEST: tr("Guest"),
        Role.SECRETARY: tr("Secretary"),
        AttendanceStatus.EXPECTED: tr("Not called yet"),
        AttendanceStatus.PRESENT: tr("Present in person"),
        AttendanceStatus.ONLINE: tr("Present online"),
        AttendanceStatus.LATE: tr("Late"),
        AttendanceStatus.ABSENT_EXCUSED: tr("Absent with reason"),
        AttendanceStatus.ABSENT: tr("Absent"),
        NoteKind.STATEMENT: tr("Statement"),
        NoteKind.CONCLUSION: tr("Conclusion"),
        NoteKind.DECISION: tr("Decision"),
        NoteKind.TASK: tr("Task"),
        NoteKind.REMARK: tr("Remark"),
        TaskStatus.ASSIGNED: tr("Assigned"),
        TaskStatus.OPEN: tr("Being carried out"),
        TaskStatus.DONE: tr("Done"),
        TaskStatus.CANCELLED: tr("Cancelled"),
        Profile.STATE: tr("State (Decree 30/2020/NĐ-CP)"),
        Profile.PARTY: tr("Party (Guide 36-HD/VPTW)"),
    }


_kept: tuple[int, dict[LabelledEnum, str]] = (-1, {})
"""The labels translated once for the language installed (a table asks for one per painted
cell), with the :func:`installs` count they were translated under."""


def label(value: LabelledEnum) -> str:
    """The label of a status, kind or role in the interface's language."""
    global _kept
    if _kept[0] != installs():
        _kept = (installs(), _labels())
    return _kept[1][value]


def issuer_name(issuer: Issuer) -> str:
    """An issuer as lists show it; a blank one says so."""
    return issuer.name or tr("(issuer without a name)")
