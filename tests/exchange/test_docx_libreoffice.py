"""The DOCX minutes as LibreOffice lays them out (Word users see the same): converted to PDF,
the signature names stand on one line and the page numbers start on page 2. Needs
``soffice`` (Debian ``libreoffice-writer-nogui``) and ``pdftotext`` (poppler-utils)."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from test_import_lists import demo_meeting_id

from meetingdesk.exchange.docx_minutes import render_minutes_docx
from meetingdesk.minutes.builder import build_minutes
from meetingdesk.minutes.profiles import PARTY, STATE, FormatProfile
from meetingdesk.store.desk import Desk

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
PDFTOTEXT = shutil.which("pdftotext")
pytestmark = pytest.mark.skipif(
    SOFFICE is None or PDFTOTEXT is None,
    reason="LibreOffice (libreoffice-writer-nogui) or pdftotext (poppler-utils) is missing")


def converted_pages(docx: Path) -> list[str]:
    """The pages of ``docx`` converted by LibreOffice, as laid-out text."""
    assert SOFFICE is not None and PDFTOTEXT is not None
    profile_dir = docx.parent / "lo-profile"
    subprocess.run([SOFFICE, f"-env:UserInstallation=file://{profile_dir}", "--headless",
                    "--convert-to", "pdf", "--outdir", str(docx.parent), str(docx)],
                   check=True, capture_output=True, timeout=180)
    text = subprocess.run([PDFTOTEXT, "-layout", str(docx.with_suffix(".pdf")), "-"],
                          check=True, capture_output=True, text=True, timeout=60).stdout
    return text.split("\f")


@pytest.mark.parametrize("profile", [STATE, PARTY], ids=["state", "party"])
def test_docx_in_libreoffice_signatures_level_and_page_numbers_from_page_two(
        demo_desk: Desk, tmp_path: Path, profile: FormatProfile) -> None:
    doc = build_minutes(demo_desk, demo_meeting_id(demo_desk), profile)
    path = tmp_path / "bien-ban.docx"
    path.write_bytes(render_minutes_docx(doc, profile))
    pages = [p for p in converted_pages(path) if p.strip()]
    assert len(pages) >= 2
    assert pages[0].split()[0] == doc.header.parent_agency.split()[0]
    assert pages[1].split()[0] == "2"
    lines = [line for page in pages for line in page.splitlines()]
    assert any("Nguyễn Thị Thu Hà" in line and "Mai Văn Chính" in line for line in lines)
    assert any("ngày 03 tháng 4 năm 2023" in line for line in lines)
