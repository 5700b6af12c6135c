"""File ▸ Export ▸ Conclusion notice writes the demo's notice as PDF (a version) and DOCX."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QFileDialog

from meetingdesk.gui.main_window import MainWindow
from meetingdesk.services import notice_versions


@pytest.mark.parametrize("name", ["tb.pdf", "tb.docx"])
def test_notice_export_writes_the_file(window: MainWindow, qtbot: Any, tmp_path: Path,
                                       monkeypatch: pytest.MonkeyPatch,
                                       answers: list[tuple[str, str]], name: str) -> None:
    target = tmp_path / name
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        lambda *args, **kwargs: (str(target), ""))
    window.export_notice()
    qtbot.waitUntil(lambda: bool(answers) and answers[-1][0] == "information",
                    timeout=30_000)
    assert answers[-1][1] == f"Đã ghi thông báo kết luận vào {target}."
    assert target.read_bytes()[:4] in (b"%PDF", b"PK\x03\x04")
    assert window.session is not None
    meeting_id = window.meeting_list.current_id()
    assert meeting_id is not None
    versions = notice_versions.list_versions(window.session.desk, meeting_id)
    assert len(versions) == (1 if name.endswith(".pdf") else 0)
