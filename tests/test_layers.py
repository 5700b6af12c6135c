"""The layer rules of DESIGN.md, checked by import-linter and at run time."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_layers_import_linter_contracts_hold() -> None:
    lint = Path(sys.executable).with_name("lint-imports")
    result = subprocess.run([str(lint), "--no-cache"], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "broken" not in result.stdout.lower().replace("0 broken", "")


def test_layers_headless_commands_never_load_qt(tmp_path: Path) -> None:
    code = (
        "import sys\n"
        "from meetingdesk.cli import main\n"
        f"main(['demo', '--no-gui', '--db', r'{tmp_path / 'd.db'}'])\n"
        f"main(['search', 'dong chi', '--db', r'{tmp_path / 'd.db'}'])\n"
        "loaded = [m for m in sys.modules if m.startswith(('PySide6', 'meetingdesk.gui'))]\n"
        "assert not loaded, loaded\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
