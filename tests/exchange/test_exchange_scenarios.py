"""The six failures of the first exchange, replayed as separate CLI processes on real files.

Each desk is a file; each step is a process: ``meetingdesk export-package`` /
``import-package`` / ``exchange`` for the exchange, and a short Python process through the
services for what a secretary does in the window (a roll call, a new delegate, a deletion).
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
import sys
import textwrap
import zipfile
from pathlib import Path

import pytest

from meetingdesk.store.backup import backup_dir_for

ENV = {**os.environ, "MEETINGDESK_LANG": "vi"}


def cli(*args: object, ok: bool = True) -> subprocess.CompletedProcess[str]:
    result = subprocess.run([sys.executable, "-m", "meetingdesk", *map(str, args)],
                            capture_output=True, text=True, env=ENV, timeout=120)
    if ok:
        assert result.returncode == 0, result.stderr
    return result


def act(db: Path, code: str) -> str:
    """Run ``code`` against the desk ``db`` (``desk``, ``m`` = the meeting id, helpers) in a
    process of its own; returns what it printed."""
    program = textwrap.dedent("""
        import sys
        from meetingdesk.store.desk import open_desk
        from meetingdesk.services import directory, meetings, notes, participation
        def entry(desk, m, name):
            return next(e for e in participation.attendance_list(desk, m)
                        if e.person.full_name == name)
        with open_desk(sys.argv[1]) as desk:
            found = meetings.list_meetings(desk)
            m = found[0].meeting.id if found else None
    """) + textwrap.indent(textwrap.dedent(code), "    ")
    result = subprocess.run([sys.executable, "-c", program, str(db)], capture_output=True,
                            text=True, env=ENV, timeout=120)
    assert result.returncode == 0, result.stderr
    return result.stdout


def roster(db: Path) -> dict[str, str]:
    """Name → attendance status of the meeting's delegates, as the desk shows them."""
    out = act(db, """
        import json
        print(json.dumps({e.person.full_name: e.attendance.status.value
                          for e in participation.attendance_list(desk, m)}))
    """)
    return json.loads(out)


def note_texts(db: Path) -> list[str]:
    return json.loads(act(db, """
        import json
        print(json.dumps(sorted(n.text for n in notes.notes_of(desk, m))))
    """))


@pytest.fixture
def centre(tmp_path: Path) -> Path:
    db = tmp_path / "centre.db"
    act(db, """
        m = meetings.create_meeting(desk, title="Hội nghị giao ban trực tuyến quý 1").id
        for code, name in (("19", "Thái Nguyên"), ("04", "Cao Bằng")):
            site = directory.add_site(desk, name=name, code=code)
            participation.add_meeting_site(desk, meeting_id=m, site_id=site.id)
            for i in range(1, 4):
                p = directory.add_person(desk, full_name=f"Đại biểu {i} {name}",
                                         site_id=site.id)
                participation.add_attendance(desk, meeting_id=m, person_id=p.id,
                                             site_id=site.id)
    """)
    return db


def send(source: Path, target: Path, package: Path, *extra: object) -> str:
    """``source`` writes a package, ``target`` imports it; returns the import's output."""
    cli("export-package", 1, "--db", source, "-o", package, *extra)
    return cli("import-package", package, "--db", target).stdout


def province(centre: Path, tmp_path: Path, name: str = "tn") -> Path:
    db = tmp_path / f"{name}.db"
    send(centre, db, tmp_path / f"setup-{name}.mdpkg")
    return db


def province_saved_aside(centre: Path, tmp_path: Path) -> tuple[Path, Path]:
    """A province's desk, and a copy of its file made aside (to be written back later)."""
    tn = province(centre, tmp_path)
    saved = tmp_path / "tn-saved.db"
    shutil.copyfile(tn, saved)
    return tn, saved


SET_PHONE = """
    p = entry(desk, m, "Đại biểu 1 Thái Nguyên").person
    directory.update_person(desk, p.id, phone="{phone}")
"""


