"""Numbered schema migrations. A released migration is never edited: add a new one.

``SCHEMA_VERSION`` is the number of migrations this version knows; it is also written to
``PRAGMA user_version`` so a newer file can be recognised without reading its tables.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from functools import cache
from typing import TYPE_CHECKING

from meetingdesk.store.tracking import migrate_0005, track

if TYPE_CHECKING:
    from sqlite_utils import Database
    from sqlite_utils.migrations import Migrations

MIGRATION_SET = "meetingdesk"
APPLICATION_ID = 0x4D44534B  # "MDSK"

_Step = Callable[["Database"], None]
_STEPS: list[tuple[str, _Step]] = []


def _migration(name: str) -> Callable[[_Step], _Step]:
    """Register a numbered migration, in order."""
    def register(step: _Step) -> _Step:
        _STEPS.append((name, step))
        return step
    return register


@cache
def migration_set() -> Migrations:
    """The migrations as sqlite-utils applies them, made at the first need: an opening that
    finds none to apply (every start of the window) does not load sqlite-utils for them."""
    from sqlite_utils.migrations import Migrations

    steps = Migrations(MIGRATION_SET)
    for name, step in _STEPS:
        steps(name=name)(step)
    return steps

_SCHEMA_1 = """
CREATE TABLE organization (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    agency TEXT NOT NULL DEFAULT '',
    parent_agency TEXT NOT NULL DEFAULT '',
    place TEXT NOT NULL DEFAULT '',
    profile TEXT NOT NULL DEFAULT 'party' CHECK (profile IN ('state', 'party')),
    number_code TEXT NOT NULL DEFAULT '',
    chair_title TEXT NOT NULL DEFAULT '',
    recipients TEXT NOT NULL DEFAULT '[]'
);
INSERT INTO organization (id) VALUES (1);

CREATE TABLE sites (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL CHECK (name <> ''),
    kind TEXT NOT NULL DEFAULT 'province',
    code TEXT UNIQUE,
    contact_name TEXT,
    contact_phone TEXT,
    technician_name TEXT,
    technician_phone TEXT
);

CREATE TABLE site_aliases (
    id INTEGER PRIMARY KEY,
    site_id INTEGER NOT NULL REFERENCES sites(id) ON DELETE CASCADE,
    name TEXT NOT NULL CHECK (name <> ''),
    UNIQUE (site_id, name)
);

CREATE TABLE people (
    id INTEGER PRIMARY KEY,
    full_name TEXT NOT NULL CHECK (full_name <> ''),
    titles TEXT NOT NULL DEFAULT '[]',
    organization TEXT,
    site_id INTEGER REFERENCES sites(id) ON DELETE SET NULL,
    rank INTEGER NOT NULL DEFAULT 1000,
    phone TEXT,
    email TEXT
);
CREATE INDEX people_site ON people(site_id);

CREATE TABLE meetings (
    id INTEGER PRIMARY KEY,
    title TEXT NOT NULL CHECK (title <> ''),
    kind TEXT NOT NULL DEFAULT '',
    organizer TEXT,
    planned_start TEXT,
    planned_end TEXT,
    actual_start TEXT,
    actual_end TEXT,
    main_site_id INTEGER REFERENCES sites(id) ON DELETE SET NULL,
    status TEXT NOT NULL DEFAULT 'draft',
    number INTEGER,
    description TEXT,
    source_meeting_id INTEGER REFERENCES meetings(id) ON DELETE SET NULL
);
CREATE INDEX meetings_start ON meetings(planned_start);

CREATE TABLE meeting_events (
    id INTEGER PRIMARY KEY,
    meeting_id INTEGER NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
    at TEXT NOT NULL,
    kind TEXT NOT NULL,
    detail TEXT
);
CREATE INDEX meeting_events_meeting ON meeting_events(meeting_id);

