"""A real exception escaping a real slot (outside pytest-qt's own hook): logged, shown in a
message box, the data left as it was, the program still running."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

SCRIPT = r'''
import logging, sys
from pathlib import Path
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QMessageBox
from meetingdesk.gui import i18n
from meetingdesk.gui.app import application
from meetingdesk.gui.errors import install_excepthook
from meetingdesk.gui.main_window import MainWindow
from meetingdesk.gui.settings import Settings
from meetingdesk.services import meetings
from meetingdesk.services.demo import DEMO_TITLE, build_demo
from meetingdesk.store.desk import open_desk

logging.basicConfig(level=logging.WARNING)
path = Path(sys.argv[1])
with open_desk(path) as d:
    build_demo(d)
app = application()
i18n.install("vi")
install_excepthook()
QMessageBox.exec = lambda box: print("BOX:", box.text(), flush=True) or 0
window = MainWindow(Settings())
window.open_desk_file(path, select_title=DEMO_TITLE)
window.show()
desk = window.session.desk
view = window.view
mid = view.meeting_id
before = meetings.get_meeting(desk, mid)
real = meetings.update_meeting

def broken(*args, **kwargs):
    with desk.transaction():
        real(*args, **kwargs)
        raise RuntimeError("boom in the service")

meetings.update_meeting = broken
view.overview.title.setText("Sửa dở")
QTimer.singleShot(0, view.overview.save_button.click)

def check():
    print("ALIVE", meetings.get_meeting(desk, mid) == before, flush=True)
    window.close()

QTimer.singleShot(200, check)
sys.exit(app.exec())
'''


def test_excepthook_slot_exception_logged_shown_data_intact(tmp_path: Path) -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen",
           "MEETINGDESK_SETTINGS": str(tmp_path / "s.ini")}
    result = subprocess.run([sys.executable, "-c", SCRIPT, str(tmp_path / "d.db")], env=env,
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert "BOX: Thao tác không thực hiện được do một lỗi ngoài dự kiến. Dữ liệu của bạn " \
           "không bị thay đổi." in result.stdout
    assert "ALIVE True" in result.stdout
    assert "RuntimeError: boom in the service" in result.stderr  # the log has the traceback
