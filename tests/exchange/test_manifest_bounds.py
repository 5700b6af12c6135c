"""Exchange packages are checked to a bound: the type and range of every manifest field, the
nesting depth of both members (no RecursionError, however deep), the number of records and the
size of the members; every refusal is one line and leaves the desk byte-for-byte unchanged."""

from __future__ import annotations

import hashlib
import json
import subprocess
import sys
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from test_import_lists import demo_meeting_id

from meetingdesk.domain.numbers import vi_number
from meetingdesk.exchange.errors import PackageError
from meetingdesk.exchange.manifest import (
    FORMAT_VERSION,
    MAX_DEPTH,
    MAX_RECORDS,
    MAX_RECORDS_BYTES,
    check_sizes,
    depth,
    text_depth,
)
from meetingdesk.exchange.packages import export_package, read_package
from meetingdesk.store.desk import Desk
from meetingdesk.store.migrations import SCHEMA_VERSION


def _package(desk: Desk, tmp_path: Path) -> Path:
    return export_package(desk, demo_meeting_id(desk), tmp_path / "p.mdpkg",
                          site_code="19") and tmp_path / "p.mdpkg"


def _rewrite(source: Path, target: Path, *, manifest: Callable[[Any], Any] = lambda m: m,
             records: bytes | None = None) -> Path:
    with zipfile.ZipFile(source) as zf:
        head = json.loads(zf.read("manifest.json"))
        body = zf.read("records.json") if records is None else records
    head["members"]["records.json"] = hashlib.sha256(body).hexdigest()
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as zf:
        # "@DEEP@" stands for arrays nested 50,000 deep, which json.dumps cannot write
        zf.writestr("manifest.json", json.dumps(manifest(head)).replace(
            '"@DEEP@"', "[" * 50_000 + "]" * 50_000))
        zf.writestr("records.json", body)
    return target


def _set(path: str, value: Any) -> Callable[[dict[str, Any]], dict[str, Any]]:
    def edit(m: dict[str, Any]) -> dict[str, Any]:
        target = m
        *parents, last = path.split(".")
        for p in parents:
            target = target[p]
        target[last] = value
        return m
    return edit


def _deep(levels: int) -> Any:
    value: Any = "Chủ tịch"
    for _ in range(levels):
        value = [value]
    return value


@pytest.mark.parametrize(("edit", "match"), [
    (_set("format_version", -5), "format_version"),
    (_set("format_version", True), "format_version"),
    (_set("format_version", 1.0), "format_version"),
    (_set("format_version", "1"), "format_version"),
    (_set("format_version", FORMAT_VERSION + 1), "phiên bản MeetingDesk mới hơn"),
    (_set("schema_version", SCHEMA_VERSION + 96), "phiên bản MeetingDesk mới hơn"),
    (_set("schema_version", True), "schema_version"),
    (_set("schema_version", 0), "schema_version"),
    (_set("replica", "x" * 10_000), "replica"),
    (_set("replica", ""), "replica"),
    (_set("created_at", "hôm qua"), "created_at"),
    (_set("meeting.title", "x" * 5_000), "cuộc họp"),
    (_set("meeting.title", "Giao ban\n\x1b[31mĐã ghi vào dữ liệu giả"), "cuộc họp"),
    (_set("label", "Trung ương\u202e\x1b[31m"), "label"),
    (_set("meeting.gid", ["a", -1]), "meeting.gid"),
    (_set("site.code", ["19"]), "site.code"),
    (_set("counts", {"person": -1}), "counts"),
    (_set("counts", {"virus": 1}), "counts"),
    (_set("members", {"records.json": "not a digest"}), "members"),
    (_set("extra", _deep(MAX_DEPTH + 1)), "lồng nhau quá sâu"),
    (_set("extra", "@DEEP@"), r"quá lớn|lồng nhau quá sâu"),
], ids=lambda v: "" if callable(v) else str(v)[:30])
def test_manifest_bounds_each_field_checked(demo_desk: Desk, tmp_path: Path,
                                            edit: Callable[[Any], Any], match: str) -> None:
    bad = _rewrite(_package(demo_desk, tmp_path), tmp_path / "bad.mdpkg", manifest=edit)
    with pytest.raises(PackageError, match=match) as caught:
        read_package(bad)
    assert "\n" not in str(caught.value)