def test_scenario_1_a_copied_desk_takes_its_own_replica_and_never_overwrites_the_original(
        centre: Path, tmp_path: Path) -> None:
    tn = province(centre, tmp_path)
    usb = tmp_path / "tn-usb.db"
    shutil.copyfile(tn, usb)
    me = cli("exchange", "whoami", "--db", tn).stdout
    assert cli("exchange", "whoami", "--db", usb).stdout != me
    for db, who in ((tn, "Hà Thị Thu Trang"), (usb, "Lê Văn Bình")):
        act(db, f"""
            site = directory.find_site(desk, "19")
            p = directory.add_person(desk, full_name="{who}", site_id=site.id)
            participation.add_attendance(desk, meeting_id=m, person_id=p.id, site_id=site.id)
            notes.add_note(desk, meeting_id=m, text="Ghi chép của {who}", site_id=site.id)
        """)
    first = send(tn, centre, tmp_path / "tn.mdpkg", "--site", "19")
    second = send(usb, centre, tmp_path / "usb.mdpkg", "--site", "19")
    for out in (first, second):
        assert "mới 3, thay đổi 0, xóa 0, XUNG ĐỘT 0" in out, out
    people = roster(centre)
    assert {"Hà Thị Thu Trang", "Lê Văn Bình"} <= set(people) and len(people) == 8
    assert note_texts(centre) == ["Ghi chép của Hà Thị Thu Trang", "Ghi chép của Lê Văn Bình"]
    # A delegate deleted and another added: never the deleted one renamed in place.
    act(tn, """
        participation.remove_attendance(desk, entry(desk, m, "Đại biểu 1 Thái Nguyên")
                                        .attendance.id)
        site = directory.find_site(desk, "19")
        p = directory.add_person(desk, full_name="Nông Thị Hoa", site_id=site.id)
        participation.add_attendance(desk, meeting_id=m, person_id=p.id, site_id=site.id)
    """)
    out = send(tn, centre, tmp_path / "tn2.mdpkg", "--site", "19")
    assert "xóa: attendance Đại biểu 1 Thái Nguyên" in out and "mới: attendance Nông Thị Hoa" \
        in out, out
    people = roster(centre)
    assert "Đại biểu 1 Thái Nguyên" not in people and "Nông Thị Hoa" in people


def test_scenario_1b_a_copy_written_back_over_the_desk_takes_a_new_replica(
        centre: Path, tmp_path: Path) -> None:
    """``cp`` over the file keeps its path, device and inode: the mark the desk left beside
    its file as it closed tells that the file went back, so its new revisions are never
    numbered as the ones it already sent."""
    tn, saved = province_saved_aside(centre, tmp_path)
    rename = """
        p = entry(desk, m, "{old}").person
        directory.update_person(desk, p.id, full_name="{new}")
    """
    act(tn, rename.format(old="Đại biểu 1 Thái Nguyên", new="Tên sửa lần một"))
    me = cli("exchange", "whoami", "--db", tn).stdout
    assert "mới 0, thay đổi 1" in send(tn, centre, tmp_path / "one.mdpkg", "--site", "19")
    inode = tn.stat().st_ino
    shutil.copyfile(saved, tn)  # the older copy written back over the same file
    assert tn.stat().st_ino == inode
    assert cli("exchange", "whoami", "--db", tn).stdout != me
    act(tn, rename.format(old="Đại biểu 1 Thái Nguyên", new="Tên sửa lần hai"))
    out = send(tn, centre, tmp_path / "two.mdpkg", "--site", "19")
    assert "XUNG ĐỘT 1, cũ hơn, bỏ qua 0" in out, out  # two edits of one name, both kept


