"""The desk's background runner: one job at a time in order, stages and results in the GUI
thread, cancelling, and a shutdown that waits for the job under way."""

from __future__ import annotations

import os
import sys
import threading
import time
from typing import Any

import pytest
from PySide6.QtCore import QObject
from PySide6.QtWidgets import QApplication, QProgressDialog, QWidget

from meetingdesk.domain.errors import ValidationError
from meetingdesk.domain.messages import message
from meetingdesk.gui.jobs import (
    BACKGROUND_NICE,
    BackgroundRunner,
    JobRunner,
    Progress,
    run_busy,
)


def test_jobs_run_one_at_a_time_in_order_and_report_in_the_gui_thread(runner: Any,
                                                                      qtbot: Any) -> None:
    gui = threading.get_ident()
    events: list[tuple[str, object, bool]] = []
    running = [0]
    most = [0]

    def work(n: int) -> Any:
        def run(progress: Progress) -> int:
            running[0] += 1
            most[0] = max(most[0], running[0])
            progress.stage(f"step {n}")
            time.sleep(0.02)
            running[0] -= 1
            assert threading.get_ident() != gui
            return n * 10
        return run

    for n in range(3):
        runner.submit(work(n), done=lambda r: events.append(
            ("done", r, threading.get_ident() == gui)),
            stage=lambda s: events.append(("stage", s, threading.get_ident() == gui)))
    assert runner.is_busy()
    qtbot.waitUntil(lambda: not runner.is_busy(), timeout=10000)
    assert [e[:2] for e in events] == [("stage", "step 0"), ("done", 0), ("stage", "step 1"),
                                       ("done", 10), ("stage", "step 2"), ("done", 20)]
    assert all(e[2] for e in events) and most[0] == 1


def test_jobs_errors_go_to_failed_and_cancel_stops_a_queued_job(runner: Any,
                                                               qtbot: Any) -> None:
    release = threading.Event()
    failures: list[BaseException] = []
    ran: list[str] = []

    def blocked(_p: Progress) -> None:
        release.wait(10)
        raise ValidationError("guards.field_empty", field=message("tables.note"))

    runner.submit(blocked, failed=failures.append)
    queued = runner.submit(lambda _p: ran.append("queued"), done=lambda _r: ran.append("done"))
    runner.cancel(queued)
    release.set()
    qtbot.waitUntil(lambda: not runner.is_busy(), timeout=10000)
    assert [type(f) for f in failures] == [ValidationError] and ran == []


def test_jobs_shutdown_waits_for_the_job_under_way_and_asks_it_to_stop(qapp: Any) -> None:
    owner = QObject()
    runner = BackgroundRunner(owner)
    seen: list[str] = []

    def long(progress: Progress) -> None:
        while not progress.cancelled():
            time.sleep(0.005)
        seen.append("stopped")

    runner.submit(long, done=lambda _r: seen.append("done heard"))
    time.sleep(0.05)
    runner.shutdown()
    assert seen == ["stopped"]  # ended before shutdown returned; its callback not called
    with pytest.raises(RuntimeError):
        runner.submit(long)


def test_jobs_dialog_runner_forgets_its_job_when_shut_down(runner: Any, qtbot: Any) -> None:
    owner = QObject()
    dialog = JobRunner(runner, owner)
    heard: list[object] = []
    busy: list[bool] = []
    dialog.busy_changed.connect(busy.append)
    release = threading.Event()
    dialog.start(lambda: release.wait(10), heard.append, heard.append)
    assert dialog.is_busy()
    dialog.shutdown()
    release.set()
    qtbot.waitUntil(lambda: not runner.is_busy(), timeout=10000)
    assert heard == [] and busy == [True]


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="a thread's own nice value")
def test_jobs_low_priority_job_yields_the_processor_to_the_window(runner: Any,
                                                                   qtbot: Any) -> None:
    """A job nobody waits for (an automatic backup) runs nicer than the GUI thread; an
    ordinary job (minutes the user asked for) does not."""
    nice: dict[str, int] = {}

    def measure(name: str) -> Any:
        def run(_p: Progress) -> None:
            nice[name] = os.getpriority(os.PRIO_PROCESS, threading.get_native_id())
        return run

    runner.submit(measure("low"), low_priority=True)
    runner.submit(measure("usual"))
    qtbot.waitUntil(lambda: not runner.is_busy(), timeout=10000)
    gui = os.getpriority(os.PRIO_PROCESS, threading.get_native_id())
    assert nice["usual"] == gui
    assert nice["low"] == min(19, gui + BACKGROUND_NICE)


def test_jobs_run_busy_done_closes_its_indicator_without_asking_the_job_to_stop(
        runner: BackgroundRunner, qtbot: Any) -> None:
    """Closing a progress dialog emits its ``canceled``: an indicator closed because its job
    ended must not take that for the user's Cancel (shown again, saying "Cancelling…")."""
    parent = QWidget()
    qtbot.addWidget(parent)
    got: list[object] = []
    task = run_busy(parent, runner, "Đang xuất…", lambda: 42, got.append, cancellable=True)
    qtbot.waitUntil(lambda: got == [42], timeout=5000)
    QApplication.processEvents()
    assert not task.requested
    assert not [w for w in QApplication.topLevelWidgets()
                if isinstance(w, QProgressDialog) and w.isVisible()]
