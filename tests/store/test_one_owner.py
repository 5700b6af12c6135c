"""The rule of :mod:`meetingdesk.store.desk`: while a connection to a desk is open in this
process, nothing in the process opens the desk or its -wal/-shm with plain file I/O (that
would drop the process's POSIX locks and let another program delete the WAL; see
tests/reliability/test_wal_kept.py for the failure between processes) — but the upkeep's flush
of the -wal, which SQLite does not lock.

Every plain ``open`` of the process is watched while the paths the window runs in the
background (a second connection for backups, the draft saver, minutes generation, checks,
exports) are taken with the desk open.
"""

from __future__ import annotations

import builtins
import io
import os
import sys
import time
from collections.abc import Callable, Iterator
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest

from meetingdesk.exchange.export import export_table
from meetingdesk.minutes.generate import generate_minutes
from meetingdesk.services import drafts, notes
from meetingdesk.services.backups import check_at_start, list_backups, take_backup
from meetingdesk.services.demo import build_demo
from meetingdesk.services.health import check_desk
from meetingdesk.services.upkeep import DeskUpkeep
from meetingdesk.store import upkeep
from meetingdesk.store.desk import Desk, holds_connection, inspect_header, open_desk


class PlainIOOnOpenDesk(AssertionError):
    pass