@pytest.mark.parametrize("mark", ["restored with it", "lost"])
def test_scenario_1c_a_folder_restored_over_itself_takes_a_new_replica(
        centre: Path, tmp_path: Path, mark: str) -> None:
    """The desk's folder copied back from a USB stick brings back the mark beside the file
    too (or the mark is lost): the machine's own mark of the replica, kept in the user's data
    folder, still tells that the file went back (found by a reviewer: the second edit was
    numbered as the first one, and the centre took it for one it already had)."""
    tn = province(centre, tmp_path)
    usb = tmp_path / "usb"
    usb.mkdir()
    shutil.copy(tn, usb)
    shutil.copy(tn.with_name(tn.name + ".replica"), usb)
    act(tn, SET_PHONE.format(phone="0111"))
    me = cli("exchange", "whoami", "--db", tn).stdout
    assert "mới 0, thay đổi 1" in send(tn, centre, tmp_path / "one.mdpkg", "--site", "19")
    shutil.copyfile(usb / tn.name, tn)  # over the same file: its identity is kept
    if mark == "lost":
        tn.with_name(tn.name + ".replica").unlink()
    else:
        shutil.copyfile(usb / (tn.name + ".replica"), tn.with_name(tn.name + ".replica"))
    assert cli("exchange", "whoami", "--db", tn).stdout != me
    act(tn, SET_PHONE.format(phone="0999"))
    out = send(tn, centre, tmp_path / "two.mdpkg", "--site", "19")
    assert "XUNG ĐỘT 1" in out, out  # both phones kept, never taken for the first edit


def test_scenario_1d_a_desk_gone_back_where_no_mark_tells_learns_it_from_a_partner(
        centre: Path, tmp_path: Path) -> None:
    """Restored over itself with every mark of its replica gone (the user's data folder too):
    nothing at the desk can tell. The centre's next package acknowledges more of the desk's
    revisions than it holds: the desk takes a new replica id before it writes anything, and
    the edit it had lost comes back from the centre."""
    from meetingdesk.store.replica import machine_mark_path

    tn, saved = province_saved_aside(centre, tmp_path)
    act(tn, SET_PHONE.format(phone="0111"))
    me = cli("exchange", "whoami", "--db", tn).stdout
    send(tn, centre, tmp_path / "one.mdpkg", "--site", "19")
    shutil.copyfile(saved, tn)
    tn.with_name(tn.name + ".replica").unlink()
    machine_mark_path(me.split()[-1]).unlink()
    assert cli("exchange", "whoami", "--db", tn).stdout == me  # nothing here can tell
    send(centre, tn, tmp_path / "back.mdpkg")
    assert cli("exchange", "whoami", "--db", tn).stdout != me
    shown = """
        print(entry(desk, m, "Đại biểu 1 Thái Nguyên").person.phone)
    """
    assert act(tn, shown).strip() == "0111"  # its lost edit, back from the centre
    act(tn, SET_PHONE.format(phone="0999"))
    out = send(tn, centre, tmp_path / "two.mdpkg", "--site", "19")
    assert "thay đổi 1" in out and "XUNG ĐỘT 0" in out, out
    assert act(centre, shown).strip() == "0999"


def test_scenario_2_an_older_package_changes_nothing_and_says_so(centre: Path,
                                                                  tmp_path: Path) -> None:
    tn = province(centre, tmp_path)
    act(tn, """participation.update_attendance(
        desk, entry(desk, m, "Đại biểu 2 Thái Nguyên").attendance.id, status="late")""")
    cli("export-package", 1, "--site", "19", "--db", tn, "-o", tmp_path / "old.mdpkg")
    act(tn, """participation.update_attendance(
        desk, entry(desk, m, "Đại biểu 2 Thái Nguyên").attendance.id, status="present")""")
    send(tn, centre, tmp_path / "new.mdpkg", "--site", "19")
    backups = sorted(backup_dir_for(centre).glob("*.db"))
    out = cli("import-package", tmp_path / "old.mdpkg", "--db", centre).stdout
    assert "cũ hơn, bỏ qua: attendance Đại biểu 2 Thái Nguyên" in out
    assert "không thay đổi gì" in out and "không ghi, không sao lưu" in out
    assert roster(centre)["Đại biểu 2 Thái Nguyên"] == "present"
    assert sorted(backup_dir_for(centre).glob("*.db")) == backups


