"""The exchange between desks, proved against a model of causality (hypothesis, stateful).

A centre and 2–4 provinces (and, at some point, a copy of a province's file that goes on
living its own life) edit delegates' phones, take roll calls, add, edit and delete notes,
add and remove delegates, edit tasks, report and delete their progress, settle conflicts
(a value kept or taken, or typed anew), and exchange packages: any desk to any desk,
imported in any order, some twice, some long after newer ones. The model knows nothing of
version vectors: it records each edit as an event with the set of events its desk had seen
of that record.
After everyone has exchanged everything:

- every desk holds exactly the same revision states, and its rows show them;
- for every modelled field, the values a desk keeps are exactly those of the edits (and
  resolutions) that no later one (that had seen them) replaced: no edit is lost unless
  superseded or settled, and a conflict (two values) appears only for edits truly made
  without seeing each other.

More examples: ``MEETINGDESK_SYNC_EXAMPLES=500 pytest tests/exchange/test_sync_stateful.py``.
"""

from __future__ import annotations

import itertools
import json
import os
import shutil
import tempfile
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from hypothesis import HealthCheck, Phase, event, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, initialize, invariant, rule

from meetingdesk.domain.enums import AttendanceStatus
from meetingdesk.domain.replication import ALIVE, RecordState
from meetingdesk.exchange.packages import export_package, import_package
from meetingdesk.services import (
    checkpoints,
    conflicts,
    directory,
    meetings,
    notes,
    participation,
    tasks,
)
from meetingdesk.store.desk import Desk, open_desk
from meetingdesk.store.replica import mark_path
from meetingdesk.store.tracking import derived_gid

EXAMPLES = int(os.environ.get("MEETINGDESK_SYNC_EXAMPLES", "12"))
SHRINK = os.environ.get("MEETINGDESK_SYNC_SHRINK", "1") != "0"
MODELLED = {"person": ("phone",), "attendance": ("reason", ALIVE), "note": ("text", ALIVE),
            "task": ("owner_unit",), "task_progress": ("text", ALIVE)}
STATUSES = [AttendanceStatus.PRESENT, AttendanceStatus.LATE, AttendanceStatus.ABSENT,
            AttendanceStatus.ONLINE]

_TEMPLATE: dict[str, Path] = {}


def _template() -> Path:
    """A migrated empty desk, made once: migrating every desk of every example is slow."""
    if "path" not in _TEMPLATE:
        folder = Path(tempfile.mkdtemp(prefix="md-sync-template-"))
        open_desk(folder / "template.db").close()
        _TEMPLATE["path"] = folder / "template.db"
    return _TEMPLATE["path"]


@dataclass(frozen=True)
class Event:
    id: int
    desk: int
    gid: str
    kind: str
    fields: dict[str, object]
    past: frozenset[int]


@dataclass(frozen=True)
class Sent:
    path: Path
    knowledge: dict[str, frozenset[int]]


def _gid(desk: Desk, table: str, row_id: int) -> str:
    return str(desk.db.execute(f"SELECT gid FROM [{table}] WHERE id = ?", [row_id]).fetchone()[0])


def _states(desk: Desk) -> dict[str, tuple[str, RecordState]]:
    """The states of the meeting and of the directory records they refer to (a delegate
    added and removed before any exchange stays in its desk's directory only)."""
    everything = {g: (k, RecordState.from_json(json.loads(s)), m) for g, k, s, m in
                  desk.db.execute("SELECT gid, kind, state, meeting FROM sync_state")}
    wanted = {g for g, (_, _, m) in everything.items() if m is not None}
    wanted |= {v for g in list(wanted) for v in everything[g][1].values().values()
               if isinstance(v, str) and v in everything}
    return {g: everything[g][:2] for g in wanted}


def _state(desk: Desk, gid: str) -> tuple[str, RecordState]:
    kind, text = desk.db.execute("SELECT kind, state FROM sync_state WHERE gid = ?",
                                 [gid]).fetchone()
    return str(kind), RecordState.from_json(json.loads(text))


