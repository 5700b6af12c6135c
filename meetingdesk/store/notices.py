"""The generated versions of conclusion notices: their PDF bytes, profile, size and sha256."""

from __future__ import annotations

from typing import TYPE_CHECKING

from meetingdesk.domain.messages import message
from meetingdesk.domain.notices import NoticeVersion
from meetingdesk.store.reads import Reads
from meetingdesk.store.repository import Repository
from meetingdesk.store.rows import to_row

if TYPE_CHECKING:
    from sqlite_utils import Database

notice_versions = Repository("notice_versions", NoticeVersion, message("tables.notice_version"),
                             order=("created_at", "id"))


def notice_pdf(db: Reads, version_id: int) -> bytes:
    row = db.execute("SELECT pdf FROM notice_versions WHERE id = ?", [version_id]).fetchone()
    if row is None:
        raise notice_versions.missing(version_id)
    return bytes(row[0])


def insert_notice_pdf(db: Database, version: NoticeVersion, pdf: bytes) -> NoticeVersion:
    row = to_row(version)
    row["pdf"] = pdf
    table = db["notice_versions"]
    table.insert(row)  # type: ignore[union-attr]
    return notice_versions.get(db, table.last_pk)  # type: ignore[union-attr]
