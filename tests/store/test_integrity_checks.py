"""Checks of a desk file on read-only connections of their own, stopped when asked."""

from __future__ import annotations

import contextlib
import sqlite3
from collections.abc import Callable, Iterator
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
    with pytest.raises(CheckCancelled):
        quick_check_file(path, CancelledAfter(2))  # the user cancels while the check runs
    with pytest.raises(CheckCancelled):
        foreign_key_violations_file(path, CancelledAfter(0))


def test_integrity_checks_interrupted_within_one_long_statement(tmp_path: Path) -> None:
    """quick_check is one statement: the caller's stop interrupts it there and then."""
    path = big_file(tmp_path / "big.db")
    cancel = CancelledAfter(10**9)
    cancel.stop_at_once = True
    with pytest.raises(CheckCancelled):
        quick_check_file(path, cancel)


class CancelledAfter:
    """A caller that cancels after ``looks`` looks (or, with ``stop_at_once``, interrupts
    the statement as soon as it starts)."""

    def __init__(self, looks: int) -> None:
        self.looks = looks
        self.stop_at_once = False
        self.stopped = False

    def cancelled(self) -> bool:
        self.looks -= 1
        return self.stopped or self.looks < 0

    @contextlib.contextmanager
    def interrupting(self, stop: Callable[[], None]) -> Iterator[None]:
        if self.stop_at_once:
            self.stopped = True
            stop()  # as the GUI thread does when the user cancels
        yield
