"""The checks after the first paint: nothing shown for a healthy desk, a banner saying what
was found and what to do otherwise (pytest-qt)."""

from __future__ import annotations

import sqlite3
from datetime import datetime
from pathlib import Path
from typing import Any

from meetingdesk.gui.main_window import MainWindow
from meetingdesk.gui.settings import Settings
from meetingdesk.services.backups import take_backup
from meetingdesk.store.desk import open_desk
from tests.fixtures import bad_desks
from tests.fixtures.bad_desks import garble_search_index
from tests.services.test_desk_checks import fingerprint


def opened(qtbot: Any, path: Path) -> MainWindow:
    """A window on ``path``, shown, its checks after the first paint finished."""
    w = MainWindow(Settings())
    qtbot.addWidget(w)
    assert w.open_desk_file(path)
    w.show()
    qtbot.waitExposed(w)
    qtbot.waitUntil(lambda: w.check_banner.findings is not None
                    or w.check_banner.isVisible(), timeout=10000)
    return w


def test_desk_check_banner_healthy_desk_shows_none(qtbot: Any, tmp_path: Path) -> None:
    w = opened(qtbot, bad_desks.good_desk(tmp_path))
    assert w.check_banner.findings is not None and w.check_banner.findings.ok
    assert not w.check_banner.isVisible()
    assert w.new_meeting_action.isEnabled()
    assert w.work is not None and w.work.may_write
    w.close()


def test_desk_check_banner_damage_only_the_slow_check_finds(
        qtbot: Any, tmp_path: Path, answers: list[tuple[str, str]]) -> None:
    path = bad_desks.good_desk(tmp_path)
    with open_desk(path) as desk:
        take_backup(desk, "manual", datetime(2026, 3, 2, 8, 0))
    garble_search_index(path)
    before = fingerprint(path)
    w = opened(qtbot, path)
    assert answers == []  # no dialog: the window opened, then the banner
    banner = w.check_banner
    assert banner.isVisible()
    assert "Kiểm tra tệp dữ liệu thấy tệp bị hỏng" in banner.text.text()
    assert "02/03/2026 08:00" in banner.text.text()
    assert banner.restore_button.isVisible()
    assert not w.new_meeting_action.isEnabled() and w.restore_action.isEnabled()
    assert w.view is not None and not w.view.overview.save_button.isEnabled()
    w.close()
    assert fingerprint(path) == before


def test_desk_check_banner_broken_references_warn_and_leave_the_desk_usable(
        qtbot: Any, tmp_path: Path) -> None:
    path = bad_desks.good_desk(tmp_path)
    conn = sqlite3.connect(path)  # as another program could have left it
    conn.execute("UPDATE notes SET agenda_item_id = 999")
    conn.commit()
    conn.close()
    w = opened(qtbot, path)
    banner = w.check_banner
    assert banner.isVisible()
    assert "1 bản ghi trỏ tới bản ghi không còn nữa" in banner.text.text()
    assert w.new_meeting_action.isEnabled()
    banner.hide_button.click()
    assert not banner.isVisible()
    w.close()
