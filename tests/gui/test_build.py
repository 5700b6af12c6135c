"""The PyInstaller build (build.spec) builds and the built program starts offscreen.

Slow (a build takes a while): runs only with ``MEETINGDESK_BUILD_TEST=1``.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.slow
@pytest.mark.skipif(os.environ.get("MEETINGDESK_BUILD_TEST") != "1",
                    reason="set MEETINGDESK_BUILD_TEST=1 to build with PyInstaller")
def test_build_one_folder_program_starts_offscreen() -> None:
    result = subprocess.run(["bash", str(ROOT / "scripts" / "build_check.sh")], cwd=ROOT,
                            env={**os.environ, "PYTHON": sys.executable},
                            capture_output=True, text=True, timeout=1800)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    assert "build_check: OK" in result.stdout
