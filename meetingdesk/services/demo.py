"""The demo conference: the online briefing of 3 April 2023 of the Central Organization
Commission (Ban Tổ chức Trung ương), from the news report “Ngành Tổ chức xây dựng Đảng triển khai
nhiệm vụ trọng tâm quý 2” (Hải Hằng, 3 April 2023).

Names, titles, figures and documents come from the article. Clock times, the secretary, the
agenda's presenter, the other sites, every site's headcount and the connection log are
illustrative (the README says so).
"""

from __future__ import annotations

from datetime import date, datetime

from meetingdesk.domain.enums import (
    AttendanceStatus,
    ConnectionStatus,
    MeetingStatus,
    NoteKind,
    Profile,
    Role,
    SiteKind,
)
from meetingdesk.domain.records import Issuer, Meeting
from meetingdesk.domain.text import fold
from meetingdesk.services import (
    agenda,
    directory,
    documents,
    headcounts,
    meetings,
    notes,
    organization,
    participation,
    signers,
)
from meetingdesk.services.bulk import backup_desk
from meetingdesk.services.reference import load_provinces
from meetingdesk.store.desk import Desk

DEMO_TITLE = ("Hội nghị giao ban trực tuyến đánh giá tình hình, kết quả công tác quý 1, "
              "triển khai nhiệm vụ quý 2-2023")
DAY = date(2023, 4, 3)
CENTRAL_CODE = "TW"


def _at(hour: int, minute: int) -> datetime:
    return datetime(DAY.year, DAY.month, DAY.day, hour, minute)


def _person(desk: Desk, full_name: str, titles: tuple[str, ...], organization_name: str,
            site_id: int | None, *, rank: int | None = None) -> int:
    """The person of the demo, ranked by the precedence table from their titles unless
    ``rank`` is set by hand (a title the table does not know)."""
    for p in directory.list_people(desk, full_name):
        if p.full_name == full_name and p.id is not None:
            directory.update_person(desk, p.id, titles=titles, organization=organization_name,
                                    site_id=site_id, **({} if rank is None else {"rank": rank}))
            return p.id
    person = directory.add_person(desk, full_name=full_name, titles=titles,
                                  organization=organization_name, site_id=site_id, rank=rank)
    assert person.id is not None
    return person.id


def _remove_previous_demo(desk: Desk) -> None:
    for summary in meetings.list_meetings(desk):
        m = summary.meeting
        if m.title == DEMO_TITLE and m.date == DAY and m.id is not None:
            meetings.delete_meeting(desk, m.id)


COMMISSION = {
    "name": "BAN TỔ CHỨC TRUNG ƯƠNG", "parent_body": "BAN CHẤP HÀNH TRUNG ƯƠNG",
    "place": "Hà Nội", "profile": Profile.PARTY, "number_code": "BB/BTCTW",
    "recipients": ("Các đồng chí Lãnh đạo Ban", "Ban Tổ chức các tỉnh ủy, thành ủy",
                   "Các vụ, đơn vị thuộc Ban"),
}
"""The Commission as the issuer of the demo's minutes."""

DOCUMENTS = (
    ("96-QĐ/TW", "Quy định", date(2023, 2, 2), "Bộ Chính trị",
     "lấy phiếu tín nhiệm đối với chức danh, chức vụ lãnh đạo, quản lý trong hệ thống chính trị"),
    ("50-KL/TW", "Kết luận", date(2023, 2, 28), "Bộ Chính trị",
     "tiếp tục thực hiện Nghị quyết số 18-NQ/TW ngày 25/10/2017 của Ban Chấp hành Trung ương "
     "Đảng khóa XII “Một số vấn đề về tiếp tục đổi mới, sắp xếp tổ chức bộ máy của hệ thống "
     "chính trị tinh gọn, hoạt động hiệu lực, hiệu quả”"),
    ("18-NQ/TW", "Nghị quyết", date(2017, 10, 25), "Ban Chấp hành Trung ương Đảng khóa XII",
     "“Một số vấn đề về tiếp tục đổi mới, sắp xếp tổ chức bộ máy của hệ thống chính trị tinh "
     "gọn, hoạt động hiệu lực, hiệu quả”"),
    ("08-KL/BTCTW", "Kết luận", None, "Ban Tổ chức Trung ương",
     "Hội nghị toàn quốc tổng kết công tác tổ chức xây dựng Đảng năm 2022"),
)
"""The documents the report cites, with the titles it gives them."""

