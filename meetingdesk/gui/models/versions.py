"""The generated versions of a meeting's minutes or of its conclusion notice: one table for
both. The minutes have a "Signed" column; the notice, which is never signed, shows the start
of each version's SHA-256 there instead (the minutes' side panel has no room for both at
1366×768). Every row's tooltip gives its whole SHA-256."""

from __future__ import annotations

from PySide6.QtCore import QObject

from meetingdesk.domain.notices import NoticeVersion
from meetingdesk.domain.records import MinutesVersion
from meetingdesk.gui.i18n import tr
from meetingdesk.gui.labels import label
from meetingdesk.gui.models.formats import moment, size
from meetingdesk.gui.models.table import Column, RowTableModel

Version = MinutesVersion | NoticeVersion

HASH_SHOWN = 8
"""Hex digits of a version's sha256 shown in its column (the whole of it is the tooltip)."""


def versions_model(parent: QObject | None = None, *,
                   signed: bool = True) -> RowTableModel[Version]:
    """Generated, profile, size, when made final, then signed (``signed``) or the start of
    the SHA-256."""
    columns: list[Column[Version]] = [
        Column(lambda: tr("Generated"), lambda v: moment(v.created_at),
               sort_key=lambda v: (v.created_at, v.id)),
        Column(lambda: tr("Profile"), lambda v: label(v.profile), tooltip=True),
        Column(lambda: tr("Size"), lambda v: size(v.size), sort_key=lambda v: v.size,
               align_right=True),
        Column(lambda: tr("Final"), lambda v: moment(v.finalized_at) if v.final else ""),
    ]
    if signed:
        columns.append(Column(lambda: tr("Signed"), lambda v: "✓" if isinstance(
            v, MinutesVersion) and v.signed_sha256 else ""))
    else:
        columns.append(Column(lambda: "SHA-256", lambda v: v.sha256[:HASH_SHOWN]))
    return RowTableModel(columns, row_key=lambda v: "final" if v.final else "draft",
                         row_tooltip=version_tooltip, parent=parent)


def version_tooltip(version: Version) -> str:
    """Who signed the version when it has a signed copy, and its whole sha256."""
    signed = signed_status(version) if isinstance(version, MinutesVersion) else ""
    return "\n".join(t for t in (signed, f"SHA-256: {version.sha256}") if t)


def signed_status(version: MinutesVersion) -> str:
    """Who signed the version's signed copy and when; empty when it has none."""
    if not version.signed_sha256:
        return ""
    return tr("Digitally signed by %1 at %2").replace("%1", version.signed_by or "").replace(
        "%2", moment(version.signed_at) if version.signed_at else "")
