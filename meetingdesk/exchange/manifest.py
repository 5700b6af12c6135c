"""The bounds of an exchange package, checked before anything in it is used.

Every field of ``manifest.json`` is checked for its type and range (``format_version`` must be
the integer this version reads: ``-5``, ``true`` or ``1.0`` are refused; a ``schema_version``
above this program's is a package of a newer MeetingDesk), and both members for their size
and nesting depth, without recursion, so no package can exhaust the stack or the memory.

Limits (also in the README):

* ``manifest.json``: at most :data:`MAX_MANIFEST_BYTES`, nested at most :data:`MAX_DEPTH`;
* ``records.json``: at most :data:`MAX_RECORDS_BYTES` and :data:`MAX_RECORDS` records, nested
  at most :data:`MAX_DEPTH`. A province's part of a meeting or a meeting's whole setup holds
  a few thousand records. Measured on a 2-core machine under load: 20,000 records (8.4 MB)
  read in 5.5 s and planned in 13 s with a peak of 138 MB; 60,000 took 21 s + 34 s and 335 MB
  (the issue measured 400,000 at 146 s and 692 MB).
"""

from __future__ import annotations

import itertools
import re
from datetime import datetime
from typing import Any

from meetingdesk.domain.messages import Message, message
from meetingdesk.exchange.errors import PackageError
from meetingdesk.services.wire import is_gid as _gid
from meetingdesk.services.wire import kinds as _kinds
from meetingdesk.services.wire import schema_version as _schema_version

FORMAT = "meetingdesk-exchange"
FORMAT_VERSION = 2
MANIFEST = "manifest.json"
RECORDS = "records.json"
MAX_MANIFEST_BYTES = 64 * 1024
MAX_RECORDS_BYTES = 16 * 1024 * 1024
MAX_RECORDS = 20_000
MAX_DEPTH = 8
"""Arrays and objects inside one another: a record is
``[{state: {f: {field: [[value, …]]}}}]``, 6 deep."""
MAX_TEXT = 2_000
"""Characters of a manifest text (a meeting's title is at most 2,000)."""

_HEX64 = re.compile(r"[0-9a-f]{64}")
_ID = re.compile(r"[0-9A-Za-z-]{1,64}")
_SCOPE = re.compile(r"(meeting:[0-9a-f-]{36}|site:[0-9a-f-]{36}:[0-9a-f-]{36})")
MAX_PARTNERS = 1_000


def refused(name: str, why: Message) -> PackageError:
    return PackageError("manifest.package_refused", name=name, why=why)


def depth(value: Any, limit: int) -> int:
    """How deeply arrays and objects nest in ``value``, counted up to ``limit + 1``
    (iteratively: a hostile file cannot exhaust the stack)."""
    if not isinstance(value, dict | list):
        return 0
    deepest = 0
    stack: list[tuple[Any, int]] = [(value, 1)]  # only arrays and objects go on the stack
    while stack:
        item, level = stack.pop()
        if level > deepest:
            deepest = level
            if level > limit:
                return level
        for child in item.values() if isinstance(item, dict) else item:
            if isinstance(child, dict | list):
                stack.append((child, level + 1))
    return deepest


_JSON_STRING = re.compile(rb'"[^"\\]*(?:\\.[^"\\]*)*"', re.DOTALL)
_NOT_BRACKETS = bytes(c for c in range(256) if c not in b"[]{}")
_STEP = [0] * 256
_STEP[ord("[")] = _STEP[ord("{")] = 1
_STEP[ord("]")] = _STEP[ord("}")] = -1


def text_depth(text: bytes) -> int:
    """How deeply arrays and objects nest in a JSON text that parsed, from the text itself:
    its strings (which may hold brackets) taken out, then the brackets counted — passes in C,
    where :func:`depth` visits every array and object of a large record list in Python. Only
    for a text known to parse: on a broken one the string pattern could take long."""
    brackets = _JSON_STRING.sub(b"", text).translate(None, _NOT_BRACKETS)
    return max(itertools.accumulate(map(_STEP.__getitem__, brackets)), default=0)


