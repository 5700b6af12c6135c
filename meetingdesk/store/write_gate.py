"""Writes held until a desk opened before its full check has passed that check.

The window opens a desk after the fast checks (header, identity, version, schema: what keeps
a foreign trigger from ever firing) and runs SQLite's quick_check — seconds on a large desk —
after its first paint, in a worker thread. Until that check has passed, no connection of this
process may write the file: :meth:`WriteGate.wait` (called by every transaction) waits for the
verdict, and a damaged file refuses every write with the check's finding, so a damaged file is
never written. A gate belongs to the file (device, inode), so the draft saver's and the
workers' own connections wait too. A passed gate is dropped at once: writes then cost nothing.
"""

from __future__ import annotations

import threading

from meetingdesk.domain.errors import DeskFileError

FileKey = tuple[int, int]

_gates: dict[FileKey, WriteGate] = {}
_lock = threading.Lock()


class WriteGate:
    """The verdict of the check a desk's writes wait for."""

    def __init__(self, key: FileKey) -> None:
        self._key = key
        self._settled = threading.Event()
        self._refusal: DeskFileError | None = None

    @property
    def settled(self) -> bool:
        return self._settled.is_set()

    @property
    def refusal(self) -> DeskFileError | None:
        """Why writes are refused (the check found damage, or did not finish), if they are."""
        return self._refusal

    def open(self) -> None:
        """The check passed: writes go ahead, now and from now on."""
        with _lock:
            if _gates.get(self._key) is self:
                del _gates[self._key]
        self._settled.set()

    def refuse(self, refusal: DeskFileError) -> None:
        """The check failed (or was not finished): every write is refused with ``refusal``."""
        self._refusal = refusal
        self._settled.set()

    def wait(self) -> None:
        """Return once writes may go ahead; raise the refusal when they may not."""
        self._settled.wait()
        if self._refusal is not None:
            raise self._refusal


def hold_writes(key: FileKey) -> WriteGate:
    """Hold the writes of every connection of this process to the file ``key`` until the
    gate returned is opened or refused."""
    gate = WriteGate(key)
    with _lock:
        _gates[key] = gate
    return gate


def gate_of(key: FileKey | None) -> WriteGate | None:
    """The gate the writes to the file ``key`` wait for, if any."""
    if key is None or not _gates:
        return None
    with _lock:
        return _gates.get(key)


def drop(key: FileKey) -> None:
    """The file's last connection of this process closed: its gate goes with it."""
    with _lock:
        _gates.pop(key, None)
