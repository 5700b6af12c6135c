"""Every data table's model (and its proxies) passes QAbstractItemModelTester."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from PySide6.QtCore import QObject, QSortFilterProxyModel, Qt
from PySide6.QtTest import QAbstractItemModelTester

from meetingdesk.gui.models.agenda import AgendaModel, AgendaRow, moved_order
from meetingdesk.gui.models.delegates import delegates_model, grouped, name_order_key
from meetingdesk.gui.models.directory import PersonRow, people_model, site_directory_model
from meetingdesk.gui.models.documents import DocumentRow, documents_model
from meetingdesk.gui.models.events import events_model
from meetingdesk.gui.models.meetings import MeetingListModel
from meetingdesk.gui.models.notes import NoteRow, notes_model, revisions_model
from meetingdesk.gui.models.sites import SiteRow, connection_log_model, sites_model
from meetingdesk.gui.models.table import FILTER_ROLE, SORT_ROLE, RowTableModel, chained
from meetingdesk.gui.models.versions import VersionsModel
from meetingdesk.minutes.generate import generate_minutes
from meetingdesk.minutes.notice_generate import generate_notice
from meetingdesk.services import (
    agenda,
    directory,
    documents,
    meeting_log,
    meetings,
    minutes_versions,
    notes,
    notice_versions,
    participation,
)
from meetingdesk.store.desk import Desk


def _demo_id(desk: Desk) -> int:
    mid = meetings.list_meetings(desk)[0].meeting.id
    assert mid is not None
    return mid


def _model(desk: Desk, name: str) -> tuple[RowTableModel[Any], list[Any]]:
    """The model of the table ``name`` with the demo's rows for it."""
    mid = _demo_id(desk)
    entries = participation.meeting_sites(desk, mid)
    order = {e.site.id: i for i, e in enumerate(entries)}
    if name == "versions":
        generate_minutes(desk, mid)
    if name in ("notice versions", "meeting log"):
        version, _ = generate_notice(desk, mid)
        notice_versions.mark_final(desk, version.id)  # type: ignore[arg-type]
    note = notes.notes_of(desk, mid)[0]
    if name == "revisions":
        notes.update_note(desk, note.id, text=note.text + " (sửa)")  # type: ignore[arg-type]
    builders: dict[str, Callable[[], tuple[RowTableModel[Any], list[Any]]]] = {
        "meetings": lambda: (MeetingListModel(), meetings.list_meetings(desk)),
        "sites": lambda: (sites_model(), [SiteRow(e, "") for e in entries]),
        "connection log": lambda: (connection_log_model(), participation.connection_log(
            desk, entries[2].meeting_site.id)),  # type: ignore[arg-type]
        "delegates": lambda: (delegates_model(), grouped(
            participation.attendance_list(desk, mid), order, by_name=False)),
        "agenda": lambda: (AgendaModel(), [AgendaRow(i, "") for i in agenda.agenda(desk, mid)]),
        "notes": lambda: (notes_model(),
                          [NoteRow(n, "", "", "") for n in notes.notes_of(desk, mid)]),
        "documents": lambda: (documents_model(),
                              [DocumentRow(d, True) for d in documents.list_documents(desk)]),
        "site directory": lambda: (site_directory_model(), directory.list_sites(desk)),
        "people": lambda: (people_model(),
                           [PersonRow(p, "") for p in directory.list_people(desk)]),
        "versions": lambda: (VersionsModel(), minutes_versions.list_versions(desk, mid)),
        "notice versions": lambda: (VersionsModel(signed=False),
                                    notice_versions.list_versions(desk, mid)),
        "meeting log": lambda: (events_model(), meeting_log.meeting_log(desk, mid)),
        "revisions": lambda: (revisions_model(), notes.revisions(desk, note.id)),  # type: ignore[arg-type]
    }
    return builders[name]()


MODEL_NAMES = ["meetings", "sites", "connection log", "delegates", "agenda", "notes",
               "documents", "site directory", "people", "versions", "notice versions",
               "meeting log", "revisions"]


