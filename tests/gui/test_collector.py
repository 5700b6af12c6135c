"""Garbage is collected in the GUI thread, never in a worker."""

import gc
import threading
from typing import Any

from PySide6.QtWidgets import QApplication

from meetingdesk.gui.collector import collect_in_gui_thread


def test_collector_collects_cycles_in_the_gui_thread_only(qapp: QApplication,
                                                          qtbot: Any) -> None:
    collector = collect_in_gui_thread(qapp)
    assert collect_in_gui_thread(qapp) is collector
    assert not gc.isenabled()
    threads: list[str] = []

    class Cycle:
        def __init__(self) -> None:
            self.me = self

        def __del__(self) -> None:
            threads.append(threading.current_thread().name)

    Cycle()
    worker = threading.Thread(target=lambda: [object() for _ in range(100_000)],
                              name="worker")
    worker.start()
    worker.join()
    assert threads == []  # the worker allocated a lot and did not collect
    qtbot.waitUntil(lambda: threads == [threading.main_thread().name], timeout=10000)
