"""Write transactions that take the write lock before their first read.

A deferred transaction (``BEGIN``) that reads and then writes fails at once with
``SQLITE_BUSY`` when another connection committed in between: its snapshot is stale, so
SQLite cannot wait and retry. ``BEGIN IMMEDIATE`` takes the write lock first, waiting up to the
busy timeout, and then never fails that way. Every transaction of the program that writes to a
desk begins here.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterator
from contextlib import contextmanager


@contextmanager
def immediate(conn: sqlite3.Connection, before_commit: Callable[[], None] | None = None, *,
              wait_ms: int | None = None) -> Iterator[None]:
    """One atomic unit of work on ``conn``: committed when the block ends (after
    ``before_commit``, which may still refuse by raising), rolled back whole on any exception.
    Inside a transaction already under way it is a savepoint of that transaction. ``wait_ms``
    waits that long for the write lock instead of the connection's busy timeout."""
    if conn.in_transaction:
        conn.execute("SAVEPOINT immediate")
        try:
            yield
        except BaseException:
            if conn.in_transaction:  # a RAISE(ROLLBACK) may have ended the whole transaction
                conn.execute("ROLLBACK TO SAVEPOINT immediate")
                conn.execute("RELEASE SAVEPOINT immediate")
            raise
        conn.execute("RELEASE SAVEPOINT immediate")
        return
    if wait_ms is None:
        conn.execute("BEGIN IMMEDIATE")
    else:
        usual = conn.execute("PRAGMA busy_timeout").fetchone()[0]
        conn.execute(f"PRAGMA busy_timeout = {int(wait_ms)}")
        try:
            conn.execute("BEGIN IMMEDIATE")
        finally:
            conn.execute(f"PRAGMA busy_timeout = {int(usual)}")
    try:
        yield
        if before_commit is not None:
            before_commit()
    except BaseException:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise
    try:
        conn.execute("COMMIT")
    except BaseException:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise
