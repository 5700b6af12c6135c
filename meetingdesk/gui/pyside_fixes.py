"""Work-arounds for bugs of the PySide6 version the project pins, each with its probe.

PySide6 6.12.0: ``SignalInstance.emit()`` returns ``True`` without taking a reference to it.
Every emit from Python then takes one reference away from ``True``; after a few thousand (a
live session: one per keystroke) the interpreter aborts with "bool_dealloc: deallocating True
or False". 6.11.3 does not have the bug. The probe emits a few times and compares the
reference count of ``True``; only when it drops is ``emit`` wrapped to give the reference
back, so a fixed PySide6 is left alone.
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


def install() -> bool:
    """Apply the work-arounds this PySide6 needs; True when ``emit`` was wrapped."""
    if getattr(SignalInstance.emit, "_meetingdesk_fixed", False) or not emit_loses_references():
        return False
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
