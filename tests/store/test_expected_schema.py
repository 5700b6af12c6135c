"""The expected schema: its generated snapshot is what the migrations create."""

from __future__ import annotations

import sqlite3
from contextlib import closing

from meetingdesk.store import expected_schema, schema_snapshot
from meetingdesk.store.desk import open_desk, register_functions
from meetingdesk.store.migrations import KNOWN_MIGRATIONS


def test_schema_snapshot_is_what_the_migrations_create() -> None:
    # Fails when a migration was added or changed without regenerating the snapshot:
    # python -m meetingdesk.store.expected_schema
    assert schema_snapshot.MIGRATIONS == KNOWN_MIGRATIONS
    assert expected_schema.replayed_objects(
        KNOWN_MIGRATIONS, register_functions) == schema_snapshot.OBJECTS


def test_schema_snapshot_file_is_as_generated() -> None:
    with open(schema_snapshot.__file__, encoding="utf-8") as f:
        assert f.read() == expected_schema.snapshot_source(register_functions)


def test_expected_objects_replays_a_set_the_snapshot_does_not_cover() -> None:
    # without 0012, which adds objects (0013 changes a setting of the search index only)
    older = KNOWN_MIGRATIONS - {"0012_exchange_state_indexes"}
    want = expected_schema.expected_objects(older, register_functions)
    assert want is not schema_snapshot.OBJECTS
    assert want == expected_schema.replayed_objects(older, register_functions)
    assert want != schema_snapshot.OBJECTS


def test_differences_against_the_snapshot_find_a_trigger_planted_in_a_desk(tmp_path) -> None:
    path = tmp_path / "desk.db"
    open_desk(path).close()
    with closing(sqlite3.connect(path)) as conn:
        assert expected_schema.differences(conn, KNOWN_MIGRATIONS) == []
        conn.execute("CREATE TRIGGER planted AFTER INSERT ON meetings BEGIN SELECT 1; END")
        found = expected_schema.differences(conn, KNOWN_MIGRATIONS)
    assert [(d.kind, d.name, d.problem) for d in found] == [("trigger", "planted", "extra")]
