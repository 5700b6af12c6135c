"""The directories of sites (with former names) and people."""

from __future__ import annotations

import unicodedata

import pytest

from meetingdesk.domain.enums import SiteKind
from meetingdesk.domain.errors import ConflictError, NotFoundError, ValidationError
from meetingdesk.services import directory, participation
from meetingdesk.store.desk import Desk


def nfd(text: str) -> str:
    return unicodedata.normalize("NFD", text)


def test_site_add_get_update_delete(desk: Desk) -> None:
    site = directory.add_site(desk, name=" Thái  Nguyên ", code="19",
                              aliases=("Bắc Kạn", " Bắc Kạn ", ""), contact_phone="0208 3855 123")
    assert site.id is not None
    assert (site.name, site.code, site.aliases) == ("Thái Nguyên", "19", ("Bắc Kạn",))
    assert directory.get_site(desk, site.id) == site

    changed = directory.update_site(desk, site.id, kind=SiteKind.OTHER,
                                    aliases=("Bắc Kạn", "Thái Nguyên cũ"), technician_name="Lâm")
    assert changed.kind is SiteKind.OTHER
    assert changed.aliases == ("Bắc Kạn", "Thái Nguyên cũ")
    assert changed.technician_name == "Lâm"
    assert changed.contact_phone == "0208 3855 123"

    directory.delete_site(desk, site.id)
    with pytest.raises(NotFoundError):
        directory.get_site(desk, site.id)


def test_site_decomposed_input_is_stored_composed(desk: Desk) -> None:
    site = directory.add_site(desk, name=nfd("Hòa Bình"), aliases=(nfd("Hoà Bình cũ"),))
    assert site.name == "Hòa Bình" and unicodedata.is_normalized("NFC", site.name)
    assert site.aliases == ("Hoà Bình cũ",)
    stored = desk.db.execute("SELECT name FROM sites").fetchone()[0]
    assert stored == "Hòa Bình"


def test_site_find_by_code_name_or_former_name(desk: Desk) -> None:
    site = directory.add_site(desk, name="Thái Nguyên", code="19", aliases=("Bắc Kạn",))
    assert directory.find_site(desk, "19") == site
    assert directory.find_site(desk, "thai nguyen") == site
    assert directory.find_site(desk, "BẮC KẠN") == site
    assert directory.find_site(desk, "Cao Bằng") is None


def test_site_list_puts_the_central_venue_first_then_vietnamese_order(desk: Desk) -> None:
    for name in ("Điện Biên", "Cao Bằng", "Đắk Lắk", "Dak Test", "An Giang"):
        directory.add_site(desk, name=name)
    directory.add_site(desk, name="Trụ sở Trung ương", kind=SiteKind.CENTRAL)
    assert [s.name for s in directory.list_sites(desk)] == [
        "Trụ sở Trung ương", "An Giang", "Cao Bằng", "Dak Test", "Đắk Lắk", "Điện Biên"]
    assert [s.name for s in directory.list_sites(desk, "dak")] == ["Dak Test", "Đắk Lắk"]


def test_site_duplicate_code_is_a_conflict_and_writes_nothing(desk: Desk, unchanged, says) -> None:
    directory.add_site(desk, name="Thái Nguyên", code="19")
    other = directory.add_site(desk, name="Cao Bằng", code="04")
    assert other.id is not None
    with unchanged(), pytest.raises(ConflictError) as caught:
        directory.add_site(desk, name="Bắc Kạn", code="19", aliases=("Bắc Thái",))
    says(caught.value, "Mã điểm cầu 19 đã được dùng", "already used")
    with unchanged(), pytest.raises(ConflictError):
        directory.update_site(desk, other.id, code="19", aliases=("Cao Bằng cũ",))


def test_site_empty_name_is_refused_and_writes_nothing(desk: Desk, unchanged, says) -> None:
    with unchanged(), pytest.raises(ValidationError) as caught:
        directory.add_site(desk, name=" \t\x00 ")
    says(caught.value, "Chưa nhập tên điểm cầu", "site name is empty")


def test_site_taking_part_in_a_meeting_cannot_be_deleted(desk: Desk, meeting_id: int,
                                                         unchanged, says) -> None:
    site = directory.add_site(desk, name="Thái Nguyên", aliases=("Bắc Kạn",))
    assert site.id is not None
    participation.add_meeting_site(desk, meeting_id=meeting_id, site_id=site.id)
    with unchanged(), pytest.raises(ConflictError) as caught:
        directory.delete_site(desk, site.id)
    says(caught.value, "đang tham gia một cuộc họp", "takes part in a meeting")


