"""The generated versions of a meeting's minutes or of its conclusion notice: one table for
both. The minutes have a "Signed" column; the notice, which is never signed, shows the start
of each version's SHA-256 there instead (the minutes' side panel has no room for both at
1366×768). Every row's tooltip gives its whole SHA-256.

Only the final version in force (the services say which: final minutes of a meeting not
reopened since, a notice's ``final_version``) shows its date in the Final column; a version
made final once and reopened since stays in the record and reads "replaced" there (another
final one has taken its place) or "reopened" (none yet), with its date in the tooltip."""

from __future__ import annotations

from collections.abc import Sequence

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

IN_FORCE, REPLACED, REOPENED, DRAFT = "final", "replaced", "reopened", "draft"
"""A version's standing (its row key): the final one in force, a final one another final
version replaced, a final one reopened with none in force since, a draft."""


class VersionsModel(RowTableModel[Version]):
    """The versions of one meeting's document, knowing which final one is in force."""

    def __init__(self, parent: QObject | None = None, *, signed: bool = True) -> None:
        """Generated, profile, size, when made final, then signed (``signed``) or the start
        of the SHA-256."""
        columns: list[Column[Version]] = [
            Column(lambda: tr("Generated"), lambda v: moment(v.created_at),
                   sort_key=lambda v: (v.created_at, v.id)),
            Column(lambda: tr("Profile"), lambda v: label(v.profile), tooltip=True),
            Column(lambda: tr("Size"), lambda v: size(v.size), sort_key=lambda v: v.size,
                   align_right=True),
            Column(lambda: tr("Final"), self._final_text),
        ]
        if signed:
            columns.append(Column(lambda: tr("Signed"), lambda v: "✓" if isinstance(
                v, MinutesVersion) and v.signed_sha256 else ""))
        else:
            columns.append(Column(lambda: "SHA-256", lambda v: v.sha256[:HASH_SHOWN]))
        super().__init__(columns, row_key=self.standing, row_tooltip=self._tooltip,
                         parent=parent)
        self._in_force: int | None = None

    def set_versions(self, versions: Sequence[Version], *, in_force: int | None) -> None:
        """Show ``versions``; ``in_force`` is the id of the final one in force, if any."""
        self._in_force = in_force
        self.set_rows(list(versions))

    def standing(self, version: Version) -> str:
        """:data:`IN_FORCE`, :data:`REPLACED`, :data:`REOPENED` or :data:`DRAFT`."""
        if version.id is not None and version.id == self._in_force:
            return IN_FORCE
        if not version.final:
            return DRAFT
        return REPLACED if self._in_force is not None else REOPENED

    def superseded(self, version: Version) -> bool:
        """Whether ``version`` is not the document in force while one is, or it was once:
        writing it out is worth a question."""
        return self.standing(version) != IN_FORCE and (
            version.final or self._in_force is not None)

    def _final_text(self, version: Version) -> str:
        standing = self.standing(version)
        if standing == IN_FORCE:
            return moment(version.finalized_at) if version.finalized_at else ""
        if standing == REPLACED:
            return tr("replaced")
        return tr("reopened") if standing == REOPENED else ""

    def _tooltip(self, version: Version) -> str:
        standing = self.standing(version)
        was_final = ""
        if standing in (REPLACED, REOPENED):
            was_final = tr("Made final on %1, reopened since: no longer in force").replace(
                "%1", moment(version.finalized_at) if version.finalized_at else "")
        return "\n".join(t for t in (was_final, version_tooltip(version)) if t)


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
