"""Which column holds which field: guessed from the header texts, then correctable by the user.

Headers are compared folded (no accents, no case, đ→d, punctuation dropped), so ``Họ và tên``,
``HỌ VÀ TÊN`` and ``Ho va ten (*)`` all mean the full name. A mapping is a plain
``dict[field, column index]``; the GUI shows it as one choice per field.
"""

from __future__ import annotations

import re
from enum import StrEnum

from meetingdesk.domain.messages import Message, message
from meetingdesk.domain.text import fold
from meetingdesk.exchange.errors import ExchangeError


class Field(StrEnum):
    """What a column can hold."""

    FULL_NAME = "full_name"
    TITLES = "titles"
    ORGANIZATION = "organization"
    SITE = "site"
    SITE_CODE = "site_code"
    PHONE = "phone"
    EMAIL = "email"
    ROLE = "role"
    STATUS = "status"
    REASON = "reason"
    RANK = "rank"
    ALIASES = "aliases"
    CONTACT_NAME = "contact_name"
    CONTACT_PHONE = "contact_phone"
    TECHNICIAN_NAME = "technician_name"
    TECHNICIAN_PHONE = "technician_phone"
    SUMMONED = "summoned"

    @property
    def label(self) -> Message:
        """The column's name, as in the user's files."""
        return _LABELS[self]


_LABELS: dict[Field, Message] = {
    Field.FULL_NAME: message("mapping.full_name"),
    Field.TITLES: message("mapping.titles"),
    Field.ORGANIZATION: message("mapping.organization"),
    Field.SITE: message("mapping.site"),
    Field.SITE_CODE: message("mapping.site_code"),
    Field.PHONE: message("mapping.phone"),
    Field.EMAIL: message("mapping.email"),
    Field.ROLE: message("mapping.role"),
    Field.STATUS: message("mapping.status"),
    Field.REASON: message("mapping.reason"),
    Field.RANK: message("mapping.precedence_rank"),
    Field.ALIASES: message("mapping.former_names"),
    Field.CONTACT_NAME: message("mapping.contact"),
    Field.CONTACT_PHONE: message("mapping.contact_phone"),
    Field.TECHNICIAN_NAME: message("mapping.technician"),
    Field.TECHNICIAN_PHONE: message("mapping.technician_phone"),
    Field.SUMMONED: message("mapping.number_summoned"),
}

_SYNONYMS: dict[Field, tuple[str, ...]] = {
    Field.FULL_NAME: ("ho va ten", "ho ten", "ho va ten dai bieu", "ten dai bieu", "dai bieu",
                      "nguoi tham du", "name", "full name", "fullname", "ten"),
    Field.TITLES: ("chuc vu", "chuc danh", "chuc vu chuc danh", "chuc danh chuc vu",
                   "title", "titles", "position", "job title"),
    Field.ORGANIZATION: ("don vi", "co quan", "don vi cong tac", "co quan don vi",
                         "co quan cong tac", "noi cong tac", "organization", "organisation",
                         "unit", "agency"),
    Field.SITE: ("diem cau", "ten diem cau", "diem cau tham du", "dia diem", "site",
                 "site name", "venue"),
    Field.SITE_CODE: ("ma diem cau", "ma dc", "ma tinh", "site code", "code", "ma"),
    Field.PHONE: ("dien thoai", "so dien thoai", "dien thoai di dong", "sdt", "dt", "dtdd",
                  "di dong", "phone", "mobile", "telephone", "tel"),
    Field.EMAIL: ("email", "e mail", "thu dien tu", "dia chi email", "mail"),
    Field.ROLE: ("vai tro", "role"),
    Field.STATUS: ("trang thai", "diem danh", "tinh trang", "status", "attendance"),
    Field.REASON: ("ly do", "ly do vang", "ly do vang mat", "reason"),
    Field.RANK: ("thu tu uu tien", "thu bac", "uu tien", "rank", "precedence"),
    Field.ALIASES: ("ten cu", "ten truoc day", "former names", "aliases"),
    Field.CONTACT_NAME: ("nguoi lien he", "dau moi", "can bo dau moi", "contact",
                         "contact name"),
    Field.CONTACT_PHONE: ("dien thoai lien he", "sdt lien he", "contact phone"),
    Field.TECHNICIAN_NAME: ("ky thuat vien", "can bo ky thuat", "ky thuat", "technician"),
    Field.TECHNICIAN_PHONE: ("dien thoai ky thuat", "sdt ky thuat", "technician phone"),
    Field.SUMMONED: ("so dai bieu", "so dai bieu trieu tap", "trieu tap", "so luong",
                     "summoned"),
}

_EXACT = {syn: f for f, syns in _SYNONYMS.items() for syn in syns}
_PREFIXES = sorted(((syn, f) for syn, f in _EXACT.items() if len(syn) >= 6),
                   key=lambda p: -len(p[0]))
_NOISE = re.compile(r"[^a-z0-9]+")

Mapping = dict[Field, int]
"""Field → column index (0-based)."""


def normalise_header(text: str) -> str:
    """A header folded to plain lower-case words: ``Họ và tên (*)`` → ``ho va ten``."""
    return _NOISE.sub(" ", fold(text)).strip()


def field_for_header(text: str) -> Field | None:
    """The field a header names, if it names one."""
    key = normalise_header(text)
    if not key:
        return None
    if key in _EXACT:
        return _EXACT[key]
    for syn, found in _PREFIXES:
        if key.startswith(syn + " "):
            return found
    return None


def guess_mapping(headers: list[str]) -> Mapping:
    """Field → column for every header that names a field (the first column wins a tie)."""
    mapping: Mapping = {}
    for index, header in enumerate(headers):
        found = field_for_header(header)
        if found is not None and found not in mapping:
            mapping[found] = index
    return mapping


def parse_mapping(spec: str, headers: list[str]) -> Mapping:
    """A mapping from ``field=column`` pairs (column as 1-based number or header text),
    as typed on the command line: ``full_name=2,titles=Chức danh``."""
    mapping: Mapping = {}
    folded = [normalise_header(h) for h in headers]
    for part in filter(None, (p.strip() for p in spec.split(","))):
        name, _, column = part.partition("=")
        column = column.strip().strip('"')
        try:
            field = Field(name.strip())
            index = int(column) - 1 if column.isdigit() else folded.index(
                normalise_header(column))
        except ValueError:
            raise ExchangeError("mapping.read_expected_field_column", part=part,
                                fields=", ".join(f.value for f in Field)) from None
        if not 0 <= index < max(len(headers), 1):
            raise ExchangeError("mapping.no_such_column", column=column)
        mapping[field] = index
    return mapping
