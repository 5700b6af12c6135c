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
    collector.start_set_aside = True  # the first tick was before this test (see below)
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
    asked: list[int | str] = []
    monkeypatch.setattr(module.gc, "collect", lambda generation=2: asked.append(generation) or 0)
    monkeypatch.setattr(module.gc, "freeze", lambda: asked.append("freeze"))
    monkeypatch.setattr(module.gc, "unfreeze", lambda: asked.append("unfreeze"))
    collector.ticks = 0
    collector.start_set_aside = False
    for _ in range(module.WHOLE_EVERY):
        collector.tick()
    # the first tick sets the start's objects aside without scanning them, the whole heap's
    # collection takes them back
    assert asked[0] == "freeze" and asked.count("freeze") == 1
    assert asked[-2:] == ["unfreeze", 2] and asked.count(2) == 1
    assert asked.count(1) == module.WHOLE_EVERY // module.MIDDLE_EVERY - 1
    assert asked.count(0) == module.WHOLE_EVERY - asked.count(1) - 2


def test_collector_first_tick_scans_none_of_the_start_objects(qapp: QApplication) -> None:
    from meetingdesk.gui import collector as module

    collector = module.GuiThreadCollector(qapp)
    try:
        made = [[n] for n in range(10_000)]  # young, tracked: as the start leaves them
        collector.tick()
        assert gc.get_freeze_count() >= len(made) and gc.get_count()[0] < len(made)
        collector.collect()
        assert gc.get_freeze_count() == 0  # taken back by the whole heap's collection
    finally:
        collector.timer.stop()
        collector.setParent(None)
