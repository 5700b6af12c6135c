"""The desk's upkeep in its own thread (services.upkeep): the search index merged and the WAL
checkpointed while the window pauses, and the WAL flushed after each of the window's commits,
never inside one of them."""

from __future__ import annotations

import errno
import itertools
import os
import sqlite3
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from meetingdesk.domain.errors import StorageError
from meetingdesk.services import meetings, notes
from meetingdesk.services import upkeep as upkeep_service
from meetingdesk.services.session import second_connection
from meetingdesk.services.upkeep import DeskUpkeep
from meetingdesk.store import upkeep
from meetingdesk.store.desk import Desk
from meetingdesk.store.immediate import immediate


def merge_pending(desk: Desk) -> bool:
    """Whether the search index has merging to do (found by doing it, then rolled back)."""
    conn = desk.conn
    conn.execute("BEGIN IMMEDIATE")
    try:
        return upkeep.merge_search_index(conn)
    finally:
        conn.execute("ROLLBACK")


def wait_for(condition: Callable[[], bool], seconds: float = 10.0) -> None:
    end = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < end, "timed out"
        time.sleep(0.01)


def edit_a_note(desk: Desk, times: int) -> None:
    mid = meetings.list_meetings(desk)[0].meeting.id
    note = notes.notes_of(desk, mid)[0]
    assert note.id is not None
    for i in range(times):  # each in its transaction: a segment of the index each
        notes.update_note(desk, note.id, text=f"{note.text} (lần sửa {i})")


def test_upkeep_merges_the_search_index_and_checkpoints_the_wal_after_a_pause(
        demo_desk: Desk) -> None:
    assert upkeep.checkpoints_itself(demo_desk.conn)
    keeper = DeskUpkeep(demo_desk, quiet=0.05)
    try:
        assert not upkeep.checkpoints_itself(demo_desk.conn)  # the upkeep does it now
        wait_for(lambda: keeper.runs() >= 1)  # once after opening
        edit_a_note(demo_desk, 12)
        assert merge_pending(demo_desk)  # left for a later commit of the window, else
        keeper.written()
        wait_for(lambda: keeper.runs() >= 2)
        assert not merge_pending(demo_desk)
        done = keeper.last_checkpoint
        assert done is not None and done.frames > 0 and done.copied == done.frames
    finally:
        keeper.close()


def test_upkeep_runs_once_after_opening(demo_desk: Desk) -> None:
    edit_a_note(demo_desk, 12)  # merges the desk came with
    assert merge_pending(demo_desk)
    keeper = DeskUpkeep(demo_desk, quiet=0.05)
    try:
        wait_for(lambda: keeper.runs() >= 1)
        assert not merge_pending(demo_desk)
    finally:
        keeper.close()


def test_upkeep_waits_for_the_pause(demo_desk: Desk) -> None:
    keeper = DeskUpkeep(demo_desk, quiet=30, longest=60)
    try:
        edit_a_note(demo_desk, 6)
        keeper.written()
        time.sleep(0.2)
        assert keeper.runs() == 0 and merge_pending(demo_desk)
    finally:
        keeper.close()  # does not wait for the pause


def test_upkeep_runs_at_the_latest_after_longest_without_a_pause(demo_desk: Desk) -> None:
    keeper = DeskUpkeep(demo_desk, quiet=30, longest=0.1)
    try:
        edit_a_note(demo_desk, 6)
        keeper.written()
        wait_for(lambda: keeper.runs() >= 1)
        assert not merge_pending(demo_desk)
    finally:
        keeper.close()



