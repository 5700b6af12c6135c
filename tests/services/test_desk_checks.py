"""The window's way of opening: one fast check before, quick_check after, every write waiting
for its verdict (a damaged file is never written, a foreign trigger never fires)."""

from __future__ import annotations

import contextlib
import hashlib
import shutil
import threading
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest

from meetingdesk.domain.errors import DeskFileError
from meetingdesk.services import directory, notes
from meetingdesk.services.backups import take_backup
from meetingdesk.services.desk_checks import check_after_opening
from meetingdesk.services.session import open_elsewhere, open_session
from meetingdesk.store.desk import open_desk, writes_on_opening
from meetingdesk.store.integrity import CheckCancelled
from tests.fixtures import bad_desks

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"


class AlreadyCancelled:
    """A caller that has cancelled before the check starts."""

    def cancelled(self) -> bool:
        return True

    def interrupting(self, stop: Any) -> Any:
        return contextlib.nullcontext()


def fingerprint(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_desk_checks_healthy_desk_writes_wait_for_the_check_then_go(tmp_path: Path) -> None:
    path = bad_desks.good_desk(tmp_path)
    assert not writes_on_opening(path)
    with open_session(path, create=False, check=True, check_later=True) as work:
        assert work.write_gate is not None and work.may_write
        written = threading.Event()

        def write() -> None:
            with open_desk(path, create=False) as other:  # the draft saver's way
                directory.add_site(other, name="Thái Nguyên")
            written.set()

        writer = threading.Thread(target=write)
        writer.start()
        assert not written.wait(0.3)  # held until the check has passed
        findings = check_after_opening(work)
        writer.join(10)
        assert findings.ok and written.is_set()
        directory.add_site(work.desk, name="Cao Bằng")
        assert [s.name for s in directory.list_sites(work.desk)] == ["Cao Bằng", "Thái Nguyên"]


def test_desk_checks_damage_only_quick_check_finds_is_never_written(tmp_path: Path) -> None:
    path = bad_desks.damaged_search_index(tmp_path)
    before = fingerprint(path)
    with open_session(path, create=False, check=True, check_later=True) as work:
        assert work.write_gate is not None  # opened: the fast checks pass
        findings = check_after_opening(work)
        assert findings.damage and not findings.ok and not work.may_write
        with pytest.raises(DeskFileError, match="bị hỏng") as caught:
            directory.add_site(work.desk, name="Thái Nguyên")
        assert "Khôi phục bản sao lưu" in str(caught.value)
        with pytest.raises(DeskFileError):
            notes.add_note(work.desk, meeting_id=1, text="Không được ghi")
    assert fingerprint(path) == before  # not sealed, not backed up, not written at all
    assert open_elsewhere(path) is None


def test_desk_checks_damage_found_offers_the_newest_good_backup(tmp_path: Path) -> None:
    path = bad_desks.good_desk(tmp_path)
    with open_desk(path) as desk:
        take_backup(desk, "manual", datetime(2026, 3, 2, 8, 0))
    bad_desks.garble_search_index(path)
    with open_session(path, create=False, check=True, check_later=True) as work:
        findings = check_after_opening(work)
    assert findings.damage is not None
    assert findings.newest_good_backup is not None
    assert findings.newest_good_backup.reason == "manual"


def test_desk_checks_foreign_trigger_is_refused_before_opening(tmp_path: Path) -> None:
    path = bad_desks.planted_trigger(tmp_path)
    before = fingerprint(path)
    with pytest.raises(DeskFileError, match="trigger"):
        open_session(path, create=False, check=True, check_later=True)
    assert fingerprint(path) == before
    assert open_elsewhere(path) is None


def test_desk_checks_opening_that_writes_checks_first(tmp_path: Path) -> None:
    """An old schema is migrated on opening: quick_check runs before, as without
    ``check_later``, and no write waits afterwards."""
    path = tmp_path / "old.db"
    shutil.copyfile(FIXTURES / "desk-schema-4.db", path)
    assert writes_on_opening(path)
    with open_session(path, create=False, check=True, check_later=True) as work:
        assert work.write_gate is None and work.may_write


def test_desk_checks_cancelled_check_refuses_writes(tmp_path: Path) -> None:
    path = bad_desks.good_desk(tmp_path)
    before = fingerprint(path)
    with open_session(path, create=False, check=True, check_later=True) as work:
        with pytest.raises(CheckCancelled):
            check_after_opening(work, AlreadyCancelled())
        assert not work.may_write
        with pytest.raises(DeskFileError, match="chưa được kiểm tra xong"):
            directory.add_site(work.desk, name="Thái Nguyên")
    assert fingerprint(path) == before
