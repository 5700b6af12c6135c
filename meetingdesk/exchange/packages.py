"""Site exchange packages (``.mdpkg``): a ZIP holding ``manifest.json`` and ``records.json``.

The manifest names the format and its version, the desk schema version, the sending replica
(id and label), the meeting (global id, title, planned start), the scope — ``site`` (one
site's part of a meeting) or ``meeting`` (all of it) — the sending desk's sequence numbers the
package covers (``since`` → ``upto``), its acknowledgements of what it holds of every partner,
and the sha256 of every other member. ``records.json`` holds revision states
(:mod:`meetingdesk.services.wire`). Reading a package goes through
:mod:`~meetingdesk.exchange.zipguard` (no extraction, limits counted on bytes actually read); a
member missing, extra, or whose digest differs is refused before anything is merged. Packages
of the first format (rows without revisions) are refused with one line: merging them could
roll records back. Merging is :mod:`meetingdesk.services.sync`'s.
"""

from __future__ import annotations

import hashlib
import json
import logging
import zipfile
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from meetingdesk.domain.errors import MeetingDeskError, ValidationError
from meetingdesk.domain.messages import message
from meetingdesk.exchange.errors import PackageError
from meetingdesk.exchange.manifest import (
    FORMAT,
    FORMAT_VERSION,
    MANIFEST,
    RECORDS,
    check_manifest,
    check_records,
    check_sizes,
)
from meetingdesk.exchange.manifest import refused as _refuse
from meetingdesk.exchange.zipguard import open_zip
from meetingdesk.services import (
    checkpoints,
    directory,
    meetings,
    outgoing,
    participation,
    sync,
    wire,
)
from meetingdesk.services.backups import list_backups
from meetingdesk.services.bulk import backup_desk
from meetingdesk.services.files import replacing
from meetingdesk.store.desk import Desk

logger = logging.getLogger(__name__)

SUFFIX = ".mdpkg"
IMPORT_BACKUP_WINDOW = timedelta(minutes=10)
"""Imports that change something within this time of the last import backup, with nothing
typed here in between, share it: a centre importing 34 packages in a row takes one backup,
not 34 copies of a growing desk (restoring it, the packages imported since can simply be
imported again). An edit typed here since then gets a backup of its own before the next
import."""


@dataclass(frozen=True, slots=True)
class Package:
    manifest: dict[str, Any]
    records: list[wire.WireRecord]

    @property
    def scope(self) -> str:
        return str(self.manifest["scope"])

    @property
    def source(self) -> str:
        """The sending desk's replica id."""
        return str(self.manifest["replica"])


@dataclass(frozen=True, slots=True)
class PackageReport:
    """What importing a package did (or would do, for a dry run)."""

    package: Package
    plan: sync.MergePlan
    written: bool
    backup: Path | None = None


def _sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def export_package(desk: Desk, meeting_id: int, path: str | Path, *,
                   site_code: str | None = None, partner: str | None = None,
                   everything: bool = False) -> Package:
    """Write a meeting (or one site's part of it, ``site_code``) to ``path``: for ``partner``
    (a replica id) only what it has not acknowledged yet, unless ``everything``; without a
    partner, everything. The file appears only once complete (written beside it, then
    renamed)."""
    path = Path(path)
    meeting = meetings.get_meeting(desk, meeting_id)
    site_id = None
    site_info: dict[str, Any] | None = None
    if site_code:
        site = directory.find_site(desk, site_code)
        if site is None or site.id is None:
            raise PackageError("directory.no_such_site", site_code=site_code)
        if not participation.takes_part(desk, meeting_id=meeting_id, site_id=site.id):
            raise PackageError("packages.site_not_in_meeting", site=site.name)
        site_id = site.id
        site_info = {"name": site.name, "code": site.code}
    package: list[Package] = []

    def write(out: outgoing.Outgoing) -> None:
        manifest: dict[str, Any] = {
            "format": FORMAT, "format_version": FORMAT_VERSION,
            "schema_version": wire.schema_version(), "replica": out.replica, "label": out.label,
            "created_at": datetime.now().isoformat(timespec="seconds"),
            "meeting": {"gid": out.meeting, "title": meeting.title,
                        "planned_start": meeting.planned_start.isoformat()
                        if meeting.planned_start else None},
            "scope": "site" if site_info else "meeting", "scope_key": out.scope,
            "since": out.since, "upto": out.upto, "acks": out.acks, "to": out.to,
        }
        if site_info is not None:
            manifest["site"] = {**site_info, "gid": out.site}
        body = ("[" + ",".join(r.json_text() for r in out.records) + "]").encode("utf-8")
        manifest["members"] = {RECORDS: _sha256(body)}
        manifest["counts"] = wire.kinds_count(out.records)
        head = json.dumps(manifest, ensure_ascii=False, indent=1).encode("utf-8")
        with replacing(path) as tmp, zipfile.ZipFile(tmp, "w", zipfile.ZIP_DEFLATED) as zf:
            zf.writestr(MANIFEST, head)
            zf.writestr(RECORDS, body)
        package.append(Package(manifest, out.records))

    out = outgoing.send(desk, meeting_id=meeting_id, site_id=site_id, partner=partner,
                        everything=everything, writer=write)
    logger.info("Exported %d records of meeting %d (since %d) to %s", len(out.records),
                meeting_id, out.since, path)
    return package[0]


