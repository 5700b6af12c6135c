"""Time the GUI: start-up to a responsive main window on the 1,000-meeting bench desk, beside
a bare PySide6 QMainWindow (the floor), and opening the delegates tab of a 3,000-delegate
meeting.

    .venv/bin/python bench/bench_gui.py [--db PATH] [--runs 7] [--tab-runs 7]

Start-up is measured from process start (just before ``Popen``) to the moment the program
writes ``ready`` on a pipe (``MEETINGDESK_READY_FD``): the main window has been shown with the
meeting list loaded and the newest meeting's first tab filled, and the event loop has answered
a zero-delay timer. The floor is the same measure for a script that imports PySide6, shows an
empty QMainWindow and answers the same timer. Both run offscreen unless ``QT_QPA_PLATFORM`` is
set (``xvfb-run`` gives a real X server). Targets: start-up median < 1.5 s; delegates tab of
the big meeting (100 sites, 3,000 delegates; ``bench/big_meeting.py``) shown < 300 ms.
Exits 1 when a target is missed.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from bench.big_meeting import build_big_meeting  # noqa: E402
from bench.make_desk import build_bench_desk  # noqa: E402

START_TARGET = 1.5
TAB_TARGET = 0.300

APP = """
import sys
from pathlib import Path
from meetingdesk.gui.app import run
sys.exit(run(Path(sys.argv[1])))
"""

FLOOR = """
import os, sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication(sys.argv[:1])
window = QMainWindow()
window.resize(1366, 768)
window.show()
def ready():
    os.write(int(os.environ["MEETINGDESK_READY_FD"]), b"ready\\n")
    window.close()
QTimer.singleShot(0, ready)
sys.exit(app.exec())
"""


def time_to_ready(code: str, *args: str, settings: Path) -> float:
    """Seconds from process start to its ``ready`` line."""
    read, write = os.pipe()
    env = {**os.environ, "MEETINGDESK_READY_FD": str(write), "MEETINGDESK_QUIT_WHEN_READY": "1",
           "MEETINGDESK_SETTINGS": str(settings), "PYTHONPATH": str(ROOT)}
    start = time.perf_counter()
    process = subprocess.Popen([sys.executable, "-c", code, *args], env=env, pass_fds=(write,),
                               stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    os.close(write)
    with os.fdopen(read, "rb") as pipe:
        line = pipe.readline()
    elapsed = time.perf_counter() - start
    _, err = process.communicate(timeout=120)
    if line != b"ready\n" or process.returncode != 0:
        raise SystemExit(f"the program did not start: {err.decode(errors='replace')}")
    return elapsed


def delegates_tab_times(runs: int) -> tuple[list[float], int]:
    """Seconds to switch to the delegates tab of the big meeting and paint it."""
    from PySide6.QtWidgets import QApplication

    from meetingdesk.gui import i18n
    from meetingdesk.gui.app import application
    from meetingdesk.gui.main_window import MainWindow
    from meetingdesk.gui.settings import Settings
    from meetingdesk.store.desk import open_desk

    folder = Path(tempfile.mkdtemp(prefix="meetingdesk-bench-gui-"))
    os.environ["MEETINGDESK_SETTINGS"] = str(folder / "settings.ini")
    path = folder / "big.db"
    with open_desk(path) as desk:
        meeting = build_big_meeting(desk)
    app = application()
    i18n.install("vi")
    window = MainWindow(Settings())
    window.open_desk_file(path)
    window.resize(1366, 768)
    window.show()
    window.meeting_list.choose(meeting.id)
    view = window.view
    assert view is not None
    QApplication.processEvents()
    times = []
    for _ in range(runs):
        view.tabs.setCurrentWidget(view.overview)
        view.delegates.mark_stale()
        QApplication.processEvents()
        start = time.perf_counter()
        view.tabs.setCurrentWidget(view.delegates)
        view.delegates.table.viewport().repaint()
        QApplication.processEvents()
        times.append(time.perf_counter() - start)
    rows = view.delegates.model.rowCount()
    window.close()
    app.processEvents()
    return times, rows


def main() -> int:
    parser = argparse.ArgumentParser(description="Time the GUI against its targets.")
    parser.add_argument("--db", type=Path, default=Path(tempfile.gettempdir())
                        / "meetingdesk-bench-1000.db")
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--tab-runs", type=int, default=7)
    args = parser.parse_args()
    desk = build_bench_desk(args.db, meetings=1000, reuse=True, log=print)
    settings = Path(tempfile.mkdtemp(prefix="meetingdesk-bench-gui-")) / "settings.ini"
    time_to_ready(APP, str(desk), settings=settings)  # warm the file cache once
    app = sorted(time_to_ready(APP, str(desk), settings=settings) for _ in range(args.runs))
    floor = sorted(time_to_ready(FLOOR, settings=settings) for _ in range(args.runs))
    tab, rows = delegates_tab_times(args.tab_runs)
    start_median, floor_median = statistics.median(app), statistics.median(floor)
    tab_median = statistics.median(tab)
    start_ok, tab_ok = start_median < START_TARGET, tab_median < TAB_TARGET
    print(f"platform: {os.environ['QT_QPA_PLATFORM']}, {args.runs} runs each")
    print(f"{'measure':52}{'median':>9}{'min':>9}{'max':>9}{'target':>9}  result")
    print(f"{'main window ready, 1,000-meeting desk (s)':52}{start_median:9.3f}{app[0]:9.3f}"
          f"{app[-1]:9.3f}{'< 1.5':>9}  {'PASS' if start_ok else 'MISS'}")
    print(f"{'floor: bare PySide6 QMainWindow (s)':52}{floor_median:9.3f}{floor[0]:9.3f}"
          f"{floor[-1]:9.3f}{'—':>9}")
    print(f"{'ratio main window / floor':52}{start_median / floor_median:9.2f}")
    print(f"{f'delegates tab, {rows:,} delegates (ms)':52}{tab_median * 1000:9.1f}"
          f"{min(tab) * 1000:9.1f}{max(tab) * 1000:9.1f}{'< 300':>9}  "
          f"{'PASS' if tab_ok else 'MISS'}")
    return 0 if start_ok and tab_ok else 1


if __name__ == "__main__":
    sys.exit(main())