def test_scenario_3_deletions_travel_both_ways_and_do_not_come_back(centre: Path,
                                                                     tmp_path: Path) -> None:
    tn = province(centre, tmp_path)
    act(tn, """participation.remove_attendance(
        desk, entry(desk, m, "Đại biểu 3 Thái Nguyên").attendance.id)""")
    send(tn, centre, tmp_path / "tn.mdpkg", "--site", "19")
    assert "Đại biểu 3 Thái Nguyên" not in roster(centre)
    act(centre, """participation.remove_attendance(
        desk, entry(desk, m, "Đại biểu 2 Thái Nguyên").attendance.id)""")
    partner = cli("exchange", "whoami", "--db", tn).stdout.split()[-1]
    out = send(centre, tn, tmp_path / "back.mdpkg", "--to", partner)
    assert "xóa: attendance Đại biểu 2 Thái Nguyên" in out, out
    assert "Đại biểu 2 Thái Nguyên" not in roster(tn)
    out = send(tn, centre, tmp_path / "tn2.mdpkg", "--site", "19")
    assert "mới 0" in out
    assert set(roster(centre)) == set(roster(tn)) | {f"Đại biểu {i} Cao Bằng" for i in (1, 2, 3)}
    # A deletion concurrent with an edit is a conflict, not a silent loss.
    act(tn, """participation.update_attendance(
        desk, entry(desk, m, "Đại biểu 1 Thái Nguyên").attendance.id, status="late")""")
    act(centre, """participation.remove_attendance(
        desk, entry(desk, m, "Đại biểu 1 Thái Nguyên").attendance.id)""")
    out = send(tn, centre, tmp_path / "tn3.mdpkg", "--site", "19")
    assert "XUNG ĐỘT: attendance Đại biểu 1 Thái Nguyên" in out, out
    assert "_alive: ở đây “đã xóa” / bên kia “còn”" in out
    assert "_alive" in cli("exchange", "conflicts", "--db", centre).stdout


def test_scenario_3b_a_deletion_arriving_against_an_edit_here_is_a_conflict_it_stays(
        centre: Path, tmp_path: Path) -> None:
    tn = province(centre, tmp_path)
    act(centre, """participation.update_attendance(
        desk, entry(desk, m, "Đại biểu 1 Thái Nguyên").attendance.id, status="late")""")
    act(tn, """participation.remove_attendance(
        desk, entry(desk, m, "Đại biểu 1 Thái Nguyên").attendance.id)""")
    out = send(tn, centre, tmp_path / "tn.mdpkg", "--site", "19")
    assert "XUNG ĐỘT: attendance Đại biểu 1 Thái Nguyên" in out and "xóa 0" in out, out
    assert roster(centre)["Đại biểu 1 Thái Nguyên"] == "late"  # kept until someone decides
    partner = cli("exchange", "whoami", "--db", tn).stdout.split()[-1]
    out = send(centre, tn, tmp_path / "back.mdpkg", "--to", partner)
    assert roster(tn)["Đại biểu 1 Thái Nguyên"] == "late"  # the same on both desks


def test_scenario_4_a_second_roll_call_is_not_a_conflict_anywhere(centre: Path,
                                                                   tmp_path: Path) -> None:
    provinces = {"19": province(centre, tmp_path, "tn"), "04": province(centre, tmp_path, "cb")}
    for code, db in provinces.items():
        name = "Thái Nguyên" if code == "19" else "Cao Bằng"
        act(db, f"""participation.update_attendance(
            desk, entry(desk, m, "Đại biểu 1 {name}").attendance.id, status="present")""")
        send(db, centre, tmp_path / f"r1-{code}.mdpkg", "--site", code)
    for code, db in provinces.items():
        partner = cli("exchange", "whoami", "--db", db).stdout.split()[-1]
        send(centre, db, tmp_path / f"back-{code}.mdpkg", "--to", partner)
    for code, db in provinces.items():
        name = "Thái Nguyên" if code == "19" else "Cao Bằng"
        act(db, f"""participation.update_attendance(
            desk, entry(desk, m, "Đại biểu 1 {name}").attendance.id, status="late")""")
        out = send(db, centre, tmp_path / f"r2-{code}.mdpkg", "--site", code)
        assert f"thay đổi: attendance Đại biểu 1 {name}" in out and "XUNG ĐỘT 0" in out, out
        assert roster(centre)[f"Đại biểu 1 {name}"] == "late"
    assert "Không có xung đột" in cli("exchange", "conflicts", "--db", centre).stdout


