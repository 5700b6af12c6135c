"""The one background runner of an open desk: minutes generation, printing, backups, imports,
exports and packages run off the GUI thread, one after another, and report back in it.

A job is a function of plain values (never a widget) that gets a :class:`Progress` to tell its
stage and to ask whether it was cancelled; it opens its own connection to the desk when it
needs one (``meetingdesk.services.session.worker_connection``). Its result goes to a ``done``
callback and its error to ``failed`` (by default a message box), both called in the GUI
thread; a job whose owner is gone is simply forgotten when it ends. Jobs run in a thread of
their own started for the queue and ended when the queue is empty, so nothing waits idle and
closing the desk waits (:meth:`BackgroundRunner.shutdown`, ``QThread.wait``, which lets go of
the GIL) only for the job under way, never in a busy loop.

The live mode's draft saver is not a job here: see :mod:`meetingdesk.gui.live.draft_saver`.
"""

from __future__ import annotations

import contextlib
import logging
import os
import sys
import threading
from collections import deque
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import QObject, Qt, QThread, Signal
from PySide6.QtWidgets import QDialog, QMessageBox, QProgressDialog, QPushButton, QWidget

from meetingdesk.domain.errors import MeetingDeskError
from meetingdesk.gui.errors import show_error
from meetingdesk.gui.i18n import tr

logger = logging.getLogger(__name__)

Done = Callable[[Any], None]
Failed = Callable[[BaseException], None]
Staged = Callable[[str], None]


class Progress:
    """What a running job may say and ask (plain Python: it runs in the job's thread)."""

    def __init__(self, emit_stage: Callable[[str], None], task: Task) -> None:
        self._emit_stage = emit_stage
        self._task = task

    def stage(self, name: str) -> None:
        """Tell the GUI thread the job reached ``name`` (its ``stage`` callback gets it)."""
        self._emit_stage(name)

    def cancelled(self) -> bool:
        """Whether the user cancelled: the job stops at its next safe point if it can."""
        return self._task.cancel.is_set()

    @contextmanager
    def interrupting(self, stop: Callable[[], None]) -> Iterator[None]:
        """While inside, ``stop()`` is called (from the GUI thread) as soon as the job is
        cancelled: a SQLite statement of seconds (a quick_check, a large insert) is
        interrupted there and then, its transaction rolled back."""
        self._task.add_stopper(stop)
        try:
            yield
        finally:
            self._task.remove_stopper(stop)


_running_here = threading.local()


def current_progress() -> Progress | None:
    """The :class:`Progress` of the job running in this thread, if any: a connection opened
    for the job stops with it (:func:`meetingdesk.gui.workers.on_desk`)."""
    return getattr(_running_here, "progress", None)


Work = Callable[[Progress], object]


@dataclass(eq=False)
class Task:
    """A job submitted to the runner: its work and who hears about it."""

    work: Work
    done: Done | None
    failed: Failed | None
    stage: Staged | None
    cancelled: Callable[[], None] | None = None
    """Called instead of ``done``/``failed`` when the job stopped because it was cancelled
    (:meth:`BackgroundRunner.request_cancel`)."""
    low_priority: bool = False
    """Work nobody waits for (an automatic backup): its thread yields the processor to the
    window's (:func:`_yield_to_the_window`)."""
    cancel: threading.Event = field(default_factory=threading.Event)
    requested: bool = False
    """The user cancelled it (not a dialog or the desk closing)."""
    _stoppers: list[Callable[[], None]] = field(default_factory=list)
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def stop(self) -> None:
        """Ask the job to stop: its flag is set and what it runs is interrupted."""
        with self._lock:
            self.cancel.set()
            stoppers = list(self._stoppers)
        for stop in stoppers:
            stop()

    def add_stopper(self, stop: Callable[[], None]) -> None:
        with self._lock:
            if self.cancel.is_set():
                stop()
            self._stoppers.append(stop)

    def remove_stopper(self, stop: Callable[[], None]) -> None:
        with self._lock:
            self._stoppers.remove(stop)

    def forget(self) -> None:
        """Nobody listens any more (its dialog closed): it ends unheard."""
        self.done = self.failed = self.stage = self.cancelled = None


