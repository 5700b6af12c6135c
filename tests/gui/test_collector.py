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


def test_collector_collects_the_young_at_each_tick_and_the_whole_heap_rarely(
        qapp: QApplication, monkeypatch: Any) -> None:
    from meetingdesk.gui import collector as module

    collector = collect_in_gui_thread(qapp)
    asked: list[int] = []
    monkeypatch.setattr(module.gc, "collect", lambda generation=2: asked.append(generation) or 0)
    collector.ticks = 0
    for _ in range(module.WHOLE_EVERY):
        collector.tick()
    assert asked.count(2) == 1 and asked[-1] == 2
    assert asked.count(1) == module.WHOLE_EVERY // module.MIDDLE_EVERY - 1
    assert asked.count(0) == len(asked) - asked.count(1) - 1
