"""Crash harness: kill the real program with SIGKILL while it takes notes, and look for losses.

    python bench/crash_test.py --kills 50 --readers

Starts ``meetingdesk live`` on a demo desk (offscreen), types notes into the real note editor
through its scriptable path (``--driver``: commands on stdin, acknowledgements on stdout),
kills it with SIGKILL at a random moment, restarts it, and checks after each kill:

* the kill landed: the process ended by SIGKILL, while writes were under way (an
  acknowledgement arrived less than 1.5 s before the kill);
* ``PRAGMA integrity_check`` is ok and ``PRAGMA foreign_key_check`` finds nothing;
* *every* note acknowledged as filed is in the desk, with its text, and *every* draft
  acknowledged as saved is there (as the unfinished note, or at the start of a note filed
  since): an acknowledgement is sent only once the write is committed, so none may be lost,
  however close to the kill it came.

``--readers`` runs a second process throughout: the read-only commands (``list``, ``search``,
``check``, ``export``, ``minutes`` and dry runs) in a loop on the same desk, as a user would
while the window is open; any traceback or line that is not the expected one is a failure.

Prints "N/N kills survived, 0 notes lost (...: X notes and Y drafts checked ...)" or what was
lost, and exits 1 on any loss. POSIX only (SIGKILL).
"""

from __future__ import annotations

import argparse
import json
import os
import queue
import random
import signal
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from meetingdesk.services.demo import build_demo
from meetingdesk.services.live import start_meeting
from meetingdesk.store.desk import open_desk

WORDS = ("đồng chí", "báo cáo", "kết quả", "công tác", "tổ chức", "xây dựng Đảng", "quý 2",
         "triển khai", "Thái Nguyên", "nhiệm vụ", "cán bộ", "quy hoạch", "Kết luận 50-KL/TW",
         "đề nghị", "thống nhất", "rà soát", "Hòa Bình", "Đức", "thủy lợi", "ủy ban")
READ_ONLY_COMMANDS = (
    ("list",), ("search", "dong chi"), ("check",),
    ("export", "{meeting}", "-o", "{tmp}/ds.xlsx"),
    ("export", "{meeting}", "--what", "sites", "-o", "{tmp}/dc.csv"),
    ("import", "{tmp}/ds.csv", "--dry-run"),
    # writes: while the program runs, its lock refuses it in one line
    ("minutes", "{meeting}", "-o", "{tmp}/bb.pdf"),
)


@dataclass
class Ack:
    kind: str
    text: str
    at: float
    note_id: int | None = None


@dataclass
class Run:
    proc: subprocess.Popen[str]
    acks: queue.Queue[Ack] = field(default_factory=queue.Queue)
    ready: threading.Event = field(default_factory=threading.Event)
    reader: threading.Thread | None = None


def _reader(run: Run) -> None:
    assert run.proc.stdout is not None
    for line in run.proc.stdout:
        try:
            msg = json.loads(line)
        except json.JSONDecodeError:
            continue
        if msg.get("ready"):
            run.ready.set()
        elif "ack" in msg:
            run.acks.put(Ack(msg["ack"], msg["text"], time.monotonic(), msg.get("id")))


def start(desk: Path, meeting_id: int, *, show_stderr: bool = False) -> Run:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", MEETINGDESK_LANG="vi")
    log = desk.with_name("live-stderr.log")
    with log.open("w", encoding="utf-8") as err:
        proc = subprocess.Popen(
            [sys.executable, "-m", "meetingdesk", "-v", "live", str(meeting_id), "--db",
             str(desk), "--driver"],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE,
            stderr=None if show_stderr else err, text=True, encoding="utf-8",
            bufsize=1, env=env)
    run = Run(proc)
    run.reader = threading.Thread(target=_reader, args=(run,), daemon=True)
    run.reader.start()
    if not run.ready.wait(60):
        proc.kill()
        tail = log.read_text(encoding="utf-8").strip().splitlines()[-5:]
        raise SystemExit("the program did not start within 60 s: " + " | ".join(tail))
    return run


@dataclass
class Checked:
    notes: int = 0
    drafts: int = 0


def check(desk: Path, acks: list[Ack], checked: Checked) -> list[str]:
    """What the desk lost of what was acknowledged before the kill: every filed note and
    every saved draft is checked."""
    conn = sqlite3.connect(desk)
    try:
        problems = []
        integrity = [r[0] for r in conn.execute("PRAGMA integrity_check")]
        if integrity != ["ok"]:
            problems.append(f"integrity_check: {integrity[:3]}")
        fk = conn.execute("PRAGMA foreign_key_check").fetchall()
        if fk:
            problems.append(f"foreign_key_check: {len(fk)} violations")
        texts = [r[0] for r in conn.execute("SELECT text FROM notes")]
        kept = [r[0] for r in conn.execute("SELECT text FROM note_drafts")] + texts
        for ack in acks:
            if ack.kind == "filed":
                checked.notes += 1
                row = conn.execute("SELECT text FROM notes WHERE id = ?", [ack.note_id]).fetchone()
                if row is None or row[0] != ack.text:
                    problems.append(f"lost note {ack.note_id}: {ack.text[:40]!r}")
            elif ack.kind == "saved" and ack.text.strip():
                checked.drafts += 1
                typed = ack.text.strip()
                if not any(t.startswith(typed) for t in kept):
                    problems.append(f"lost typing: {typed[-40:]!r}")
        return problems
    finally:
        conn.close()


