"""Work-arounds for bugs of the PySide6 version the project pins, each with its probe.

PySide6 6.12.0: ``SignalInstance.emit()`` returns ``True`` without taking a reference to it.
Every emit from Python then takes one reference away from ``True``; after a few thousand (a
live session: one per keystroke) the interpreter aborts with "bool_dealloc: deallocating True
or False". 6.11.3 does not have the bug. The probe emits a few times and compares the
reference count of ``True``; only when it drops is ``emit`` wrapped to give the reference
back, so a fixed PySide6 is left alone.

Other calls of the same PySide6 lose references to ``None`` in the same way (the GUI benchmark
aborted with "none_dealloc"; the call was not pinned down). As a backstop, on CPython before
3.12 (where these constants are not immortal) with an affected PySide6, :func:`install` also
raises the counts of ``True``, ``False`` and ``None`` by 2**40, far beyond what any session
could lose.
"""

from __future__ import annotations

import ctypes
import logging
import sys
from typing import Any

from PySide6.QtCore import QObject, Signal, SignalInstance

logger = logging.getLogger(__name__)

_PROBES = 64


class _Probe(QObject):
    ping = Signal()


def emit_loses_references() -> bool:
    """True when ``emit()`` takes a reference away from the bool it returns."""
    probe = _Probe()
    before = sys.getrefcount(True)
    for _ in range(_PROBES):
        probe.ping.emit()
    return before - sys.getrefcount(True) >= _PROBES


_HEADROOM = 1 << 40


def _raise_constant_counts() -> None:
    """Give ``True``, ``False`` and ``None`` references no session can lose (CPython 3.11:
    ``ob_refcnt`` is the first field of every object in a release build)."""
    if sys.implementation.name != "cpython" or sys.version_info >= (3, 12):
        return
    for constant in (True, False, None):
        ctypes.c_ssize_t.from_address(id(constant)).value += _HEADROOM


def install() -> bool:
    """Apply the work-arounds this PySide6 needs; True when ``emit`` was wrapped."""
    if getattr(SignalInstance.emit, "_meetingdesk_fixed", False) or not emit_loses_references():
        return False
    _raise_constant_counts()
    original = SignalInstance.emit
    incref = ctypes.pythonapi.Py_IncRef
    incref.argtypes = [ctypes.py_object]

    def emit(self: SignalInstance, *args: Any) -> Any:
        result = original(self, *args)
        if result is True or result is False:
            incref(result)  # the reference PySide forgot to take
        return result

    emit._meetingdesk_fixed = True  # type: ignore[attr-defined]
    SignalInstance.emit = emit  # type: ignore[method-assign]
    logger.info("PySide6 emit() reference fix installed")
    return True
