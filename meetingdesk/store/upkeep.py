"""The desk's upkeep, done where nobody waits for it: merging the search index's segments,
copying the write-ahead log back into the desk file (a checkpoint), and flushing the WAL to
the disk.

Each happens by itself inside some commit unless told otherwise, on whichever connection
commits — on a desk of real size, the window's:

- FTS5 merged its index's segments incrementally, a slice each time 64 more leaf pages had
  been written (``automerge``): on the 1,000-meeting desk, one note edit or undo in every 64
  then merged some 400 pages of large segments inside its statement (175 ms; 34 ms even with
  the large merges done ahead). Since migration 0013 the index merges nothing by itself but
  a level of 16 segments (FTS5's crisis merge, of small segments).
- SQLite checkpoints the WAL inside the commit that takes it past 1,000 pages
  (``wal_autocheckpoint``): a thousand scattered pages written into a file of gigabytes,
  then an fsync of it.
- Under ``synchronous = FULL`` every commit waits for an fsync of the WAL: a few
  milliseconds, on a busy or slow disk 20–50.

:func:`merge_search_index` does the first in slices small enough that a commit of the window
never waits long behind one. :func:`leave_checkpoints` and :func:`checkpoint` move the second
to another connection, :func:`flush_wal` the third to another thread (for a connection that
commits with ``synchronous = NORMAL``, ``Desk.commit_without_waiting``). None of them
changes what the desk holds.
"""

from __future__ import annotations

import os
import sqlite3
from dataclasses import dataclass
from pathlib import Path

SEARCH_INDEX = "search_index"
MERGE_SLICE_PAGES = 64
"""Leaf pages of the index one slice of merging writes (one FTS5 work unit): some tens of
milliseconds, the longest a commit of the window may wait behind it."""


def merge_search_index(conn: sqlite3.Connection, pages: int = MERGE_SLICE_PAGES) -> bool:
    """Merge the search index's segments by at most ``pages`` leaf pages, within the caller's
    transaction: a merge under way is carried on, else a level of at least four segments is
    merged (the work the index's automerge would do in a later commit). Returns whether
    there was anything to merge."""
    before = conn.total_changes
    conn.execute(f"INSERT INTO {SEARCH_INDEX} ({SEARCH_INDEX}, rank) VALUES ('merge', ?)",
                 (pages,))
    return conn.total_changes - before >= 2  # FTS5's documented sign that it did some work


def leave_checkpoints(conn: sqlite3.Connection) -> None:
    """This connection no longer checkpoints the WAL when it grows: another one does
    (:func:`checkpoint`). Its commits stay as durable: what they write is in the WAL, which
    SQLite replays after a crash, and closing the desk's last connection still checkpoints."""
    conn.execute("PRAGMA wal_autocheckpoint = 0")


def checkpoints_itself(conn: sqlite3.Connection) -> bool:
    """Whether this connection checkpoints the WAL by itself when it grows."""
    return int(conn.execute("PRAGMA wal_autocheckpoint").fetchone()[0]) > 0


@dataclass(frozen=True, slots=True)
class Checkpoint:
    busy: bool
    """A reader (a backup, a check) kept part of the WAL from being copied back."""
    frames: int
    """Frames in the WAL."""
    copied: int
    """Frames of it now in the desk file."""


def checkpoint(conn: sqlite3.Connection) -> Checkpoint:
    """Copy what the WAL holds back into the desk file, as far as readers allow, without
    waiting for anyone and without holding up writers (SQLite's PASSIVE checkpoint)."""
    busy, frames, copied = conn.execute("PRAGMA wal_checkpoint(PASSIVE)").fetchone()
    return Checkpoint(bool(busy), int(frames), int(copied))


def flush_wal(desk_path: Path) -> None:
    """Put what the WAL of the desk at ``desk_path`` holds on the disk (an fsync), so that
    the commits in it survive a power cut. Nothing to do without a WAL.

    The only plain file I/O on a desk's files while connections to it are open (see
    :mod:`meetingdesk.store.desk`): SQLite takes no lock on the WAL itself, so closing this
    descriptor drops none of the process's locks."""
    wal = desk_path.with_name(desk_path.name + "-wal")
    try:
        # for writing: Windows flushes a file only through a handle that may write it
        fd = os.open(wal, os.O_RDWR | getattr(os, "O_BINARY", 0))
    except FileNotFoundError:
        return
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