class Exchange(RuleBasedStateMachine):
    def __init__(self) -> None:
        super().__init__()
        self.folder = Path(tempfile.mkdtemp(prefix="md-sync-"))
        self.desks: list[Desk] = []
        self.knowledge: list[dict[str, set[int]]] = []
        self.events: dict[int, Event] = {}
        self.sent: list[Sent] = []
        self.counter = itertools.count(1)
        self.meeting_gid = ""
        self.copied = False
        self.saved: tuple[int, list[Path], dict[str, set[int]]] | None = None

    # --- helpers -------------------------------------------------------------------------

    def _new_desk(self, name: str) -> Desk:
        path = self.folder / f"{name}.db"
        shutil.copyfile(_template(), path)
        return open_desk(path)

    def _event(self, d: int, kind: str, gid: str, fields: dict[str, object]) -> None:
        known = self.knowledge[d].setdefault(gid, set())
        event = Event(next(self.counter), d, gid, kind, fields, frozenset(known))
        self.events[event.id] = event
        known.add(event.id)

    def _meeting(self, d: int) -> int | None:
        found = meetings.list_meetings(self.desks[d])
        return found[0].meeting.id if found else None

    def _unique(self, what: str) -> str:
        return f"{what} {next(self.counter)}"

    # --- setup ---------------------------------------------------------------------------

    @initialize(provinces=st.integers(2, 4))
    def setup(self, provinces: int) -> None:
        centre = self._new_desk("centre")
        self.desks.append(centre)
        self.knowledge.append({})
        m = meetings.create_meeting(centre, title="Giao ban trực tuyến")
        assert m.id is not None
        self.meeting_gid = _gid(centre, "meetings", m.id)
        for code, name in (("TN", "Thái Nguyên"), ("CB", "Cao Bằng")):
            site = directory.add_site(centre, name=name, code=code)
            assert site.id is not None
            participation.add_meeting_site(centre, meeting_id=m.id, site_id=site.id)
            for i in range(2):
                self._add_delegate(0, m.id, site.id, f"Đại biểu {i} {name}")
            task = notes.add_task(centre, meeting_id=m.id, description=f"Nhiệm vụ {name}",
                                  owner_site_id=site.id)
            self._event(0, "task", _gid(centre, "tasks", task.id or 0), {"owner_unit": None})
        for n in range(provinces):
            self.desks.append(self._new_desk(f"province{n}"))
            self.knowledge.append({})

    def _add_delegate(self, d: int, meeting_id: int, site_id: int, name: str) -> None:
        desk = self.desks[d]
        person = directory.add_person(desk, full_name=name, site_id=site_id)
        assert person.id is not None
        participation.add_attendance(desk, meeting_id=meeting_id, person_id=person.id,
                                     site_id=site_id)
        person_gid = _gid(desk, "people", person.id)
        self._event(d, "person", person_gid, {"phone": None})
        self._event(d, "attendance", derived_gid("attendance", self.meeting_gid, person_gid),
                    {"reason": None, ALIVE: True})

    def _desk(self, data: st.DataObject) -> int:
        return data.draw(st.integers(0, len(self.desks) - 1), label="desk")

    # --- edits ---------------------------------------------------------------------------

    @rule(data=st.data())
    def edit_phone(self, data: st.DataObject) -> None:
        d = self._desk(data)
        people = directory.list_people(self.desks[d])
        if not people:
            return
        person = data.draw(st.sampled_from(people), label="person")
        phone = self._unique("09")
        directory.update_person(self.desks[d], person.id or 0, phone=phone)
        self._event(d, "person", _gid(self.desks[d], "people", person.id or 0),
                    {"phone": phone})

    @rule(data=st.data())
    def roll_call(self, data: st.DataObject) -> None:
        d = self._desk(data)
        m = self._meeting(d)
        entries = participation.attendance_list(self.desks[d], m) if m else []
        if not entries:
            return
        for e in data.draw(st.lists(st.sampled_from(entries), min_size=1, max_size=3,
                                    unique_by=lambda e: e.attendance.id), label="roll call"):
            reason = self._unique("lý do")
            participation.update_attendance(
                self.desks[d], e.attendance.id or 0, reason=reason,
                status=data.draw(st.sampled_from(STATUSES), label="status"))
            person_gid = _gid(self.desks[d], "people", e.person.id or 0)
            self._event(d, "attendance",
                        derived_gid("attendance", self.meeting_gid, person_gid),
                        {"reason": reason, ALIVE: True})

    @rule(data=st.data())
    def add_delegate(self, data: st.DataObject) -> None:
        d = self._desk(data)
        m = self._meeting(d)
        sites = participation.meeting_sites(self.desks[d], m) if m else []
        if not sites or m is None:
            return
        site = data.draw(st.sampled_from(sites), label="site").site
        self._add_delegate(d, m, site.id or 0, self._unique("Người mới"))

    @rule(data=st.data())
    def remove_delegate(self, data: st.DataObject) -> None:
        d = self._desk(data)
        m = self._meeting(d)
        entries = participation.attendance_list(self.desks[d], m) if m else []
        if not entries:
            return
        e = data.draw(st.sampled_from(entries), label="removed")
        participation.remove_attendance(self.desks[d], e.attendance.id or 0)
        person_gid = _gid(self.desks[d], "people", e.person.id or 0)
        self._event(d, "attendance", derived_gid("attendance", self.meeting_gid, person_gid),
                    {ALIVE: False})

    @rule(data=st.data())
    def add_note(self, data: st.DataObject) -> None:
        d = self._desk(data)
        m = self._meeting(d)
        if m is None:
            return
        text = self._unique("Ghi chép")
        note = notes.add_note(self.desks[d], meeting_id=m, text=text)
        self._event(d, "note", _gid(self.desks[d], "notes", note.id or 0),
                    {"text": text, ALIVE: True})

    @rule(data=st.data(), delete=st.booleans())
    def edit_or_delete_note(self, data: st.DataObject, delete: bool) -> None:
        d = self._desk(data)
        m = self._meeting(d)
        found = notes.notes_of(self.desks[d], m) if m else []
        if not found:
            return
        note = data.draw(st.sampled_from(found), label="note")
        gid = _gid(self.desks[d], "notes", note.id or 0)
        if delete:
            notes.delete_note(self.desks[d], note.id or 0)
            self._event(d, "note", gid, {ALIVE: False})
        else:
            text = self._unique("Sửa")
            notes.update_note(self.desks[d], note.id or 0, text=text)
            self._event(d, "note", gid, {"text": text, ALIVE: True})

    def _tasks(self, d: int) -> list[int]:
        return [line.id for line in tasks.register(self.desks[d], as_of=date(2023, 1, 1))]

    @rule(data=st.data())
    def edit_task(self, data: st.DataObject) -> None:
        d = self._desk(data)
        found = self._tasks(d)
        if not found:
            return
        task_id = data.draw(st.sampled_from(found), label="task")
        unit = self._unique("Ban")
        notes.update_task(self.desks[d], task_id, owner_unit=unit)
        self._event(d, "task", _gid(self.desks[d], "tasks", task_id), {"owner_unit": unit})

    @rule(data=st.data())
    def report_progress(self, data: st.DataObject) -> None:
        d = self._desk(data)
        found = self._tasks(d)
        if not found:
            return
        text = self._unique("Tiến độ")
        entry = tasks.add_progress(self.desks[d], task_id=data.draw(st.sampled_from(found)),
                                   reported_on=date(2023, 5, 1), text=text)
        self._event(d, "task_progress", _gid(self.desks[d], "task_progress", entry.id or 0),
                    {"text": text, ALIVE: True})

    @rule(data=st.data())
    def delete_progress(self, data: st.DataObject) -> None:
        d = self._desk(data)
        found = [p for t in self._tasks(d) for p in tasks.progress_of(self.desks[d], t)]
        if not found:
            return
        entry = data.draw(st.sampled_from(found), label="progress")
        gid = _gid(self.desks[d], "task_progress", entry.id or 0)
        tasks.delete_progress(self.desks[d], entry.id or 0)
        self._event(d, "task_progress", gid, {ALIVE: False})

    # --- exchange ------------------------------------------------------------------------

    @rule(data=st.data(), typed=st.booleans())
    def resolve_a_conflict(self, data: st.DataObject, typed: bool) -> None:
        self._settle(self._desk(data), data, typed)

    @rule(data=st.data(), typed=st.booleans())
    def concurrent_phones_then_settle(self, data: st.DataObject, typed: bool) -> None:
        """Two desks change a delegate's phone without seeing each other's change; one gets
        the other's package and settles what conflicts there at once (random runs seldom
        bring a conflict and a resolution together)."""
        holding = [d for d in range(len(self.desks)) if self._meeting(d) is not None]
        if len(holding) < 2:
            return
        a, b = data.draw(st.permutations(holding), label="desks")[:2]
        m = self._meeting(a)
        assert m is not None
        theirs = {_gid(self.desks[b], "people", p.id or 0): p.id or 0
                  for p in directory.list_people(self.desks[b])}
        shared = [(e.person.id or 0, gid) for e in participation.attendance_list(self.desks[a], m)
                  if (gid := _gid(self.desks[a], "people", e.person.id or 0)) in theirs]
        if not shared:
            return
        mine, gid = data.draw(st.sampled_from(shared), label="delegate")
        for d, person in ((a, mine), (b, theirs[gid])):
            phone = self._unique("09")
            directory.update_person(self.desks[d], person, phone=phone)
            self._event(d, "person", gid, {"phone": phone})
        sent = self._export(a, b, everything=False)
        if sent is not None:
            self._import(sent, b)
            self._settle(b, data, typed)

    def _settle(self, d: int, data: st.DataObject, typed: bool) -> None:
        """A secretary at desk ``d`` settles one field of a record in conflict: one of its
        values, or a text typed anew. A resolution is a revision like an edit: it replaces
        the values its desk had seen, and only those."""
        found = conflicts.list_conflicts(self.desks[d])
        if not found:
            return
        conflict = data.draw(st.sampled_from(found), label="conflict")
        field = data.draw(st.sampled_from(conflict.fields), label="field")
        values = [c.value for c in field.candidates]
        value = (self._unique("Giải quyết") if typed and all(isinstance(v, str) for v in values)
                 else data.draw(st.sampled_from(values), label="value"))
        conflicts.resolve(self.desks[d], gid=conflict.gid, choices={field.field: value})
        kind, state = _state(self.desks[d], conflict.gid)
        assert field.field not in state.conflicts()
        # every revision writes whether the record exists: so does a resolution
        self._event(d, kind, conflict.gid, {field.field: value, ALIVE: state.alive})
        event(f"settled a conflict of a {kind}'s {field.field}")  # --hypothesis-show-statistics

    def _export(self, src: int, dst: int, everything: bool) -> Sent | None:
        m = self._meeting(src)
        if m is None:
            return None
        path = self.folder / f"p{next(self.counter)}.mdpkg"
        partner = checkpoints.this_replica(self.desks[dst])
        package = export_package(self.desks[src], m, path, partner=partner,
                                 everything=everything)
        sent = Sent(path, {r.gid: frozenset(self.knowledge[src].get(r.gid, ()))
                           for r in package.records})
        self.sent.append(sent)
        return sent

    def _import(self, sent: Sent, dst: int) -> None:
        import_package(self.desks[dst], sent.path)
        for gid, known in sent.knowledge.items():
            self.knowledge[dst].setdefault(gid, set()).update(known)

    @rule(data=st.data(), everything=st.booleans())
    def send(self, data: st.DataObject, everything: bool) -> None:
        src, dst = self._desk(data), self._desk(data)
        sent = self._export(src, dst, everything)
        if sent is not None and data.draw(st.booleans(), label="import now"):
            self._import(sent, dst)

    @rule(data=st.data())
    def import_any(self, data: st.DataObject) -> None:
        """A package from the pile — maybe stale, maybe seen before — into any desk."""
        if self.sent:
            self._import(data.draw(st.sampled_from(self.sent), label="package"),
                         self._desk(data))

    @rule(data=st.data())
    def copy_a_province_file(self, data: st.DataObject) -> None:
        if self.copied or len(self.desks) >= 6:
            return
        src = data.draw(st.integers(1, len(self.desks) - 1), label="copied")
        path = self.desks[src].path
        self.desks[src].close()
        copy = self.folder / f"copy-of-{path.name}"
        shutil.copyfile(path, copy)
        self.desks[src] = open_desk(path)
        self.desks.append(open_desk(copy))
        self.knowledge.append({g: set(k) for g, k in self.knowledge[src].items()})
        self.copied = True
        assert (checkpoints.this_replica(self.desks[-1])
                != checkpoints.this_replica(self.desks[src]))

    @rule(data=st.data())
    def save_a_province_file(self, data: st.DataObject) -> None:
        """A province copies its desk's folder aside (a USB stick), to put it back later."""
        if self.saved is not None:
            return
        d = data.draw(st.integers(1, len(self.desks) - 1), label="saved")
        path = self.desks[d].path
        self.desks[d].close()
        copies = [self.folder / f"saved-{p.name}" for p in (path, mark_path(path))]
        for original, copy in zip((path, mark_path(path)), copies, strict=True):
            shutil.copyfile(original, copy)
        self.desks[d] = open_desk(path)
        self.saved = (d, copies, {g: set(k) for g, k in self.knowledge[d].items()})

    @rule()
    def restore_the_saved_folder_over_itself(self) -> None:
        """The saved folder copied back over the desk, its mark with it: the desk must not
        number new revisions as those it sent since (the machine's mark tells)."""
        if self.saved is None:
            return
        d, copies, knowledge = self.saved
        path = self.desks[d].path
        self.desks[d].close()
        for copy, original in zip(copies, (path, mark_path(path)), strict=True):
            shutil.copyfile(copy, original)  # over the same files
        self.desks[d] = open_desk(path)
        self.knowledge[d] = knowledge
        self.saved = None
        # what only this desk had seen and no package carries is gone with the restore
        kept = {i for known in (*self.knowledge, *(s.knowledge for s in self.sent))
                for ids in known.values() for i in ids}
        self.events = {i: e for i, e in self.events.items() if i in kept}
        event("restored a province's folder over itself")

    @invariant()
    def desks_stay_sound(self) -> None:
        for desk in self.desks:
            assert desk.db.execute("PRAGMA foreign_key_check").fetchall() == []

    # --- the end: everyone exchanges everything --------------------------------------------

    def teardown(self) -> None:
        try:
            if self.desks:
                self._exchange_everything()
                self._check_convergence()
                self._check_model()
        finally:
            for desk in self.desks:
                desk.close()
            shutil.rmtree(self.folder, ignore_errors=True)

    def _exchange_everything(self) -> None:
        for _ in range(2):
            for src, dst in itertools.permutations(range(len(self.desks)), 2):
                sent = self._export(src, dst, everything=False)
                if sent is not None:
                    self._import(sent, dst)

    def _check_convergence(self) -> None:
        first = {g: s.digest() for g, (_, s) in _states(self.desks[0]).items()}
        for desk in self.desks[1:]:
            assert {g: s.digest() for g, (_, s) in _states(desk).items()} == first
        for desk in self.desks:
            states = _states(desk)
            for table, kind in (("people", "person"), ("attendances", "attendance"),
                                ("notes", "note"), ("tasks", "task"),
                                ("task_progress", "task_progress")):
                rows = {r[0] for r in desk.db.execute(f"SELECT gid FROM [{table}]")}
                rows &= set(states)
                alive = {g for g, (k, s) in states.items() if k == kind and s.alive}
                assert rows == alive, (table, rows ^ alive)
            (m,) = meetings.list_meetings(desk)
            shown = {(e.person.full_name, e.attendance.reason, e.attendance.status)
                     for e in participation.attendance_list(desk, m.meeting.id or 0)}
            if desk is self.desks[0]:
                expected_rows = shown
            assert shown == expected_rows
            texts = sorted(n.text for n in notes.notes_of(desk, m.meeting.id or 0))
            if desk is self.desks[0]:
                expected_texts = texts
            assert texts == expected_texts
            progress = sorted((line.task.description, line.task.owner_unit, p.text)
                              for line in tasks.register(desk, as_of=date(2023, 1, 1))
                              for p in tasks.progress_of(desk, line.id))
            if desk is self.desks[0]:
                expected_progress = progress
            assert progress == expected_progress

    def _check_model(self) -> None:
        states = _states(self.desks[0])
        by_gid: dict[str, list[Event]] = {}
        for e in self.events.values():
            by_gid.setdefault(e.gid, []).append(e)
        for gid, events in by_gid.items():
            if gid not in states and events[0].kind == "person":
                continue  # in one desk's directory only (see _states)
            if gid not in states:  # born and removed on one desk between two exchanges
                assert {json.dumps(e.fields.get(ALIVE)) for e in events
                        if not any(e.id in o.past for o in events)} == {"false"}, gid
                continue
            kind, state = states[gid]
            for field in MODELLED[kind]:
                writing = [e for e in events if field in e.fields]
                latest = [e for e in writing
                          if not any(e.id in other.past for other in writing)]
                expected = {json.dumps(e.fields[field]) for e in latest}
                kept = {json.dumps(s.value) for s in state.fields[field]}
                assert kept == expected, (kind, field, kept, expected, writing, state)


Exchange.TestCase.settings = settings(
    max_examples=EXAMPLES, stateful_step_count=25, deadline=None,
    phases=[p for p in Phase if p is not Phase.shrink or SHRINK],
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
test_exchange_converges_and_loses_no_edit = Exchange.TestCase
