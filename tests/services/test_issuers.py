"""The issuer directory, a meeting's issuer and signers, the present counts sites report."""

from __future__ import annotations

import pytest

from meetingdesk.domain.enums import AttendanceStatus, Profile, Role
from meetingdesk.domain.errors import ConflictError, ValidationError
from meetingdesk.domain.records import Person
from meetingdesk.services import (
    directory,
    headcounts,
    meetings,
    organization,
    participation,
    signers,
)
from meetingdesk.store.desk import Desk

THAI_NGUYEN = {"name": "BAN TỔ CHỨC TỈNH ỦY THÁI NGUYÊN", "parent_body": "ĐẢNG BỘ TỈNH THÁI NGUYÊN",
               "place": "Thái Nguyên", "profile": Profile.PARTY, "number_code": "BB/BTCTU"}


def test_issuers_a_new_desk_has_one_blank_default_issuer(desk: Desk) -> None:
    (issuer,) = organization.list_issuers(desk)
    assert issuer.is_default and issuer.name == "" and issuer.profile is Profile.PARTY
    assert organization.default_issuer(desk) == issuer


def test_issuers_add_update_default_and_refuse_bad_input(desk: Desk) -> None:
    tn = organization.add_issuer(desk, **THAI_NGUYEN,  # type: ignore[arg-type]
                                 recipients=["Như trên", " ", "Thường trực Tỉnh ủy"])
    assert tn.id is not None and not tn.is_default
    assert tn.recipients == ("Như trên", "Thường trực Tỉnh ủy")
    assert organization.set_default_issuer(desk, tn.id).is_default
    assert [i.id for i in organization.list_issuers(desk) if i.is_default] == [tn.id]
    updated = organization.update_issuer(desk, tn.id, place=" Thái  Nguyên ", profile="state")
    assert (updated.place, updated.profile) == ("Thái Nguyên", Profile.STATE)
    with pytest.raises(ValueError):
        organization.update_issuer(desk, tn.id, profile="royal")
    with pytest.raises(ValidationError):
        organization.add_issuer(desk, name="  ")
    assert [i for i in organization.list_issuers(desk) if i.id == tn.id] == [updated]


def test_issuers_new_meeting_takes_the_default_issuer_and_its_signers(desk: Desk) -> None:
    chair = directory.add_person(desk, full_name="Dương Xuân Hùng", titles=(
        "Uỷ viên Ban Thường vụ", "Trưởng Ban Tổ chức Tỉnh uỷ Thái Nguyên"))
    clerk = directory.add_person(desk, full_name="Hoàng Thị Lan", titles=("Chuyên viên",))
    tn = organization.add_issuer(desk, **THAI_NGUYEN, make_default=True,  # type: ignore[arg-type]
                                 chair_person_id=chair.id, secretary_person_id=clerk.id)
    meeting = meetings.create_meeting(desk, title="Giao ban quý 2")
    assert meeting.issuer_id == tn.id
    assert (meeting.chair_signer_id, meeting.secretary_signer_id) == (chair.id, clerk.id)
    assert meeting.chair_signer_title == "Trưởng Ban"
    copy = meetings.copy_meeting(desk, meeting.id or 0, title="Giao ban quý 3")
    assert (copy.issuer_id, copy.chair_signer_id) == (tn.id, chair.id)


def test_issuers_in_use_or_default_cannot_be_deleted(desk: Desk) -> None:
    default = organization.default_issuer(desk)
    assert default is not None and default.id is not None
    with pytest.raises(ConflictError):
        organization.delete_issuer(desk, default.id)
    other = organization.add_issuer(desk, name="UBND TỈNH CAO BẰNG")
    meetings.create_meeting(desk, title="Họp", issuer_id=other.id)
    with pytest.raises(ConflictError):
        organization.delete_issuer(desk, other.id or 0)
    spare = organization.add_issuer(desk, name="SỞ NỘI VỤ")
    organization.delete_issuer(desk, spare.id or 0)
    assert spare.id not in {i.id for i in organization.list_issuers(desk)}


