"""Cancelling background work: a write in one transaction finishes or leaves nothing, the
progress indicator cancels with its button or Esc, and the runner reports “Đã hủy”."""

from __future__ import annotations

import threading
import time
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QProgressDialog

from meetingdesk.gui.jobs import run_busy
from meetingdesk.gui.main_window import MainWindow
from meetingdesk.gui.workers import on_desk
from meetingdesk.services import directory
from meetingdesk.store.desk import Desk


def sites(desk: Desk) -> list[str]:
    return sorted(s.name for s in directory.list_sites(desk))


def half_done_write(desk_path: Any, reached: threading.Event, release: threading.Event) -> Any:
    """A job writing two sites in one transaction, pausing between them."""
    def write(desk: Desk) -> None:
        with desk.transaction():
            directory.add_site(desk, name="Điểm cầu một")
            reached.set()
            release.wait(10)
            directory.add_site(desk, name="Điểm cầu hai")
    return on_desk(desk_path, write)


def test_cancel_write_under_way_rolls_back_whole(runner: Any, qtbot: Any, desk: Desk) -> None:
    before = sites(desk)
    reached, release = threading.Event(), threading.Event()
    heard: list[str] = []
    cancelled_reports: list[bool] = []
    runner.job_cancelled.connect(lambda: cancelled_reports.append(True))
    task = runner.submit(lambda _p: half_done_write(desk.path, reached, release)(),
                         done=lambda _r: heard.append("done"),
                         failed=lambda e: heard.append(f"failed {e}"),
                         cancelled=lambda: heard.append("cancelled"))
    assert reached.wait(10)
    runner.request_cancel(task)
    release.set()
    qtbot.waitUntil(lambda: not runner.is_busy(), timeout=10000)
    assert heard == ["cancelled"] and cancelled_reports == [True]
    assert sites(desk) == before  # the first site, written before the cancel, is gone too


def test_cancel_too_late_reports_the_work_done(runner: Any, qtbot: Any, desk: Desk) -> None:
    """A job whose work committed before the cancel is reported done: nothing is hidden."""
    committed = threading.Event()
    release = threading.Event()
    heard: list[str] = []

    def write(desk_: Desk) -> str:
        directory.add_site(desk_, name="Thái Nguyên")
        committed.set()
        release.wait(10)
        return "written"

    task = runner.submit(lambda _p: on_desk(desk.path, write)(),
                         done=heard.append, cancelled=lambda: heard.append("cancelled"))
    assert committed.wait(10)
    runner.request_cancel(task)
    release.set()
    qtbot.waitUntil(lambda: not runner.is_busy(), timeout=10000)
    assert heard == ["written"] and sites(desk) == ["Thái Nguyên"]


def test_cancel_queued_job_never_runs_and_a_long_statement_stops_at_once(
        runner: Any, qtbot: Any, desk: Desk) -> None:
    heard: list[str] = []

    def long_query(desk_: Desk) -> None:
        desk_.db.execute("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n "
                         "WHERE i < 1000000000) SELECT count(*) FROM n").fetchone()

    running = runner.submit(lambda _p: on_desk(desk.path, long_query)(),
                            done=lambda _r: heard.append("long done"),
                            cancelled=lambda: heard.append("long cancelled"))
    queued = runner.submit(lambda _p: heard.append("queued ran"),
                           cancelled=lambda: heard.append("queued cancelled"))
    runner.request_cancel(queued)
    assert heard == ["queued cancelled"]
    time.sleep(0.2)  # the query is under way
    started = time.perf_counter()
    runner.request_cancel(running)
    qtbot.waitUntil(lambda: not runner.is_busy(), timeout=10000)
    assert heard == ["queued cancelled", "long cancelled"]
    assert time.perf_counter() - started < 5  # interrupted, not run to its end


def test_cancel_progress_indicator_esc_cancels_and_the_window_says_so(
        window: MainWindow, qtbot: Any, demo_desk: Desk) -> None:
    session = window.session
    assert session is not None
    qtbot.waitUntil(lambda: not session.runner.is_busy(), timeout=10000)  # the start checks
    before = sites(demo_desk)
    reached, release = threading.Event(), threading.Event()
    done: list[object] = []
    run_busy(window, session.runner, "Đang ghi…", half_done_write(demo_desk.path, reached,
                                                                  release),
             done.append, cancellable=True)
    dialog = window.findChild(QProgressDialog)
    assert dialog is not None and dialog.isVisible()
    assert reached.wait(10)
    dialog.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog, timeout=5000)
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert dialog.labelText() == "Đang hủy…"
    release.set()
    qtbot.waitUntil(lambda: not session.runner.is_busy(), timeout=10000)
    assert done == []
    assert window.statusBar().currentMessage() == "Đã hủy: không có gì thay đổi."
    assert sites(demo_desk) == before