CREATE TABLE meeting_sites (
    id INTEGER PRIMARY KEY,
    meeting_id INTEGER NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
    site_id INTEGER NOT NULL REFERENCES sites(id) ON DELETE RESTRICT,
    host_person_id INTEGER REFERENCES people(id) ON DELETE SET NULL,
    summoned INTEGER NOT NULL DEFAULT 0 CHECK (summoned >= 0),
    connection TEXT NOT NULL DEFAULT 'unchecked',
    position INTEGER NOT NULL DEFAULT 0,
    UNIQUE (meeting_id, site_id)
);

CREATE TABLE connection_events (
    id INTEGER PRIMARY KEY,
    meeting_site_id INTEGER NOT NULL REFERENCES meeting_sites(id) ON DELETE CASCADE,
    at TEXT NOT NULL,
    status TEXT NOT NULL,
    remark TEXT
);
CREATE INDEX connection_events_site ON connection_events(meeting_site_id);

CREATE TABLE attendances (
    id INTEGER PRIMARY KEY,
    meeting_id INTEGER NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
    person_id INTEGER NOT NULL REFERENCES people(id) ON DELETE RESTRICT,
    site_id INTEGER REFERENCES sites(id) ON DELETE SET NULL,
    role TEXT NOT NULL DEFAULT 'delegate',
    status TEXT NOT NULL DEFAULT 'expected',
    reason TEXT,
    checked_in_at TEXT,
    position INTEGER NOT NULL DEFAULT 0,
    UNIQUE (meeting_id, person_id)
);
CREATE INDEX attendances_person ON attendances(person_id);

CREATE TABLE agenda_items (
    id INTEGER PRIMARY KEY,
    meeting_id INTEGER NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
    title TEXT NOT NULL CHECK (title <> ''),
    position INTEGER NOT NULL DEFAULT 0,
    presenter_id INTEGER REFERENCES people(id) ON DELETE SET NULL,
    planned_minutes INTEGER CHECK (planned_minutes IS NULL OR planned_minutes >= 0),
    actual_start TEXT,
    actual_end TEXT
);
CREATE INDEX agenda_items_meeting ON agenda_items(meeting_id, position);