def test_scenario_5_a_conflict_is_resolved_in_the_program_and_heals_every_desk(
        centre: Path, tmp_path: Path) -> None:
    tn = province(centre, tmp_path)
    act(tn, """directory.update_person(desk, entry(desk, m, "Đại biểu 1 Thái Nguyên")
                                       .person.id, phone="0280 111 222")""")
    act(centre, """directory.update_person(desk, entry(desk, m, "Đại biểu 1 Thái Nguyên")
                                           .person.id, phone="0913 000 000")""")
    out = send(tn, centre, tmp_path / "tn.mdpkg", "--site", "19")
    assert "phone: ở đây “0913 000 000” / bên kia “0280 111 222”" in out, out
    partner = cli("exchange", "whoami", "--db", tn).stdout.split()[-1]
    send(centre, tn, tmp_path / "conflict.mdpkg", "--to", partner)
    for db, other in ((centre, "tn"), (tn, "centre")):  # both keep both values, with who
        listing = cli("exchange", "conflicts", "--db", db).stdout
        assert "“0913 000 000”" in listing and "“0280 111 222”" in listing, listing
        assert f"— {other}, 20" in listing and "— bàn này, 20" in listing, listing
    shown = [line for line in cli("exchange", "conflicts", "--db", centre).stdout.splitlines()
             if "đang hiển thị" in line]
    assert [line.split("—")[0] for line in cli("exchange", "conflicts", "--db", tn)
            .stdout.splitlines() if "đang hiển thị" in line] == [shown[0].split("—")[0]]
    gid = cli("exchange", "conflicts", "--db", centre).stdout.splitlines()[1].split()[0]
    out = cli("exchange", "resolve", gid[:8], "--field", "phone", "--set", "0913 000 111",
              "--db", centre).stdout
    assert "Đã giải quyết" in out
    send(centre, tn, tmp_path / "resolved.mdpkg", "--to", partner)
    for db in (centre, tn):
        assert "Không có xung đột" in cli("exchange", "conflicts", "--db", db).stdout
        assert act(db, """print(entry(desk, m, "Đại biểu 1 Thái Nguyên").person.phone)""") \
            .strip() == "0913 000 111"


