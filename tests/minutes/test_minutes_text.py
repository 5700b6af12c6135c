"""What a reader finds in the minutes: the header wording, the title, every present delegate
and every note, in order — on the demo meeting and on a meeting full of hostile text."""

from __future__ import annotations

import re
import shutil
import subprocess
from collections.abc import Iterator
from io import BytesIO

import pytest
from conftest import PROFILES, assert_in_order, body_text, pdf_pages, squeeze
from hostile import HOSTILE_NOTES, build_hostile_meeting
from pypdf import PdfReader
from pypdf.generic import DictionaryObject, IndirectObject

from meetingdesk.domain.enums import Profile
from meetingdesk.minutes.generate import minutes_pdf
from meetingdesk.minutes.profiles import profile_for
from meetingdesk.services import meetings, notes, participation
from meetingdesk.store.desk import Desk, open_desk


def _expected(desk: Desk, meeting_id: int, profile: Profile) -> list[str]:
    """Header wording, BIÊN BẢN, the title, present delegates site by site, notes in order."""
    wording = profile_for(profile).wording
    present = [e for e in participation.attendance_list(desk, meeting_id)
               if e.attendance.status.is_present]
    names = [e.person.full_name
             for s in participation.meeting_sites(desk, meeting_id)
             for e in present if e.attendance.site_id == s.site.id]
    header = [wording.nation] + ([wording.motto] if wording.motto else [])
    return [*header, "BIÊN BẢN", meetings.get_meeting(desk, meeting_id).title, *names,
            *(n.text for n in notes.notes_of(desk, meeting_id))]


@pytest.fixture(scope="module")
def hostile_minutes(tmp_path_factory: pytest.TempPathFactory
                    ) -> Iterator[tuple[Desk, int, dict[Profile, bytes]]]:
    with open_desk(tmp_path_factory.mktemp("hostile") / "desk.db") as desk:
        meeting = build_hostile_meeting(desk)
        assert meeting.id is not None
        yield desk, meeting.id, {p: minutes_pdf(desk, meeting.id, profile=p) for p in PROFILES}


@pytest.mark.parametrize("profile", PROFILES)
def test_minutes_demo_text_in_order(demo_minutes: tuple[Desk, int, dict[Profile, bytes]],
                                    profile: Profile) -> None:
    desk, meeting_id, pdfs = demo_minutes
    assert_in_order(body_text(pdfs[profile]), _expected(desk, meeting_id, profile))


@pytest.mark.parametrize(("profile", "header"), [
    (Profile.STATE, ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
                     "Số: 12/BB-BTCTW"]),
    (Profile.PARTY, ["ĐẢNG CỘNG SẢN VIỆT NAM", "Số 12-BB/BTCTW",
                     "Hà Nội, ngày 03 tháng 4 năm 2023"]),
])
def test_minutes_demo_has_the_acceptance_wording(
        demo_minutes: tuple[Desk, int, dict[Profile, bytes]], profile: Profile,
        header: list[str]) -> None:
    text = squeeze(body_text(demo_minutes[2][profile]))
    for wanted in (*header, "BIÊN BẢN", "Thái Nguyên", "Phạm Hoàng Sơn",
                   "Phó Bí thư Thường trực Tỉnh ủy", "96-QĐ/TW",
                   "kết nối trực tuyến đến 6 điểm cầu", "tổng số 170 đại biểu",
                   "Điểm cầu Cao Bằng: triệu tập 20, có mặt 18 đồng chí",
                   "PHÓ TRƯỞNG BAN THƯỜNG TRỰC",
                   "kết thúc vào", "16 giờ 20 phút, ngày 03 tháng 4 năm 2023./.",
                   "Nơi nhận:", "Lưu: VT, Hồ sơ.", "Mai Văn Chính", "Nguyễn Thị Thu Hà",
                   "15:12 Mất kết nối (Mất tín hiệu hình ảnh)", "15:19 Đã kết nối lại"):
        assert squeeze(wanted) in text, wanted
    assert squeeze("tháng 04") not in text


