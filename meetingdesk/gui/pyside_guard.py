"""A guard against a reference-count bug of PySide6 6.12.0 on CPython 3.11.

Every ``SignalInstance.emit()`` called from Python loses one reference to ``True`` (measured:
``sys.getrefcount(True)`` falls by one per emit, whatever the signal's arguments), and other
calls lose references to ``None`` the same way. These constants are not immortal before
CPython 3.12, so after some thousands of signals — a live meeting's draft saves, the background
runner, the models — the interpreter frees one and aborts ("Fatal Python error: bool_dealloc",
"none_dealloc"). Until PySide6 is fixed, :func:`guard` raises the counts of ``True``,
``False`` and ``None`` far beyond what any session could lose (2**40). It changes nothing on
CPython 3.12 and later, where they are immortal, or with another PySide6.
"""

from __future__ import annotations

import ctypes
import sys

import PySide6

AFFECTED = ("6.12.0",)
HEADROOM = 1 << 40
_guarded = False


def guard() -> bool:
    """Apply the guard once; True when it was needed here."""
    global _guarded
    if (_guarded or sys.implementation.name != "cpython" or sys.version_info >= (3, 12)
            or PySide6.__version__ not in AFFECTED):
        return False
    # ob_refcnt is the first field of every object in a release build of CPython 3.11
    for constant in (True, False, None):
        ctypes.c_ssize_t.from_address(id(constant)).value += HEADROOM
    _guarded = True
    return True
