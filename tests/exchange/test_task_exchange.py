"""Tasks and their progress entries travel between desks (migration 0010)."""

from __future__ import annotations

import shutil
import sqlite3
from datetime import date
from pathlib import Path

from meetingdesk.exchange.packages import export_package, import_package
from meetingdesk.services import checkpoints, directory, meetings, notes, participation, tasks
from meetingdesk.services.sync import Outcome
from meetingdesk.store.desk import Desk, open_desk

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"


def test_migration_0010_lets_existing_progress_and_owner_sites_travel(tmp_path: Path) -> None:
    old = tmp_path / "old.db"
    shutil.copyfile(FIXTURES / "desk-schema-8.db", old)
    conn = sqlite3.connect(old)
    try:
        with conn:
            conn.execute("UPDATE tasks SET owner_site_id = (SELECT id FROM sites WHERE code = "
                         "'19')")
            conn.execute("INSERT INTO task_progress (task_id, reported_on, text, site_id, "
                         "recorded_at) SELECT id, '2023-05-15', 'Đã quán triệt.', owner_site_id,"
                         " '2023-05-15T09:00:00' FROM tasks")
    finally:
        conn.close()
    with open_desk(old) as desk:
        (m,) = meetings.list_meetings(desk)
        package = export_package(desk, m.meeting.id or 0, tmp_path / "tn.mdpkg",
                                 site_code="19")
        site_gid = package.manifest["site"]["gid"]
    by_kind = {r.kind: r.state.values() for r in package.records}
    assert by_kind["task"]["owner_site_id"] == site_gid
    assert by_kind["task_progress"]["text"] == "Đã quán triệt."
    assert by_kind["task_progress"]["site_id"] == site_gid
    with open_desk(tmp_path / "fresh.db") as fresh:
        import_package(fresh, tmp_path / "tn.mdpkg")
        (line,) = tasks.register(fresh, as_of=date(2023, 5, 20))
        assert line.site_name == "Thái Nguyên" and line.progress_count == 1


def _centre(path: Path) -> tuple[Desk, int, int]:
    desk = open_desk(path)
    m = meetings.create_meeting(desk, title="Giao ban quý 2").id or 0
    sites = []
    for code, name in (("19", "Thái Nguyên"), ("04", "Cao Bằng")):
        site = directory.add_site(desk, name=name, code=code)
        participation.add_meeting_site(desk, meeting_id=m, site_id=site.id or 0)
        sites.append(site.id or 0)
    task = notes.add_task(desk, meeting_id=m, description="Báo cáo sơ kết",
                          owner_site_id=sites[0])
    notes.add_task(desk, meeting_id=m, description="Việc của Cao Bằng", owner_site_id=sites[1])
    return desk, m, task.id or 0


def test_task_progress_deleted_at_the_centre_disappears_at_the_province(tmp_path: Path) -> None:
    centre, m, task_id = _centre(tmp_path / "centre.db")
    site = directory.find_site(centre, "19")
    assert site is not None
    entry = tasks.add_progress(centre, task_id=task_id, reported_on=date(2023, 5, 1),
                               text="Bước một.", site_id=site.id)
    with centre, open_desk(tmp_path / "tn.db") as tn:
        export_package(centre, m, tmp_path / "setup.mdpkg")
        import_package(tn, tmp_path / "setup.mdpkg")
        (tn_task,) = [t for t in tasks.register(tn, as_of=date(2023, 5, 2))
                      if t.task.description == "Báo cáo sơ kết"]
        assert [p.text for p in tasks.progress_of(tn, tn_task.id)] == ["Bước một."]
        tasks.delete_progress(centre, entry.id or 0)
        export_package(centre, m, tmp_path / "delete.mdpkg",
                       partner=checkpoints.this_replica(tn))
        report = import_package(tn, tmp_path / "delete.mdpkg")
        assert [(i.kind, i.outcome) for i in report.plan.items
                if i.outcome is not Outcome.UNCHANGED] == [("task_progress", Outcome.DELETED)]
        assert tasks.progress_of(tn, tn_task.id) == []


def test_site_part_carries_its_own_tasks_and_progress_only(tmp_path: Path) -> None:
    centre, m, task_id = _centre(tmp_path / "centre.db")
    with centre:
        site = directory.find_site(centre, "19")
        assert site is not None
        tasks.add_progress(centre, task_id=task_id, reported_on=date(2023, 5, 1),
                           text="Bước một.", site_id=site.id)
        package = export_package(centre, m, tmp_path / "tn.mdpkg", site_code="19")
    described = {r.state.values().get("description") for r in package.records
                 if r.kind == "task"}
    assert described == {"Báo cáo sơ kết"}
    assert [r.state.values()["text"] for r in package.records
            if r.kind == "task_progress"] == ["Bước một."]
