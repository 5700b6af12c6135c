"""Signals emitted from Python do not use up ``True`` (PySide6 6.12.0 on CPython 3.11)."""

from __future__ import annotations

import subprocess
import sys

EMITS = (
    "import sys\n"
    "{first}\n"
    "from PySide6.QtCore import QCoreApplication, QObject, Signal\n"
    "app = QCoreApplication([])\n"
    "class Sender(QObject):\n"
    "    said = Signal(int)\n"
    "sender = Sender()\n"
    "for i in range(100_000):\n"
    "    sender.said.emit(i)\n"
    "print('alive')\n"
)


def test_pyside_guard_a_hundred_thousand_signals_keep_the_process_alive() -> None:
    result = subprocess.run([sys.executable, "-c", EMITS.format(first="import meetingdesk.gui")],
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr[-500:]
    assert result.stdout.strip() == "alive"
