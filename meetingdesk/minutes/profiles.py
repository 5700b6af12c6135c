"""Format profiles of the minutes: every size, margin, line and fixed wording.

Two profiles ship: ``state`` (Nghị định 30/2020/NĐ-CP, Phụ lục III, template 1.9) and ``party``
(Hướng dẫn 36-HD/VPTW, 16-HD/VPTW). The builder and the renderer read everything that is not
the meeting's own data from here; an agency that needs another margin or wording makes a copy
with :func:`dataclasses.replace`.
"""

from __future__ import annotations

from dataclasses import dataclass

from meetingdesk.domain.enums import Profile


@dataclass(frozen=True, slots=True)
class Margins:
    """Page margins in millimetres."""

    top: float = 20
    bottom: float = 20
    left: float = 30
    right: float = 15


@dataclass(frozen=True, slots=True)
class Sizes:
    """Font sizes in points."""

    parent_agency: float
    agency: float
    number: float
    nation: float
    """``CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM`` or ``ĐẢNG CỘNG SẢN VIỆT NAM``."""
    motto: float
    place_date: float
    doc_type: float
    subject: float
    body: float
    table: float
    signer: float
    recipients_title: float
    recipients: float
    page_number: float


@dataclass(frozen=True, slots=True)
class Wording:
    """Fixed wording of the profile. ``{…}`` fields are filled by the builder."""

    nation: str
    motto: str
    number: str
    """``{number}`` (two digits at least), ``{kind}`` (``BB``) and ``{issuer}`` (``VP``)."""
    doc_type: str = "BIÊN BẢN"
    time_started: str = "Thời gian bắt đầu: "
    started: str = "{time}, ngày {date}."
    place: str = "Địa điểm: "
    place_online: str = "{main}, kết nối trực tuyến đến {count} điểm cầu"
    attendance: str = "Thành phần tham dự: "
    attendance_total: str = "tổng số {present} đại biểu"
    attendance_summoned: str = " (triệu tập {summoned} đại biểu)"
    attendance_absent: str = "; vắng mặt {absent} đại biểu"
    chair: str = "Chủ trì (chủ toạ): "
    secretary: str = "Thư ký (người ghi biên bản): "
    subject: str = ""
    documents_used: str = ""
    """Opening line listing the documents used (party profile only)."""
    contents: str = "Nội dung (theo diễn biến cuộc họp/hội nghị/hội thảo):"
    attendance_heading: str = "Thành phần tham dự tại các điểm cầu:"
    official_delegates: str = ""
    invited_delegates: str = ""
    body_heading: str = ""
    chair_conclusions: str = "Kết luận của chủ trì:"
    tasks: str = "Nhiệm vụ được giao:"
    documents: str = "Văn bản được viện dẫn:"
    closing: str = "{event} kết thúc vào {time}, ngày {date}./."
    closing_no_time: str = "{event} kết thúc vào …… giờ …… phút, ngày {date}./."
    secretary_signer: str = "THƯ KÝ"
    chair_signer: str = "CHỦ TỌA"
    signature_hint: str = "(Chữ ký)"
    recipients_title: str = "Nơi nhận:"
    recipients_last: str = "Lưu: VT, Hồ sơ."
    appendix_title: str = "PHỤ LỤC"
    appendix_subject: str = "TÌNH HÌNH CÁC ĐIỂM CẦU VÀ KẾT NỐI TRỰC TUYẾN"
    appendix_ref: str = "(Kèm theo Biên bản {number})"
    honorific: str = "đồng chí"
    site: str = "điểm cầu {name}"
    presenter: str = "Trình bày: "
    note_verbs: tuple[tuple[str, str], ...] = (
        ("statement", "phát biểu"), ("conclusion", "kết luận"), ("decision", "quyết định"),
        ("task", "giao nhiệm vụ"), ("remark", "")
    )
    set_apart_labels: tuple[tuple[str, str], ...] = (
        ("conclusion", "Kết luận"), ("decision", "Quyết định")
    )
    other_notes: str = "Các ý kiến khác"
    site_count: str = "triệu tập {summoned}, có mặt {present} đồng chí"
    site_count_unsummoned: str = "có mặt {present} đồng chí"
    site_absent: str = " (vắng {absent})"
    site_absent_note: str = " (vắng {absent}: {note})"
    site_unreported: str = "; chưa báo cáo số có mặt"
    absent_heading: str = "Vắng mặt:"
    absent_reason: str = "{name} ({reason})"
    no_site: str = "Đại biểu không thuộc điểm cầu nào"
    delegate_columns: tuple[str, ...] = ("TT", "Họ và tên", "Chức vụ", "Ghi chú")
    task_columns: tuple[str, ...] = ("TT", "Nội dung", "Người, đơn vị thực hiện", "Thời hạn")
    review_columns: tuple[str, ...] = ("TT", "Nhiệm vụ", "Người, đơn vị thực hiện", "Thời hạn",
                                       "Kết quả")
    review_heading: str = "Kết quả thực hiện nhiệm vụ đã giao"
    """Heading of the review table when its agenda item was removed."""
    review_results: tuple[tuple[str, str], ...] = (
        ("done", "Đã hoàn thành"), ("overdue", "Chậm, quá hạn"), ("open", "Đang thực hiện"),
        ("assigned", "Đang thực hiện"), ("cancelled", "Không thực hiện")
    )
    """What became of a reviewed task, by its state (:class:`TaskState` values)."""
    appendix_columns: tuple[str, ...] = ("TT", "Điểm cầu", "Triệu tập", "Có mặt", "Vắng mặt",
                                         "Nhật ký kết nối")
    no_number: str = "……"
    place_date: str = "{place}, ngày {date}"
    recipient: str = "- {name};"
    list_item: str = "- {text}"
    document_issuer: str = " của {issuer}"
    document_title: str = " về {title}"
    bullet: str = ""
    """Prefix of the opening lines (``- `` in the party profile)."""


@dataclass(frozen=True, slots=True)
class FormatProfile:
    """Everything about the look of the minutes that is not the meeting's data."""

    key: Profile
    wording: Wording
    sizes: Sizes
    margins: Margins = Margins()
    header_left_mm: float = 72
    """Width of the left header column (agency); the right one takes the rest."""
    agency_rule: bool = True
    """A short solid line under the agency (state); an asterisk otherwise (party)."""
    agency_rule_ratio: float = 0.4
    """Length of the agency's line as a share of the agency's text width."""
    motto_rule: bool = True
    """A solid line as long as the motto (state), or under the nation line (party)."""
    place_date_in_header: bool = False
    title_rule_mm: float = 0
    """Length of the short line under the meeting's name; 0 for none."""
    rule_width: float = 0.6
    leading_ratio: float = 1.2
    paragraph_space: float = 6
    first_line_indent_mm: float = 10
    signature_space_mm: float = 25
    title_before_mm: float = 8
    title_after_mm: float = 4
    closing_gap_mm: float = 4
    """Between the closing line and the signatures."""
    recipients_before_mm: float = 6
    appendix_title_after_mm: float = 4
    delegate_columns_mm: tuple[float, ...] = (10, 48, 0, 34)
    """Widths of the columns of a table in millimetres; 0 takes what the others leave."""
    task_columns_mm: tuple[float, ...] = (10, 0, 50, 24)
    review_columns_mm: tuple[float, ...] = (10, 0, 40, 22, 26)
    appendix_columns_mm: tuple[float, ...] = (10, 42, 18, 16, 18, 0)
    table_leading_ratio: float = 1.15
    underline_width: float = 0.5
    signature_left_ratio: float = 0.42
    """Share of the text width for the secretary's column; the chair's title needs more."""
    table_padding: float = 2.5
    grid_width: float = 0.5
    recipients_title_style: str = "bolditalic"
    """``bolditalic`` (state) or ``underline`` (party)."""
    section_numbers: bool = False
    """Number the parts ``1.``, ``2.``… and their sub-parts ``2.1``… (party)."""


STATE = FormatProfile(
    key=Profile.STATE,
    wording=Wording(
        nation="CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        motto="Độc lập - Tự do - Hạnh phúc",
        number="Số: {number}/{kind}-{issuer}",
    ),
    sizes=Sizes(parent_agency=12, agency=12, number=13, nation=12, motto=13, place_date=14,
                doc_type=14, subject=14, body=14, table=12, signer=13, recipients_title=12,
                recipients=11, page_number=13),
    title_rule_mm=30,
)

PARTY = FormatProfile(
    key=Profile.PARTY,
    wording=Wording(
        nation="ĐẢNG CỘNG SẢN VIỆT NAM",
        motto="",
        number="Số {number}-{kind}/{issuer}",
        time_started="Thời gian: ",
        started="{event} bắt đầu vào hồi {time}, ngày {date}.",
        attendance="Thành phần: ",
        chair="Người chủ trì: ",
        secretary="Người ghi biên bản: ",
        subject="Nội dung: ",
        documents_used="Tài liệu sử dụng trong hội nghị: ",
        contents="",
        attendance_heading="Thành phần hội nghị",
        official_delegates="Đại biểu chính thức: có mặt {present} đồng chí; "
                           "vắng mặt {absent} đồng chí.",
        invited_delegates="Đại biểu mời dự",
        body_heading="Diễn biến hội nghị",
        chair_conclusions="Kết luận của đồng chí chủ trì hội nghị",
        tasks="Nhiệm vụ được giao",
        documents="Văn bản được viện dẫn",
        closing="{event} kết thúc vào hồi {time}, ngày {date}./.",
        closing_no_time="{event} kết thúc vào hồi …… giờ …… phút, ngày {date}./.",
        secretary_signer="NGƯỜI GHI BIÊN BẢN",
        chair_signer="CHỦ TRÌ HỘI NGHỊ",
        signature_hint="",
        bullet="- ",
    ),
    sizes=Sizes(parent_agency=14, agency=14, number=14, nation=15, motto=14, place_date=14,
                doc_type=16, subject=14, body=14, table=12, signer=14, recipients_title=14,
                recipients=12, page_number=14),
    header_left_mm=80,
    agency_rule=False,
    place_date_in_header=True,
    recipients_title_style="underline",
    section_numbers=True,
)

PROFILES: dict[Profile, FormatProfile] = {Profile.STATE: STATE, Profile.PARTY: PARTY}


def profile_for(key: Profile | str) -> FormatProfile:
    """The shipped profile for ``state`` or ``party``."""
    return PROFILES[Profile(key)]
