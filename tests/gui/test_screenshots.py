"""scripts/screenshots.py keeps working: one PNG per main view."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_screenshots_script_saves_every_view(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "screenshots.py"), "--out", str(tmp_path),
         "--size", "1366x768"], env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
        capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    names = sorted(p.name for p in tmp_path.glob("*.png"))
    assert len(names) == 31, names
    assert "1366x768-8-site-picker-bac-kan.png" in names
    assert "1366x768-14-live-mode.png" in names
    assert {"1366x768-15-print-dialog.png", "1366x768-16-user-guide.png",
            "1366x768-17-shortcuts.png", "1366x768-18-final-meeting-overview.png",
            "1366x768-7d-notice-corrected.png"} <= set(names)
    assert {"1366x768-19-task-register.png", "1366x768-20-report.png"} <= set(names)
    assert all(p.stat().st_size > 5_000 for p in tmp_path.glob("*.png"))
