"""Site exchange packages (``.mdpkg``): a ZIP holding ``manifest.json`` and ``records.json``.

The manifest names the format and its version, the desk schema version, the source desk id,
the meeting (ref, title, planned start), the scope — ``site`` (a province's part of a meeting)
or ``setup`` (the centre's meeting setup) — and the sha256 of every other member. Reading a
package goes through :mod:`~meetingdesk.exchange.zipguard` (no extraction, limits counted on
bytes actually read); a member missing, extra, or whose digest differs is refused before
anything is merged. Merging is :mod:`meetingdesk.services.sync`'s.
"""

from __future__ import annotations

import hashlib
import json
import logging
import zipfile
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from meetingdesk.domain.errors import MeetingDeskError, ValidationError
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
from meetingdesk.services import directory, meetings, sync, wire
from meetingdesk.services.bulk import backup_desk
from meetingdesk.services.files import replacing
from meetingdesk.store.desk import Desk

logger = logging.getLogger(__name__)

SUFFIX = ".mdpkg"


@dataclass(frozen=True, slots=True)
class Package:
    manifest: dict[str, Any]
    records: list[wire.WireRecord]

    @property
    def scope(self) -> str:
        return str(self.manifest["scope"])

    @property
    def source(self) -> str:
        return str(self.manifest["desk_id"])


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
                   site_code: str | None = None) -> Package:
    """Write a meeting's part for one site (``site_code``), or its whole setup, to ``path``.

    The file appears only once complete (written beside it, then renamed).
    """
    path = Path(path)
    meeting = meetings.get_meeting(desk, meeting_id)
    manifest: dict[str, Any] = {
        "format": FORMAT, "format_version": FORMAT_VERSION, "schema_version": wire.schema_version(),
        "desk_id": wire.desk_id(desk), "created_at": datetime.now().isoformat(timespec="seconds"),
        "meeting": {"title": meeting.title,
                    "planned_start": meeting.planned_start.isoformat()
                    if meeting.planned_start else None},
    }
    if site_code:
        site = directory.find_site(desk, site_code)
        if site is None or site.id is None:
            raise PackageError(f"Không có điểm cầu nào có mã hoặc tên “{site_code}”.",
                               f"No site has the code or name “{site_code}”.")
        records = wire.meeting_part(desk, meeting_id, site.id)
        if not any(r.kind == "meeting_site" for r in records):
            raise PackageError(f"Điểm cầu {site.name} không tham gia cuộc họp này.",
                               f"The site {site.name} does not take part in this meeting.")
        manifest["scope"] = "site"
        manifest["site"] = {"name": site.name, "code": site.code,
                            "ref": list(next(r.ref for r in records if r.kind == "site"
                                             and r.data["name"] == site.name))}
    else:
        records = wire.meeting_setup(desk, meeting_id)
        manifest["scope"] = "setup"
    manifest["meeting"]["ref"] = list(next(r.ref for r in records if r.kind == "meeting"))
    body = json.dumps([r.to_json() for r in records], ensure_ascii=False,
                      separators=(",", ":")).encode("utf-8")
    manifest["members"] = {RECORDS: _sha256(body)}
    manifest["counts"] = {k: sum(1 for r in records if r.kind == k) for k in wire.ORDER}
    head = json.dumps(manifest, ensure_ascii=False, indent=1).encode("utf-8")
    with replacing(path) as tmp, zipfile.ZipFile(tmp, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr(MANIFEST, head)
        zf.writestr(RECORDS, body)
    logger.info("Exported %d records of meeting %d to %s", len(records), meeting_id, path)
    return Package(manifest, records)


def _json(name: str, member: str, data: bytes) -> Any:
    try:
        return json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError):
        raise _refuse(name, f"{member} không phải JSON hợp lệ",
                      f"{member} is not valid JSON") from None


def read_package(path: str | Path) -> Package:
    """Open, check and parse a package; raises :class:`PackageError` (or a hostile-file
    error) for anything damaged, tampered with, unsafe or unknown."""
    path = Path(path)
    name = path.name
    with open_zip(path) as z:
        if set(z.members) != {MANIFEST, RECORDS}:
            raise _refuse(name, "thành phần trong gói không đúng",
                          "its members are not the expected ones")
        head, body = z.read(MANIFEST), z.read(RECORDS)
    check_sizes(name, head, body)
    manifest = check_manifest(name, _json(name, MANIFEST, head))
    if _sha256(body) != manifest["members"][RECORDS]:
        raise _refuse(name, f"mã băm sha256 của {RECORDS} không khớp (gói đã bị sửa hoặc hỏng)",
                      f"the sha256 of {RECORDS} does not match (tampered with or damaged)")
    raw = check_records(name, _json(name, RECORDS, body))
    try:
        records = [wire.parse_record(r) for r in raw]
    except MeetingDeskError as exc:
        raise _refuse(name, exc.vi, exc.en) from None
    return Package(manifest, records)


def import_package(desk: Desk, source: str | Path | Package, *, dry_run: bool = False,
                   expected: sync.MergePlan | None = None) -> PackageReport:
    """Merge a package (a path, or one already read) into ``desk``: new records added, changed
    ones updated, conflicts reported and left as they are. ``dry_run`` only plans. A real
    import backs the desk up first and writes in one transaction; given the ``expected`` plan
    of an earlier dry run (the preview a user saw), it refuses, writing nothing, when the desk
    has changed since."""
    package = source if isinstance(source, Package) else read_package(source)
    name = package.manifest["meeting"]["title"]
    try:
        _, plan = sync.plan_merge(desk, package.records)
    except MeetingDeskError as exc:
        raise _refuse(f"“{name}”", exc.vi, exc.en) from None
    if dry_run:
        return PackageReport(package, plan, written=False)
    backups: list[Path] = []
    try:
        plan = sync.apply_merge(desk, package.records, expected or plan,
                                backup=lambda: backups.append(backup_desk(desk, "before-package")))
    except ValidationError as exc:
        raise _refuse(f"“{name}”", exc.vi, exc.en) from None
    logger.info("Imported package of %s: %s", name, plan.counts())
    return PackageReport(package, plan, written=True, backup=backups[0] if backups else None)
