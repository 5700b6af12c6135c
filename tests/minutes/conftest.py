"""Shared fixtures and helpers of the minutes tests: PDFs rendered once per module, and their
text as a reader (pdftotext) extracts it."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import unicodedata
from collections.abc import Iterator, Sequence
from io import BytesIO
from pathlib import Path

import pytest
from pypdf import PdfReader

from meetingdesk.domain.enums import Profile
from meetingdesk.minutes.generate import minutes_pdf
from meetingdesk.services.demo import build_demo
from meetingdesk.store.desk import Desk, open_desk

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:  # ``bench`` is a folder of scripts, not an installed package
    sys.path.insert(0, str(ROOT))
HERE = Path(__file__).resolve().parent
if str(HERE) not in sys.path:
    sys.path.insert(0, str(HERE))

PROFILES = (Profile.STATE, Profile.PARTY)


def pdf_pages(pdf: bytes) -> list[str]:
    """The text of each page, in drawing order (``pdftotext -raw``; pypdf without poppler)."""
    if shutil.which("pdftotext"):
        out = subprocess.run(["pdftotext", "-raw", "-enc", "UTF-8", "-", "-"], input=pdf,
                             capture_output=True, check=True).stdout.decode("utf-8")
        pages = out.split("\f")
        return pages[:-1] if pages and not pages[-1].strip() else pages
    return [page.extract_text() for page in PdfReader(BytesIO(pdf)).pages]


def body_text(pdf: bytes) -> str:
    """The whole text without the page numbers at the top of pages 2, 3…"""
    kept = []
    for number, page in enumerate(pdf_pages(pdf), 1):
        lines = page.strip("\n").split("\n")
        if number > 1:
            assert lines[0].strip() == str(number), f"page {number} starts with {lines[0]!r}"
            lines = lines[1:]
        kept.append("\n".join(lines))
    return "\n".join(kept)


def squeeze(text: str) -> str:
    """NFC without any white space: wrapping splits lines (and long words) anywhere."""
    return re.sub(r"\s+", "", unicodedata.normalize("NFC", text))


def assert_in_order(text: str, expected: Sequence[str]) -> None:
    """Each expected string occurs in ``text`` after the previous one (white space aside)."""
    haystack = squeeze(text)
    position = 0
    for item in expected:
        found = haystack.find(squeeze(item), position)
        assert found >= 0, f"not found after position {position}: {item[:80]!r}"
        position = found + len(squeeze(item))


@pytest.fixture(scope="module")
def module_desk(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Desk]:
    with open_desk(tmp_path_factory.mktemp("minutes") / "desk.db") as desk:
        yield desk


@pytest.fixture(scope="module")
def demo_minutes(module_desk: Desk) -> tuple[Desk, int, dict[Profile, bytes]]:
    """The demo desk, its meeting id and its minutes in both profiles."""
    meeting = build_demo(module_desk)
    assert meeting.id is not None
    return module_desk, meeting.id, {p: minutes_pdf(module_desk, meeting.id, profile=p)
                                     for p in PROFILES}
