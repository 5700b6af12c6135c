"""Opening desk files: PRAGMAs, migrations from every earlier schema, backups, transactions."""

from __future__ import annotations

import hashlib
import importlib.util
import logging
import shutil
import sqlite3
from collections.abc import Callable
from pathlib import Path
from types import ModuleType

import pytest
from sqlite_utils import Database
from sqlite_utils.migrations import Migrations

from meetingdesk.domain.enums import Profile
from meetingdesk.domain.errors import DeskFileError, ReadOnlyDeskError, StorageError
from meetingdesk.services import (
    directory,
    meetings,
    notes,
    organization,
    participation,
    search,
)
from meetingdesk.store import desk as desk_module
from meetingdesk.store.backup import backup_dir_for
from meetingdesk.store.desk import Desk, open_desk
from meetingdesk.store.migrations import (
    APPLICATION_ID,
    KNOWN_MIGRATIONS,
    MIGRATION_SET,
    SCHEMA_VERSION,
)
from meetingdesk.store.sealing import seal

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"


def _load_make_fixtures() -> ModuleType:
    spec = importlib.util.spec_from_file_location("make_fixtures", FIXTURES / "make_fixtures.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


make_fixtures = _load_make_fixtures()


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def siblings(path: Path) -> set[str]:
    return {p.name for p in path.parent.iterdir()} - {path.name}


def schema_fixtures() -> list[Path]:
    """The committed desks of every released schema, oldest first (10 after 9)."""
    return sorted(FIXTURES.glob("desk-schema-*.db"), key=lambda p: int(p.stem.split("-")[-1]))


def add_migration(monkeypatch: pytest.MonkeyPatch, name: str,
                  fn: Callable[[Database], None]) -> None:
    """Make the store believe it knows one more migration than this release has."""
    extended = Migrations(MIGRATION_SET)
    for known in desk_module.migration_set()._migrations:
        extended(name=known.name)(known.fn)
    extended(name=name)(fn)
    monkeypatch.setattr(desk_module, "migration_set", lambda: extended)
    monkeypatch.setattr(desk_module, "SCHEMA_VERSION", SCHEMA_VERSION + 1)
    monkeypatch.setattr(desk_module, "KNOWN_MIGRATIONS", KNOWN_MIGRATIONS | {name})


def add_meeting_notes_column(db: Database) -> None:
    db.execute("ALTER TABLE meetings ADD COLUMN venue_notes TEXT")


@pytest.fixture
def latest_schema_copy(tmp_path: Path) -> Path:
    copy = tmp_path / "old.db"
    shutil.copyfile(FIXTURES / f"desk-schema-{SCHEMA_VERSION}.db", copy)
    return copy


def test_open_desk_creates_file_with_wal_full_sync_and_foreign_keys(desk_path: Path) -> None:
    assert not desk_path.exists()
    with open_desk(desk_path) as desk:
        pragma = lambda name: desk.db.execute(f"PRAGMA {name}").fetchone()[0]  # noqa: E731
        assert pragma("journal_mode") == "wal"
        assert pragma("synchronous") == 2  # FULL
        assert pragma("foreign_keys") == 1
        assert pragma("user_version") == SCHEMA_VERSION
        assert pragma("application_id") == APPLICATION_ID
    assert desk_path.is_file()


def test_open_desk_new_desk_keeps_revision_states_whole_on_large_pages(desk_path: Path) -> None:
    with open_desk(desk_path) as desk:
        assert desk.db.execute("PRAGMA page_size").fetchone()[0] == desk_module.PAGE_SIZE
        meeting = meetings.create_meeting(desk, title="Giao ban trực tuyến tháng 6")
        site = directory.add_site(desk, name="Tỉnh ủy Bắc Kạn", code="06")
        assert meeting.id is not None and site.id is not None
        participation.add_meeting_site(desk, meeting_id=meeting.id, site_id=site.id)
        for n in range(40):
            person = directory.add_person(desk, full_name=f"Đại biểu số {n + 1}",
                                          titles=("Ủy viên Ban Thường vụ Tỉnh ủy",),
                                          site_id=site.id)
            participation.add_attendance(desk, meeting_id=meeting.id,
                                         person_id=person.id or 0, site_id=site.id)
        with desk.transaction() as db:
            assert seal(db) > 80
        spilled = desk.db.execute(
            "SELECT count(*) FROM dbstat WHERE name = 'sync_state' AND pagetype = 'overflow'"
        ).fetchone()[0]
    assert spilled == 0


@pytest.mark.parametrize("opening", [{}, {"read_only": True}], ids=str)
def test_open_desk_connections_keep_a_year_of_pages_in_their_cache(
        desk_path: Path, opening: dict[str, bool]) -> None:
    """Records keyed by random ids lie all over the file: with SQLite's 2 MiB cache a grown
    desk read its pages from the file again at every import (see ``CACHE_KIB``)."""
    open_desk(desk_path).close()
    with open_desk(desk_path, **opening) as desk:
        assert desk.db.execute("PRAGMA cache_size").fetchone()[0] == -desk_module.CACHE_KIB
    assert desk_module.CACHE_KIB >= 32 * 1024


def test_open_desk_keeps_the_page_size_of_an_existing_desk(tmp_path: Path) -> None:
    copy = tmp_path / "old.db"  # made before new desks had pages of PAGE_SIZE
    shutil.copyfile(FIXTURES / "desk-schema-11.db", copy)
    with open_desk(copy) as desk:
        assert desk.db.execute("PRAGMA page_size").fetchone()[0] == 4096


@pytest.mark.parametrize("opening", [{}, {"create": False}, {"read_only": True}], ids=str)
def test_open_desk_refuses_an_empty_file_and_leaves_it_empty(desk_path: Path,
                                                            opening: dict[str, bool]) -> None:
    desk_path.touch()
    with pytest.raises(DeskFileError, match="tệp rỗng, không phải tệp dữ liệu MeetingDesk"):
        open_desk(desk_path, **opening)
    assert desk_path.stat().st_size == 0
    assert sorted(p.name for p in desk_path.parent.iterdir()) == [desk_path.name]


def test_open_desk_reopening_a_current_desk_changes_no_schema(desk: Desk) -> None:
    meetings.create_meeting(desk, title="Giao ban")
    desk.close()
    with open_desk(desk.path) as again:
        assert [s.meeting.title for s in meetings.list_meetings(again)] == ["Giao ban"]
    assert not backup_dir_for(desk.path).exists()


def test_open_desk_committed_fixture_exists_for_every_schema() -> None:
    assert [p.name for p in schema_fixtures()] == [
        f"desk-schema-{v}.db" for v in range(1, SCHEMA_VERSION + 1)]


@pytest.mark.parametrize("fixture", schema_fixtures(), ids=lambda p: p.stem)
def test_open_desk_opens_each_earlier_schema_and_keeps_its_data(fixture: Path,
                                                               tmp_path: Path) -> None:
    copy = tmp_path / fixture.name
    shutil.copyfile(fixture, copy)
    with open_desk(copy) as desk:
        (summary,) = meetings.list_meetings(desk)
        assert summary.meeting.title == make_fixtures.MEETING_TITLE
        assert (summary.site_count, summary.delegate_count) == (1, 1)
        (note,) = notes.notes_of(desk, summary.meeting.id or 0)
        assert note.text.startswith(make_fixtures.NOTE_TEXT)
        assert len(notes.revisions(desk, note.id or 0)) == 2
        assert [d.reference for d in notes.cited_documents(desk, note.meeting_id)] == ["96-QĐ/TW"]
        assert {h.kind for h in search.search(desk, "bac kan")} == {"site"}
        assert desk.db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        assert desk.db.execute("SELECT v FROM search_index_config "  # merged by the upkeep
                               "WHERE k = 'automerge'").fetchone() == (0,)


def test_open_desk_backs_up_before_migrating(latest_schema_copy: Path,
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    add_migration(monkeypatch, "0002_test_venue_notes", add_meeting_notes_column)
    with open_desk(latest_schema_copy) as desk:
        assert "venue_notes" in desk.db["meetings"].columns_dict  # type: ignore[union-attr]
        assert desk.db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION + 1
    (backup,) = (latest_schema_copy.parent / "old.db-backups").iterdir()
    assert backup.name.startswith("old-") and backup.name.endswith("-before-migration.db")
    conn = sqlite3.connect(backup)
    try:
        assert conn.execute("PRAGMA quick_check").fetchone()[0] == "ok"
        assert conn.execute("SELECT title FROM meetings").fetchall() == [
            (make_fixtures.MEETING_TITLE,)]
        columns = {r[1] for r in conn.execute("PRAGMA table_info(meetings)")}
        assert "venue_notes" not in columns
        assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    finally:
        conn.close()


def test_open_desk_failing_migration_leaves_the_file_as_it_was(
        latest_schema_copy: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def half_done(db: Database) -> None:
        db.execute("ALTER TABLE meetings ADD COLUMN venue_notes TEXT")
        db.execute("UPDATE meetings SET title = 'hỏng'")
        raise RuntimeError("migration failed half-way")

    before = sha256(latest_schema_copy)
    add_migration(monkeypatch, "0002_test_half_done", half_done)
    with pytest.raises(RuntimeError):
        open_desk(latest_schema_copy)
    assert sha256(latest_schema_copy) == before
    assert siblings(latest_schema_copy) == {"old.db-backups"}  # the backup, no -wal or -shm
    monkeypatch.undo()
    with open_desk(latest_schema_copy) as desk:
        assert [s.meeting.title for s in meetings.list_meetings(desk)] == [
            make_fixtures.MEETING_TITLE]


def test_open_desk_read_only_refuses_an_older_schema(latest_schema_copy: Path,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    add_migration(monkeypatch, "0002_test_venue_notes", add_meeting_notes_column)
    before = sha256(latest_schema_copy)
    with pytest.raises(DeskFileError, match="lược đồ cũ"):
        open_desk(latest_schema_copy, read_only=True)
    assert sha256(latest_schema_copy) == before


def test_open_desk_read_only_cannot_write(desk: Desk) -> None:
    meetings.create_meeting(desk, title="Giao ban")
    desk.close()
    with open_desk(desk.path, read_only=True) as ro:
        assert ro.read_only
        assert meetings.list_meetings(ro)
        with pytest.raises(StorageError, match="tệp chỉ đọc") as caught:
            ro.db.execute("DELETE FROM meetings")
        assert caught.value.cause == "SQLITE_READONLY"
        with pytest.raises(ReadOnlyDeskError, match="chỉ đọc"):
            meetings.create_meeting(ro, title="Giao ban 2")
        assert [s.meeting.title for s in meetings.list_meetings(ro)] == ["Giao ban"]


def test_open_desk_missing_file_is_not_created_unless_asked(desk_path: Path) -> None:
    for kwargs in ({"create": False}, {"read_only": True}):
        with pytest.raises(DeskFileError, match="Không tìm thấy"):
            open_desk(desk_path, **kwargs)
    assert not desk_path.exists()


def test_desk_transaction_rolls_back_everything_on_error(desk: Desk) -> None:
    with pytest.raises(RuntimeError), desk.transaction() as db:
        db["meetings"].insert({"title": "Một"})  # type: ignore[union-attr]
        with desk.transaction() as inner:
            inner["meetings"].insert({"title": "Hai"})  # type: ignore[union-attr]
        raise RuntimeError
    assert desk.db.execute("SELECT count(*) FROM meetings").fetchone()[0] == 0


def test_desk_transaction_inner_failure_keeps_the_outer_work(desk: Desk) -> None:
    with desk.transaction() as db:
        db["meetings"].insert({"title": "Một"})  # type: ignore[union-attr]
        with pytest.raises(RuntimeError), desk.transaction() as inner:
            inner["meetings"].insert({"title": "Hai"})  # type: ignore[union-attr]
            raise RuntimeError
    titles = [r[0] for r in desk.db.execute("SELECT title FROM meetings")]
    assert titles == ["Một"]


def test_desk_transaction_takes_the_write_lock_before_its_first_read(desk: Desk) -> None:
    """A transaction that reads, then writes, must not fail because another program committed
    in between (a deferred BEGIN does: SQLITE_BUSY at once, no waiting)."""
    other = sqlite3.connect(desk.path, timeout=0)
    try:
        with desk.transaction() as db:
            db.execute("SELECT count(*) FROM meetings").fetchone()
            with pytest.raises(sqlite3.OperationalError, match="locked"):
                other.execute("BEGIN IMMEDIATE")
            db["meetings"].insert({"title": "Một"})  # type: ignore[union-attr]
    finally:
        other.close()


def test_desk_commit_without_waiting_flushes_after_each_outermost_commit(desk: Desk) -> None:
    flushed: list[int] = []
    synchronous = lambda: desk.db.execute("PRAGMA synchronous").fetchone()[0]  # noqa: E731
    desk.commit_without_waiting(lambda: flushed.append(len(flushed)))
    assert synchronous() == 1  # NORMAL: the commit does not wait for the disk
    with desk.transaction() as db:
        db["meetings"].insert({"title": "Một"})  # type: ignore[union-attr]
        with desk.transaction() as inner:  # a savepoint: no commit of its own
            inner["meetings"].insert({"title": "Hai"})  # type: ignore[union-attr]
        assert flushed == []
    assert flushed == [0]
    with pytest.raises(RuntimeError), desk.transaction() as db:
        db["meetings"].insert({"title": "Ba"})  # type: ignore[union-attr]
        raise RuntimeError  # rolled back: nothing to flush
    assert flushed == [0]
    desk.commit_without_waiting(None)
    assert synchronous() == 2  # FULL again
    with desk.transaction() as db:
        db["meetings"].insert({"title": "Bốn"})  # type: ignore[union-attr]
    assert flushed == [0]


def _noted(desk: Desk) -> int:
    return int(desk.db.execute("SELECT count(*) FROM sync_dirty").fetchone()[0])


def test_closing_a_desk_seals_the_edits_a_crash_left_noted(desk: Desk) -> None:
    meetings.create_meeting(desk, title="Họp giao ban")  # noted, as a crashed window leaves it
    assert _noted(desk) > 0
    reader = open_desk(desk.path, create=False)
    meetings.list_meetings(reader)  # a window opened after the crash, which only looks
    reader.close()
    assert _noted(desk) == 0


def test_closing_a_desk_beside_a_writer_leaves_the_edits_noted_without_failing(
        desk: Desk, caplog: pytest.LogCaptureFixture) -> None:
    meetings.create_meeting(desk, title="Họp giao ban")
    reader = open_desk(desk.path, create=False)
    writer = sqlite3.connect(desk.path)
    try:
        writer.execute("BEGIN IMMEDIATE")  # another program in the middle of its write
        reader.close()
    finally:
        writer.rollback()
        writer.close()
    assert _noted(desk) > 0  # left for the next close or exchange
    assert not [r for r in caplog.records if r.levelno >= logging.WARNING]


def test_open_desk_beside_a_writer_does_not_wait_for_its_lock(desk: Desk) -> None:
    writer = sqlite3.connect(desk.path)
    try:
        writer.execute("BEGIN IMMEDIATE")
        with open_desk(desk.path, create=False) as again:  # the file's binding is unchanged
            assert meetings.list_meetings(again) == []
    finally:
        writer.rollback()
        writer.close()


class _KilledAfterMigrating(Migrations):
    """Migrations that apply, then lose the process before open_desk finishes its work."""

    def apply(self, db: Database, **kwargs: object) -> None:  # type: ignore[override]
        super().apply(db, **kwargs)  # type: ignore[arg-type]
        raise KeyboardInterrupt


def test_open_desk_interrupted_first_opening_still_opens_as_a_desk(
        desk_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    killed = _KilledAfterMigrating(MIGRATION_SET)
    for known in desk_module.migration_set()._migrations:
        killed(name=known.name)(known.fn)
    monkeypatch.setattr(desk_module, "migration_set", lambda: killed)
    with pytest.raises(KeyboardInterrupt):
        open_desk(desk_path)
    monkeypatch.undo()
    with open_desk(desk_path) as desk:
        assert desk.db.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID
        assert desk.db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        meetings.create_meeting(desk, title="Giao ban")


def test_open_desk_migration_4_turns_the_organization_into_the_first_issuer(
        tmp_path: Path) -> None:
    copy = tmp_path / "three.db"
    shutil.copyfile(FIXTURES / "desk-schema-3.db", copy)
    conn = sqlite3.connect(copy)
    with conn:
        conn.execute("UPDATE organization SET agency = 'BAN TỔ CHỨC TRUNG ƯƠNG', "
                     "place = 'Hà Nội', profile = 'state', number_code = 'BB/BTCTW', "
                     "chair_title = 'Phó Trưởng Ban', recipients = '[\"Như trên\"]'")
        conn.execute("UPDATE attendances SET role = 'chair'")
    conn.close()
    with open_desk(copy) as desk:
        (issuer,) = organization.list_issuers(desk)
        assert (issuer.name, issuer.place, issuer.profile, issuer.number_code,
                issuer.recipients, issuer.is_default) == (
            "BAN TỔ CHỨC TRUNG ƯƠNG", "Hà Nội", Profile.STATE, "BB/BTCTW", ("Như trên",), True)
        (summary,) = meetings.list_meetings(desk)
        meeting = summary.meeting
        assert meeting.issuer_id == issuer.id
        assert meeting.chair_signer_title == "Phó Trưởng Ban"
        assert meeting.chair_signer_id is not None and meeting.secretary_signer_id is None
        (site,) = participation.meeting_sites(desk, meeting.id or 0)
        assert site.meeting_site.present is None