SITES = (
    # name, summoned, present (illustrative), absent and why (illustrative)
    ("Trụ sở Ban Tổ chức Trung ương, Hà Nội", 40, 38, "đi công tác"),
    ("Thái Nguyên", 25, 24, "ốm"),
    ("Cao Bằng", 20, 18, "01 đồng chí ốm, 01 đồng chí đi công tác"),
    ("Tuyên Quang", 22, 22, ""),
    ("Lạng Sơn", 20, 19, "đi công tác"),
    ("Bắc Ninh", 24, 23, "nghỉ phép"),
    ("Phú Thọ", 26, 26, ""),
)
THAI_NGUYEN_ATTENDANCE = ("Tham dự còn có đại diện các ban xây dựng Đảng, một số sở, ngành "
                          "của tỉnh")
"""What the report says of who attended at the Thái Nguyên site beyond the two leaders."""


def _commission(desk: Desk) -> Issuer:
    """The Commission in the issuer directory: found by name, else the desk's blank default
    issuer filled in (a fresh desk), else added."""
    for issuer in organization.list_issuers(desk):
        if fold(issuer.name) == fold(str(COMMISSION["name"])) and issuer.id is not None:
            return issuer
    default = organization.default_issuer(desk)
    if default is not None and default.id is not None and not default.name:
        return organization.update_issuer(desk, default.id, **COMMISSION)
    return organization.add_issuer(desk, **COMMISSION)  # type: ignore[arg-type]


def _cite_documents(desk: Desk) -> None:
    """Give the cited documents (recognised in the notes) their type, date, issuer and title."""
    by_ref = {d.reference: d for d in documents.list_documents(desk)}
    for reference, doc_type, issued_on, issuer, title in DOCUMENTS:
        found = by_ref.get(reference)
        if found is None or found.id is None:
            continue
        documents.update_document(desk, found.id, doc_type=doc_type, issued_on=issued_on,
                                  issuer=issuer, title=title)


def build_demo(desk: Desk) -> Meeting:
    """Create (or recreate) the demo conference in ``desk`` and return it, in one
    transaction: a failure leaves the desk as it was. The Commission becomes an issuer of the
    directory (the default only in a desk whose default issuer is still blank). A desk that
    already holds meetings is backed up first (recreating the demo replaces the demo meeting,
    which may have been exchanged and worked on since)."""
    if meetings.list_meetings(desk):
        backup_desk(desk, "before-demo")
    with desk.transaction():
        return _build(desk)


