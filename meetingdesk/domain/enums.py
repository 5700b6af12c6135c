"""Statuses, kinds and roles, with the Vietnamese wording used in the minutes."""

from __future__ import annotations

from enum import StrEnum


class LabelledEnum(StrEnum):
    """A string enum whose members carry their Vietnamese label."""

    @property
    def label(self) -> str:
        return _LABELS[self]


class SiteKind(LabelledEnum):
    CENTRAL = "central"
    PROVINCE = "province"
    MINISTRY = "ministry"
    COMMUNE = "commune"
    OTHER = "other"


class MeetingStatus(LabelledEnum):
    DRAFT = "draft"
    PLANNED = "planned"
    RUNNING = "running"
    ENDED = "ended"
    FINAL = "final"


class ConnectionStatus(LabelledEnum):
    UNCHECKED = "unchecked"
    CHECKED = "checked"
    CONNECTED = "connected"
    LOST = "lost"
    RESTORED = "restored"


class Role(LabelledEnum):
    CHAIR = "chair"
    CO_CHAIR = "co_chair"
    PRESENTER = "presenter"
    DELEGATE = "delegate"
    GUEST = "guest"
    SECRETARY = "secretary"


class AttendanceStatus(LabelledEnum):
    EXPECTED = "expected"
    PRESENT = "present"
    ONLINE = "online"
    LATE = "late"
    ABSENT_EXCUSED = "absent_excused"
    ABSENT = "absent"

    @property
    def is_present(self) -> bool:
        return self in (AttendanceStatus.PRESENT, AttendanceStatus.ONLINE, AttendanceStatus.LATE)

    @property
    def is_absent(self) -> bool:
        return self in (AttendanceStatus.ABSENT, AttendanceStatus.ABSENT_EXCUSED)


class NoteKind(LabelledEnum):
    STATEMENT = "statement"
    CONCLUSION = "conclusion"
    DECISION = "decision"
    TASK = "task"
    REMARK = "remark"


class TaskStatus(LabelledEnum):
    """The stored status of a task; "overdue" is never stored (see :mod:`domain.tasks`)."""

    ASSIGNED = "assigned"
    OPEN = "open"
    """Being carried out (đang thực hiện); the status of tasks made before "assigned"."""
    DONE = "done"
    CANCELLED = "cancelled"


class Profile(LabelledEnum):
    """Document format profile of the minutes."""

    STATE = "state"
    PARTY = "party"


_LABELS: dict[LabelledEnum, str] = {
    SiteKind.CENTRAL: "Điểm cầu Trung ương",
    SiteKind.PROVINCE: "Tỉnh, thành phố",
    SiteKind.MINISTRY: "Bộ, ngành",
    SiteKind.COMMUNE: "Xã, phường",
    SiteKind.OTHER: "Khác",
    MeetingStatus.DRAFT: "Dự thảo",
    MeetingStatus.PLANNED: "Đã lên lịch",
    MeetingStatus.RUNNING: "Đang họp",
    MeetingStatus.ENDED: "Đã kết thúc",
    MeetingStatus.FINAL: "Biên bản chính thức",
    ConnectionStatus.UNCHECKED: "Chưa kiểm tra",
    ConnectionStatus.CHECKED: "Đã kiểm tra",
    ConnectionStatus.CONNECTED: "Đã kết nối",
    ConnectionStatus.LOST: "Mất kết nối",
    ConnectionStatus.RESTORED: "Đã kết nối lại",
    Role.CHAIR: "Chủ trì",
    Role.CO_CHAIR: "Đồng chủ trì",
    Role.PRESENTER: "Báo cáo viên",
    Role.DELEGATE: "Đại biểu",
    Role.GUEST: "Khách mời",
    Role.SECRETARY: "Thư ký",
    AttendanceStatus.EXPECTED: "Chưa điểm danh",
    AttendanceStatus.PRESENT: "Có mặt trực tiếp",
    AttendanceStatus.ONLINE: "Có mặt trực tuyến",
    AttendanceStatus.LATE: "Đến muộn",
    AttendanceStatus.ABSENT_EXCUSED: "Vắng mặt có lý do",
    AttendanceStatus.ABSENT: "Vắng mặt",
    NoteKind.STATEMENT: "Phát biểu",
    NoteKind.CONCLUSION: "Kết luận",
    NoteKind.DECISION: "Quyết định",
    NoteKind.TASK: "Giao nhiệm vụ",
    NoteKind.REMARK: "Ghi chú",
    TaskStatus.ASSIGNED: "Đã giao",
    TaskStatus.OPEN: "Đang thực hiện",
    TaskStatus.DONE: "Hoàn thành",
    TaskStatus.CANCELLED: "Hủy",
    Profile.STATE: "Nhà nước (Nghị định 30/2020/NĐ-CP)",
    Profile.PARTY: "Đảng (Hướng dẫn 36-HD/VPTW)",
}
