"""A paced backup (the window's automatic ones, :class:`meetingdesk.store.backup.Pace`):
written in steps each flushed to the disk, a consistent copy of the desk as it was when it
began while edits commit during it, and nothing left behind when it is cancelled."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

import pytest

from meetingdesk.services import directory
from meetingdesk.store.backup import BackupCancelled, Pace, backup_connection
from meetingdesk.store.desk import Desk, open_desk

STEP = Pace(step_bytes=1, rest=0)
"""One page per step: every step of the copy is a point where an edit can come in."""


def _names(path: Path) -> list[str]:
    conn = sqlite3.connect(path)
    try:
        return [r[0] for r in conn.execute("SELECT name FROM sites ORDER BY id")]
    finally:
        conn.close()


def _page_count(desk: Desk) -> int:
    return int(desk.db.execute("PRAGMA page_count").fetchone()[0])


def test_backup_paced_is_the_desk_as_it_began_while_edits_commit(
        demo_desk: Desk, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    desk = demo_desk
    before = [s.name for s in directory.list_sites(desk)]
    pages = _page_count(desk)
    flushed: list[int] = []
    real_sync = getattr(os, "fdatasync", os.fsync)
    monkeypatch.setattr(os, "fdatasync" if hasattr(os, "fdatasync") else "fsync",
                        lambda fd: (flushed.append(fd), real_sync(fd))[1])
    steps = [0]
    with open_desk(desk.path, create=False) as other:  # another connection of the process

        def between_steps() -> bool:  # an edit commits between every two steps
            steps[0] += 1
            directory.add_site(other, name=f"Sửa trong lúc sao lưu {steps[0]}")
            return False

        target = backup_connection(desk.conn, tmp_path / "b.db", pace=STEP,
                                   cancelled=between_steps)
    assert steps[0] >= pages  # a step per page, never started over
    assert len(flushed) >= pages  # each step flushed to the disk
    assert sorted(_names(target)) == sorted(before)  # none of the edits made during it
    assert not desk.conn.in_transaction  # the read snapshot is let go
    conn = sqlite3.connect(target)
    try:
        assert conn.execute("PRAGMA quick_check").fetchone()[0] == "ok"
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
    finally:
        conn.close()
    assert len(directory.list_sites(desk)) == len(before) + steps[0]  # the edits are kept
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith("b.db")) == ["b.db"]


def test_backup_cancelled_leaves_nothing(demo_desk: Desk, tmp_path: Path) -> None:
    desk = demo_desk
    asked = [0]

    def cancelled() -> bool:
        asked[0] += 1
        return asked[0] > 3  # the user closes the desk after three steps

    folder = tmp_path / "backups"
    with pytest.raises(BackupCancelled):
        backup_connection(desk.conn, folder / "b.db", pace=STEP, cancelled=cancelled)
    assert list(folder.iterdir()) == []
    assert not desk.conn.in_transaction
    directory.add_site(desk, name="Sau khi hủy")  # the desk goes on
    assert backup_connection(desk.conn, folder / "b.db", pace=STEP).exists()
