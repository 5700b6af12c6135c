"""The window on a desk it may not write: a visible "chỉ đọc" banner, every edit disabled,
reading (search, filters, export, print) still there; an empty file is refused and left
empty; a desk named that does not exist is not created."""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QAbstractItemView, QLineEdit, QPushButton

from meetingdesk.gui.main_window import MainWindow
from meetingdesk.gui.settings import Settings
from meetingdesk.services.demo import DEMO_TITLE, build_demo
from meetingdesk.store.desk import open_desk
from tests.reliability.media import is_root, remount_read_only, tmpfs


@pytest.fixture
def read_only_demo(tmp_path: Path) -> Iterator[Path]:
    if is_root():
        with tmpfs("16m") as folder:
            path = folder / "hoinghi.db"
            with open_desk(path) as desk:
                build_demo(desk)
            remount_read_only(folder)
            yield path
        return
    path = tmp_path / "hoinghi.db"
    with open_desk(path) as desk:
        build_demo(desk)
    path.chmod(0o444)
    tmp_path.chmod(0o555)
    try:
        yield path
    finally:
        tmp_path.chmod(0o755)


def test_read_only_desk_window_shows_banner_and_locks_edits(
        qtbot: Any, read_only_demo: Path, answers: list[tuple[str, str]]) -> None:
    before = hashlib.sha256(read_only_demo.read_bytes()).hexdigest()
    beside = sorted(p.name for p in read_only_demo.parent.iterdir())
    w = MainWindow(Settings())
    qtbot.addWidget(w)
    assert w.open_desk_file(read_only_demo, select_title=DEMO_TITLE), answers
    w.resize(1366, 768)
    w.show()
    qtbot.waitExposed(w)
    assert w.read_only_banner.isVisible() and "Chỉ đọc" in w.read_only_banner.text()
    assert w.view is not None
    for action in (w.new_meeting_action, w.delete_meeting_action, w.live_action,
                   w.import_action, w.import_package_action, w.backup_action):
        assert not action.isEnabled(), action.text()
    assert all(a.isEnabled() for a in w.export_actions)
    delegates = w.view.delegates if hasattr(w.view, "delegates") else None
    buttons = [b for b in w.view.findChildren(QPushButton)]
    assert buttons and not any(b.isEnabled() for b in buttons
                               if b.property("meetingdesk_reads") is None)
    for edit in w.view.findChildren(QLineEdit):
        assert edit.isReadOnly() or edit.property("meetingdesk_reads"), edit.objectName()
    for table in w.view.findChildren(QAbstractItemView):
        assert table.editTriggers() == QAbstractItemView.EditTrigger.NoEditTriggers
    # a tab that enables its buttons again on a selection does not undo the lock
    for b in buttons:
        if b.property("meetingdesk_reads") is None:
            b.setEnabled(True)
            assert not b.isEnabled()
    if delegates is not None:
        assert delegates.search.isEnabled() and not delegates.search.isReadOnly()
    w.close()
    assert hashlib.sha256(read_only_demo.read_bytes()).hexdigest() == before
    assert sorted(p.name for p in read_only_demo.parent.iterdir()) == beside  # nothing new


def test_read_only_desk_empty_file_refused_and_missing_desk_not_created(
        qtbot: Any, tmp_path: Path, answers: list[tuple[str, str]]) -> None:
    w = MainWindow(Settings())
    qtbot.addWidget(w)
    empty = tmp_path / "rong.db"
    empty.touch()
    assert not w.open_desk_file(empty)
    assert "tệp rỗng, không phải tệp dữ liệu MeetingDesk" in answers[-1][1]
    assert empty.stat().st_size == 0
    missing = tmp_path / "chua-co.db"
    assert not w.open_desk_file(missing)
    assert not missing.exists()
    assert w.open_desk_file(missing, create=True) and missing.stat().st_size > 0


def test_read_only_desk_minutes_preview_without_recording_a_version(
        qtbot: Any, read_only_demo: Path, answers: list[tuple[str, str]]) -> None:
    before = hashlib.sha256(read_only_demo.read_bytes()).hexdigest()
    w = MainWindow(Settings())
    qtbot.addWidget(w)
    assert w.open_desk_file(read_only_demo, select_title=DEMO_TITLE), answers
    assert w.view is not None
    tab = w.view.minutes
    w.view.tabs.setCurrentWidget(tab)
    assert tab.generate_button.isEnabled() and tab.model.rowCount() == 0
    tab.generate_button.click()
    qtbot.waitUntil(lambda: tab.document.pageCount() > 0, timeout=60_000)
    assert "chỉ đọc" in tab.progress_label.text()
    assert tab.model.rowCount() == 0  # nothing recorded
    w.close()
    assert hashlib.sha256(read_only_demo.read_bytes()).hexdigest() == before


def test_read_only_desk_notice_export_renders_without_recording_a_version(
        qtbot: Any, read_only_demo: Path, answers: list[tuple[str, str]],
        tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    """Export… on the Notice tab writes the notice as the meeting stands, records nothing,
    and the tab does not invite the generation it cannot do."""
    from PySide6.QtWidgets import QFileDialog

    before = hashlib.sha256(read_only_demo.read_bytes()).hexdigest()
    target = tmp_path_factory.mktemp("out") / "tb.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    w = MainWindow(Settings())
    qtbot.addWidget(w)
    assert w.open_desk_file(read_only_demo, select_title=DEMO_TITLE), answers
    w.show()
    qtbot.waitExposed(w)
    assert w.view is not None
    tab = w.view.notice
    w.view.tabs.setCurrentWidget(tab)
    assert tab.model.rowCount() == 0 and not tab.generate_button.isEnabled()
    assert "Ctrl+G" not in tab.state.text() and "chỉ đọc" in tab.state.text()
    assert tab.export_button.isEnabled() and tab.issued.isEnabled()
    tab.export_button.click()
    qtbot.waitUntil(lambda: bool(answers), timeout=60_000)
    assert answers[-1] == ("information", f"Đã ghi thông báo kết luận vào {target}.")
    assert target.read_bytes()[:5] == b"%PDF-"
    assert tab.model.rowCount() == 0  # nothing recorded
    w.close()
    assert hashlib.sha256(read_only_demo.read_bytes()).hexdigest() == before
