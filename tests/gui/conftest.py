"""GUI fixtures: an isolated settings file, the Vietnamese interface, a main window on the
demo desk, and dialogs answered the way a user would."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QObject
from PySide6.QtWidgets import QApplication, QMessageBox

from meetingdesk.gui import i18n
from meetingdesk.gui.collector import collect_in_gui_thread
from meetingdesk.gui.jobs import BackgroundRunner
from meetingdesk.gui.main_window import MainWindow
from meetingdesk.gui.settings import Settings
from meetingdesk.services.demo import DEMO_TITLE
from meetingdesk.store.desk import Desk


@pytest.fixture(autouse=True)
def gui_environment(qapp: QApplication, tmp_path: Path,
                    monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Settings in a temporary file, interface in Vietnamese, no stray message boxes."""
    monkeypatch.setenv("MEETINGDESK_SETTINGS", str(tmp_path / "settings.ini"))
    i18n.install("vi")
    collector = collect_in_gui_thread(qapp)  # as the program does: never in a worker
    yield
    i18n.install("vi")
    collector.collect()
    collector.stop()


@pytest.fixture
def answers(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, str]]:
    """Message boxes answer Yes; every one shown is recorded as (kind, text)."""
    shown: list[tuple[str, str]] = []

    def recorder(kind: str, result: Any) -> Callable[..., Any]:
        def show(_parent: Any, _title: str, text: str, *args: Any, **kwargs: Any) -> Any:
            shown.append((kind, text))
            return result
        return show

    monkeypatch.setattr(QMessageBox, "question",
                        recorder("question", QMessageBox.StandardButton.Yes))
    monkeypatch.setattr(QMessageBox, "warning", recorder("warning", QMessageBox.StandardButton.Ok))
    monkeypatch.setattr(QMessageBox, "information",
                        recorder("information", QMessageBox.StandardButton.Ok))
    monkeypatch.setattr(QMessageBox, "exec", lambda box: shown.append(("critical", box.text()))
                        or QMessageBox.StandardButton.Ok)
    return shown


def open_window(qtbot: Any, desk: Desk) -> MainWindow:
    """The main window on ``desk`` with the demo meeting open, at 1366×768, active."""
    w = MainWindow(Settings())
    qtbot.addWidget(w)
    assert w.open_desk_file(desk.path, select_title=DEMO_TITLE)
    w.resize(1366, 768)
    w.show()
    qtbot.waitExposed(w)
    w.activateWindow()
    qtbot.waitUntil(w.isActiveWindow)
    return w


@pytest.fixture
def window(qtbot: Any, demo_desk: Desk, answers: list[tuple[str, str]]) -> MainWindow:
    """The main window on the demo desk, the demo meeting open, at 1366×768."""
    return open_window(qtbot, demo_desk)


def run_dialog(monkeypatch: pytest.MonkeyPatch, cls: type, fill: Callable[[Any], bool]) -> None:
    """Make ``cls.exec()`` fill the dialog with ``fill(dialog)`` and accept if it returns True."""
    monkeypatch.setattr(cls, "exec", lambda self: 1 if fill(self) else 0)


@pytest.fixture
def runner(qapp: Any) -> Any:
    """A background runner owned by a plain QObject, shut down after the test."""
    owner = QObject()
    r = BackgroundRunner(owner)
    yield r
    r.shutdown()
