"""A process holding a desk as the window does, for tests/reliability/test_wal_kept.py.

    python tests/reliability/desk_holder.py DESK MEETING_ID

Holds the desk lock and a connection of its own, and keeps the window's background work
running on their own connections, with the real classes: automatic backups
(:class:`BackupWorker`), the draft saver (:class:`DraftSaver`) saving the note being typed,
and minutes generation (:class:`MinutesWorker`). Reports on stdout, one JSON line each:
``{"ready": true}``, ``{"done": "backup"|"draft"|"minutes"}``, ``{"failed": ...}``. Reads
``file TEXT`` lines on stdin and acknowledges each note once filed:
``{"ack": "filed", "id": N, "text": ...}``. Ends only when killed.
"""

from __future__ import annotations

import json
import sys
import threading
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal

from meetingdesk.domain.enums import Profile
from meetingdesk.domain.records import Note, NoteDraft
from meetingdesk.gui.jobs import BackgroundRunner, Task
from meetingdesk.gui.live.draft_saver import DraftSaver
from meetingdesk.gui.workers import minutes_job
from meetingdesk.services import meetings
from meetingdesk.services.session import back_up_file
from meetingdesk.store.desk import open_desk
from meetingdesk.store.lock import DeskLock


def emit(payload: dict[str, object]) -> None:
    sys.stdout.write(json.dumps(payload, ensure_ascii=False) + "\n")
    sys.stdout.flush()


class Holder(QObject):
    command = Signal(str)

    def __init__(self, path: Path, meeting_id: int) -> None:
        super().__init__()
        self.path, self.meeting_id = path, meeting_id
        self.lock = DeskLock(path)
        self.lock.acquire()
        self.desk = open_desk(path, create=False)
        meetings.get_meeting(self.desk, meeting_id)  # reads on the main connection, as a view
        self.saver = DraftSaver(path, self)
        self.saver.saved.connect(lambda _d: emit({"done": "draft"}))
        self.saver.filed.connect(self._filed)
        self.saver.failed.connect(lambda _r, exc: emit({"failed": f"draft: {exc!r}"}))
        self.started = datetime.now()
        self.typed = 0
        self.runner = BackgroundRunner(self)
        self.backup_task: Task | None = None
        self.minutes_task: Task | None = None
        self.command.connect(self._run)
        self.timers = []
        for interval, work in ((40, self._type), (500, self._backup), (400, self._minutes)):
            timer = QTimer(self)
            timer.timeout.connect(work)
            timer.start(interval)
            self.timers.append(timer)
        threading.Thread(target=self._read, daemon=True).start()
        QTimer.singleShot(0, lambda: emit({"ready": True}))

    def _read(self) -> None:
        for line in sys.stdin:
            self.command.emit(line.rstrip("\n"))

    def _run(self, line: str) -> None:
        if line.startswith("file "):
            now = datetime.now()
            self.saver.file(NoteDraft(self.meeting_id, line[5:], now, now))

    def _filed(self, note: Note) -> None:
        emit({"ack": "filed", "id": note.id, "text": note.text})

    def _type(self) -> None:
        self.typed += 1
        self.saver.save(NoteDraft(self.meeting_id, f"đang gõ {self.typed}", self.started,
                                  datetime.now()))

    def _backup(self) -> None:
        if self.backup_task is not None:
            return
        path = self.path
        self.backup_task = self.runner.submit(
            lambda _p: back_up_file(path, "auto", datetime.now()),
            done=lambda _b: self._backed_up({"done": "backup"}),
            failed=lambda exc: self._backed_up({"failed": f"backup: {exc!r}"}))

    def _backed_up(self, payload: dict[str, object]) -> None:
        emit(payload)
        self.backup_task = None

    def _minutes(self) -> None:
        if self.minutes_task is not None:
            return
        self.minutes_task = self.runner.submit(
            minutes_job(self.path, self.meeting_id, Profile.PARTY, None),
            done=lambda _v: self._minutes_done({"done": "minutes"}),
            failed=lambda exc: self._minutes_done({"failed": f"minutes: {exc!r}"}))

    def _minutes_done(self, payload: dict[str, object]) -> None:
        emit(payload)
        self.minutes_task = None


def main() -> int:
    app = QCoreApplication(sys.argv[:1])
    holder = Holder(Path(sys.argv[1]), int(sys.argv[2]))
    assert holder.desk is not None
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