class Readers:
    """A second process running the read-only commands on the desk in a loop, until stopped."""

    def __init__(self, desk: Path, meeting_id: int, tmp: Path) -> None:
        (tmp / "ds.csv").write_text("Họ và tên\nNguyễn Văn An\n", encoding="utf-8")
        self.commands = [[a.format(meeting=meeting_id, tmp=tmp) for a in c]
                         for c in READ_ONLY_COMMANDS]
        self.desk = desk
        self.runs = 0
        self.problems: list[str] = []
        self.busy = threading.Lock()
        """Held while a command runs; held by the harness while it restarts the program
        (whose window, like a user's, would otherwise wait on a message that the desk is
        locked by ``minutes``)."""
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._loop, daemon=True)
        self._thread.start()

    def _loop(self) -> None:
        env = dict(os.environ, MEETINGDESK_LANG="vi")
        while not self._stop.is_set():
            for command in self.commands:
                if self._stop.is_set():
                    return
                with self.busy:
                    result = subprocess.run(
                        [sys.executable, "-m", "meetingdesk", *command, "--db", str(self.desk)],
                        capture_output=True, text=True, encoding="utf-8", env=env, timeout=300)
                self.runs += 1
                err = result.stderr.strip()
                locked = "đang được mở trong một cửa sổ MeetingDesk khác" in err
                if "Traceback" in err or len(err.splitlines()) > 1 or (
                        result.returncode != 0 and not locked):
                    self.problems.append(f"{command[0]}: exit {result.returncode}: "
                                         f"{err.splitlines()[-1] if err else ''}")

    def stop(self) -> None:
        self._stop.set()
        self._thread.join()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--kills", type=int, default=10)
    parser.add_argument("--seed", type=int, default=None)
    parser.add_argument("--max-delay", type=float, default=3.0,
                        help="longest typing time before a kill (s; the shortest is 1.2)")
    parser.add_argument("--readers", action="store_true",
                        help="run the read-only commands in a second process throughout")
    parser.add_argument("--verbose", action="store_true", help="show the program's stderr")
    args = parser.parse_args(argv)
    seed = args.seed if args.seed is not None else random.randrange(1 << 30)
    rng = random.Random(seed)
    print(f"crash test: {args.kills} kills, seed {seed}"
          + (", read-only commands running throughout" if args.readers else ""))
    with tempfile.TemporaryDirectory() as tmp:
        desk_path = Path(tmp) / "crash.db"
        with open_desk(desk_path) as desk:
            meeting = build_demo(desk)
            assert meeting.id is not None
            start_meeting(desk, meeting.id, datetime.now())
        survived, lost = 0, 0
        checked = Checked()
        note_no = 0
        readers = Readers(desk_path, meeting.id, Path(tmp)) if args.readers else None
        for kill in range(1, args.kills + 1):
            if readers is not None:
                with readers.busy:
                    run = start(desk_path, meeting.id, show_stderr=args.verbose)
            else:
                run = start(desk_path, meeting.id, show_stderr=args.verbose)
            acks: list[Ack] = []
            assert run.proc.stdin is not None
            deadline = time.monotonic() + rng.uniform(1.2, args.max_delay)
            typed_in_note = 0
            while time.monotonic() < deadline:
                if typed_in_note == 0:
                    note_no += 1
                    run.proc.stdin.write(f"type [k{kill}n{note_no}] \n")
                chunk = rng.choice(WORDS) + " "
                run.proc.stdin.write(f"type {chunk}\n")
                typed_in_note += 1
                if typed_in_note > rng.randint(4, 14):
                    run.proc.stdin.write("file\n")
                    typed_in_note = 0
                run.proc.stdin.flush()
                time.sleep(rng.uniform(0.02, 0.12))
            killed_at = time.monotonic()
            os.kill(run.proc.pid, signal.SIGKILL)
            code = run.proc.wait()
            assert run.reader is not None
            run.reader.join(10)  # every acknowledgement written before the kill, read to EOF
            while not run.acks.empty():
                acks.append(run.acks.get())
            recent = [a for a in acks if a.at > killed_at - 1.5]
            problems = check(desk_path, acks, checked)
            if code != -signal.SIGKILL:
                problems.append(f"the process ended with {code}, not by SIGKILL")
            if not recent:
                problems.append("no write was acknowledged in the 1.5 s before the kill")
            if problems:
                lost += 1
                print(f"kill {kill}: " + "; ".join(problems))
            else:
                survived += 1
            last = f"{(killed_at - acks[-1].at) * 1000:.0f} ms" if acks else "-"
            print(f"kill {kill}/{args.kills}: {len(acks)} acks, last {last} before the kill, "
                  f"{'ok' if not problems else 'FAILED'}", flush=True)
        reader_note = ""
        if readers is not None:
            readers.stop()
            reader_note = f"; {readers.runs} read-only commands run meanwhile"
            for problem in readers.problems:
                print(f"reader: {problem}")
            if readers.problems:
                lost += 1
        if lost:
            print(f"{survived}/{args.kills} kills survived, {lost} with losses")
            return 1
        print(f"{survived}/{args.kills} kills survived, 0 notes lost (every acknowledgement "
              f"checked: {checked.notes} notes filed and {checked.drafts} drafts saved"
              f"{reader_note})")
        return 0


if __name__ == "__main__":
    sys.exit(main())
