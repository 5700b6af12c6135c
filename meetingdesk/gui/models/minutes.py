"""The generated versions of a meeting's minutes."""

from __future__ import annotations

from PySide6.QtCore import QObject

from meetingdesk.domain.records import MinutesVersion
from meetingdesk.gui.i18n import tr
from meetingdesk.gui.labels import label
from meetingdesk.gui.models.formats import moment, size
from meetingdesk.gui.models.table import Column, RowTableModel


def versions_model(parent: QObject | None = None) -> RowTableModel[MinutesVersion]:
    columns: list[Column[MinutesVersion]] = [
        Column(lambda: tr("Generated"), lambda v: moment(v.created_at),
               sort_key=lambda v: (v.created_at, v.id)),
        Column(lambda: tr("Profile"), lambda v: label(v.profile), tooltip=True),
        Column(lambda: tr("Size"), lambda v: size(v.size), sort_key=lambda v: v.size,
               align_right=True),
        Column(lambda: tr("Final"), lambda v: moment(v.finalized_at) if v.final else ""),
        Column(lambda: tr("Signed"), lambda v: "✓" if v.signed_sha256 else ""),
    ]
    return RowTableModel(columns, row_key=lambda v: "final" if v.final else "draft",
                         row_tooltip=signed_status, parent=parent)


def signed_status(version: MinutesVersion) -> str:
    """Who signed the version's signed copy and when; empty when it has none."""
    if not version.signed_sha256:
        return ""
    return tr("Digitally signed by %1 at %2").replace("%1", version.signed_by or "").replace(
        "%2", moment(version.signed_at) if version.signed_at else "")
