"""Word lists and sentence templates for the generated bench desk: Vietnamese names, titles,
meeting titles, agenda items and the administrative sentences notes are assembled from.

Both tone placements occur on purpose (``Thủy``/``Thuỷ``, ``Hòa``/``Hoà``, ``Tỉnh ủy``/``Tỉnh
uỷ``), as they do in real desks.
"""

from __future__ import annotations

# Family names with rough weights (per cent of the population).
FAMILY_NAMES: tuple[tuple[str, float], ...] = (
    ("Nguyễn", 38), ("Trần", 11), ("Lê", 9.5), ("Phạm", 7), ("Hoàng", 4), ("Huỳnh", 1.5),
    ("Phan", 4.5), ("Vũ", 3), ("Võ", 1.5), ("Đặng", 2.1), ("Bùi", 2), ("Đỗ", 1.4),
    ("Hồ", 1.3), ("Ngô", 1.3), ("Dương", 1), ("Lý", 0.5), ("Đinh", 0.8), ("Trịnh", 0.6),
    ("Mai", 0.5), ("Lương", 0.4), ("Hà", 0.4), ("Tạ", 0.2), ("Lò", 0.1), ("Triệu", 0.2),
)
MALE_MIDDLE = ("Văn", "Đức", "Hữu", "Quang", "Minh", "Xuân", "Thanh", "Công", "Hoàng", "Ngọc",
               "Trọng", "Đình", "Mạnh", "Tiến", "Bá", "Quốc", "Văn", "Văn")
FEMALE_MIDDLE = ("Thị", "Thu", "Thanh", "Ngọc", "Minh", "Hồng", "Thúy", "Thị", "Thị", "Kim",
                 "Phương")
MALE_GIVEN = ("Hùng", "Dũng", "Đức", "Sơn", "Hải", "Tuấn", "Minh", "Nam", "Long", "Thắng",
              "Quân", "Cường", "Bình", "Hòa", "Hoà", "Chính", "Trung", "Phong", "Thành",
              "Khánh", "Việt", "Huy", "Hưng", "Thọ", "Lâm", "Toàn", "Điệp", "Định", "Vinh",
              "Quyết", "Tâm", "Hiếu", "Nghĩa", "Thủy")
FEMALE_GIVEN = ("Hà", "Thủy", "Thuỷ", "Hương", "Lan", "Hoa", "Mai", "Linh", "Hạnh", "Nga",
                "Thảo", "Hằng", "Huyền", "Yến", "Hòa", "Hoà", "Dung", "Nhung", "Vân", "Loan",
                "Oanh", "Trang", "Ngọc", "Hiền")

# {u}: "Tỉnh ủy"/"Thành ủy" (or the uỷ spelling); {p}: "tỉnh"/"thành phố".
PROVINCE_TITLES: tuple[tuple[str, ...], ...] = (
    ("Ủy viên Trung ương Đảng", "Bí thư {u}"),
    ("Phó Bí thư Thường trực {u}", "Chủ tịch HĐND {p}"),
    ("Phó Bí thư {u}", "Chủ tịch UBND {p}"),
    ("Ủy viên Ban Thường vụ", "Trưởng Ban Tổ chức {u}"),
    ("Uỷ viên Ban Thường vụ", "Chủ nhiệm Ủy ban Kiểm tra {u}"),
    ("Ủy viên Ban Thường vụ", "Trưởng Ban Tuyên giáo và Dân vận {u}"),
    ("Phó Trưởng Ban Thường trực Ban Tổ chức {u}",),
    ("Phó Trưởng Ban Tổ chức {u}",),
    ("Chánh Văn phòng {u}",),
    ("Giám đốc Sở Nội vụ",),
    ("Phó Giám đốc Sở Nội vụ",),
    ("Trưởng phòng Tổ chức đảng, đảng viên, Ban Tổ chức {u}",),
    ("Trưởng phòng Cán bộ, Ban Tổ chức {u}",),
    ("Trưởng phòng Bảo vệ chính trị nội bộ, Ban Tổ chức {u}",),
    ("Phó Trưởng phòng Tổ chức đảng, đảng viên",),
    ("Bí thư Đảng ủy phường", "Chủ tịch HĐND phường"),
    ("Bí thư Đảng ủy xã",),
    ("Chuyên viên Ban Tổ chức {u}",),
    ("Chuyên viên chính Ban Tổ chức {u}",),
)
CENTRAL_TITLES: tuple[tuple[str, ...], ...] = (
    ("Ủy viên Bộ Chính trị", "Trưởng Ban Tổ chức Trung ương"),
    ("Ủy viên Trung ương Đảng", "Phó Trưởng Ban Thường trực Ban Tổ chức Trung ương"),
    ("Phó Trưởng Ban Tổ chức Trung ương",),
    ("Vụ trưởng Vụ Tổ chức - Điều lệ",),
    ("Vụ trưởng Vụ Cơ sở đảng, đảng viên",),
    ("Vụ trưởng Vụ Chính sách cán bộ",),
    ("Cục trưởng Cục Bảo vệ chính trị nội bộ",),
    ("Chánh Văn phòng Ban Tổ chức Trung ương",),
    ("Phó Vụ trưởng Vụ Tổ chức - Điều lệ",),
    ("Phó Vụ trưởng Vụ Địa phương I",),
    ("Phó Vụ trưởng Vụ Địa phương II",),
    ("Chuyên viên cao cấp Vụ Tổ chức - Điều lệ",),
    ("Chuyên viên chính Văn phòng Ban",),
    ("Chuyên viên Văn phòng Ban",),
)