@pytest.mark.parametrize("name", MODEL_NAMES)
def test_models_pass_the_model_tester(demo_desk: Desk, qtmodeltester: Any, name: str) -> None:
    model, rows = _model(demo_desk, name)
    assert rows, f"the demo gives {name} rows"
    qtmodeltester.check(model)
    model.set_rows(rows)
    qtmodeltester.check(model)
    owner = QObject()  # never the source model: a proxy must outlive its source's children
    keys, text = chained(model, owner)
    qtmodeltester.check(keys)
    qtmodeltester.check(text)
    text.sort(0, Qt.SortOrder.DescendingOrder)
    text.set_query("a")
    qtmodeltester.check(text)
    model.set_rows(rows[:1])
    model.set_rows([])
    assert text.rowCount() == 0


def test_models_tester_watches_resets_and_sorting(demo_desk: Desk) -> None:
    """The tester stays attached while the model is reset and sorted through a proxy."""
    model, rows = _model(demo_desk, "site directory")
    proxy = QSortFilterProxyModel()
    proxy.setSourceModel(model)
    proxy.setSortRole(SORT_ROLE)
    testers = [QAbstractItemModelTester(
        m, QAbstractItemModelTester.FailureReportingMode.Warning) for m in (model, proxy)]
    model.set_rows(rows)
    proxy.sort(1)
    model.set_rows(rows[::-1])
    assert len(testers) == 2
    names = [proxy.index(r, 1).data() for r in range(proxy.rowCount())]
    assert names.index("Đắk Lắk") < names.index("Điện Biên") < names.index("Hà Nội")


def test_models_filter_is_diacritic_insensitive(demo_desk: Desk) -> None:
    model, rows = _model(demo_desk, "site directory")
    model.set_rows(rows)
    owner = QObject()
    _, proxy = chained(model, owner)
    proxy.set_query("bac kan")
    assert [proxy.index(r, 1).data() for r in range(proxy.rowCount())] == ["Thái Nguyên"]
    proxy.set_query("DA NANG")
    assert [proxy.index(r, 1).data() for r in range(proxy.rowCount())] == ["Đà Nẵng"]
    thai_nguyen = next(s for s in rows if s.name == "Thái Nguyên")
    assert "bac kan" in model.index(model.row_of_id(thai_nguyen.id), 0).data(FILTER_ROLE)


def test_models_names_sort_in_vietnamese_order() -> None:
    names = ["Nguyễn Văn Đức", "Trần Thị Dung", "Lê Văn An", "Phạm Ánh", "Võ Thị Ân"]
    ordered = sorted(names, key=lambda n: name_order_key(n)[0])
    assert ordered == ["Lê Văn An", "Phạm Ánh", "Võ Thị Ân", "Trần Thị Dung", "Nguyễn Văn Đức"]


def test_models_agenda_drop_order() -> None:
    assert moved_order([1, 2, 3], 1, 3) == [2, 3, 1]
    assert moved_order([1, 2, 3], 3, 0) == [3, 1, 2]
    assert moved_order([1, 2, 3], 2, 2) == [1, 2, 3]


def test_models_versions_only_the_final_in_force_reads_final() -> None:
    """Minutes or notice alike: a final version reopened since reads "reopened", then
    "replaced" once another one is final; the one in force shows when it was made final."""
    from datetime import datetime

    from meetingdesk.domain.enums import Profile
    from meetingdesk.domain.records import MinutesVersion

    made = datetime(2026, 3, 2, 9, 30)
    old, new = (MinutesVersion(i, 1, made, Profile.STATE, f"{i}" * 64, 10, final=True,
                               finalized_at=made) for i in (1, 2))
    model = VersionsModel()
    model.set_versions([old], in_force=None)
    assert model.index(0, 3).data() == "đã mở lại"
    model.set_versions([old, new], in_force=new.id)
    assert [model.index(r, 3).data() for r in range(2)] == ["đã thay", "02/03/2026 09:30"]
    assert model.index(0, 0).data(Qt.ItemDataRole.ToolTipRole).startswith(
        "Đã chốt lúc 02/03/2026 09:30, sau đó đã mở lại")
    model.set_versions([old], in_force=old.id)
    assert model.index(0, 3).data() == "02/03/2026 09:30"
