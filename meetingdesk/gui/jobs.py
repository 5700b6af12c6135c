"""Running one job at a time off the GUI thread, for a dialog or a window, and hearing back in
the GUI thread: the result goes to a callback, an error to another (or to a message box).

The job itself (:class:`~meetingdesk.gui.workers.Job`) never touches widgets; the callbacks,
called here in the GUI thread, do.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Qt, QThread, Signal
from PySide6.QtWidgets import QDialog, QMessageBox, QProgressDialog, QWidget

from meetingdesk.gui.errors import show_error
from meetingdesk.gui.i18n import tr
from meetingdesk.gui.workers import Job

Done = Callable[[Any], None]
Failed = Callable[[BaseException], None]


class JobRunner(QObject):
    """One job at a time: :meth:`start` it, get its result in ``done`` or its error in
    ``failed``; :meth:`shutdown` forgets the callbacks and waits for the thread."""

    busy_changed = Signal(bool)

    def __init__(self, parent: QObject) -> None:
        super().__init__(parent)
        self._job: Job | None = None
        """The running job, kept referenced (Python would otherwise delete it)."""
        self._done: Done | None = None
        self._failed: Failed | None = None
        self._running: list[tuple[QThread, Job]] = []
        """Threads with their jobs, kept until the thread has ended: a job deleted while its
        thread still runs would crash."""
        self._closed = False

    def is_busy(self) -> bool:
        return self._job is not None

    def start(self, work: Callable[[], object], done: Done, failed: Failed) -> None:
        """Run ``work()`` in a thread of its own; ``done(result)`` or ``failed(exc)`` follow in
        the GUI thread."""
        if self._job is not None or self._closed:
            raise RuntimeError("a job is already running")
        job = Job(work)
        self._job, self._done, self._failed = job, done, failed
        job.finished.connect(self._finished)
        job.failed.connect(self._error)
        thread = QThread(self)
        job.moveToThread(thread)
        thread.started.connect(job.run)
        # quit from the job's thread, so that a GUI thread waiting for it cannot deadlock
        job.finished.connect(thread.quit, Qt.ConnectionType.DirectConnection)
        job.failed.connect(thread.quit, Qt.ConnectionType.DirectConnection)
        thread.finished.connect(self._prune)
        self._running.append((thread, job))
        thread.start()
        self.busy_changed.emit(True)

    def _prune(self) -> None:
        """Let go of the threads that have ended, and of their jobs (here, in the GUI thread:
        nothing is deleted by a thread while it ends)."""
        for thread, _job in [(t, j) for t, j in self._running if t.isFinished()]:
            thread.wait()  # returns once the thread has completely ended (releases the GIL)
            self._running.remove((thread, _job))
            thread.deleteLater()

    def _end(self) -> tuple[Done | None, Failed | None]:
        callbacks = (self._done, self._failed)
        self._job = self._done = self._failed = None
        self.busy_changed.emit(False)
        return callbacks

    def _finished(self, result: object) -> None:
        done, _ = self._end()
        if done is not None and not self._closed:
            done(result)

    def _error(self, exc: BaseException) -> None:
        _, failed = self._end()
        if failed is not None and not self._closed:
            failed(exc)

    def shutdown(self) -> None:
        """Drop the callbacks of a job under way and wait until its thread has ended."""
        self._closed = True
        for thread, _job in self._running:
            thread.wait()
            thread.deleteLater()
        self._running.clear()


def run_busy(parent: QWidget, text: str, work: Callable[[], object], done: Done) -> JobRunner:
    """Run ``work()`` off the GUI thread behind a modal busy indicator saying ``text``; then
    ``done(result)``, or a message box for an error."""
    progress = QProgressDialog(text, "", 0, 0, parent)
    progress.setCancelButton(None)
    progress.setWindowTitle(parent.windowTitle())
    progress.setMinimumDuration(0)
    progress.setModal(True)
    runner = JobRunner(parent)

    def finish() -> None:
        progress.close()
        progress.deleteLater()
        runner.shutdown()  # the thread is ending: wait for it before deleting its parent
        runner.deleteLater()

    def succeeded(result: object) -> None:
        finish()
        done(result)

    def failed(exc: BaseException) -> None:
        finish()
        show_error(parent, exc)

    runner.start(work, succeeded, failed)
    progress.show()
    return runner


class JobDialog(QDialog):
    """A dialog whose reading, planning and writing run in its own :class:`JobRunner`.

    Subclasses implement ``_busy(busy)`` (the runner started or finished a job) and set
    ``_applying`` while a job writes to the desk: the dialog then refuses to close.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._applying = False
        self.runner = JobRunner(self)
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
