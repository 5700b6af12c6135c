"""Checks of a desk file on read-only connections of their own, stopped when asked."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from meetingdesk.store.integrity import (
    CheckCancelled,
    foreign_key_violations_file,
    quick_check_file,
)


def big_file(path: Path) -> Path:
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE parent (id INTEGER PRIMARY KEY)")
    conn.execute("CREATE TABLE child (id INTEGER PRIMARY KEY, "
                 "parent_id INTEGER REFERENCES parent(id), text TEXT)")
    conn.executemany("INSERT INTO child (parent_id, text) VALUES (?, ?)",
                     [(None, "ghi chép " * 20) for _ in range(20_000)])
    conn.execute("INSERT INTO child (parent_id, text) VALUES (7, 'mồ côi')")
    conn.commit()
    conn.close()
    return path


def test_integrity_checks_report_and_stop_when_cancelled(tmp_path: Path) -> None:
    path = big_file(tmp_path / "big.db")
    assert quick_check_file(path) is None
    assert foreign_key_violations_file(path) == 1
    looks = 0

    def cancelled() -> bool:
        nonlocal looks
        looks += 1
        return looks > 2  # the user cancels while the check runs

    with pytest.raises(CheckCancelled):
        quick_check_file(path, cancelled)
    assert looks >= 3  # stopped by the progress handler, mid-check
    with pytest.raises(CheckCancelled):
        foreign_key_violations_file(path, lambda: True)
