"""Bad files — truncated, not SQLite, another program's, newer, a folder, missing — are refused
with a DeskFileError and left exactly as they were, with nothing created beside them."""

from __future__ import annotations

import hashlib
import importlib.util
from collections.abc import Callable
from pathlib import Path
from types import ModuleType

import pytest

from meetingdesk.domain.errors import DeskFileError, set_language
from meetingdesk.store.desk import open_desk

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"


def _load(name: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location(name, FIXTURES / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


bad_desks = _load("bad_desks")


def fingerprint(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest() if path.is_file() else "-"


OPENINGS: dict[str, dict[str, bool]] = {
    "write": {},
    "existing_only": {"create": False},
    "read_only": {"read_only": True},
}


@pytest.mark.parametrize("opening", OPENINGS, ids=str)
@pytest.mark.parametrize("make", bad_desks.BAD_FILES.values(), ids=bad_desks.BAD_FILES.keys())
def test_open_desk_refuses_bad_file_and_leaves_it_unchanged(
        make: Callable[[Path], Path], opening: str, tmp_path: Path) -> None:
    path = make(tmp_path)
    before = fingerprint(path)
    with pytest.raises(DeskFileError) as caught:
        open_desk(path, **OPENINGS[opening])
    assert fingerprint(path) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == [path.name]
    message = str(caught.value)
    assert str(path) in message and "\n" not in message


@pytest.mark.parametrize("opening", ["existing_only", "read_only"])
def test_open_desk_missing_file_is_refused_and_not_created(opening: str, tmp_path: Path) -> None:
    path = bad_desks.missing(tmp_path)
    with pytest.raises(DeskFileError):
        open_desk(path, **OPENINGS[opening])
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize(("make", "vi", "en"), [
    (bad_desks.truncated_at_a_page, "bị cắt cụt", "truncated"),
    (bad_desks.text_file, "không phải tệp dữ liệu MeetingDesk", "not a MeetingDesk desk file"),
    (bad_desks.another_programs_file, "chương trình khác", "another program"),
    (bad_desks.another_programs_file_with_a_high_version, "chương trình khác",
     "another program"),
    (bad_desks.empty_file, "tệp rỗng, không phải tệp dữ liệu MeetingDesk", "file is empty"),
    (bad_desks.planted_trigger, "trigger wipe_notes (lạ)", "trigger wipe_notes (unknown)"),
    (bad_desks.planted_view, "view all_people (lạ)", "view all_people (unknown)"),
    (bad_desks.planted_table_and_index, "bảng stash (lạ), chỉ mục notes_text (lạ)",
     "table stash (unknown), index notes_text (unknown)"),
    (bad_desks.altered_table, "bảng notes (bị sửa)", "table notes (altered)"),
    (bad_desks.newer_user_version, "phiên bản MeetingDesk mới hơn", "newer MeetingDesk"),
    (bad_desks.newer_migration_recorded, "phiên bản MeetingDesk mới hơn", "newer MeetingDesk"),
    (bad_desks.a_directory, "thư mục", "folder"),
], ids=lambda v: getattr(v, "__name__", ""))
def test_open_desk_refusal_says_why_in_both_languages(
        make: Callable[[Path], Path], vi: str, en: str, tmp_path: Path) -> None:
    with pytest.raises(DeskFileError) as caught:
        open_desk(make(tmp_path))
    assert vi in str(caught.value)
    set_language("en")
    try:
        assert en in str(caught.value)
    finally:
        set_language("vi")
