"""The snapshots behind undo and redo (services.history, store.snapshots), headless."""

from __future__ import annotations

from meetingdesk.domain.enums import ConnectionStatus, NoteKind
from meetingdesk.services import agenda, history, meetings, notes, participation, search
from meetingdesk.store.desk import Desk


def _state(desk: Desk) -> tuple[object, ...]:
    mid = meetings.list_meetings(desk)[0].meeting.id
    assert mid is not None
    return (meetings.list_meetings(desk), participation.meeting_sites(desk, mid),
            participation.attendance_list(desk, mid), agenda.agenda(desk, mid),
            notes.notes_of(desk, mid), notes.tasks_of(desk, mid),
            notes.cited_documents(desk, mid),
            [participation.connection_log(desk, e.meeting_site.id)  # type: ignore[arg-type]
             for e in participation.meeting_sites(desk, mid)])


def _healthy(desk: Desk) -> None:
    assert desk.db.execute("PRAGMA foreign_key_check").fetchall() == []
    assert desk.db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def test_history_delete_meeting_undo_redo(demo_desk: Desk) -> None:
    before = _state(demo_desk)
    mid = meetings.list_meetings(demo_desk)[0].meeting.id
    rec = history.run_recorded(demo_desk, lambda: meetings.delete_meeting(demo_desk, mid),  # type: ignore[arg-type]
                               [("meetings", mid)])  # type: ignore[list-item]
    assert meetings.list_meetings(demo_desk) == []
    assert search.search(demo_desk, "phê duyệt rà soát") == []
    history.restore(demo_desk, rec.before)
    assert _state(demo_desk) == before
    assert [h.kind for h in search.search(demo_desk, "phe duyet ra soat")] == ["note"]
    _healthy(demo_desk)
    history.restore(demo_desk, rec.after)
    assert meetings.list_meetings(demo_desk) == []
    _healthy(demo_desk)


def test_history_add_undo_redo_keeps_the_id(demo_desk: Desk) -> None:
    mid = meetings.list_meetings(demo_desk)[0].meeting.id
    assert mid is not None
    rec = history.run_recorded(
        demo_desk, lambda: agenda.add_agenda_item(demo_desk, meeting_id=mid, title="Bế mạc"),
        new_roots=lambda item: [("agenda_items", item.id)])
    history.restore(demo_desk, rec.before)
    assert "Bế mạc" not in [i.title for i in agenda.agenda(demo_desk, mid)]
    history.restore(demo_desk, rec.after)
    assert agenda.agenda(demo_desk, mid)[-1] == rec.result
    _healthy(demo_desk)


def test_history_connection_and_reorder(demo_desk: Desk) -> None:
    mid = meetings.list_meetings(demo_desk)[0].meeting.id
    assert mid is not None
    site = participation.meeting_sites(demo_desk, mid)[1].meeting_site
    log = participation.connection_log(demo_desk, site.id)  # type: ignore[arg-type]
    rec = history.run_recorded(
        demo_desk, lambda: participation.set_connection(demo_desk, site.id,  # type: ignore[arg-type]
                                                        ConnectionStatus.LOST),
        [("meeting_sites", site.id)])  # type: ignore[list-item]
    history.restore(demo_desk, rec.before)
    assert participation.connection_log(demo_desk, site.id) == log  # type: ignore[arg-type]
    assert participation.meeting_sites(demo_desk, mid)[1].meeting_site == site

    ids = [i.id for i in agenda.agenda(demo_desk, mid)]
    rec = history.run_recorded(
        demo_desk, lambda: agenda.reorder_agenda(demo_desk, mid, ids[::-1]),  # type: ignore[arg-type]
        [("agenda_items", i) for i in ids], shallow=True)  # type: ignore[misc]
    assert [i.id for i in agenda.agenda(demo_desk, mid)] == ids[::-1]
    history.restore(demo_desk, rec.before)
    assert [i.id for i in agenda.agenda(demo_desk, mid)] == ids
    _healthy(demo_desk)



def test_history_restore_writes_only_what_differs(demo_desk: Desk) -> None:
    """Restoring writes only the rows and columns that differ: the state the desk is already
    in writes nothing (no trigger re-indexes the note or notes it as changed), and undoing a
    note's kind changes that note alone."""
    mid = meetings.list_meetings(demo_desk)[0].meeting.id
    assert mid is not None
    note = next(n for n in notes.notes_of(demo_desk, mid) if n.kind is not NoteKind.DECISION)
    assert note.id is not None and notes.revisions(demo_desk, note.id)
    note_id = note.id
    rec = history.run_recorded(
        demo_desk, lambda: notes.update_note(demo_desk, note_id, kind=NoteKind.DECISION),
        [("notes", note_id)])
    conn = demo_desk.conn
    before = conn.total_changes  # counts the rows written by triggers too
    history.restore(demo_desk, rec.after)  # the state it is in
    assert conn.total_changes == before
    history.restore(demo_desk, rec.before)
    assert notes.get_note(demo_desk, note_id) == note
    assert conn.total_changes - before == 1  # the note's kind; its tracking already noted it
    _healthy(demo_desk)