def test_scenario_6_only_an_import_that_changes_something_takes_a_backup(
        centre: Path, tmp_path: Path) -> None:
    tn = province(centre, tmp_path)
    act(tn, """participation.update_attendance(
        desk, entry(desk, m, "Đại biểu 1 Thái Nguyên").attendance.id, status="late")""")
    cli("export-package", 1, "--site", "19", "--db", tn, "-o", tmp_path / "tn.mdpkg")
    dry = cli("import-package", tmp_path / "tn.mdpkg", "--db", centre, "--dry-run").stdout
    assert "status: “expected” → “late”" in dry and "Chạy thử" in dry
    assert not backup_dir_for(centre).exists()
    cli("import-package", tmp_path / "tn.mdpkg", "--db", centre)
    assert len(list(backup_dir_for(centre).glob("*.db"))) == 1
    for _ in range(3):
        out = cli("import-package", tmp_path / "tn.mdpkg", "--db", centre).stdout
        assert "không ghi, không sao lưu" in out
    assert len(list(backup_dir_for(centre).glob("*.db"))) == 1
    # Imports in a row share one backup, unless something was typed here in between: the
    # backup they share does not hold it.
    act(tn, """participation.update_attendance(
        desk, entry(desk, m, "Đại biểu 2 Thái Nguyên").attendance.id, status="late")""")
    cli("export-package", 1, "--site", "19", "--db", tn, "-o", tmp_path / "tn2.mdpkg")
    cli("import-package", tmp_path / "tn2.mdpkg", "--db", centre)
    assert len(list(backup_dir_for(centre).glob("*.db"))) == 1
    act(centre, """participation.update_attendance(
        desk, entry(desk, m, "Đại biểu 1 Cao Bằng").attendance.id, status="absent")""")
    act(tn, """participation.update_attendance(
        desk, entry(desk, m, "Đại biểu 3 Thái Nguyên").attendance.id, status="late")""")
    cli("export-package", 1, "--site", "19", "--db", tn, "-o", tmp_path / "tn3.mdpkg")
    out = cli("import-package", tmp_path / "tn3.mdpkg", "--db", centre).stdout
    saved = sorted(backup_dir_for(centre).glob("*.db"))
    assert len(saved) == 2 and saved[-1].name in out, out
    assert act(saved[-1], """print(entry(desk, m, "Đại biểu 1 Cao Bằng").attendance.status
                             .value)""").strip() == "absent"


def test_scenario_old_format_package_is_refused_with_one_line(centre: Path,
                                                               tmp_path: Path) -> None:
    records = json.dumps([{"kind": "site", "ref": ["d", 1], "data": {}}]).encode()
    manifest = {"format": "meetingdesk-exchange", "format_version": 1, "desk_id": "d",
                "scope": "site", "meeting": {"title": "x", "planned_start": None},
                "site": {"name": "Thái Nguyên"},
                "members": {"records.json": hashlib.sha256(records).hexdigest()}}
    old = tmp_path / "old.mdpkg"
    with zipfile.ZipFile(old, "w") as zf:
        zf.writestr("manifest.json", json.dumps(manifest))
        zf.writestr("records.json", records)
    before = centre.read_bytes()
    result = cli("import-package", old, "--db", centre, ok=False)
    assert result.returncode == 1 and result.stdout == ""
    assert len(result.stderr.strip().splitlines()) == 1
    assert "định dạng cũ (phiên bản 1)" in result.stderr
    assert centre.read_bytes() == before


def register_line(db: Path) -> dict[str, object]:
    """The centre's task register as the register shows it: the one task, its progress."""
    return json.loads(act(db, """
        import json
        from datetime import date
        from meetingdesk.services import tasks
        (line,) = tasks.register(desk, as_of=date(2023, 5, 20))
        print(json.dumps({"status": line.state(date(2023, 5, 20)).label,
                          "in_conflict": line.in_conflict,
                          "due": line.task.due_on.isoformat(), "site": line.site_name,
                          "progress": [(p.reported_on.isoformat(), p.text, p.source)
                                       for p in tasks.progress_of(desk, line.id)]}))
    """))