class _Worker(QObject):
    """Runs one task in the runner's thread and reports by signals (queued to the GUI)."""

    finished = Signal(object, object)
    """(this worker, the result)"""
    failed = Signal(object, object)
    """(this worker, the exception)"""
    stage = Signal(str)
    ended = Signal()
    """After ``finished`` or ``failed``: quits the thread. (A signal without arguments on
    purpose: PySide6 6.12 loses a reference to ``True``/``False`` each time a signal with
    arguments calls a slot that takes fewer, which crashes the process in the end.)"""

    def __init__(self, task: Task) -> None:
        super().__init__()
        self.task = task

    def run(self) -> None:
        if self.task.low_priority:
            _yield_to_the_window()
        progress = Progress(self.stage.emit, self.task)
        _running_here.progress = progress
        try:
            result = self.task.work(progress)
        except MeetingDeskError as exc:
            self.failed.emit(self, exc)
        except Exception as exc:  # reported to the GUI thread, which logs and shows it
            if self.task.cancel.is_set():  # stopped as asked: no error
                logger.info("A background job stopped as asked: %s", exc)
            else:
                logger.exception("A background job failed")
            self.failed.emit(self, exc)
        else:
            self.finished.emit(self, result)
        finally:
            _running_here.progress = None
        self.ended.emit()


BACKGROUND_NICE = 10
"""How much nicer than the program a low-priority job's thread is (Linux)."""


def _yield_to_the_window() -> None:
    """Make the running thread give way to the GUI thread when both want the processor.

    On Linux a thread has a nice value of its own; elsewhere the thread was started at
    ``QThread.Priority.LowestPriority``, which Qt maps to the system's thread priority (on
    Linux it cannot: every ordinary thread has priority 0 there).
    """
    if sys.platform.startswith("linux"):
        tid = threading.get_native_id()
        with contextlib.suppress(OSError):
            os.setpriority(os.PRIO_PROCESS, tid,
                           min(19, os.getpriority(os.PRIO_PROCESS, tid) + BACKGROUND_NICE))


