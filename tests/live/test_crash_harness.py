"""CI runs the crash harness with a few kills: SIGKILL while typing loses nothing settled."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")
def test_crash_harness_three_kills_with_readers_lose_nothing() -> None:
    result = subprocess.run(
        [sys.executable, str(ROOT / "bench" / "crash_test.py"), "--kills", "3",
         "--max-delay", "2.0", "--seed", "7", "--readers"],
        capture_output=True, text=True, timeout=240, cwd=ROOT)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "3/3 kills survived, 0 notes lost (every acknowledgement checked" in result.stdout
    assert "read-only commands run meanwhile" in result.stdout
