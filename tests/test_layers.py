"""The layer rules of docs/ARCHITECTURE.md, checked by import-linter and at run time."""

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


def test_layers_sql_only_in_store() -> None:
    """No module outside meetingdesk/store holds SQL: no SQL statement or ``= ?`` in a string
    (docstrings aside), no ``order_by=`` argument; services call named store methods."""
    import ast
    import re

    sql = re.compile(r"\b(SELECT|INSERT|UPDATE|DELETE|CREATE|PRAGMA)\b\s|=\s*\?")
    package = ROOT / "meetingdesk"
    found: list[str] = []
    for path in sorted(package.rglob("*.py")):
        if (package / "store") in path.parents:
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        docstrings = {
            id(node.body[0].value)
            for node in ast.walk(tree)
            if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef
                          | ast.AsyncFunctionDef)
            and node.body and isinstance(node.body[0], ast.Expr)
            and isinstance(node.body[0].value, ast.Constant)
        }
        where = path.relative_to(ROOT)
        for node in ast.walk(tree):
            if (isinstance(node, ast.Constant) and isinstance(node.value, str)
                    and id(node) not in docstrings and sql.search(node.value)):
                found.append(f"{where}:{node.lineno}: {node.value[:60]!r}")
            elif isinstance(node, ast.keyword) and node.arg == "order_by":
                found.append(f"{where}:{node.lineno}: order_by=")
    assert not found, "SQL outside meetingdesk/store:\n" + "\n".join(found)


def test_layers_gui_takes_only_the_desk_type_from_store() -> None:
    """The GUI names the ``Desk`` handle in its annotations; everything else (opening, locks,
    snapshots, SQLite) it reaches through the services (the import contract forbids the rest
    of ``store``, ``sqlite3`` and ``sqlite_utils``)."""
    import ast

    found: list[str] = []
    for path in sorted((ROOT / "meetingdesk" / "gui").rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        for node in ast.walk(tree):
            if (isinstance(node, ast.ImportFrom) and node.module == "meetingdesk.store.desk"
                    and [a.name for a in node.names] != ["Desk"]):
                found.append(f"{path.relative_to(ROOT)}:{node.lineno}")
    assert not found, "the GUI imports more than Desk from store.desk:\n" + "\n".join(found)


def test_layers_nothing_points_outside_the_repository() -> None:
    """What the project needs lives in it: no file cites the design notes or the reference
    folder kept beside the repository."""
    outside = ("../" + "shared", "DESIGN" + ".md", "shared/" + "reference")
    listed = subprocess.run(["git", "ls-files"], cwd=ROOT, capture_output=True, text=True,
                            check=True).stdout.split()
    found = []
    for name in listed:
        path = ROOT / name
        if path.suffix not in (".py", ".md", ".toml", ".sh", ".spec", ".txt", ".cfg", ".ts") \
                or not path.is_file():
            continue
        text = path.read_text(encoding="utf-8", errors="replace")
        found += [f"{name}: {o}" for o in outside if o in text]
    assert not found, "\n".join(found)