@pytest.mark.parametrize(("titles", "issuer", "expected"), [
    (("Ủy viên Trung ương Đảng", "Phó Trưởng Ban Thường trực Ban Tổ chức Trung ương"),
     "BAN TỔ CHỨC TRUNG ƯƠNG", "Phó Trưởng Ban Thường trực"),
    (("Uỷ viên Ban Thường vụ", "Trưởng Ban Tổ chức Tỉnh uỷ"), "UBND TỈNH",
     "Trưởng Ban Tổ chức Tỉnh uỷ"),
    (("Uỷ viên Ban Thường vụ", "Trưởng Ban Tổ chức Tỉnh uỷ"),
     "BAN TỔ CHỨC TỈNH ỦY THÁI NGUYÊN", "Trưởng Ban"),
    (("Ủy viên Ban Chấp hành",), "X", "Ủy viên Ban Chấp hành"),
    ((), "X", ""),
])
def test_signers_derived_title(titles: tuple[str, ...], issuer: str, expected: str) -> None:
    from meetingdesk.domain.records import Issuer
    assert signers.derived_title(Person(1, "A", titles), Issuer(1, issuer)) == expected


def test_signers_set_edit_and_clear(desk: Desk) -> None:
    organization.update_issuer(desk, organization.list_issuers(desk)[0].id or 0,
                               name="BAN TỔ CHỨC TRUNG ƯƠNG")
    person = directory.add_person(desk, full_name="Mai Văn Chính", titles=(
        "Ủy viên Trung ương Đảng", "Phó Trưởng Ban Thường trực Ban Tổ chức Trung ương"))
    meeting = meetings.create_meeting(desk, title="Họp")
    mid = meeting.id or 0
    m = signers.set_signer(desk, meeting_id=mid, role=Role.CHAIR, person_id=person.id)
    assert (m.chair_signer_id, m.chair_signer_title) == (person.id, "Phó Trưởng Ban Thường trực")
    m = signers.set_signer(desk, meeting_id=mid, role="chair", person_id=person.id,
                           title="KT. TRƯỞNG BAN")
    assert m.chair_signer_title == "KT. TRƯỞNG BAN"
    m = signers.set_signer(desk, meeting_id=mid, role=Role.CHAIR, person_id=None)
    assert (m.chair_signer_id, m.chair_signer_title) == (None, "")
    with pytest.raises(ValueError):
        signers.set_signer(desk, meeting_id=mid, role=Role.GUEST, person_id=person.id)


def test_headcounts_report_present_with_the_named_as_floor(desk: Desk) -> None:
    site = directory.add_site(desk, name="Cao Bằng", code="CB")
    meeting = meetings.create_meeting(desk, title="Họp")
    mid = meeting.id or 0
    ms = participation.add_meeting_site(desk, meeting_id=mid, site_id=site.id or 0, summoned=20)
    person = directory.add_person(desk, full_name="Nông Văn A", site_id=site.id)
    a = participation.add_attendance(desk, meeting_id=mid, person_id=person.id or 0)
    participation.update_attendance(desk, a.id or 0, status=AttendanceStatus.ONLINE)
    assert headcounts.report_present(desk, ms.id or 0, present=18).present == 18
    with pytest.raises(ValidationError, match="không thể ít hơn 1"):
        headcounts.report_present(desk, ms.id or 0, present=0)
    with pytest.raises(ValidationError):
        headcounts.report_present(desk, ms.id or 0, present=-1)
    noted = headcounts.set_site_notes(desk, ms.id or 0, attendance_note=" Đại diện các sở ",
                                      absence_note="ốm")
    assert (noted.present, noted.attendance_note, noted.absence_note) == (18, "Đại diện các sở",
                                                                          "ốm")
    (entry,) = participation.meeting_sites(desk, mid)
    assert (entry.headcount.present, entry.headcount.absent) == (18, 2)
    assert headcounts.report_present(desk, ms.id or 0, present=None).present is None


def test_text_over_long_fields_are_refused_not_cut(desk: Desk) -> None:
    person = directory.add_person(desk, full_name="Lê Văn An")
    with pytest.raises(ValidationError, match=r"dài quá 2\.000 ký tự"):
        directory.update_person(desk, person.id or 0, organization="Sở " + "x" * 2_001)
    with pytest.raises(ValidationError):
        meetings.create_meeting(desk, title="Họp " + "y" * 2_001)
    assert directory.get_person(desk, person.id or 0).organization is None
    bidi = directory.add_person(desk, full_name="\ufeffTrần\u202e Thị\u2066 Bình")
    assert bidi.full_name == "Trần Thị Bình"
