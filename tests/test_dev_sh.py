"""scripts/dev.sh on a fresh or half-set-up machine: a broken .venv is recreated by itself,
and a user who may not install system packages gets one line with the command to run."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

from tests.reliability.media import open_to_others

ROOT = Path(__file__).resolve().parents[1]
DEV_SH = ROOT / "scripts" / "dev.sh"
NOBODY = ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"]

pytestmark = pytest.mark.skipif(sys.platform == "win32" or shutil.which("bash") is None,
                                reason="dev.sh is a bash script for Debian/Ubuntu")


def _bash(script: str, *, env: dict[str, str] | None = None,
          prefix: list[str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([*(prefix or []), "bash", "-c", f"source {DEV_SH}; {script}"],
                          capture_output=True, text=True, timeout=300,
                          env={"PATH": "/usr/local/bin:/usr/bin:/bin", **(env or {})})


def _python() -> str:
    return sys._base_executable if hasattr(sys, "_base_executable") else sys.executable


@pytest.mark.parametrize("broken", ["without-pip", "half-made"])
def test_dev_sh_recreates_a_broken_venv(tmp_path: Path, broken: str) -> None:
    venv = tmp_path / ".venv"
    if broken == "without-pip":
        subprocess.run([_python(), "-m", "venv", "--without-pip", str(venv)], check=True)
    else:
        (venv / "bin").mkdir(parents=True)  # what an interrupted `python3 -m venv` leaves
    result = _bash("ensure_venv", env={"VENV": str(venv), "PYTHON": _python()})
    assert result.returncode == 0, result.stderr
    assert "Recreating the broken virtual environment" in result.stdout
    pip = subprocess.run([str(venv / "bin" / "python"), "-m", "pip", "--version"],
                         capture_output=True, text=True)
    assert pip.returncode == 0, pip.stderr
    again = _bash("ensure_venv", env={"VENV": str(venv), "PYTHON": _python()})
    assert again.returncode == 0 and "Recreating" not in again.stdout


def test_dev_sh_missing_packages_as_a_user_stop_with_one_line() -> None:
    if os.geteuid() == 0 and shutil.which("setpriv") is None:
        pytest.skip("needs setpriv to run as a user who is not root")
    prefix = NOBODY if os.geteuid() == 0 else []
    if prefix and not open_to_others(ROOT / "scripts" / "dev.sh"):
        pytest.skip("the checkout lies in a folder other users cannot enter")
    with tempfile.TemporaryDirectory() as tmp:  # readable by that user
        os.chmod(tmp, 0o755)
        fake = Path(tmp) / "python3"
        # a Python without venv's ensurepip, as on a minimal Debian
        fake.write_text('#!/bin/sh\ncase "$*" in *ensurepip*) exit 1;; esac\n'
                        'exec /usr/bin/python3 "$@"\n')
        fake.chmod(0o755)
        result = _bash("APT_PACKAGES=(meetingdesk-no-such-package); setup_system",
                       env={"PYTHON": str(fake)}, prefix=prefix)
    assert result.returncode == 1
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert ("sudo apt-get install -y python3-venv meetingdesk-no-such-package" in lines[0]
            or "package manager" in lines[0])
