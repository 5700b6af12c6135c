"""The desk's upkeep, done where nobody waits for it: merging the search index's segments,
copying the write-ahead log back into the desk file (a checkpoint), and flushing the WAL to
the disk.

Each happens by itself inside some commit unless told otherwise, on whichever connection
commits — on a desk of real size, the window's:

- FTS5 merged its index's segments incrementally, a slice each time 64 more leaf pages had
  been written (``automerge``): on the 1,000-meeting desk, one note edit or undo in every 64
  then merged some 400 pages of large segments inside its statement (175 ms; 34 ms even with
  the large merges done ahead). Since migration 0013 the index merges nothing by itself but
  a level that reaches 16 segments (FTS5's crisis merge): the edits' own segments are small,
  and the upkeep merges levels of four long before; a desk written for a long time only by
  the command line (imports, packages) can still have a crisis merge of larger segments
  land in some commit.
- SQLite checkpoints the WAL inside the commit that takes it past 1,000 pages
  (``wal_autocheckpoint``): a thousand scattered pages written into a file of gigabytes,
  then an fsync of it.
- Under ``synchronous = FULL`` every commit waits for an fsync of the WAL: a few
  milliseconds, on a busy or slow disk 20–50; and the first commit after a checkpoint that
  copied the whole WAL back syncs the WAL's new header whatever the setting.

:func:`merge_search_index` does the first in slices small enough that a commit of the window
never waits long behind one. :func:`leave_checkpoints` and :func:`checkpoint` move the second
to another connection, with :func:`restart_wal` for the header; :func:`flush_wal` moves the
third to another thread (for a connection that commits with ``synchronous = NORMAL``,
``Desk.commit_without_waiting``). None of them changes what the desk holds.
"""

from __future__ import annotations

import os
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from meetingdesk.store.durable import sync_folder

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

    @property
    def whole(self) -> bool:
        """Every frame of the WAL is in the desk file (the next commit restarts the WAL)."""
        return not self.busy and 0 < self.frames == self.copied


def checkpoint(conn: sqlite3.Connection) -> Checkpoint:
    """Copy what the WAL holds back into the desk file, as far as readers allow, without
    waiting for anyone and without holding up writers (SQLite's PASSIVE checkpoint)."""
    busy, frames, copied = conn.execute("PRAGMA wal_checkpoint(PASSIVE)").fetchone()
    return Checkpoint(bool(busy), int(frames), int(copied))


def restart_wal(conn: sqlite3.Connection) -> None:
    """Start the WAL afresh on ``conn``, after a checkpoint that copied all of it back.

    The commit that first writes to a WAL whose every frame is in the desk file starts it
    again from its first frame, and syncs its new header — under ``synchronous = NORMAL``
    too (a WAL restarted without it can be corrupted by writes reordered on the disk). Left
    to the window's connection, the first edit after each pause would wait for that sync. So
    ``conn`` commits first: a transaction that writes the desk's first page unchanged (the
    schema version, set to what it is) — one frame, nothing changed in what the desk holds;
    within the caller's transaction. A reader still reading from the WAL makes SQLite append
    instead of restarting, as it would for the window's commit."""
    version = int(conn.execute("PRAGMA user_version").fetchone()[0])
    conn.execute(f"PRAGMA user_version = {version}")


def wal_path(conn: sqlite3.Connection) -> Path:
    """The WAL of the desk ``conn`` has open, as SQLite names it (a desk opened through a
    symbolic link has its WAL beside the file the link points to)."""
    for _seq, name, file in conn.execute("PRAGMA database_list"):
        if name == "main":
            return Path(file + "-wal")
    raise ValueError("no main database")  # every connection has one


def flush_wal(wal: Path, *, folder_too: bool = False) -> None:
    """Put what the WAL ``wal`` holds on the disk (an fsync), so that the commits in it
    survive a power cut; with ``folder_too``, the folder's entry for it as well where the
    platform allows (:func:`~meetingdesk.store.durable.sync_folder`: a WAL just created is
    not yet in the folder on the disk). A missing WAL raises ``FileNotFoundError``: a
    connection that has the desk open has one.

    The only plain file I/O on a desk's files while connections to it are open (see
    :mod:`meetingdesk.store.desk`): SQLite takes no lock on the WAL itself, so closing this
    descriptor drops none of the process's locks."""
    # for writing: Windows flushes a file only through a handle that may write it
    fd = os.open(wal, os.O_RDWR | getattr(os, "O_BINARY", 0))
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
    if folder_too:
        sync_folder(wal.parent)
