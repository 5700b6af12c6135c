"""The work-around for PySide6 6.12.0's emit(), which took a reference away from True."""

import sys

from PySide6.QtCore import QObject, Signal

from meetingdesk.gui import pyside_fixes


class _Source(QObject):
    changed = Signal()
    moved = Signal(object)


def test_pyside_fixes_emit_keeps_the_reference_count_of_true() -> None:
    pyside_fixes.install()  # already installed by meetingdesk.gui; idempotent
    assert not pyside_fixes.emit_loses_references()
    source = _Source()
    heard: list[object] = []
    source.moved.connect(heard.append)
    before = sys.getrefcount(True)
    for i in range(5000):
        source.changed.emit()
        source.moved.emit(i)
    assert abs(sys.getrefcount(True) - before) < 50  # 10,000 references lost without the fix
    assert len(heard) == 5000