DOCUMENTS = (
    "Kết luận số 50-KL/TW ngày 28/2/2023 của Bộ Chính trị",
    "Kết luận số 50-KL/TW",
    "Quy định số 96-QĐ/TW ngày 2/2/2023",
    "Nghị quyết số 18-NQ/TW ngày 25/10/2017 của Ban Chấp hành Trung ương Đảng",
    "Nghị quyết số 18-NQ/TW",
    "Kết luận số 08-KL/BTCTW",
    "Nghị định 30/2020/NĐ-CP",
    "Hướng dẫn số 36-HD/VPTW",
    "Quy định số 105-QĐ/TW",
    "Quy định số 114-QĐ/TW",
    "Kết luận số 21-KL/TW",
    "Chỉ thị số 35-CT/TW",
    "Nghị quyết số 26-NQ/TW",
    "Kết luận số 121-KL/TW",
    "Kết luận số 126-KL/TW",
    "Nghị quyết số 60-NQ/TW",
    "Quy định số 232-QĐ/TW",
    "Hướng dẫn số 12-HD/BTCTW",
    "Quyết định số 80-QĐ/TW",
    "Quy định số 148-QĐ/TW",
)

MEETING_TITLES = (
    "Hội nghị giao ban trực tuyến quý {q}-{y} ngành Tổ chức xây dựng Đảng",
    "Hội nghị giao ban trực tuyến đánh giá tình hình, kết quả công tác quý {q}, "
    "triển khai nhiệm vụ quý {q2}-{y}",
    "Hội nghị trực tuyến toàn quốc quán triệt, triển khai {doc}",
    "Hội nghị trực tuyến sơ kết công tác tổ chức xây dựng Đảng 6 tháng đầu năm {y}",
    "Hội nghị tổng kết công tác tổ chức xây dựng Đảng năm {y}, triển khai nhiệm vụ năm {y1}",
    "Hội nghị tập huấn nghiệp vụ công tác đảng viên năm {y}",
    "Hội nghị trực tuyến về công tác quy hoạch cán bộ nhiệm kỳ 2025-2030",
    "Hội nghị trực tuyến sắp xếp tổ chức bộ máy và đơn vị hành chính cấp xã",
    "Hội nghị giao ban trực tuyến các tỉnh ủy, thành ủy khu vực {region}",
)
REGIONS = ("miền núi phía Bắc", "đồng bằng sông Hồng", "Bắc Trung Bộ", "duyên hải Nam Trung Bộ",
           "Tây Nguyên", "Đông Nam Bộ", "đồng bằng sông Cửu Long")

AGENDA_ITEMS = (
    "Khai mạc, giới thiệu đại biểu",
    "Báo cáo đánh giá tình hình, kết quả công tác quý {q}-{y}",
    "Quán triệt, triển khai {doc}",
    "Triển khai nhiệm vụ trọng tâm quý {q2}-{y}",
    "Ý kiến phát biểu của các điểm cầu",
    "Báo cáo tiến độ sắp xếp tổ chức bộ máy của hệ thống chính trị",
    "Công tác quy hoạch, đào tạo, bồi dưỡng cán bộ",
    "Công tác phát triển đảng viên và quản lý đảng viên",
    "Công tác bảo vệ chính trị nội bộ",
    "Phát biểu kết luận của đồng chí chủ trì hội nghị",
)