@pytest.fixture
def watched(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A demo desk; any plain open of it or its journal files while it is held fails."""
    path = tmp_path / "hoinghi.db"
    with open_desk(path) as desk:
        build_demo(desk)
    guarded = {os.path.realpath(f"{path}{suffix}") for suffix in ("", "-wal", "-shm",
                                                                   "-journal")}
    wal = os.path.realpath(f"{path}-wal")

    def check(target: Any) -> None:
        if isinstance(target, int):
            return
        target = os.path.realpath(os.fsdecode(target))
        if target == wal and sys._getframe(2).f_code is upkeep.flush_wal.__code__:
            return  # the upkeep's flush: SQLite locks no -wal (test_one_owner_flushing_...)
        if target in guarded and holds_connection(path):
            raise PlainIOOnOpenDesk(f"plain file I/O on {target} while the desk is open")

    real_open, real_os_open = io.open, os.open

    def guarded_open(file: Any, *args: Any, **kwargs: Any) -> Any:
        check(file)
        return real_open(file, *args, **kwargs)

    def guarded_os_open(file: Any, *args: Any, **kwargs: Any) -> int:
        check(file)
        return real_os_open(file, *args, **kwargs)

    monkeypatch.setattr(builtins, "open", guarded_open)
    monkeypatch.setattr(io, "open", guarded_open)
    monkeypatch.setattr(os, "open", guarded_os_open)
    yield path


def test_one_owner_guard_catches_plain_io_on_an_open_desk(watched: Path) -> None:
    """The guard itself works: a plain read of a held desk fails, of a closed one does not."""
    assert watched.read_bytes()[:6] == b"SQLite"
    with open_desk(watched, create=False):
        with pytest.raises(PlainIOOnOpenDesk):
            watched.read_bytes()
        with pytest.raises(RuntimeError, match="plain file I/O"):
            inspect_header(watched)


def _meeting_id(desk: Desk) -> int:
    return int(desk.db.execute("SELECT max(id) FROM meetings").fetchone()[0])


BACKGROUND: dict[str, Callable[[Path, Path], object]] = {
    "backup": lambda path, _tmp: _on_second(path, lambda d: take_backup(d, "auto",
                                                                        datetime.now())),
    "draft": lambda path, _tmp: _on_second(path, lambda d: drafts.save_draft(
        d, meeting_id=_meeting_id(d), text="đang gõ", now=datetime.now())),
    "minutes": lambda path, _tmp: _on_second(path, lambda d: generate_minutes(
        d, _meeting_id(d))),
    "export": lambda path, tmp: _on_second(path, lambda d: export_table(
        d, _meeting_id(d), "attendance", tmp / "out.xlsx")),
    "check": lambda path, _tmp: check_desk(path),
    "check_at_start": lambda path, _tmp: check_at_start(path),
    "list_backups": lambda path, _tmp: list_backups(path),
    "upkeep": lambda path, _tmp: _upkeep_of(path),
}


def _upkeep_of(path: Path) -> None:
    """The window's upkeep on a connection of its own: merges, a checkpoint, flushes."""
    with open_desk(path, create=False) as desk:
        keeper = DeskUpkeep(desk, quiet=0.01)
        try:
            notes.add_note(desk, meeting_id=_meeting_id(desk), text="Ghi chép trong lúc đó")
            end = time.monotonic() + 10
            while keeper.runs() < 1 or keeper.flushes() < 1:
                assert time.monotonic() < end, "the upkeep did not run"
                time.sleep(0.01)
        finally:
            keeper.close()


def _process_locks(*paths: Path) -> list[str]:
    """This process's POSIX locks on ``paths`` (Linux's /proc/locks)."""
    inodes = {os.stat(p).st_ino for p in paths}
    held = []
    with open("/proc/locks", encoding="ascii") as f:
        for line in f:
            fields = line.replace("->", "").split()
            pid, device = int(fields[4]), fields[5]
            if pid == os.getpid() and int(device.split(":")[2]) in inodes:
                held.append(" ".join(fields[1:4] + fields[6:]))
    return sorted(held)


@pytest.mark.skipif(not os.path.exists("/proc/locks"), reason="Linux's /proc/locks")
def test_one_owner_flushing_the_wal_keeps_the_process_locks(tmp_path: Path) -> None:
    """The window's upkeep flushes the -wal by plain file I/O: SQLite locks the desk file and
    its -shm, never the -wal, so closing that descriptor drops none of the process's locks
    (the same open of the -shm drops them all)."""
    path = tmp_path / "hoinghi.db"
    with open_desk(path) as desk:
        build_demo(desk)
        conn = desk.conn
        conn.execute("BEGIN")  # a read transaction: the desk's and the -shm's read locks
        conn.execute("SELECT count(*) FROM meetings").fetchone()
        files = (path, Path(f"{path}-wal"), Path(f"{path}-shm"))
        held = _process_locks(*files)
        assert len(held) >= 2
        upkeep.flush_wal(upkeep.wal_path(conn), folder_too=True)
        assert _process_locks(*files) == held
        os.close(os.open(f"{path}-shm", os.O_RDWR))  # what the rule forbids, for contrast
        assert _process_locks(*files) != held
        conn.execute("ROLLBACK")


def _on_second(path: Path, work: Callable[[Desk], object]) -> object:
    with open_desk(path, create=False) as desk:
        return work(desk)


@pytest.mark.parametrize("work", BACKGROUND.values(), ids=BACKGROUND.keys())
def test_one_owner_background_work_never_opens_a_held_desk(
        work: Callable[[Path, Path], object], watched: Path, tmp_path: Path) -> None:
    with open_desk(watched, create=False) as desk:
        work(watched, tmp_path)
        # the window's own connection still works and still writes
        notes.add_note(desk, meeting_id=_meeting_id(desk), text="Ghi chép sau đó")


def test_one_owner_user_chosen_file_that_is_the_held_desk_is_refused(
        watched: Path, tmp_path: Path) -> None:
    """The window's own file pickers (attach a file, import a list or a package, choose a
    backup) may be pointed at the open desk or its -wal/-shm: refused by inode in one line,
    before any plain open."""
    from meetingdesk.domain.errors import DeskFileError
    from meetingdesk.exchange.packages import read_package
    from meetingdesk.exchange.reader import read_table
    from meetingdesk.services import documents
    from meetingdesk.services.backups import restore_backup

    with open_desk(watched, create=False) as desk:
        doc_id = documents.list_documents(desk)[0].id
        assert doc_id is not None
        alias = tmp_path / "danh-sach.xlsx"
        os.link(watched, alias)  # another name of the held desk: only the inode tells
        for chosen in (watched, Path(f"{watched}-wal"), Path(f"{watched}-shm"), alias):
            readers: list[Callable[[], object]] = [
                lambda c=chosen: documents.attach_file(desk, doc_id, c),
                lambda c=chosen: read_table(c),
                lambda c=chosen: read_package(c),
                lambda c=chosen: restore_backup(tmp_path / "other.db", c, datetime.now()),
            ]
            for read in readers:
                with pytest.raises(DeskFileError, match="là tệp dữ liệu đang mở"):
                    read()
        assert documents.attached_file(desk, doc_id) is None
        notes.add_note(desk, meeting_id=_meeting_id(desk), text="Ghi chép sau đó")
