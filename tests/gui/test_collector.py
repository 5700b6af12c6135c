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


def test_collector_sets_aside_what_the_start_made_at_the_first_pass(qtbot: Any) -> None:
    from PySide6.QtCore import QObject

    from meetingdesk.gui.collector import GuiThreadCollector

    gc.unfreeze()
    made_at_start = [[i] for i in range(1000)]  # lists: tracked by the collector
    owner = QObject()
    collector = GuiThreadCollector(owner)
    assert gc.get_freeze_count() == 0  # not before the event loop runs
    qtbot.waitUntil(lambda: gc.get_freeze_count() >= len(made_at_start), timeout=5000)
    assert gc.get_count()[0] < len(made_at_start)  # the young generation does not hold them
    collector.stop()
    assert gc.get_freeze_count() == 0
    gc.disable()  # as the session's own collector keeps it