def _json(name: str, member: str, data: bytes) -> Any:
    try:
        return json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError):
        raise _refuse(name, message("packages.not_json", member=member)) from None


def read_package(path: str | Path) -> Package:
    """Open, check and parse a package; raises :class:`PackageError` (or a hostile-file
    error) for anything damaged, tampered with, unsafe, of the old format or unknown."""
    path = Path(path)
    name = path.name
    with open_zip(path) as z:
        if set(z.members) != {MANIFEST, RECORDS}:
            raise _refuse(name, message("packages.unexpected_members"))
        head, body = z.read(MANIFEST), z.read(RECORDS)
    check_sizes(name, head, body)
    manifest = check_manifest(name, _json(name, MANIFEST, head))
    if _sha256(body) != manifest["members"][RECORDS]:
        raise _refuse(name, message("packages.sha256_mismatch", member=RECORDS))
    raw = check_records(name, _json(name, RECORDS, body), body)
    try:
        accepted: set[tuple[str, str]] = set()
        records = [wire.parse_record(r, accepted) for r in raw]
    except MeetingDeskError as exc:
        raise _refuse(name, exc.message) from None
    if len({r.gid for r in records}) != len(records):
        raise _refuse(name, message("packages.record_twice"))
    return Package(manifest, records)


def _recent_import_backup(desk: Desk) -> Path | None:
    """The last import backup when it is recent enough to serve this import too, and nothing
    was typed here since it was taken."""
    now = datetime.now()
    recent = [b for b in list_backups(desk.path) if b.reason.startswith("before-package")
              and timedelta(0) <= now - b.taken_at < IMPORT_BACKUP_WINDOW]
    if not recent or sync.edited_since(desk, recent[-1].path):
        return None
    return recent[-1].path


def import_package(desk: Desk, source: str | Path | Package, *, dry_run: bool = False,
                   expected: sync.MergePlan | None = None) -> PackageReport:
    """Merge a package (a path, or one already read) into ``desk``. ``dry_run`` only plans
    (this desk's own pending edits are sealed into revisions; nothing of the package is
    written). A real import backs the desk up first — only when something will change, and
    once for imports in a row (:data:`IMPORT_BACKUP_WINDOW`) — and writes in one transaction
    with the checkpoints of the sending partner; given the ``expected`` plan of an earlier
    dry run (the preview a user saw), it refuses, writing nothing, when the desk has changed
    since."""
    package = source if isinstance(source, Package) else read_package(source)
    m = package.manifest
    name = f"“{m['meeting']['title']}”"
    origin = package.source
    me = checkpoints.renewed_if_behind(desk, m["acks"])
    mine = origin == me
    # A package made for another partner left out what that partner had: it does not
    # complete this desk's copy of the sender's changes, though its records merge as well.
    complete = m["to"] in (None, me)
    try:
        if dry_run:
            plan = sync.preview(desk, package.records, origin)
            return PackageReport(package, plan, written=False)
        backups: list[Path] = []
        recent = _recent_import_backup(desk)
        acks = m["acks"].get(me, {})
        plan = sync.merge_records(
            desk, package.records, origin, expected=expected,
            backup=None if recent else lambda: backups.append(
                backup_desk(desk, "before-package")),
            also=None if mine else lambda db: checkpoints.note_received(
                db, origin, m.get("label", ""), m["scope_key"], m["since"], m["upto"], acks,
                complete=complete))
    except ValidationError as exc:
        raise _refuse(name, exc.message) from None
    logger.info("Imported package of %s: %s", name, plan.counts())
    backup = backups[0] if backups else recent if plan.writes else None
    return PackageReport(package, plan, written=True, backup=backup)
