"""Order of precedence (thứ tự ưu tiên): a person's rank derived from their titles.

The table follows common protocol usage of Party and state offices in official lists and the
press (docs/precedence.md explains it with examples). Lower ranks come first. A person with
several titles takes the rank of the highest one; titles are compared folded (no tones,
``đ``→``d``, ``Ủy``/``Uỷ`` alike), with "Tỉnh ủy" and "Thành ủy", "tỉnh" and "thành phố" taken as
the same level. A title the table does not know gives :data:`UNRANKED`, after every known one.
An agency may order its people differently: every rank can be set by hand, and a hand-set rank
is kept when the titles change.

Ranks leave gaps so a hand-set rank can fall between two offices:

==========  ==========================================================================
10–90       central level: Tổng Bí thư … Ủy viên dự khuyết Trung ương, then inside a
            central commission or ministry (Trưởng Ban / Bộ trưởng → Phó Vụ trưởng)
110–220     province or centrally-run city: Bí thư Tỉnh ủy → Phó Trưởng phòng
310–370     commune: Bí thư Đảng ủy → Phó Chủ tịch
400–420     staff at every level: Chuyên viên cao cấp, Chuyên viên chính, Chuyên viên
1000        a title the table does not know, or none
==========  ==========================================================================
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from meetingdesk.domain.text import fold

UNRANKED = 1000
"""The rank of a person whose titles the table does not know."""


@dataclass(frozen=True, slots=True)
class Office:
    """One row of the table: folded title starts (or phrases) that give a rank."""

    rank: int
    label: str
    """The office as printed in the documentation."""
    starts: tuple[str, ...]
    """Folded beginnings of a title (after the abbreviations are expanded)."""
    level: str = ""
    """``central``, ``commune`` or ``""`` (province, the default when a title says no level)."""


# Checked in this order; the first office whose start and level match gives the title's rank.
TABLE: tuple[Office, ...] = (
    # --- central level -----------------------------------------------------------------
    Office(10, "Tổng Bí thư; Chủ tịch nước; Thủ tướng Chính phủ; Chủ tịch Quốc hội",
           ("tong bi thu", "chu tich nuoc", "thu tuong", "chu tich quoc hoi")),
    Office(20, "Thường trực Ban Bí thư", ("thuong truc ban bi thu",)),
    Office(30, "Ủy viên Bộ Chính trị", ("uy vien bo chinh tri",)),
    Office(40, "Bí thư Trung ương Đảng", ("bi thu trung uong",)),
    Office(60, "Ủy viên dự khuyết Trung ương Đảng",
           ("uy vien du khuyet trung uong", "uy vien du khuyet ban chap hanh trung uong")),
    Office(50, "Ủy viên Trung ương Đảng",
           ("uy vien trung uong", "uy vien ban chap hanh trung uong")),
    Office(70, "Bộ trưởng", ("bo truong",)),
    Office(70, "Trưởng Ban (Trung ương)", ("truong ban",), "central"),
    Office(72, "Thứ trưởng Thường trực", ("thu truong thuong truc",)),
    Office(72, "Phó Trưởng Ban Thường trực (Trung ương)", ("pho truong ban thuong truc",),
           "central"),
    Office(74, "Thứ trưởng", ("thu truong",)),
    Office(74, "Phó Trưởng Ban (Trung ương)", ("pho truong ban",), "central"),
    Office(76, "Vụ trưởng, Cục trưởng", ("vu truong", "cuc truong")),
    Office(76, "Chánh Văn phòng (Trung ương)", ("chanh van phong",), "central"),
    Office(78, "Phó Vụ trưởng, Phó Cục trưởng", ("pho vu truong", "pho cuc truong")),
    Office(78, "Phó Chánh Văn phòng (Trung ương)", ("pho chanh van phong",), "central"),
    # --- commune level (since 1 July 2025 there is no district level) ------------------
    Office(320, "Phó Bí thư Thường trực Đảng ủy",
           ("pho bi thu thuong truc",), "commune"),
    Office(330, "Phó Bí thư Đảng ủy", ("pho bi thu",), "commune"),
    Office(310, "Bí thư Đảng ủy", ("bi thu",), "commune"),
    Office(340, "Chủ tịch HĐND xã", ("chu tich hdnd",), "commune"),
    Office(335, "Chủ tịch UBND xã", ("chu tich ubnd",), "commune"),
    Office(350, "Ủy viên Ban Thường vụ Đảng ủy", ("uy vien ban thuong vu",), "commune"),
    Office(360, "Đảng ủy viên", ("dang uy vien", "uy vien ban chap hanh dang bo"), "commune"),
    Office(370, "Phó Chủ tịch (xã)", ("pho chu tich",), "commune"),
    # --- province or centrally-run city --------------------------------------------------
    Office(120, "Phó Bí thư Thường trực Tỉnh ủy", ("pho bi thu thuong truc",)),
    Office(140, "Phó Bí thư Tỉnh ủy", ("pho bi thu",)),
    Office(110, "Bí thư Tỉnh ủy", ("bi thu",)),
    Office(180, "Phó Chủ tịch HĐND, Phó Chủ tịch UBND",
           ("pho chu tich hdnd", "pho chu tich ubnd", "pho chu tich")),
    Office(150, "Chủ tịch HĐND tỉnh, Chủ tịch UBND tỉnh", ("chu tich hdnd", "chu tich ubnd")),
    Office(160, "Ủy viên Ban Thường vụ Tỉnh ủy",
           ("uy vien ban thuong vu", "uy vien thuong vu")),
    Office(170, "Tỉnh ủy viên (Ủy viên Ban Chấp hành Đảng bộ tỉnh)",
           ("tinh uy vien", "uy vien ban chap hanh dang bo", "uy vien ban chap hanh")),
    Office(190, "Phó Trưởng Ban (Tỉnh ủy); Giám đốc Sở và tương đương",
           ("pho truong ban", "giam doc", "chanh van phong", "chanh thanh tra",
            "truong ban")),
    Office(200, "Phó Giám đốc Sở và tương đương",
           ("pho giam doc", "pho chanh van phong", "pho chanh thanh tra")),
    Office(212, "Phó Trưởng phòng", ("pho truong phong",)),
    Office(210, "Trưởng phòng", ("truong phong",)),
    # --- staff at every level ----------------------------------------------------------
    Office(400, "Chuyên viên cao cấp", ("chuyen vien cao cap",)),
    Office(410, "Chuyên viên chính", ("chuyen vien chinh",)),
    Office(420, "Chuyên viên, cán bộ, nhân viên", ("chuyen vien", "can bo", "nhan vien")),
)

PHO_BI_THU_CHU_TICH = 130
"""Phó Bí thư Tỉnh ủy who is also Chủ tịch UBND tỉnh: after the standing deputy, before the
other deputies."""

_ABBREVIATIONS = (
    (re.compile(r"\bhoi dong nhan dan\b"), "hdnd"),
    (re.compile(r"\buy ban nhan dan\b"), "ubnd"),
    (re.compile(r"\bbtv\b"), "ban thuong vu"),
    (re.compile(r"\bbch\b"), "ban chap hanh"),
    (re.compile(r"\btw\b"), "trung uong"),
    (re.compile(r"\bthanh uy\b"), "tinh uy"),
    (re.compile(r"\bthanh pho\b"), "tinh"),
)
_SPACES = re.compile(r"\s+")
_CENTRAL = re.compile(r"\b(trung uong|chinh phu|quoc hoi|bo \w+|nha nuoc)\b")
_COMMUNE = re.compile(r"\b(dang uy|xa|phuong|dac khu)\b")
_PROVINCE = re.compile(r"\b(tinh uy|tinh|hdnd tinh|ubnd tinh)\b")


def _folded(title: str) -> str:
    text = " " + re.sub(r"[^\w]+", " ", fold(title)) + " "
    for pattern, replacement in _ABBREVIATIONS:
        text = pattern.sub(replacement, text)
    return _SPACES.sub(" ", text).strip()


def _level(folded: str) -> str:
    if _PROVINCE.search(folded):
        return ""
    if _COMMUNE.search(folded.replace("dang uy vien", "dang uy")):
        return "commune"
    if _CENTRAL.search(folded):
        return "central"
    return ""


def split_titles(titles: Iterable[str]) -> list[str]:
    """Each office of ``titles``: a title line may hold several, separated by commas or
    semicolons ("Phó Bí thư Thường trực Tỉnh ủy, Chủ tịch HĐND tỉnh")."""
    return [part.strip() for t in titles for part in re.split(r"[,;]", t) if part.strip()]


def title_rank(title: str) -> int:
    """The rank of one office, :data:`UNRANKED` when the table does not know it."""
    folded = _folded(title)
    level = _level(folded)
    for office in TABLE:
        if office.level and office.level != level:
            continue
        if any(folded.startswith(s) for s in office.starts):
            return office.rank
    return UNRANKED


def rank_of_titles(titles: Iterable[str]) -> int:
    """The rank of a person holding ``titles``: the highest of their offices."""
    parts = split_titles(titles)
    ranks = [title_rank(p) for p in parts]
    best = min(ranks, default=UNRANKED)
    if best == 140 and any(_folded(p).startswith("chu tich ubnd") for p in parts):
        return PHO_BI_THU_CHU_TICH
    return best


def rank_after_titles_change(*, rank: int, old_titles: Iterable[str],
                             new_titles: Iterable[str]) -> int:
    """The rank once a person's titles changed: derived again when it had been derived from
    the old titles (or never set), kept when it had been set by hand."""
    if rank in (rank_of_titles(old_titles), UNRANKED):
        return rank_of_titles(new_titles)
    return rank
