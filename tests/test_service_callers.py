"""Every public service function has a caller in the program itself, not only in tests: a
service the window, the live mode or the command line never calls is either given its place
or deleted (issue 12, item 7)."""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "meetingdesk"
SERVICES = PACKAGE / "services"


def service_functions() -> set[str]:
    """``module.function`` for every public top-level function of ``meetingdesk/services``."""
    found = set()
    for path in SERVICES.glob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        found |= {f"{path.stem}.{node.name}" for node in tree.body
                  if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef)
                  and not node.name.startswith("_")}
    return found


def references(path: Path) -> set[str]:
    """The ``module.function`` of services that ``path`` refers to (a call, or the function
    passed as a value): ``module.f`` through an imported services module, ``f`` imported
    from one, or ``f`` used inside its own module."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    modules: dict[str, str] = {}  # local name -> services module
    names: dict[str, str] = {}  # local name -> module.function
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module == "meetingdesk.services":
            modules |= {a.asname or a.name: a.name for a in node.names}
        elif isinstance(node, ast.ImportFrom) and (node.module or "").startswith(
                "meetingdesk.services."):
            stem = (node.module or "").rsplit(".", 1)[1]
            names |= {a.asname or a.name: f"{stem}.{a.name}" for a in node.names}
        elif isinstance(node, ast.Import):
            for a in node.names:
                if a.name.startswith("meetingdesk.services.") and a.asname:
                    modules[a.asname] = a.name.rsplit(".", 1)[1]
    own = path.stem if path.parent == SERVICES else None
    found = set()
    for node in ast.walk(tree):
        if (isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name)
                and node.value.id in modules):
            found.add(f"{modules[node.value.id]}.{node.attr}")
        elif isinstance(node, ast.Name) and isinstance(node.ctx, ast.Load):
            if node.id in names:
                found.add(names[node.id])
            elif own is not None:
                found.add(f"{own}.{node.id}")
    return found


def test_service_callers_every_public_function_is_called_by_the_program() -> None:
    used: set[str] = set()
    for path in PACKAGE.rglob("*.py"):
        used |= references(path)
    uncalled = sorted(service_functions() - used)
    assert not uncalled, ("Service functions with no caller outside the tests (give each its "
                          "place in the program, or delete it):\n" + "\n".join(uncalled))


def test_service_callers_finds_a_function_only_tests_call(tmp_path: Path) -> None:
    """The check itself: a reference through a module alias, an imported name and a use in
    the own module are seen; a function only defined is not."""
    user = tmp_path / "user.py"
    user.write_text("from meetingdesk.services import drafts as d\n"
                    "from meetingdesk.services.documents import add_document\n"
                    "d.get_draft(None, 1)\nadd_document\n", encoding="utf-8")
    assert references(user) == {"drafts.get_draft", "documents.add_document"}