@pytest.mark.parametrize("levels", [MAX_DEPTH + 1, 50_000])
def test_manifest_bounds_deeply_nested_record_field_is_refused(
        demo_desk: Desk, tmp_path: Path, levels: int) -> None:
    source = _package(demo_desk, tmp_path)
    # one record whose field nests ``levels`` deep (a "titles" list inside lists)
    body = (b'[{"kind":"person","titles":' + b"[" * levels + b'"x"' + b"]" * levels + b"}]")
    bad = _rewrite(source, tmp_path / "deep.mdpkg", records=body)
    with pytest.raises(PackageError, match=r"lồng nhau quá sâu|không phải JSON hợp lệ"):
        read_package(bad)


def test_manifest_bounds_deep_nesting_through_the_cli_is_one_line(
        demo_desk: Desk, tmp_path: Path) -> None:
    source = _package(demo_desk, tmp_path)
    body = b'[{"kind":"person","ref":["x",1],"data":{"titles":' + b"[" * 50_000 + b"]" * 50_000
    body += b"}}]"
    bad = _rewrite(source, tmp_path / "deep.mdpkg", records=body)
    demo_desk.close()
    before = hashlib.sha256(demo_desk.path.read_bytes()).hexdigest()
    result = subprocess.run([sys.executable, "-m", "meetingdesk", "import-package", str(bad),
                             "--db", str(demo_desk.path)], capture_output=True, text=True,
                            encoding="utf-8", timeout=120,
                            env={"MEETINGDESK_LANG": "vi", "PATH": "/usr/bin:/bin"})
    assert result.returncode == 1
    assert len(result.stderr.strip().splitlines()) == 1 and "bị từ chối" in result.stderr
    assert hashlib.sha256(demo_desk.path.read_bytes()).hexdigest() == before


def test_manifest_bounds_too_many_records_are_refused_before_parsing(
        demo_desk: Desk, tmp_path: Path) -> None:
    body = ("[" + ",".join(["{}"] * (MAX_RECORDS + 1)) + "]").encode()
    bad = _rewrite(_package(demo_desk, tmp_path), tmp_path / "many.mdpkg", records=body)
    with pytest.raises(PackageError, match=f"quá giới hạn {vi_number(MAX_RECORDS)}"):
        read_package(bad)


def test_manifest_bounds_member_sizes() -> None:
    with pytest.raises(PackageError, match="danh sách bản ghi quá lớn"):
        check_sizes("p.mdpkg", b"{}", b" " * (MAX_RECORDS_BYTES + 1))
    with pytest.raises(PackageError, match="bản kê quá lớn"):
        check_sizes("p.mdpkg", b" " * (1 << 20), b"[]")
    check_sizes("p.mdpkg", b"{}", b"[]")


def test_manifest_bounds_depth_counts_without_recursion() -> None:
    assert depth("x", 8) == 0
    assert depth({"a": [1, {"b": []}]}, 8) == 4
    assert depth(_deep(100_000), 8) == 9


@pytest.mark.parametrize("value", [
    "x", [], {"a": [1, {"b": []}]}, _deep(40), [{"t": "[[[{{\"]]"}, ["\\", ["]"]]],
    [{"gid": "g", "state": {"v": {"r": 1}, "f": {"text": [["Ý “kiến” [1]", "r", 1, ""]]}}}],
])
def test_manifest_bounds_text_depth_agrees_with_depth(value: Any) -> None:
    text = json.dumps(value, ensure_ascii=False).encode("utf-8")
    assert text_depth(text) == depth(value, 1_000)
