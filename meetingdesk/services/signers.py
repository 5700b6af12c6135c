"""Who signs a meeting's minutes: the chair (chủ trì, chủ tọa) and the secretary (thư ký), each
a person and the title line printed above the name. A role nobody holds prints nothing."""

from __future__ import annotations

import logging

from meetingdesk.domain.enums import Role
from meetingdesk.domain.records import Issuer, Meeting, Person
from meetingdesk.domain.text import fold
from meetingdesk.services.guards import editable_meeting, optional_line
from meetingdesk.store import tables
from meetingdesk.store.desk import Desk
from meetingdesk.store.reads import Reads

logger = logging.getLogger(__name__)

SIGNING_ROLES = (Role.CHAIR, Role.SECRETARY)
_FIELDS = {Role.CHAIR: ("chair_signer_id", "chair_signer_title"),
           Role.SECRETARY: ("secretary_signer_id", "secretary_signer_title")}
_RANKS = frozenset({"truong", "pho", "chanh"})
"""Words of a post that need the kind of body after them (Trưởng Ban, Phó Chánh Văn phòng)."""
_MEMBERSHIP = ("uy vien",)
"""Titles that say a membership (Ủy viên Trung ương Đảng) rather than the post one signs as."""


def derived_title(person: Person, issuer: Issuer) -> str:
    """The chair's title line from the person's titles: the post held in the issuer, without
    the issuer's name or its beginning ("Phó Trưởng Ban Thường trực Ban Tổ chức Trung ương"
    under Ban Tổ chức Trung ương → "Phó Trưởng Ban Thường trực"; "Trưởng Ban Tổ chức Tỉnh ủy"
    under Ban Tổ chức Tỉnh ủy Thái Nguyên → "Trưởng Ban"); else the first title that is not a
    membership; else the first title."""
    if not person.titles:
        return ""
    issuer_words = fold(issuer.name).split()
    for title in person.titles:
        words = title.split()
        folded = [fold(w) for w in words]
        # The issuer's name, or its beginning ("Ban Tổ chức Tỉnh ủy" of "… Tỉnh ủy Thái
        # Nguyên"), ending the title.
        for tail in range(min(len(issuer_words), len(words) - 1), 1, -1):
            if folded[-tail:] == issuer_words[:tail]:
                post = words[:-tail]
                if all(fold(w) in _RANKS for w in post):
                    # "Trưởng Ban Tổ chức Tỉnh ủy" under Ban Tổ chức Tỉnh ủy: "Trưởng Ban".
                    post.append(words[-tail])
                return " ".join(post)
    posts = [t for t in person.titles if not fold(t).startswith(_MEMBERSHIP)]
    return (posts or list(person.titles))[0]


def _role(role: Role | str) -> Role:
    role = Role(role)
    if role not in SIGNING_ROLES:
        raise ValueError(f"{role} does not sign the minutes")
    return role


def set_signer(desk: Desk, *, meeting_id: int, role: Role | str, person_id: int | None,
               title: str | None = None) -> Meeting:
    """Set who signs as ``role`` (chair or secretary), or nobody (``person_id=None``). The
    chair's title line is derived from the person's titles unless ``title`` is given (an
    empty ``title`` prints none)."""
    role = _role(role)
    with desk.transaction() as db:
        meeting = editable_meeting(db, meeting_id)
        person_field, title_field = _FIELDS[role]
        line = ""
        if person_id is not None:
            person = tables.people.get(db, person_id)
            if title is not None:
                line = optional_line(title) or ""
            elif role is Role.CHAIR:
                line = derived_title(person, _issuer(db, meeting))
        updated = tables.meetings.update(db, meeting_id, {person_field: person_id,
                                                          title_field: line})
    logger.info("Meeting %s: %s signer %s", meeting_id, role.value, person_id)
    return updated


def _issuer(db: Reads, meeting: Meeting) -> Issuer:
    return (tables.issuers.get(db, meeting.issuer_id) if meeting.issuer_id is not None
            else Issuer(None, ""))


def default_signers(db: Reads, issuer: Issuer) -> dict[str, object]:
    """A new meeting's signer fields from its issuer's default signers."""
    values: dict[str, object] = {}
    if issuer.chair_person_id is not None:
        chair = tables.people.get(db, issuer.chair_person_id)
        values["chair_signer_id"] = chair.id
        values["chair_signer_title"] = issuer.chair_title or derived_title(chair, issuer)
    if issuer.secretary_person_id is not None:
        values["secretary_signer_id"] = issuer.secretary_person_id
    return values