class BackgroundRunner(QObject):
    """Runs submitted work off the GUI thread, one job at a time, in submission order."""

    busy_changed = Signal(bool)
    job_cancelled = Signal()
    """A job the user cancelled has stopped, having changed nothing (the window says
    “Đã hủy”)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._queue: deque[Task] = deque()
        self._running: tuple[QThread, _Worker] | None = None
        self._closed = False

    def is_busy(self) -> bool:
        return self._running is not None or bool(self._queue)

    def submit(self, work: Work, *, done: Done | None = None, failed: Failed | None = None,
               stage: Staged | None = None, cancelled: Callable[[], None] | None = None,
               low_priority: bool = False) -> Task:
        """Queue ``work(progress)``; ``done(result)``, ``failed(exc)``, ``stage(name)`` and
        ``cancelled()`` follow in the GUI thread. An error without ``failed`` is logged.
        ``low_priority``: nobody waits for it, and its thread gives way to the window's."""
        if self._closed:
            raise RuntimeError("the desk is closing: no new background work")
        task = Task(work, done, failed, stage, cancelled, low_priority=low_priority)
        was_busy = self.is_busy()
        self._queue.append(task)
        if self._running is None:
            self._start_next()
        if not was_busy:
            self.busy_changed.emit(True)
        return task

    def cancel(self, task: Task) -> None:
        """Ask ``task`` to stop (one not started yet never starts) and forget its callbacks."""
        task.stop()
        task.forget()
        if task in self._queue:
            self._queue.remove(task)
            if not self.is_busy():
                self.busy_changed.emit(False)

    def request_cancel(self, task: Task) -> None:
        """The user cancels ``task``: one not started yet never starts; the one under way is
        interrupted (a transaction under way rolls back: all or nothing). Its ``cancelled``
        callback follows — or ``done``, when the job had finished its work first."""
        task.requested = True
        if task in self._queue:
            self._queue.remove(task)
            task.cancel.set()
            if task.cancelled is not None:
                task.cancelled()
            self.job_cancelled.emit()
            if not self.is_busy():
                self.busy_changed.emit(False)
        elif self._running is not None and self._running[1].task is task:
            task.stop()

    def _start_next(self) -> None:
        if not self._queue:
            return
        task = self._queue.popleft()
        worker = _Worker(task)
        thread = QThread()
        worker.moveToThread(thread)
        thread.started.connect(worker.run)
        worker.stage.connect(self._stage)
        worker.finished.connect(self._finished)  # queued: the runner lives in the GUI thread
        worker.failed.connect(self._failed)
        # quit from the job's thread, so that a GUI thread waiting for it cannot deadlock
        worker.ended.connect(thread.quit, Qt.ConnectionType.DirectConnection)
        self._running = (thread, worker)
        thread.start(QThread.Priority.LowestPriority if task.low_priority
                     else QThread.Priority.InheritPriority)

    def _end(self) -> Task:
        assert self._running is not None
        thread, worker = self._running
        thread.wait()  # the thread is ending (it quit itself): wait until it has, then drop it
        self._running = None
        worker.deleteLater()
        thread.deleteLater()
        if not self._closed:
            self._start_next()
        if not self.is_busy():
            self.busy_changed.emit(False)
        return worker.task

    def _stage(self, name: str) -> None:
        if self._running is not None and self._running[1].task.stage is not None:
            self._running[1].task.stage(name)

    def _current(self, worker: _Worker) -> bool:
        """Whether ``worker`` is the job under way (not one :meth:`shutdown` let go)."""
        return self._running is not None and self._running[1] is worker

    def _finished(self, worker: _Worker, result: object) -> None:
        if not self._current(worker):
            return
        task = self._end()
        if task.done is not None:  # also when cancelled too late: the work is done
            task.done(result)

    def _failed(self, worker: _Worker, exc: BaseException) -> None:
        if not self._current(worker):
            return
        task = self._end()
        if task.cancel.is_set():  # stopped as asked: whatever it raised, it is no error
            if task.cancelled is not None:
                task.cancelled()
            if task.requested:
                self.job_cancelled.emit()
        elif task.failed is not None:
            task.failed(exc)
        else:
            logger.warning("Background job failed unheard: %s", exc)

    def shutdown(self) -> None:
        """Drop the queued jobs, ask the running one to stop, and wait until it has ended.
        Its callbacks are not called (the desk is closing)."""
        self._closed = True
        for task in self._queue:
            task.forget()
        self._queue.clear()
        if self._running is not None:
            thread, worker = self._running
            worker.task.forget()
            worker.task.stop()
            thread.wait()
            self._running = None
            worker.deleteLater()
            thread.deleteLater()


class JobRunner(QObject):
    """A dialog's view of the desk's runner: one job of its own at a time, forgotten when the
    dialog closes (:meth:`shutdown`)."""

    busy_changed = Signal(bool)

    def __init__(self, runner: BackgroundRunner, parent: QObject) -> None:
        super().__init__(parent)
        self._runner = runner
        self._task: Task | None = None

    def is_busy(self) -> bool:
        return self._task is not None

    def start(self, work: Callable[[], object], done: Done, failed: Failed,
              cancelled: Callable[[], None] | None = None) -> None:
        """Run ``work()`` in the background; ``done(result)``, ``failed(exc)`` or, after
        :meth:`cancel`, ``cancelled()`` follow in the GUI thread."""
        if self._task is not None:
            raise RuntimeError("a job is already running")

        def finished(result: object) -> None:
            self._idle()
            done(result)

        def errored(exc: BaseException) -> None:
            self._idle()
            failed(exc)

        def stopped() -> None:
            self._idle()
            if cancelled is not None:
                cancelled()

        self._task = self._runner.submit(lambda _progress: work(), done=finished,
                                         failed=errored, cancelled=stopped)
        self.busy_changed.emit(True)

    def cancel(self) -> None:
        """The user cancels the job under way (:meth:`BackgroundRunner.request_cancel`)."""
        if self._task is not None:
            self._runner.request_cancel(self._task)

    def _idle(self) -> None:
        self._task = None
        self.busy_changed.emit(False)

    def shutdown(self) -> None:
        """Forget the job under way (it reads, or it has been let finish: see JobDialog)."""
        if self._task is not None:
            self._runner.cancel(self._task)
            self._task = None