def _build(desk: Desk) -> Meeting:
    _remove_previous_demo(desk)
    load_provinces(desk)
    issuer = _commission(desk)
    central = directory.find_site(desk, CENTRAL_CODE) or directory.add_site(
        desk, name="Trụ sở Ban Tổ chức Trung ương, Hà Nội", kind=SiteKind.CENTRAL,
        code=CENTRAL_CODE, contact_name="Văn phòng Ban Tổ chức Trung ương")
    thai_nguyen = directory.find_site(desk, "Thái Nguyên")
    assert central.id is not None and thai_nguyen is not None and thai_nguyen.id is not None

    chinh = _person(desk, "Mai Văn Chính",
                    ("Ủy viên Trung ương Đảng",
                     "Phó Trưởng Ban Thường trực Ban Tổ chức Trung ương"),
                    "Ban Tổ chức Trung ương", central.id)
    son = _person(desk, "Phạm Hoàng Sơn",
                  ("Phó Bí thư Thường trực Tỉnh ủy", "Chủ tịch HĐND tỉnh"),
                  "Tỉnh ủy Thái Nguyên", thai_nguyen.id)
    hung = _person(desk, "Dương Xuân Hùng",
                   ("Uỷ viên Ban Thường vụ", "Trưởng Ban Tổ chức Tỉnh uỷ"),
                   "Tỉnh ủy Thái Nguyên", thai_nguyen.id)
    secretary = _person(desk, "Nguyễn Thị Thu Hà", ("Chuyên viên Văn phòng Ban",),
                        "Ban Tổ chức Trung ương", central.id)
    presenter = _person(desk, "Lê Quang Minh", ("Lãnh đạo Văn phòng Ban",),
                        "Ban Tổ chức Trung ương", central.id, rank=78)  # set by hand

    meeting = meetings.create_meeting(
        desk, title=DEMO_TITLE, kind="Hội nghị giao ban trực tuyến",
        organizer="Ban Tổ chức Trung ương", planned_start=_at(14, 0), planned_end=_at(16, 30),
        actual_start=_at(14, 0), actual_end=_at(16, 20), main_site_id=central.id,
        status=MeetingStatus.ENDED, number=12, issuer_id=issuer.id,
        description="Giao ban trực tuyến ngành Tổ chức xây dựng Đảng quý 1-2023.")
    mid = meeting.id
    assert mid is not None
    signers.set_signer(desk, meeting_id=mid, role=Role.CHAIR, person_id=chinh)
    signers.set_signer(desk, meeting_id=mid, role=Role.SECRETARY, person_id=secretary)

    site_ids: dict[str, int] = {}
    for name, summoned, _, _ in SITES:
        site = directory.find_site(desk, name)
        assert site is not None and site.id is not None
        host = {central.id: chinh, thai_nguyen.id: son}.get(site.id)
        ms = participation.add_meeting_site(desk, meeting_id=mid, site_id=site.id,
                                            host_person_id=host, summoned=summoned)
        assert ms.id is not None
        site_ids[name] = ms.id
        participation.set_connection(desk, ms.id, ConnectionStatus.CHECKED, at=_at(13, 0))
        participation.set_connection(desk, ms.id, ConnectionStatus.CONNECTED, at=_at(13, 45))
    participation.set_connection(desk, site_ids["Cao Bằng"], ConnectionStatus.LOST,
                                 at=_at(15, 12), remark="Mất tín hiệu hình ảnh")
    participation.set_connection(desk, site_ids["Cao Bằng"], ConnectionStatus.RESTORED,
                                 at=_at(15, 19))

    def attend(person_id: int, site_id: int, role: Role, status: AttendanceStatus) -> int:
        a = participation.add_attendance(desk, meeting_id=mid, person_id=person_id,
                                         site_id=site_id, role=role)
        assert a.id is not None
        participation.update_attendance(desk, a.id, status=status, checked_in_at=_at(13, 50))
        return a.id

    a_chinh = attend(chinh, central.id, Role.CHAIR, AttendanceStatus.PRESENT)
    attend(son, thai_nguyen.id, Role.DELEGATE, AttendanceStatus.ONLINE)
    attend(hung, thai_nguyen.id, Role.DELEGATE, AttendanceStatus.ONLINE)
    attend(presenter, central.id, Role.PRESENTER, AttendanceStatus.PRESENT)
    attend(secretary, central.id, Role.SECRETARY, AttendanceStatus.PRESENT)
    for name, _, present, absent in SITES:
        headcounts.report_present(desk, site_ids[name], present=present)
        headcounts.set_site_notes(
            desk, site_ids[name], absence_note=absent or None,
            attendance_note=THAI_NGUYEN_ATTENDANCE if name == "Thái Nguyên" else None)

    q1 = agenda.add_agenda_item(desk, meeting_id=mid, planned_minutes=45, presenter_id=presenter,
                                title="Đánh giá tình hình, kết quả công tác quý 1-2023")
    kl50 = agenda.add_agenda_item(
        desk, meeting_id=mid, planned_minutes=40, presenter_id=presenter,
        title="Quán triệt, triển khai Kết luận số 50-KL/TW ngày 28/2/2023 của Bộ Chính trị")
    q2 = agenda.add_agenda_item(desk, meeting_id=mid, planned_minutes=45, presenter_id=presenter,
                                title="Triển khai nhiệm vụ trọng tâm quý 2-2023")
    for item, start, end in ((q1, _at(14, 5), _at(14, 55)), (kl50, _at(14, 55), _at(15, 40)),
                             (q2, _at(15, 40), _at(16, 20))):
        assert item.id is not None
        agenda.update_agenda_item(desk, item.id, actual_start=start, actual_end=end)

    def note(item_id: int | None, at: datetime, kind: NoteKind, text: str,
             speaker: int | None = None, site: int | None = None) -> None:
        notes.add_note(desk, meeting_id=mid, agenda_item_id=item_id, at=at, kind=kind,
                       text=text, speaker_id=speaker, site_id=site)

    note(q1.id, _at(14, 10), NoteKind.STATEMENT,
         "Trong quý 1-2023, ngành Tổ chức đã triển khai thực hiện tốt các nhiệm vụ, như: "
         "Triển khai thực hiện các nghị quyết chuyên đề của Ban Chấp hành Trung ương Đảng "
         "khóa XIII; các văn bản chỉ đạo của Bộ Chính trị, Ban Bí thư, cấp ủy các cấp về công "
         "tác tổ chức xây dựng Đảng.", site=central.id)
    note(q1.id, _at(14, 20), NoteKind.STATEMENT,
         "Đặc biệt, Ban Tổ chức Trung ương đã tham mưu Bộ Chính trị ban hành Quy định số "
         "96-QĐ/TW ngày 2/2/2023 về việc “lấy phiếu tín nhiệm đối với chức danh, chức vụ lãnh "
         "đạo, quản lý trong hệ thống chính trị”.", site=central.id)
    note(q1.id, _at(14, 30), NoteKind.STATEMENT,
         "Ban Tổ chức Trung ương đã tham mưu Ban Chấp hành Trung ương, Bộ Chính trị, Ban Bí "
         "thư xem xét, phân công, bổ nhiệm, giới thiệu ứng cử, chỉ định tham gia cấp ủy, xét "
         "thăng quân hàm cấp tướng trong lực lượng vũ trang và chế độ nghỉ hưu đối với 115 "
         "lượt nhân sự; phê duyệt rà soát, bổ sung quy hoạch chức danh cán bộ diện Bộ Chính "
         "trị, Ban Bí thư quản lý đối với 661 lượt nhân sự và đề xuất chưa xem xét đối với 27 "
         "đồng chí.", site=central.id)
    note(kl50.id, _at(15, 0), NoteKind.STATEMENT,
         "Ban Tổ chức Trung ương quán triệt, triển khai Kết luận số 50-KL/TW ngày 28/2/2023 "
         "của Bộ Chính trị về tiếp tục thực hiện Nghị quyết số 18-NQ/TW ngày 25/10/2017 của "
         "Ban Chấp hành Trung ương Đảng khóa XII “Một số vấn đề về tiếp tục đổi mới, sắp xếp "
         "tổ chức bộ máy của hệ thống chính trị tinh gọn, hoạt động hiệu lực, hiệu quả”.",
         site=central.id)
    note(q2.id, _at(15, 45), NoteKind.STATEMENT,
         "Triển khai một số nhiệm vụ trọng tâm quý 2-2023 của ngành Tổ chức xây dựng Đảng.",
         site=central.id)
    note(q2.id, _at(16, 10), NoteKind.CONCLUSION,
         "Ngành Tổ chức sẽ tiếp tục bám sát Kết luận số 08-KL/BTCTW tại Hội nghị toàn quốc tổng "
         "kết công tác tổ chức xây dựng Đảng năm 2022 để rút kinh nghiệm những mặt hạn chế, "
         "phát huy những điểm tích cực, thực hiện tốt hơn công tác tổ chức Đảng.",
         speaker=a_chinh)

    _cite_documents(desk)
    notes.add_task(desk, meeting_id=mid, owner_unit="Ban Tổ chức các tỉnh ủy, thành ủy",
                   description="Quán triệt, triển khai thực hiện Kết luận số 50-KL/TW của "
                               "Bộ Chính trị", due_on=date(2023, 6, 30))
    notes.add_task(desk, meeting_id=mid, owner_unit="Ngành Tổ chức xây dựng Đảng",
                   description="Bám sát Kết luận số 08-KL/BTCTW, khắc phục hạn chế, thực hiện "
                               "tốt hơn công tác tổ chức Đảng", due_on=date(2023, 6, 30))
    return meeting