# Slots: {dc} a comrade with his or her title, {chair} the chair likewise, {name}, {unit} a
# provincial party committee, {prov} a province, {doc} a document, {n}, {m} figures, {pct} a
# percentage, {q}, {q2}, {y}, {date} a date.
SENTENCES = (
    "Đồng chí {chair} phát biểu chỉ đạo hội nghị.",
    "Thay mặt Ban Thường vụ {unit}, đồng chí {name} báo cáo kết quả thực hiện {doc}.",
    "Trong quý {q}-{y}, {unit} đã kết nạp {n} đảng viên mới, đạt {pct} kế hoạch năm.",
    "Đề nghị các đồng chí tiếp tục quán triệt, triển khai nghiêm túc {doc}.",
    "Tỉnh đã hoàn thành việc sắp xếp tổ chức bộ máy, giảm {n} đầu mối và {m} phòng, "
    "ban tương đương.",
    "Đồng chí {name} đề nghị Ban Tổ chức Trung ương sớm ban hành hướng dẫn về công tác quy "
    "hoạch cán bộ nhiệm kỳ 2025-2030.",
    "Công tác kiểm tra, giám sát được tăng cường; đã xem xét, thi hành kỷ luật {n} đảng viên "
    "vi phạm.",
    "Thống nhất giao Vụ Tổ chức - Điều lệ chủ trì, phối hợp với các đơn vị liên quan tham mưu "
    "văn bản hướng dẫn trước ngày {date}.",
    "Điểm cầu {prov} báo cáo đã chuẩn bị đầy đủ tài liệu, đường truyền ổn định.",
    "Hội nghị thống nhất cao với dự thảo báo cáo đánh giá kết quả công tác quý {q}-{y}.",
    "Một số địa phương còn chậm trong việc rà soát, bổ sung quy hoạch chức danh cán bộ diện "
    "Ban Thường vụ quản lý.",
    "Đến nay, toàn tỉnh có {n} tổ chức cơ sở đảng với {m} đảng viên; tỷ lệ tổ chức cơ sở "
    "đảng hoàn thành tốt nhiệm vụ đạt {pct}.",
    "Ban Tổ chức Trung ương đã tham mưu Bộ Chính trị, Ban Bí thư xem xét, phân công, bổ "
    "nhiệm, giới thiệu ứng cử đối với {n} lượt nhân sự.",
    "Kết luận hội nghị, đồng chí chủ trì yêu cầu ngành Tổ chức bám sát {doc}, chủ động tham "
    "mưu cấp ủy thực hiện tốt nhiệm vụ trọng tâm quý {q2}-{y}.",
    "Về công tác bảo vệ chính trị nội bộ, đã thẩm định tiêu chuẩn chính trị đối với {n} "
    "trường hợp.",
    "Đồng chí {name} đề nghị làm rõ thêm tiến độ triển khai phần mềm quản lý cơ sở dữ liệu "
    "đảng viên.",
    "Tiếp tục thực hiện chính sách tinh giản biên chế theo {doc}; trong kỳ đã giải quyết cho "
    "{n} trường hợp.",
    "Ghi nhận ý kiến của đồng chí {dc} về việc kiện toàn đội ngũ cán bộ cấp xã sau sắp xếp "
    "đơn vị hành chính.",
    "{unit} đã lấy phiếu tín nhiệm đối với {n} chức danh lãnh đạo, quản lý theo {doc}.",
    "Các đồng chí đại biểu tại điểm cầu {prov} thống nhất với các nội dung đã trình bày.",
    "Tỷ lệ đảng viên được đánh giá, xếp loại hoàn thành tốt nhiệm vụ trở lên đạt {pct}.",
    "Đề nghị Văn phòng Ban tổng hợp ý kiến của các điểm cầu, hoàn thiện báo cáo trình "
    "Thường trực Ban trước ngày {date}.",
    "Đồng chí {name} cho biết công tác chuẩn bị đại hội đảng bộ các cấp nhiệm kỳ 2025-2030 "
    "cơ bản bảo đảm tiến độ.",
    "Còn {n} chi bộ chưa thực hiện nghiêm chế độ sinh hoạt định kỳ; đề nghị cấp ủy cơ sở "
    "chấn chỉnh kịp thời.",
    "{unit} đã ban hành {n} văn bản lãnh đạo, chỉ đạo về công tác tổ chức xây dựng Đảng.",
    "Công tác luân chuyển, điều động cán bộ được thực hiện chặt chẽ, đúng quy trình; trong kỳ "
    "đã luân chuyển {n} cán bộ.",
    "Đồng chí chủ trì đánh giá cao sự chuẩn bị chu đáo của điểm cầu {prov}.",
    "Hội nghị dành {n} phút để các điểm cầu trao đổi, thảo luận.",
    "Việc chuyển sinh hoạt đảng điện tử đã được triển khai tại {n} đảng bộ trực thuộc.",
    "Thực hiện {doc}, tỉnh đã rà soát, sửa đổi {n} quy chế làm việc của cấp ủy.",
)
RARE_SENTENCES = (
    "Do ảnh hưởng của bão Yagi, điểm cầu {prov} kết nối chậm {n} phút so với kế hoạch.",
)

CONNECTION_REMARKS = ("Mất tín hiệu hình ảnh", "Mất tiếng", "Đường truyền chập chờn",
                      "Mất điện tại hội trường", "Lỗi thiết bị đầu cuối")
ABSENCE_REASONS = ("Đi công tác", "Ốm", "Bận họp Thường trực Tỉnh ủy", "Nghỉ phép",
                   "Dự lớp bồi dưỡng")
TASKS = (
    "Quán triệt, triển khai thực hiện {doc}",
    "Hoàn thiện báo cáo tổng hợp ý kiến các điểm cầu",
    "Rà soát, bổ sung quy hoạch cán bộ nhiệm kỳ 2025-2030",
    "Báo cáo tiến độ sắp xếp tổ chức bộ máy về Ban Tổ chức Trung ương",
    "Chuẩn bị nội dung hội nghị giao ban quý tiếp theo",
)