def test_upkeep_gives_way_to_the_window_at_once(demo_desk: Desk,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    started = threading.Event()
    slices = itertools.count()

    def long_slice(conn: sqlite3.Connection, pages: int = 64) -> bool:
        """The first slice holds the write lock far longer than the window waits below (2 s),
        so only the interrupt lets the window in; the next ones find nothing to merge. It is
        long, not endless: an interrupt lost to a race with the statement's start would
        otherwise hang the suite (SQLite drops an interrupt when no statement runs)."""
        if next(slices):
            return False
        conn.set_progress_handler(lambda: started.set() or 0, 1000)  # set once it runs
        try:
            conn.execute("WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c "
                         "LIMIT 2000000000) SELECT count(*) FROM c").fetchone()
        finally:
            conn.set_progress_handler(None, 0)
        return True

    monkeypatch.setattr(upkeep, "merge_search_index", long_slice)
    keeper = DeskUpkeep(demo_desk, quiet=0.01)
    try:
        assert started.wait(10)
        time.sleep(0.2)  # the statement under way
        keeper.give_way()
        demo_desk.conn.execute("PRAGMA busy_timeout = 2000")  # not the slice's end
        with demo_desk.transaction():  # the write lock, once the slice has rolled back
            pass
        wait_for(lambda: keeper.runs() >= 1)  # and it went on to the checkpoint
    finally:
        keeper.close()


def test_upkeep_flushes_the_wal_after_each_commit_without_waiting_for_a_pause(
        demo_desk: Desk, monkeypatch: pytest.MonkeyPatch) -> None:
    flushed = threading.Semaphore(0)
    real_flush = upkeep.flush_wal

    def flush(wal: Path, *, folder_too: bool = False) -> None:
        real_flush(wal, folder_too=folder_too)
        flushed.release()

    monkeypatch.setattr(upkeep, "flush_wal", flush)
    synchronous = lambda: demo_desk.db.execute("PRAGMA synchronous").fetchone()[0]  # noqa: E731
    keeper = DeskUpkeep(demo_desk, quiet=30, longest=60)  # no pause: the upkeep itself waits
    try:
        assert synchronous() == 1  # the window's commits no longer wait for the disk
        for times in (1, 3):
            edit_a_note(demo_desk, times)
            assert flushed.acquire(timeout=10)  # each time, while the window goes on writing
        assert keeper.runs() == 0
    finally:
        keeper.close()
    assert synchronous() == 2  # FULL again for what the window writes after


@pytest.mark.skipif(not Path("/proc/self/fd").is_dir(), reason="Linux's /proc/self/fd")
def test_upkeep_flush_reaches_the_disk_of_the_wal_sqlite_writes_through_a_symlink(
        demo_desk: Desk, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A desk opened through a symbolic link has its WAL beside the file the link names:
    that file is the one fsynced (and its folder, once)."""
    link = tmp_path / "elsewhere" / "lienket.db"
    link.parent.mkdir()
    link.symlink_to(demo_desk.path)
    synced: list[str] = []
    real_fsync = os.fsync

    def fsync(fd: int) -> None:
        synced.append(os.readlink(f"/proc/self/fd/{fd}"))
        real_fsync(fd)

    monkeypatch.setattr(os, "fsync", fsync)
    with second_connection(link) as desk:
        keeper = DeskUpkeep(desk, quiet=30, longest=60)
        try:
            edit_a_note(desk, 1)
            wait_for(lambda: keeper.flushes() >= 1)
        finally:
            keeper.close()
    real = demo_desk.path.resolve()
    assert synced[:2] == [f"{real}-wal", str(real.parent)]


def test_upkeep_flushes_a_commit_made_during_a_flush_before_it_closes(
        demo_desk: Desk, monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[float] = []
    started, release = threading.Event(), threading.Event()

    def slow_flush(_wal: Path, *, folder_too: bool = False) -> None:
        calls.append(time.monotonic())
        started.set()
        release.wait(10)

    monkeypatch.setattr(upkeep, "flush_wal", slow_flush)
    keeper = DeskUpkeep(demo_desk, quiet=30, longest=60)
    try:
        edit_a_note(demo_desk, 1)
        assert started.wait(10)  # the first flush under way
        edit_a_note(demo_desk, 1)  # committed after the flush began: it needs one more
    finally:
        release.set()
        keeper.close()
    assert len(calls) == 2


def test_upkeep_closing_flushes_what_was_committed_without_telling_it(
        demo_desk: Desk, monkeypatch: pytest.MonkeyPatch) -> None:
    """The sealing before the closing backup commits on the window's connection outside
    ``Desk.transaction``: closing flushes it."""
    calls: list[float] = []
    monkeypatch.setattr(upkeep, "flush_wal",
                        lambda _wal, folder_too=False: calls.append(time.monotonic()))
    keeper = DeskUpkeep(demo_desk, quiet=30, longest=60)
    try:
        with immediate(demo_desk.conn):
            demo_desk.db.execute("UPDATE meetings SET title = title || '.'")
        committed = time.monotonic()
    finally:
        keeper.close()
    assert calls and calls[-1] > committed


def test_upkeep_failed_flush_is_told_and_the_commits_wait_for_the_disk_again(
        demo_desk: Desk, monkeypatch: pytest.MonkeyPatch) -> None:
    def full(_wal: Path, *, folder_too: bool = False) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(upkeep, "flush_wal", full)
    told: list[StorageError] = []
    keeper = DeskUpkeep(demo_desk, quiet=30, longest=60, failed=told.append)
    synchronous = lambda: demo_desk.db.execute("PRAGMA synchronous").fetchone()[0]  # noqa: E731
    try:
        edit_a_note(demo_desk, 1)
        wait_for(lambda: bool(told))
        assert keeper.flushes() == 0
        (error,) = told
        assert error.cause == "SQLITE_FULL"
        assert "ổ đĩa đã đầy" in str(error) and "xuống ổ đĩa" in str(error)
        assert synchronous() == 1
        edit_a_note(demo_desk, 1)  # the next commit puts FULL back, for the ones after it
        assert synchronous() == 2
    finally:
        keeper.close()
    assert len(told) == 1  # not tried again


def _wal_salt(desk: Desk) -> bytes:
    """The salt of the WAL's header, which SQLite draws anew each time it restarts the WAL."""
    with open(f"{desk.path}-wal", "rb") as f:  # plain I/O on the -wal: SQLite locks none
        return f.read(24)[16:24]


def test_upkeep_restarts_the_wal_itself_after_copying_all_of_it_back(demo_desk: Desk) -> None:
    """The first commit after a checkpoint that copied the whole WAL back would restart the
    WAL and sync its new header, under NORMAL too: the upkeep's connection does it, so the
    window's first edit after a pause does not."""
    keeper = DeskUpkeep(demo_desk, quiet=0.05, longest=60)
    try:
        wait_for(lambda: keeper.runs() >= 1)
        edit_a_note(demo_desk, 2)
        keeper.written()
        wait_for(lambda: keeper.runs() >= 2)
        done = keeper.last_checkpoint
        assert done is not None and done.whole
        restarted = _wal_salt(demo_desk)
        edit_a_note(demo_desk, 1)  # the window's first edit after the pause
        assert _wal_salt(demo_desk) == restarted  # appended to the WAL the upkeep restarted
    finally:
        keeper.close()


@pytest.mark.skipif(not Path("/proc/self/fd").is_dir(), reason="Linux's /proc/self/fd")
def test_upkeep_flush_leaves_a_folder_the_file_system_will_not_flush(
        demo_desk: Desk, monkeypatch: pytest.MonkeyPatch) -> None:
    """As SQLite does: a folder whose fsync is refused (some network and FUSE file systems)
    is no failure of the flush; the WAL's own is."""
    real_fsync = os.fsync

    def fsync(fd: int) -> None:
        if os.path.isdir(f"/proc/self/fd/{fd}"):
            raise OSError(errno.EINVAL, "Invalid argument")
        real_fsync(fd)

    monkeypatch.setattr(os, "fsync", fsync)
    told: list[StorageError] = []
    keeper = DeskUpkeep(demo_desk, quiet=30, longest=60, failed=told.append)
    try:
        edit_a_note(demo_desk, 1)
        wait_for(lambda: keeper.flushes() >= 1)
    finally:
        keeper.close()
    assert told == []


def test_upkeep_loads_what_writing_needs_shortly_after_opening(demo_desk: Desk,
                                                               tmp_path: Path) -> None:
    """sqlite-utils, which the window's start no longer loads, is loaded by the upkeep's
    thread half a second after opening, before any write and long before its first pause."""
    path = demo_desk.path
    demo_desk.close()
    code = (
        "import sys, time\n"
        "from pathlib import Path\n"
        "from meetingdesk.services import upkeep\n"
        "from meetingdesk.store.desk import open_desk\n"
        f"desk = open_desk(Path(r'{path}'), create=False)\n"
        "keeper = upkeep.DeskUpkeep(desk, quiet=60.0)\n"
        "before = 'sqlite_utils' in sys.modules\n"
        "time.sleep(upkeep.LOAD_AFTER_S + 0.5)\n"
        "print(before, 'sqlite_utils' in sys.modules, desk._db is None, keeper.runs())\n"
        "keeper.close()\n"
        "desk.close()\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            timeout=60, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["False", "True", "True", "0"]


def test_upkeep_flushes_on_when_loading_what_writing_needs_fails(
        demo_desk: Desk, monkeypatch: pytest.MonkeyPatch) -> None:
    """A failed load (a damaged install) is logged; the thread lives on to flush the WAL."""
    loaded = threading.Event()

    def broken() -> None:
        loaded.set()
        raise ImportError("No module named 'sqlite_utils'")

    monkeypatch.setattr(upkeep_service, "load_writing", broken)
    monkeypatch.setattr(upkeep_service, "LOAD_AFTER_S", 0.0)
    keeper = DeskUpkeep(demo_desk, quiet=30, longest=60)
    try:
        assert loaded.wait(timeout=10)
        flushes = keeper.flushes()
        edit_a_note(demo_desk, 1)
        wait_for(lambda: keeper.flushes() > flushes)
    finally:
        keeper.close()
