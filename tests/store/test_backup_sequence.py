"""How far a backup's sequence went, read before each import of a row (store/revisions)."""

from __future__ import annotations

import os
from pathlib import Path

from meetingdesk.services import directory
from meetingdesk.store import revisions
from meetingdesk.store.backup import backup_connection
from meetingdesk.store.desk import Desk
from meetingdesk.store.sealing import seal


def _sealed_backup(desk: Desk, name: str, target: Path) -> int:
    directory.add_site(desk, name=name)
    with desk.transaction() as db:
        seal(db)
    backup_connection(desk.conn, target)
    return revisions.last_seq(desk.db)


def test_last_seq_in_reads_a_backup_replaced_by_another_again(desk: Desk,
                                                              tmp_path: Path) -> None:
    first = _sealed_backup(desk, "Điểm cầu Hà Giang", tmp_path / "b.db")
    assert revisions.last_seq_in(tmp_path / "b.db") == first
    assert revisions.last_seq_in(tmp_path / "b.db") == first
    later = _sealed_backup(desk, "Điểm cầu Cao Bằng", tmp_path / "later.db")
    assert later > first
    os.replace(tmp_path / "later.db", tmp_path / "b.db")
    assert revisions.last_seq_in(tmp_path / "b.db") == later
    (tmp_path / "b.db").unlink()
    assert revisions.last_seq_in(tmp_path / "b.db") is None