def test_site_missing_is_a_readable_not_found(desk: Desk, says) -> None:
    with pytest.raises(NotFoundError) as caught:
        directory.update_site(desk, 404, name="Không có")
    says(caught.value, "Không tìm thấy điểm cầu (mã 404)", "site (id 404) was not found")
    with pytest.raises(NotFoundError):
        directory.delete_site(desk, 404)


def test_person_add_get_update_delete(desk: Desk) -> None:
    site = directory.add_site(desk, name="Thái Nguyên")
    person = directory.add_person(
        desk, full_name=nfd("Phạm Hoàng Sơn"),
        titles=["Phó Bí thư Thường trực Tỉnh ủy", nfd("Chủ tịch HĐND tỉnh"), ""],
        organization="Tỉnh ủy Thái Nguyên", site_id=site.id, rank=30)
    assert person.id is not None
    assert person.full_name == "Phạm Hoàng Sơn"
    assert person.titles == ("Phó Bí thư Thường trực Tỉnh ủy", "Chủ tịch HĐND tỉnh")
    assert person.title_line == "Phó Bí thư Thường trực Tỉnh ủy, Chủ tịch HĐND tỉnh"
    assert directory.get_person(desk, person.id) == person

    changed = directory.update_person(desk, person.id, rank=20, email=" son@thainguyen.gov.vn ",
                                      titles=("Bí thư Tỉnh ủy",))
    assert (changed.rank, changed.email, changed.titles) == (
        20, "son@thainguyen.gov.vn", ("Bí thư Tỉnh ủy",))
    assert changed.site_id == site.id

    directory.delete_person(desk, person.id)
    with pytest.raises(NotFoundError):
        directory.get_person(desk, person.id)


def test_person_with_a_missing_site_is_refused_and_writes_nothing(desk: Desk, unchanged) -> None:
    with unchanged(), pytest.raises(NotFoundError):
        directory.add_person(desk, full_name="Dương Xuân Hùng", site_id=99)
    person = directory.add_person(desk, full_name="Dương Xuân Hùng")
    assert person.id is not None
    with unchanged(), pytest.raises(NotFoundError):
        directory.update_person(desk, person.id, site_id=99, rank=1)


def test_person_empty_or_overlong_name_is_refused(desk: Desk, unchanged, says) -> None:
    with unchanged(), pytest.raises(ValidationError) as caught:
        directory.add_person(desk, full_name="   ")
    says(caught.value, "Chưa nhập họ và tên", "full name is empty")
    with unchanged(), pytest.raises(ValidationError) as caught:
        directory.add_person(desk, full_name="A" * 5000)
    says(caught.value, "dài quá", "longer than")


def test_person_on_a_meeting_list_cannot_be_deleted(desk: Desk, meeting_id: int,
                                                    unchanged, says) -> None:
    person = directory.add_person(desk, full_name="Mai Văn Chính")
    assert person.id is not None
    participation.add_attendance(desk, meeting_id=meeting_id, person_id=person.id)
    with unchanged(), pytest.raises(ConflictError) as caught:
        directory.delete_person(desk, person.id)
    says(caught.value, "có tên trong thành phần", "attends a meeting")


def test_person_unknown_field_is_a_programming_error(desk: Desk) -> None:
    person = directory.add_person(desk, full_name="Mai Văn Chính")
    assert person.id is not None
    with pytest.raises(TypeError):
        directory.update_person(desk, person.id, nickname="Chính")


def test_person_list_in_vietnamese_name_order_or_by_rank(desk: Desk) -> None:
    for name, rank in (("Trần Thị Bình", 10), ("Nguyễn Văn An", 30), ("Lê Văn Đào", 20),
                       ("Phạm Dũng", 20)):
        directory.add_person(desk, full_name=name, rank=rank, titles=("Ủy viên",))
    assert [p.full_name for p in directory.list_people(desk)] == [
        "Nguyễn Văn An", "Trần Thị Bình", "Phạm Dũng", "Lê Văn Đào"]
    assert [p.full_name for p in directory.list_people(desk, by_rank=True)] == [
        "Trần Thị Bình", "Phạm Dũng", "Lê Văn Đào", "Nguyễn Văn An"]
    assert [p.full_name for p in directory.list_people(desk, "dao")] == ["Lê Văn Đào"]
    assert len(directory.list_people(desk, "uy vien")) == 4