def test_scenario_task_progress_from_a_province_merges_and_a_conflict_is_kept(
        centre: Path, tmp_path: Path) -> None:
    act(centre, """
        from datetime import date
        site = directory.find_site(desk, "19")
        notes.add_task(desk, meeting_id=m, description="Báo cáo sơ kết Quy định 96",
                       due_on=date(2023, 6, 30), owner_site_id=site.id)
    """)
    tn = province(centre, tmp_path)
    act(tn, """
        from datetime import date
        from meetingdesk.services import tasks
        site = directory.find_site(desk, "19")
        (line,) = tasks.register(desk, as_of=date(2023, 5, 20))
        tasks.add_progress(desk, task_id=line.id, reported_on=date(2023, 5, 15),
                           text="Đã quán triệt tới 100% chi bộ.", source="Tỉnh ủy Thái Nguyên",
                           site_id=site.id)
    """)
    out = send(tn, centre, tmp_path / "progress.mdpkg", "--site", "19")
    assert "mới: task_progress Đã quán triệt tới 100% chi bộ." in out, out
    assert "XUNG ĐỘT 0" in out, out
    assert register_line(centre) == {
        "status": "Đang thực hiện", "in_conflict": False, "due": "2023-06-30",
        "site": "Thái Nguyên",
        "progress": [["2023-05-15", "Đã quán triệt tới 100% chi bộ.", "Tỉnh ủy Thái Nguyên"]]}
    assert "Đang thực hiện" in cli("tasks", "--db", centre, "--site", "19",
                                   "--as-of", "2023-05-20").stdout

    for db, due in ((centre, "(2023, 7, 31)"), (tn, "(2023, 7, 15)")):  # both sides edit
        act(db, f"""
            from datetime import date
            from meetingdesk.services import tasks
            (line,) = tasks.register(desk, as_of=date(2023, 5, 20))
            notes.update_task(desk, line.id, due_on=date{due})
        """)
    out = send(tn, centre, tmp_path / "conflict.mdpkg", "--site", "19")
    assert "due_on: ở đây “2023-07-31” / bên kia “2023-07-15”" in out, out
    listing = cli("exchange", "conflicts", "--db", centre).stdout
    assert "task Báo cáo sơ kết Quy định 96" in listing, listing
    assert "“2023-07-31” — bàn này" in listing and "“2023-07-15” — tn" in listing, listing
    marked = register_line(centre)
    shown = marked["due"]
    assert shown in ("2023-07-31", "2023-07-15") and marked["in_conflict"]  # marked meanwhile
    partner = cli("exchange", "whoami", "--db", tn).stdout.split()[-1]
    send(centre, tn, tmp_path / "back.mdpkg", "--to", partner)
    assert register_line(tn)["due"] == shown  # the same winner meanwhile, on both desks
    gid = listing.splitlines()[1].split()[0]
    cli("exchange", "resolve", gid[:8], "--field", "due_on", "--set", "2023-07-20",
        "--db", centre)
    send(centre, tn, tmp_path / "resolved.mdpkg", "--to", partner)
    for db in (centre, tn):
        assert "Không có xung đột" in cli("exchange", "conflicts", "--db", db).stdout
        line = register_line(db)
        assert line["due"] == "2023-07-20" and len(line["progress"]) == 1  # type: ignore[arg-type]
        assert not line["in_conflict"]


def test_scenario_a_round_of_packages_is_imported_in_one_run(centre: Path,
                                                             tmp_path: Path) -> None:
    """The centre imports the provinces' packages in one run of the program, in order; a
    damaged one among them is named and nothing is imported."""
    tn, cb = province(centre, tmp_path), province(centre, tmp_path, "cb")
    act(tn, """participation.update_attendance(
        desk, entry(desk, m, "Đại biểu 1 Thái Nguyên").attendance.id, status="late")""")
    act(cb, """participation.update_attendance(
        desk, entry(desk, m, "Đại biểu 1 Cao Bằng").attendance.id, status="absent")""")
    parts = []
    for db, code in ((tn, "19"), (cb, "04")):
        parts.append(tmp_path / f"{db.stem}.mdpkg")
        cli("export-package", 1, "--site", code, "--db", db, "-o", parts[-1])
    damaged = tmp_path / "hong.mdpkg"
    damaged.write_bytes(parts[0].read_bytes()[:-40])
    before = centre.read_bytes()
    refused = cli("import-package", *parts, damaged, "--db", centre, ok=False)
    assert refused.returncode == 1 and "hong.mdpkg" in refused.stderr
    assert len(refused.stderr.strip().splitlines()) == 1 and refused.stdout == ""
    assert centre.read_bytes() == before
    out = cli("import-package", *parts, "--db", centre).stdout
    assert out.startswith("tn.mdpkg:") and "\ncb.mdpkg:" in out
    got = roster(centre)
    assert (got["Đại biểu 1 Thái Nguyên"], got["Đại biểu 1 Cao Bằng"]) == ("late", "absent")
