"""Every visible string has its Vietnamese: the catalogue is complete and compiled, every
``tr()`` call of the GUI is in it, and a window opened in Vietnamese shows no English."""

from __future__ import annotations

import ast
import re
import xml.etree.ElementTree as ET
from pathlib import Path

from PySide6.QtCore import Qt, QTranslator
from PySide6.QtWidgets import (
    QAbstractButton,
    QComboBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QTableView,
    QTabWidget,
    QWidget,
)

from meetingdesk.gui.main_window import MainWindow
from meetingdesk.paths import resource

GUI = Path(__file__).resolve().parents[2] / "meetingdesk" / "gui"
TS = resource("translations", "meetingdesk_vi.ts")
PLACEHOLDER = re.compile(r"%\d|\{\w*\}")


def catalogue() -> dict[str, str | None]:
    """Source → Vietnamese (None when unfinished or empty)."""
    found: dict[str, str | None] = {}
    for message in ET.parse(TS).iter("message"):
        source = message.findtext("source") or ""
        translation = message.find("translation")
        done = (translation is not None and (translation.text or "").strip()
                and translation.get("type") not in ("unfinished", "vanished", "obsolete"))
        found[source] = translation.text if done and translation is not None else None
    return found


def tr_literals() -> dict[str, str]:
    """Every string literal passed to ``tr()`` in the GUI's sources, with where it is."""
    found: dict[str, str] = {}
    for path in sorted(GUI.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (isinstance(node, ast.Call) and isinstance(node.func, ast.Name)
                    and node.func.id == "tr" and node.args
                    and isinstance(node.args[0], ast.Constant)
                    and isinstance(node.args[0].value, str)):
                found[node.args[0].value] = f"{path.name}:{node.lineno}"
    return found


def test_translations_every_string_has_vietnamese() -> None:
    missing = [s for s, t in catalogue().items() if t is None]
    assert not missing, f"strings without Vietnamese: {missing}"


def test_translations_every_tr_call_is_in_the_catalogue() -> None:
    known = catalogue()
    absent = {s: where for s, where in tr_literals().items() if s not in known}
    assert not absent, ("run scripts/update_translations.py; not in the catalogue: "
                        f"{absent}")


def test_translations_keep_their_placeholders() -> None:
    for source, translation in catalogue().items():
        assert translation is not None
        assert sorted(PLACEHOLDER.findall(source)) == sorted(PLACEHOLDER.findall(translation)), \
            source


def test_translations_compiled_catalogue_is_current() -> None:
    translator = QTranslator()
    assert translator.load(str(TS.with_suffix(".qm")))
    for source, translation in catalogue().items():
        assert translator.translate("", source) == translation, \
            f"run scripts/update_translations.py: {source!r} differs in the .qm"


def visible_texts(root: QWidget) -> set[str]:
    texts: set[str] = set()
    widgets = [root, *root.findChildren(QWidget)]
    for w in widgets:
        if isinstance(w, QLabel | QAbstractButton | QGroupBox):
            texts.add(w.text() if not isinstance(w, QGroupBox) else w.title())
            texts.add(w.toolTip())
        if isinstance(w, QLineEdit | QPlainTextEdit):
            texts.add(w.placeholderText())
        if isinstance(w, QComboBox):
            texts.update(w.itemText(i) for i in range(w.count()))
        if isinstance(w, QTabWidget):
            texts.update(w.tabText(i) for i in range(w.count()))
        if isinstance(w, QTableView) and w.model() is not None:
            model = w.model()
            texts.update(str(model.headerData(c, Qt.Orientation.Horizontal))
                         for c in range(model.columnCount()))
        for action in w.actions():
            texts.add(action.text())
            if action.menu():
                texts.update(a.text() for a in action.menu().actions())
    return {t.replace("&", "") for t in texts if t}


def test_translations_window_in_vietnamese_shows_no_english(window: MainWindow) -> None:
    view = window.view
    assert view is not None
    english = {s.replace("&", "") for s, t in catalogue().items()
               if t is not None and t != s}
    shown: set[str] = set()
    for i in range(view.tabs.count()):
        view.tabs.setCurrentIndex(i)
        shown |= visible_texts(window)
    for menu in window.menuBar().actions():
        shown.add(menu.text().replace("&", ""))
        shown.update(a.text().replace("&", "") for a in menu.menu().actions())
    assert "Tổng quan" in shown and "Điểm danh" in shown
    assert not shown & english, f"English on screen: {sorted(shown & english)}"


def test_translations_labels_kept_follow_the_language_installed(qapp: object) -> None:
    from meetingdesk.domain.enums import AttendanceStatus
    from meetingdesk.gui import i18n
    from meetingdesk.gui.labels import label

    try:
        i18n.install("en")
        assert label(AttendanceStatus.PRESENT) == "Present in person"
        i18n.install("vi")
        assert label(AttendanceStatus.PRESENT) == "Có mặt trực tiếp"
    finally:
        i18n.install("vi")