def check_sizes(name: str, head: bytes, body: bytes) -> None:
    """Refuse members larger than the limits, before they are parsed."""
    if len(head) > MAX_MANIFEST_BYTES:
        raise refused(name, message("manifest.manifest_too_large_bytes", size=len(head),
                                    limit=MAX_MANIFEST_BYTES))
    if len(body) > MAX_RECORDS_BYTES:
        raise refused(name, message("manifest.record_list_too_large",
                                    size=len(body) // 1048576,
                                    limit=MAX_RECORDS_BYTES // 1048576))


def _int(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _text(value: Any, *, empty: bool = False, limit: int = MAX_TEXT) -> bool:
    return isinstance(value, str) and (empty or value.strip() != "") and len(value) <= limit


def _time(value: Any) -> bool:
    if not _text(value, limit=40):
        return False
    try:
        datetime.fromisoformat(value)
    except ValueError:
        return False
    return True


def _seq(value: Any) -> bool:
    return _int(value) and 0 <= value < 1 << 62


def _acks(value: Any) -> bool:
    """``{partner replica: {scope: sequence number}}``."""
    return isinstance(value, dict) and len(value) <= MAX_PARTNERS and all(
        isinstance(k, str) and _ID.fullmatch(k) and isinstance(v, dict)
        and len(v) <= MAX_PARTNERS
        and all(isinstance(sk, str) and _SCOPE.fullmatch(sk) and _seq(n) for sk, n in v.items())
        for k, v in value.items())


_FIELDS = {
    "format_version": message("manifest.format_version"),
    "schema_version": message("manifest.schema_version"),
    "members": message("manifest.list_members"),
    "replica": message("manifest.sending_desk_replica_id"),
    "label": message("manifest.sending_desk_name"),
    "to": message("manifest.receiving_desk"),
    "scope": message("manifest.scope"),
    "scope_key": message("manifest.scope_key"),
    "since": message("manifest.change_covered"),
    "upto": message("manifest.last_change_covered"),
    "acks": message("manifest.acknowledgements"),
    "created_at": message("manifest.time_made"),
    "meeting.planned_start": message("manifest.meeting_planned_start"),
    "meeting.gid": message("manifest.meeting_global_id"),
    "site.code": message("manifest.site_code"),
    "site.gid": message("manifest.site_global_id"),
    "counts": message("manifest.record_counts"),
}


def check_manifest(name: str, manifest: Any) -> dict[str, Any]:
    """The manifest, every field checked for type and range; else a :class:`PackageError`
    naming the first field that is wrong."""

    def bad(field: str) -> PackageError:
        what = _FIELDS.get(field) or message("common.verbatim", text=field)
        return refused(name, message("manifest.field_invalid", what=what, field=field))

    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
        raise refused(name, message("manifest.not_a_package"))
    if depth(manifest, MAX_DEPTH) > MAX_DEPTH:
        raise refused(name, message("manifest.manifest_nested_too_deeply"))
    version = manifest.get("format_version")
    if not _int(version) or version < 1:
        raise bad("format_version")
    if version < FORMAT_VERSION:
        raise refused(name, message("manifest.old_format_version_without", version=version))
    schema = manifest.get("schema_version")
    if not _int(schema) or schema < 1:
        raise bad("schema_version")
    if version > FORMAT_VERSION or schema > _schema_version():
        raise refused(name, message("manifest.made_newer_meetingdesk_please"))
    members = manifest.get("members")
    if (not isinstance(members, dict) or set(members) != {RECORDS}
            or not isinstance(members[RECORDS], str) or not _HEX64.fullmatch(members[RECORDS])):
        raise bad("members")
    for field, ok in (("replica", lambda v: isinstance(v, str) and _ID.fullmatch(v)),
                      ("label", lambda v: _text(v, empty=True, limit=500)),
                      ("to", lambda v: v is None or (isinstance(v, str) and _ID.fullmatch(v))),
                      ("scope", lambda v: v in ("site", "meeting")),
                      ("scope_key", lambda v: isinstance(v, str) and _SCOPE.fullmatch(v)),
                      ("since", _seq), ("upto", _seq), ("acks", _acks)):
        if not ok(manifest.get(field)):
            raise bad(field)
    if "created_at" in manifest and not _time(manifest["created_at"]):
        raise bad("created_at")
    meeting = manifest.get("meeting")
    if not isinstance(meeting, dict) or not _text(meeting.get("title")):
        raise refused(name, message("manifest.no_meeting_title"))
    if meeting.get("planned_start") is not None and not _time(meeting["planned_start"]):
        raise bad("meeting.planned_start")
    if not _gid(meeting.get("gid")):
        raise bad("meeting.gid")
    site = manifest.get("site")
    if manifest["scope"] == "site":
        if not isinstance(site, dict) or not _text(site.get("name")):
            raise refused(name, message("manifest.no_site"))
        if site.get("code") is not None and not _text(site["code"], limit=100):
            raise bad("site.code")
        if not _gid(site.get("gid")):
            raise bad("site.gid")
    counts = manifest.get("counts", {})
    if not isinstance(counts, dict) or any(
            k not in _kinds() or not _int(n) or not 0 <= n <= MAX_RECORDS
            for k, n in counts.items()):
        raise bad("counts")
    return manifest


def check_records(name: str, raw: Any, text: bytes) -> list[Any]:
    """The record list parsed from ``text``, checked for its shape, count and depth (each
    record's fields are checked by :func:`meetingdesk.services.wire.parse_record`)."""
    if not isinstance(raw, list):
        raise refused(name, message("manifest.record_list_invalid"))
    if len(raw) > MAX_RECORDS:
        raise refused(name, message("manifest.holds_records_above_limit", count=len(raw),
                                    limit=MAX_RECORDS))
    if text_depth(text) > MAX_DEPTH:
        raise refused(name, message("manifest.records_nested_too_deeply"))
    return raw