def busy_indicator(parent: QWidget | None, text: str, button: str | None = None, *,
                   modal: bool = True) -> QProgressDialog:
    """A busy indicator (no steps) saying ``text``, with a ``button`` (Cancel, Skip…) when
    given; it is not shown yet. ``modal``: the user's input goes to it alone; otherwise it
    shows without taking the keyboard from the window."""
    busy = QProgressDialog(text, button or "", 0, 0, parent)
    if button is None:
        busy.setCancelButton(None)
    busy.setAutoClose(False)
    busy.setAutoReset(False)
    if parent is not None:
        busy.setWindowTitle(parent.windowTitle())
    busy.setModal(modal)
    if not modal:
        busy.setAttribute(Qt.WidgetAttribute.WA_ShowWithoutActivating)
    busy.hide()
    return busy


def dismiss(busy: QProgressDialog) -> None:
    """Close and let go of a busy indicator whose job has ended (closing a progress dialog
    emits its ``canceled``: that must not ask the ended job to stop, nor show it again)."""
    busy.canceled.disconnect()
    busy.close()
    busy.deleteLater()


def stop_on_button(busy: QProgressDialog, runner: BackgroundRunner, task: Task,
                   stopping: str) -> None:
    """The indicator's button (Esc too) asks ``runner`` to stop ``task``: the indicator then
    says ``stopping`` and stays, its button disabled, until the job has stopped."""
    def stop() -> None:
        busy.setLabelText(stopping)
        button = busy.findChild(QPushButton)
        if button is not None:
            button.setEnabled(False)
        busy.show()  # Esc would close it: it stays until the job has stopped
        runner.request_cancel(task)

    busy.canceled.connect(stop)


def run_busy(parent: QWidget, runner: BackgroundRunner, text: str, work: Callable[[], object],
             done: Done, *, cancellable: bool = False) -> Task:
    """Run ``work()`` in the background behind a modal busy indicator saying ``text`` (the
    window keeps painting); then ``done(result)``, or a message box for an error. With
    ``cancellable`` (work that writes nothing until its end, or in one transaction) the
    indicator has a Cancel button, Esc too: the job stops, nothing is left of it, and the
    runner reports it (“Đã hủy”)."""
    progress = busy_indicator(parent, text, tr("Cancel") if cancellable else None)

    def ended() -> None:
        dismiss(progress)

    def succeeded(result: object) -> None:
        ended()
        done(result)

    def failed(exc: BaseException) -> None:
        ended()
        show_error(parent, exc)

    task = runner.submit(lambda _progress: work(), done=succeeded, failed=failed,
                         cancelled=ended)
    if cancellable:
        stop_on_button(progress, runner, task, tr("Cancelling…"))
    progress.show()
    return task


class JobDialog(QDialog):
    """A dialog whose reading, planning and writing run on the desk's runner.

    Subclasses implement ``_busy(busy)`` (a job of theirs started or finished) and set
    ``_applying`` while a job writes to the desk: the dialog then refuses to close.
    """

    def __init__(self, runner: BackgroundRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._applying = False
        self.runner = JobRunner(runner, self)
        self.runner.busy_changed.connect(self._busy)

    def _busy(self, busy: bool) -> None:
        raise NotImplementedError

    def done(self, result: int) -> None:
        if self._applying:
            QMessageBox.information(self, self.windowTitle(),
                                    tr("The import is being written; please wait a moment."))
            return
        self.runner.shutdown()
        super().done(result)
