"""One program per desk file; a lock left by a killed process never blocks."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from meetingdesk.domain.errors import ConflictError
from meetingdesk.store.lock import DeskLock

HOLD = (
    "import sys, time\n"
    "from pathlib import Path\n"
    "from meetingdesk.store.lock import DeskLock\n"
    "lock = DeskLock(Path(sys.argv[1])); lock.acquire()\n"
    "print('locked', flush=True)\n"
    "time.sleep(60)\n"
)


def _holder(desk_path: Path) -> subprocess.Popen[str]:
    proc = subprocess.Popen([sys.executable, "-c", HOLD, str(desk_path)],
                            stdout=subprocess.PIPE, text=True)
    assert proc.stdout is not None and proc.stdout.readline().strip() == "locked"
    return proc


def test_lock_second_holder_gets_clear_message(desk_path: Path) -> None:
    proc = _holder(desk_path)
    try:
        with pytest.raises(ConflictError) as err:
            DeskLock(desk_path).acquire()
        # words for the user; which program holds it for the logs and the command line
        assert "đang được mở" in str(err.value) and str(proc.pid) not in str(err.value)
        assert str(proc.pid) in err.value.holder  # type: ignore[attr-defined]
    finally:
        proc.kill()
        proc.wait()


def test_lock_left_by_sigkill_never_blocks(desk_path: Path) -> None:
    proc = _holder(desk_path)
    os.kill(proc.pid, signal.SIGKILL)
    assert proc.wait() == -signal.SIGKILL
    assert DeskLock(desk_path).path.exists()  # the file stays behind...
    with DeskLock(desk_path) as lock:  # ...but does not block
        assert lock.held


def test_lock_release_lets_the_next_one_in(desk_path: Path) -> None:
    first = DeskLock(desk_path)
    first.acquire()
    first.release()
    with DeskLock(desk_path) as second:
        assert second.held