def test_minutes_demo_page_numbers_start_on_page_two(
        demo_minutes: tuple[Desk, int, dict[Profile, bytes]]) -> None:
    for pdf in demo_minutes[2].values():
        pages = pdf_pages(pdf)
        assert len(pages) >= 3
        assert not pages[0].strip().split("\n")[0].strip().isdigit()
        body_text(pdf)  # asserts each later page starts with its number


@pytest.mark.parametrize("profile", PROFILES)
def test_minutes_hostile_text_in_order(
        hostile_minutes: tuple[Desk, int, dict[Profile, bytes]], profile: Profile) -> None:
    desk, meeting_id, pdfs = hostile_minutes
    expected = _expected(desk, meeting_id, profile)
    assert_in_order(body_text(pdfs[profile]), expected)
    stored = [n.text for n in notes.notes_of(desk, meeting_id)]
    assert len(stored) == len(HOSTILE_NOTES)
    assert "Cảm ơn các đồng chí 👍🏽 🇻🇳 — hoàn thành 100% ✅" in stored


def test_minutes_hostile_text_is_literal_not_markup(
        hostile_minutes: tuple[Desk, int, dict[Profile, bytes]]) -> None:
    text = squeeze(body_text(hostile_minutes[2][Profile.STATE]))
    for literal in ("<b>", "a<b & c>d", "&#xFFFFFF;", '<img src="/etc/hostname">',
                    '<a href="javascript:alert(1)">x</a>', "AT&T", "<script>alert(1)</script>",
                    '<font color="red">TỈNH</font>'.upper(), "Dòng 300: <tag300> &"):
        assert squeeze(literal) in text, literal
    assert squeeze("Thừa Thiên Huế") in text  # typed decomposed (NFD), printed precomposed


def _objects(reader: PdfReader) -> Iterator[DictionaryObject]:
    """Every dictionary object of the file (reportlab writes no object streams)."""
    assert not reader.xref_objStm
    for generation, numbers in reader.xref.items():
        for number in numbers:
            obj = reader.get_object(IndirectObject(number, generation, reader))
            if isinstance(obj, DictionaryObject):
                yield obj


def test_minutes_hostile_pdf_has_no_link_script_or_image(
        hostile_minutes: tuple[Desk, int, dict[Profile, bytes]]) -> None:
    for pdf in hostile_minutes[2].values():
        assert b"/URI" not in pdf and b"/JavaScript" not in pdf and b"/JS" not in pdf
        reader = PdfReader(BytesIO(pdf))
        for page in reader.pages:
            assert "/Annots" not in page
            resources = page["/Resources"]
            assert "/XObject" not in resources
        assert not any(o.get("/Subtype") == "/Image" for o in _objects(reader))


def _fonts(pdf: bytes) -> list[tuple[str, bool]]:
    """(name, embedded) of every font of the PDF, as pdffonts lists them."""
    if shutil.which("pdffonts"):
        out = subprocess.run(["pdffonts", "-"], input=pdf, capture_output=True,
                             check=False).stdout.decode()
        if out:
            return [(line.split()[0], re.split(r"\s{2,}", line)[-3].split()[0] == "yes")
                    for line in out.splitlines()[2:]]
    fonts = []
    for page in PdfReader(BytesIO(pdf)).pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            descriptor = font.get("/FontDescriptor")
            fonts.append((str(font["/BaseFont"]), bool(descriptor and "/FontFile2" in
                                                       descriptor.get_object())))
    return fonts


def test_minutes_use_only_embedded_liberation_serif(
        demo_minutes: tuple[Desk, int, dict[Profile, bytes]],
        hostile_minutes: tuple[Desk, int, dict[Profile, bytes]]) -> None:
    for pdf in (*demo_minutes[2].values(), *hostile_minutes[2].values()):
        fonts = _fonts(pdf)
        assert fonts
        for name, embedded in fonts:
            assert embedded, name
            assert "LiberationSerif" in name, name
        assert b"Helvetica" not in pdf
