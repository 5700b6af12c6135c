"""One owner of the desk file per process, tested between processes.

A holder process works on a desk as the window does (its own connection, automatic backups,
the draft saver, minutes generation, all running) while this process runs every read-only
command of the CLI on the same desk in a loop. The holder's ``-wal`` must never be unlinked
under it (``/proc/PID/fd`` would show it "(deleted)"): that is what happens when something in
the holder opens and closes the desk by plain file I/O, dropping its POSIX locks, and a
command closing its own connection then thinks it is the last one. Then the holder files
notes, is killed with SIGKILL, and every acknowledged note must be in the desk.
"""

from __future__ import annotations

import json
import os
import queue
import signal
import subprocess
import sys
import threading
import time
from collections import Counter
from datetime import datetime
from pathlib import Path

import pytest

from meetingdesk.services import notes
from meetingdesk.services.demo import build_demo
from meetingdesk.services.live import start_meeting
from meetingdesk.store.desk import open_desk

HOLDER = Path(__file__).with_name("desk_holder.py")
ROUNDS = 3
NOTES = 12

pytestmark = pytest.mark.skipif(not Path("/proc/self/fd").is_dir(),
                                reason="needs /proc (Linux) and SIGKILL")


def _open_files(pid: int) -> list[str]:
    found = []
    for fd in Path(f"/proc/{pid}/fd").iterdir():
        try:
            found.append(os.readlink(fd))
        except OSError:  # closed meanwhile
            continue
    return found


def _reader(proc: subprocess.Popen[str], out: queue.Queue[dict[str, object]]) -> None:
    assert proc.stdout is not None
    for line in proc.stdout:
        try:
            out.put(json.loads(line))
        except json.JSONDecodeError:
            continue


def _read_only_commands(desk: Path, meeting_id: int, tmp: Path) -> list[list[str]]:
    package = tmp / "setup.mdpkg"
    people = tmp / "people.csv"
    people.write_text("Họ và tên,Chức vụ\nNguyễn Văn An,Chuyên viên\n", encoding="utf-8")
    db = ["--db", str(desk)]
    return [
        ["list", *db],
        ["search", "dong chi", *db],
        ["check", *db],
        ["export", str(meeting_id), "-o", str(tmp / "out.xlsx"), *db],
        ["export", str(meeting_id), "--what", "sites", "-o", str(tmp / "out.csv"), *db],
        # these write to the desk, so the window's lock refuses them with one line
        ["minutes", str(meeting_id), "-o", str(tmp / "out.pdf"), *db],
        ["import", str(people), "--dry-run", *db],
        ["export-package", str(meeting_id), "-o", str(package), *db],
        ["import-package", str(package), "--dry-run", *db],
    ]


def test_wal_kept_while_commands_read_the_desk_a_window_holds(tmp_path: Path) -> None:
    desk_path = tmp_path / "hoinghi.db"
    with open_desk(desk_path) as desk:
        meeting = build_demo(desk)
        assert meeting.id is not None
        start_meeting(desk, meeting.id, datetime.now())
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", MEETINGDESK_LANG="vi")
    holder = subprocess.Popen([sys.executable, str(HOLDER), str(desk_path), str(meeting.id)],
                              stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True,
                              encoding="utf-8", bufsize=1, env=env)
    events: queue.Queue[dict[str, object]] = queue.Queue()
    threading.Thread(target=_reader, args=(holder, events), daemon=True).start()
    seen: Counter[str] = Counter()
    acks: list[dict[str, object]] = []
    failures: list[str] = []

    def drain() -> None:
        while not events.empty():
            event = events.get()
            if "done" in event:
                seen[str(event["done"])] += 1
            elif "failed" in event:
                failures.append(str(event["failed"]))
            elif "ack" in event:
                acks.append(event)

    try:
        assert events.get(timeout=60) == {"ready": True}
        wal = f"{desk_path}-wal"
        commands = _read_only_commands(desk_path, meeting.id, tmp_path)
        results = []
        for _ in range(ROUNDS):
            for command in commands:
                results.append(subprocess.run(
                    [sys.executable, "-m", "meetingdesk", *command], capture_output=True,
                    text=True, encoding="utf-8", env=env, timeout=120))
                held = _open_files(holder.pid)
                assert not [f for f in held if f.endswith("(deleted)") and "hoinghi.db" in f], (
                    f"the holder's journal was unlinked after {command[0]}: {held}")
                assert wal in held, f"the holder has no -wal open: {held}"
                drain()
        for result in results:
            assert result.returncode in (0, 1), result.stderr
            assert "Traceback" not in result.stderr
            assert len(result.stderr.strip().splitlines()) <= 1, result.stderr
        assert sum(r.returncode == 0 for r in results) >= 5 * ROUNDS
        deadline = time.monotonic() + 60
        while min(seen[k] for k in ("backup", "draft", "minutes")) < 2:
            assert time.monotonic() < deadline, f"background work did not run: {seen}"
            time.sleep(0.1)
            drain()
        assert not failures, "\n".join(failures)
        assert holder.stdin is not None
        for n in range(NOTES):
            holder.stdin.write(f"file Ý kiến số {n} của đồng chí đại biểu điểm cầu Hà Giang\n")
        holder.stdin.flush()
        while len(acks) < NOTES:
            assert time.monotonic() < deadline + 60, f"only {len(acks)} notes acknowledged"
            time.sleep(0.05)
            drain()
        assert wal in _open_files(holder.pid)
    finally:
        os.kill(holder.pid, signal.SIGKILL)
        holder.wait()
    assert holder.returncode == -signal.SIGKILL
    with open_desk(desk_path, create=False) as desk:
        filed = {n.id: n.text for n in notes.notes_of(desk, meeting.id)}
        assert desk.db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    for ack in acks:
        assert filed.get(int(str(ack["id"]))) == ack["text"]