CREATE TABLE notes (
    id INTEGER PRIMARY KEY,
    meeting_id INTEGER NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
    text TEXT NOT NULL,
    at TEXT NOT NULL,
    kind TEXT NOT NULL DEFAULT 'statement',
    agenda_item_id INTEGER REFERENCES agenda_items(id) ON DELETE SET NULL,
    speaker_id INTEGER REFERENCES attendances(id) ON DELETE SET NULL,
    site_id INTEGER REFERENCES sites(id) ON DELETE SET NULL,
    revision INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX notes_meeting ON notes(meeting_id, at);
CREATE INDEX notes_agenda ON notes(agenda_item_id);
CREATE INDEX notes_speaker ON notes(speaker_id);

CREATE TABLE note_revisions (
    id INTEGER PRIMARY KEY,
    note_id INTEGER NOT NULL REFERENCES notes(id) ON DELETE CASCADE,
    revision INTEGER NOT NULL,
    text TEXT NOT NULL,
    saved_at TEXT NOT NULL,
    UNIQUE (note_id, revision)
);

CREATE TABLE tasks (
    id INTEGER PRIMARY KEY,
    meeting_id INTEGER NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
    description TEXT NOT NULL CHECK (description <> ''),
    owner_person_id INTEGER REFERENCES people(id) ON DELETE SET NULL,
    owner_unit TEXT,
    due_on TEXT,
    status TEXT NOT NULL DEFAULT 'open',
    note_id INTEGER REFERENCES notes(id) ON DELETE SET NULL,
    position INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX tasks_meeting ON tasks(meeting_id, position);
CREATE INDEX tasks_note ON tasks(note_id);

CREATE TABLE documents (
    id INTEGER PRIMARY KEY,
    reference TEXT NOT NULL UNIQUE CHECK (reference <> ''),
    doc_type TEXT,
    number TEXT,
    code TEXT,
    issued_on TEXT,
    issued_year INTEGER,
    issuer TEXT,
    title TEXT,
    file_name TEXT,
    file_data BLOB
);

CREATE TABLE note_citations (
    note_id INTEGER NOT NULL REFERENCES notes(id) ON DELETE CASCADE,
    document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    PRIMARY KEY (note_id, document_id)
) WITHOUT ROWID;
CREATE INDEX note_citations_document ON note_citations(document_id);

CREATE TABLE minutes_versions (
    id INTEGER PRIMARY KEY,
    meeting_id INTEGER NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
    created_at TEXT NOT NULL,
    profile TEXT NOT NULL,
    sha256 TEXT NOT NULL,
    size INTEGER NOT NULL,
    pdf BLOB NOT NULL,
    final INTEGER NOT NULL DEFAULT 0,
    finalized_at TEXT
);
CREATE INDEX minutes_versions_meeting ON minutes_versions(meeting_id);
"""

# The search index holds a folded copy (no tones, no hats, đ→d) of every searchable text.
# Its rowid encodes the source: id * 8 + kind number; md_fold() is registered on every
# connection the store opens.
_SEARCH_1 = """
CREATE VIRTUAL TABLE search_index USING fts5(
    kind UNINDEXED, ref_id UNINDEXED, meeting_id UNINDEXED, body,
    tokenize = 'unicode61 remove_diacritics 2'
);

CREATE TRIGGER notes_ai AFTER INSERT ON notes BEGIN
    INSERT INTO search_index (rowid, kind, ref_id, meeting_id, body)
    VALUES (new.id * 8 + 1, 'note', new.id, new.meeting_id, md_fold(new.text));
END;
CREATE TRIGGER notes_au AFTER UPDATE OF text, meeting_id ON notes BEGIN
    DELETE FROM search_index WHERE rowid = old.id * 8 + 1;
    INSERT INTO search_index (rowid, kind, ref_id, meeting_id, body)
    VALUES (new.id * 8 + 1, 'note', new.id, new.meeting_id, md_fold(new.text));
END;
CREATE TRIGGER notes_ad AFTER DELETE ON notes BEGIN
    DELETE FROM search_index WHERE rowid = old.id * 8 + 1;
END;

CREATE TRIGGER people_ai AFTER INSERT ON people BEGIN
    INSERT INTO search_index (rowid, kind, ref_id, meeting_id, body)
    VALUES (new.id * 8 + 2, 'person', new.id, NULL,
            md_fold(new.full_name || ' ' || new.titles || ' ' || coalesce(new.organization, '')));
END;
CREATE TRIGGER people_au AFTER UPDATE OF full_name, titles, organization ON people BEGIN
    DELETE FROM search_index WHERE rowid = old.id * 8 + 2;
    INSERT INTO search_index (rowid, kind, ref_id, meeting_id, body)
    VALUES (new.id * 8 + 2, 'person', new.id, NULL,
            md_fold(new.full_name || ' ' || new.titles || ' ' || coalesce(new.organization, '')));
END;
CREATE TRIGGER people_ad AFTER DELETE ON people BEGIN
    DELETE FROM search_index WHERE rowid = old.id * 8 + 2;
END;

CREATE TRIGGER sites_ai AFTER INSERT ON sites BEGIN
    INSERT INTO search_index (rowid, kind, ref_id, meeting_id, body)
    VALUES (new.id * 8 + 3, 'site', new.id, NULL,
            md_fold(new.name || ' ' || coalesce(new.code, '')));
END;
CREATE TRIGGER sites_au AFTER UPDATE OF name, code ON sites BEGIN
    DELETE FROM search_index WHERE rowid = old.id * 8 + 3;
    INSERT INTO search_index (rowid, kind, ref_id, meeting_id, body)
    VALUES (new.id * 8 + 3, 'site', new.id, NULL, md_fold(new.name || ' ' || coalesce(new.code, '')
            || ' ' || coalesce((SELECT group_concat(name, ' ') FROM site_aliases
                                WHERE site_id = new.id), '')));
END;
CREATE TRIGGER sites_ad AFTER DELETE ON sites BEGIN
    DELETE FROM search_index WHERE rowid = old.id * 8 + 3;
END;
CREATE TRIGGER site_aliases_ai AFTER INSERT ON site_aliases BEGIN
    UPDATE sites SET name = name WHERE id = new.site_id;
END;
CREATE TRIGGER site_aliases_ad AFTER DELETE ON site_aliases BEGIN
    UPDATE sites SET name = name WHERE id = old.site_id;
END;

CREATE TRIGGER agenda_items_ai AFTER INSERT ON agenda_items BEGIN
    INSERT INTO search_index (rowid, kind, ref_id, meeting_id, body)
    VALUES (new.id * 8 + 4, 'agenda', new.id, new.meeting_id, md_fold(new.title));
END;
CREATE TRIGGER agenda_items_au AFTER UPDATE OF title, meeting_id ON agenda_items BEGIN
    DELETE FROM search_index WHERE rowid = old.id * 8 + 4;
    INSERT INTO search_index (rowid, kind, ref_id, meeting_id, body)
    VALUES (new.id * 8 + 4, 'agenda', new.id, new.meeting_id, md_fold(new.title));
END;
CREATE TRIGGER agenda_items_ad AFTER DELETE ON agenda_items BEGIN
    DELETE FROM search_index WHERE rowid = old.id * 8 + 4;
END;

CREATE TRIGGER documents_ai AFTER INSERT ON documents BEGIN
    INSERT INTO search_index (rowid, kind, ref_id, meeting_id, body)
    VALUES (new.id * 8 + 5, 'document', new.id, NULL,
            md_fold(coalesce(new.doc_type, '') || ' ' || new.reference || ' '
                    || coalesce(new.issuer, '') || ' ' || coalesce(new.title, '')));
END;
CREATE TRIGGER documents_au AFTER UPDATE OF doc_type, reference, issuer, title ON documents BEGIN
    DELETE FROM search_index WHERE rowid = old.id * 8 + 5;
    INSERT INTO search_index (rowid, kind, ref_id, meeting_id, body)
    VALUES (new.id * 8 + 5, 'document', new.id, NULL,
            md_fold(coalesce(new.doc_type, '') || ' ' || new.reference || ' '
                    || coalesce(new.issuer, '') || ' ' || coalesce(new.title, '')));
END;
CREATE TRIGGER documents_ad AFTER DELETE ON documents BEGIN
    DELETE FROM search_index WHERE rowid = old.id * 8 + 5;
END;
"""


@_migration("0001_initial_schema")
def m0001_initial_schema(db: Database) -> None:
    """The whole domain of the first release, with its search index."""
    for statement in _split(_SCHEMA_1 + _SEARCH_1):
        db.execute(statement)


def _split(script: str) -> list[str]:
    """Split a script into statements, keeping trigger bodies whole."""
    statements: list[str] = []
    current: list[str] = []
    for line in script.strip().splitlines():
        current.append(line)
        joined = "\n".join(current).strip()
        in_trigger = joined.upper().startswith("CREATE TRIGGER")
        if (in_trigger and joined.upper().endswith("END;")) or (
            not in_trigger and joined.endswith(";")
        ):
            statements.append(joined)
            current = []
    return [s for s in statements if s]


_EXCHANGE_2 = """
ALTER TABLE organization ADD COLUMN desk_id TEXT NOT NULL DEFAULT '';
CREATE TABLE exchange_links (
    id INTEGER PRIMARY KEY,
    origin_desk TEXT NOT NULL CHECK (origin_desk <> ''),
    kind TEXT NOT NULL,
    origin_id INTEGER NOT NULL,
    local_id INTEGER NOT NULL,
    synced_hash TEXT NOT NULL,
    synced_at TEXT NOT NULL,
    UNIQUE (origin_desk, kind, origin_id)
);
CREATE INDEX exchange_links_local ON exchange_links(kind, local_id);
"""


@_migration("0002_desk_id_and_exchange_links")
def m0002_desk_id_and_exchange_links(db: Database) -> None:
    """A random id for this desk (the source of its exchange packages) and the table that maps
    records received from other desks — (origin desk, kind, origin id) — to local records, with
    the hash of what was last synchronised, so a package imports once and conflicts show."""
    for statement in _split(_EXCHANGE_2):
        db.execute(statement)
    db.execute("UPDATE organization SET desk_id = ?", [str(uuid.uuid4())])


_DRAFTS_3 = """
CREATE TABLE note_drafts (
    meeting_id INTEGER PRIMARY KEY REFERENCES meetings(id) ON DELETE CASCADE,
    note_id INTEGER REFERENCES notes(id) ON DELETE CASCADE,
    agenda_item_id INTEGER REFERENCES agenda_items(id) ON DELETE SET NULL,
    speaker_id INTEGER REFERENCES attendances(id) ON DELETE SET NULL,
    kind TEXT NOT NULL DEFAULT 'statement',
    text TEXT NOT NULL,
    started_at TEXT NOT NULL,
    saved_at TEXT NOT NULL
);
"""


@_migration("0003_note_drafts")
def m0003_note_drafts(db: Database) -> None:
    """The note being typed in live mode, saved continuously until it is filed: one per meeting
    (``note_id`` set when an already filed note is being edited). After a crash the next start
    finds it here and puts it back in the editor."""
    for statement in _split(_DRAFTS_3):
        db.execute(statement)



_ISSUERS_4 = """
CREATE TABLE issuers (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL DEFAULT '',
    parent_body TEXT NOT NULL DEFAULT '',
    place TEXT NOT NULL DEFAULT '',
    profile TEXT NOT NULL DEFAULT 'party' CHECK (profile IN ('state', 'party')),
    number_code TEXT NOT NULL DEFAULT '',
    recipients TEXT NOT NULL DEFAULT '[]',
    chair_title TEXT NOT NULL DEFAULT '',
    chair_person_id INTEGER REFERENCES people(id) ON DELETE SET NULL,
    secretary_person_id INTEGER REFERENCES people(id) ON DELETE SET NULL,
    is_default INTEGER NOT NULL DEFAULT 0 CHECK (is_default IN (0, 1))
);
INSERT INTO issuers (name, parent_body, place, profile, number_code, recipients, chair_title,
                     is_default)
    SELECT agency, parent_agency, place, profile, number_code, recipients, chair_title, 1
    FROM organization WHERE id = 1;
ALTER TABLE meetings ADD COLUMN issuer_id INTEGER REFERENCES issuers(id) ON DELETE SET NULL;
ALTER TABLE meetings ADD COLUMN chair_signer_id INTEGER REFERENCES people(id) ON DELETE SET NULL;
ALTER TABLE meetings ADD COLUMN chair_signer_title TEXT NOT NULL DEFAULT '';
ALTER TABLE meetings ADD COLUMN secretary_signer_id INTEGER
    REFERENCES people(id) ON DELETE SET NULL;
ALTER TABLE meetings ADD COLUMN secretary_signer_title TEXT NOT NULL DEFAULT '';
UPDATE meetings SET issuer_id = (SELECT id FROM issuers WHERE is_default = 1);
UPDATE meetings SET chair_signer_id = (
    SELECT a.person_id FROM attendances a JOIN people p ON p.id = a.person_id
    WHERE a.meeting_id = meetings.id AND a.role IN ('chair', 'co_chair')
    ORDER BY a.role = 'co_chair', p.rank, a.position, a.id LIMIT 1);
UPDATE meetings SET chair_signer_title = (SELECT chair_title FROM organization WHERE id = 1)
    WHERE chair_signer_id IS NOT NULL;
UPDATE meetings SET secretary_signer_id = (
    SELECT a.person_id FROM attendances a JOIN people p ON p.id = a.person_id
    WHERE a.meeting_id = meetings.id AND a.role = 'secretary'
    ORDER BY p.rank, a.position, a.id LIMIT 1);
ALTER TABLE meeting_sites ADD COLUMN present INTEGER CHECK (present IS NULL OR present >= 0);
ALTER TABLE meeting_sites ADD COLUMN attendance_note TEXT;
ALTER TABLE meeting_sites ADD COLUMN absence_note TEXT;
ALTER TABLE minutes_versions ADD COLUMN content_sha256 TEXT;
"""


@_migration("0004_issuers_signers_site_headcounts")
def m0004_issuers_signers_site_headcounts(db: Database) -> None:
    """Issuers (cơ quan ban hành) as a directory: the desk-wide ``organization`` settings
    become the first issuer, the desk's default, and every meeting's issuer (``organization``
    keeps only the desk id from then on). Each meeting gets its signers (chair and secretary:
    a person and the title line printed above the name; taken from the chair and secretary on
    its list, the chair with the title the desk printed so far); each site of a meeting the present
    count it reports (``NULL`` until it reports), a note on who attends there and one on who is
    absent and why. A minutes version keeps the sha256 of its document's content, so an export
    of unchanged minutes adds no version."""
    for statement in _split(_ISSUERS_4):
        db.execute(statement)


@_migration("0005_exchange_revisions")
def m0005_exchange_revisions(db: Database) -> None:
    """Global ids, revision states, tombstones, conflicts, replica id and checkpoints of the
    exchange between desks (see ``store/tracking.py``)."""
    migrate_0005(db)


PREFIX_LENGTHS = "1 2 3"
"""The prefix lengths the search index keeps its own lists for (migration 0006)."""


@_migration("0006_search_prefix_index")
def m0006_search_prefix_index(db: Database) -> None:
    """Search as you type: the search index rebuilt with prefix indexes of 1, 2 and 3
    characters, so that the last, unfinished word of a query ("thai ng") is one list lookup
    instead of a merge of every word that starts with it. FTS5 takes its options only when
    created: the index is copied into a new one, and the triggers that keep it (whatever
    migrations made them) are put back as they were."""
    triggers = db.execute("SELECT sql FROM sqlite_master WHERE type = 'trigger' "
                          "AND sql LIKE '%search_index%'").fetchall()
    names = db.execute("SELECT name FROM sqlite_master WHERE type = 'trigger' "
                       "AND sql LIKE '%search_index%'").fetchall()
    for (name,) in names:
        db.execute(f"DROP TRIGGER [{name}]")
    db.execute(
        "CREATE VIRTUAL TABLE search_index_prefixed USING fts5("
        "kind UNINDEXED, ref_id UNINDEXED, meeting_id UNINDEXED, body, "
        f"tokenize = 'unicode61 remove_diacritics 2', prefix = '{PREFIX_LENGTHS}')")
    db.execute("INSERT INTO search_index_prefixed (rowid, kind, ref_id, meeting_id, body) "
               "SELECT rowid, kind, ref_id, meeting_id, body FROM search_index")
    db.execute("DROP TABLE search_index")
    db.execute("ALTER TABLE search_index_prefixed RENAME TO search_index")
    for (sql,) in triggers:
        db.execute(sql)


_TASK_FOLLOW_UP_8 = """
ALTER TABLE tasks ADD COLUMN owner_site_id INTEGER REFERENCES sites(id) ON DELETE SET NULL;
CREATE INDEX tasks_owner_site ON tasks(owner_site_id);
CREATE INDEX tasks_due ON tasks(due_on);
CREATE TABLE task_progress (
    id INTEGER PRIMARY KEY,
    task_id INTEGER NOT NULL REFERENCES tasks(id) ON DELETE CASCADE,
    reported_on TEXT NOT NULL,
    text TEXT NOT NULL CHECK (text <> ''),
    source TEXT,
    site_id INTEGER REFERENCES sites(id) ON DELETE SET NULL,
    status TEXT,
    recorded_at TEXT NOT NULL
);
CREATE INDEX task_progress_task ON task_progress(task_id, reported_on);
CREATE TABLE task_reviews (
    id INTEGER PRIMARY KEY,
    meeting_id INTEGER NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
    task_id INTEGER NOT NULL REFERENCES tasks(id) ON DELETE CASCADE,
    position INTEGER NOT NULL DEFAULT 0,
    UNIQUE (meeting_id, task_id)
);
CREATE INDEX task_reviews_task ON task_reviews(task_id);
CREATE TABLE notice_versions (
    id INTEGER PRIMARY KEY,
    meeting_id INTEGER NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
    created_at TEXT NOT NULL,
    profile TEXT NOT NULL,
    sha256 TEXT NOT NULL,
    size INTEGER NOT NULL,
    pdf BLOB NOT NULL,
    final INTEGER NOT NULL DEFAULT 0,
    finalized_at TEXT
);
CREATE INDEX notice_versions_meeting ON notice_versions(meeting_id);
"""


@_migration("0008_task_follow_up_and_notices")
def m0008_task_follow_up_and_notices(db: Database) -> None:
    """Tasks followed across meetings: an owner site, dated progress entries with their source
    (a site's report, a package), the tasks a later meeting reviews (carried forward), and the
    generated versions of a meeting's conclusion notice (frozen once final, like the minutes)."""
    for statement in _split(_TASK_FOLLOW_UP_8):
        db.execute(statement)


_SIGNED_9 = """
ALTER TABLE minutes_versions ADD COLUMN signed_pdf BLOB;
ALTER TABLE minutes_versions ADD COLUMN signed_sha256 TEXT;
ALTER TABLE minutes_versions ADD COLUMN signed_at TEXT;
ALTER TABLE minutes_versions ADD COLUMN signed_by TEXT;
"""


@_migration("0009_signed_minutes")
def m0009_signed_minutes(db: Database) -> None:
    """The digitally signed copy of a final minutes version, next to the unsigned PDF it was
    made from (an incremental update of it): its bytes, sha256, when and by whom it was last
    signed."""
    for statement in _split(_SIGNED_9):
        db.execute(statement)


@_migration("0010_exchange_task_progress")
def m0010_exchange_task_progress(db: Database) -> None:
    """Tasks and their progress entries travel between desks: progress entries get global ids
    and change tracking (``store/tracking.py``), and tasks that already have an owner site are
    noted as changed, so their next revision carries it (a task travels in its owner site's
    part of a package, a progress entry in its site's or its task's)."""
    track(db, "task_progress", "task_progress")
    db.execute("INSERT INTO sync_dirty (gid, kind) SELECT gid, 'task' FROM tasks "
               "WHERE owner_site_id IS NOT NULL AND gid IS NOT NULL AND gid NOT IN "
               "(SELECT gid FROM sync_dirty)")


@_migration("0011_exchange_state_born")
def m0011_exchange_state_born(db: Database) -> None:
    """Revision states note the sequence number at which this desk first stored them
    (``born``; for the states already here, their last one: never earlier than the truth), so
    a package for a partner leaves out the records it got with an association it already held
    (the delegates of a meeting it has)."""
    db.execute("ALTER TABLE sync_state ADD COLUMN born INTEGER NOT NULL DEFAULT 0")
    db.execute("UPDATE sync_state SET born = seq")


@_migration("0012_exchange_state_indexes")
def m0012_exchange_state_indexes(db: Database) -> None:
    """Revision states indexed by meeting and site, so one site's part of a meeting (a
    province's package for the centre) is read without reading the other sites' records of
    that meeting, which lie scattered over the whole file as the desk grows; and this desk's
    own revisions by sequence number, so whether it made any since a backup (asked before
    every import) is one look-up, not a read of every state received since."""
    db.execute("CREATE INDEX sync_state_site ON sync_state(meeting, site, seq)")
    db.execute("CREATE INDEX sync_state_own ON sync_state(seq) WHERE origin IS NULL")



@_migration("0013_search_index_merged_aside")
def m0013_search_index_merged_aside(db: Database) -> None:
    """The search index no longer merges its segments inside the commits that write it
    (FTS5's ``automerge`` off): the window's upkeep merges them while the user pauses
    (``store/upkeep.py``). Left on, a commit of the window merged some hundreds of pages of
    large segments now and then — 34 ms in one undo of a note. FTS5's crisis merge still
    merges a level that reaches 16 segments, so the index stays bounded where no window runs
    (the command line)."""
    db.execute("INSERT INTO search_index (search_index, rank) VALUES ('automerge', 0)")

SCHEMA_VERSION = len(_STEPS)
KNOWN_MIGRATIONS = frozenset(name for name, _ in _STEPS)
