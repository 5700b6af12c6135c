"""The meeting's overview: its particulars, editable, and its totals."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QScrollArea,
    QSpinBox,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from meetingdesk.domain.enums import AttendanceStatus, MeetingStatus, Role
from meetingdesk.domain.records import Meeting, Person
from meetingdesk.gui.dialogs.date_fields import DateTimeField, first_unreadable
from meetingdesk.gui.dialogs.fields import enum_combo, set_combo_data
from meetingdesk.gui.errors import guarded
from meetingdesk.gui.i18n import tr
from meetingdesk.gui.labels import issuer_name
from meetingdesk.gui.models.events import events_model
from meetingdesk.gui.tabs.base import MeetingTab
from meetingdesk.gui.undo import DeskSession
from meetingdesk.gui.widgets import (
    ElidedLabel,
    button,
    button_row,
    data_table,
    fold_search,
    forget_typing,
    text_box,
)
from meetingdesk.services import (
    directory,
    meeting_log,
    meetings,
    organization,
    participation,
    signers,
)
from meetingdesk.services.changes import Changes

LEADER_LINES = 3
"""Lines the chair's and the secretary's names take at most in the overview."""

_PICKER_USED = frozenset({QEvent.Type.FocusIn, QEvent.Type.MouseButtonPress, QEvent.Type.Wheel,
                          QEvent.Type.KeyPress})
"""What a user does first with a signer picker (its people are put in before it acts)."""


def totals_text(site_count: int, delegate_count: int) -> str:
    """"N điểm cầu, X đại biểu"."""
    return tr("%1 sites, %2 delegates").replace("%1", str(site_count)).replace(
        "%2", str(delegate_count))


class OverviewTab(MeetingTab):
    KINDS = frozenset({"meetings", "meeting_sites", "attendances", "sites", "people",
                       "connection_events", "issuers", "meeting_events"})

    def __init__(self, session: DeskSession, parent: QWidget | None = None) -> None:
        super().__init__(session, parent)
        self._sites_listed = False
        self._issuers_listed = False
        self._typed_for: int | None = None
        """The meeting whose fields the typing history (undo, redo) belongs to."""
        self.meeting: Meeting | None = None
        self._people: dict[int | None, Person] = {}
        # the figures change at each switch of meeting: labels that lay nothing out again
        self.totals = ElidedLabel(self)
        self.totals.setObjectName("totals")
        font = self.totals.font()
        font.setPointSizeF(font.pointSizeF() * 1.25)
        font.setBold(True)
        self.totals.setFont(font)
        self.attendance = ElidedLabel(self, lines=2)
        self.title = QLineEdit(self)
        self.kind = QLineEdit(self)
        self.organizer = QLineEdit(self)
        self.planned_start = DateTimeField(self)
        self.planned_end = DateTimeField(self)
        self.actual_start = DateTimeField(self)
        self.actual_end = DateTimeField(self)
        for start, end in ((self.planned_start, self.planned_end),
                           (self.actual_start, self.actual_end)):
            start.changed.connect(lambda s=start, e=end: setattr(e, "reference", s.value()))
        self.main_site = fold_search(QComboBox(self))
        self.main_site.setMaxVisibleItems(20)
        self.status = enum_combo(MeetingStatus, self)
        final_item = self.status.model().item(self.status.findData(MeetingStatus.FINAL))
        final_item.setEnabled(False)  # made final only from the Minutes tab, which records it
        final_item.setToolTip(tr("Minutes become final from the Minutes tab."))
        self.number = QSpinBox(self)
        self.number.setRange(0, 99999)
        self.number.setSpecialValueText(tr("not numbered"))
        # the leaders in three lines at most (the full list in the tooltip), so that a
        # meeting with more of them does not move every field below at each switch
        self.chair = ElidedLabel(self, lines=LEADER_LINES)
        self.secretary = ElidedLabel(self, lines=LEADER_LINES)
        self.issuer = QComboBox(self)
        self.issuer.setToolTip(tr("The minutes take their heading, place, number code, "
                                  "recipients and profile from the issuer (Directories ▸ "
                                  "Issuers)."))
        self.chair_signer = fold_search(QComboBox(self))
        self.chair_signer.setMaxVisibleItems(20)
        self.chair_title = QLineEdit(self)
        self.chair_title.setPlaceholderText(tr("title line above the name"))
        self.secretary_signer = fold_search(QComboBox(self))
        self.secretary_signer.setMaxVisibleItems(20)
        self.secretary_title = QLineEdit(self)
        self.secretary_title.setPlaceholderText(tr("title line above the name"))
        self.chair_signer.activated.connect(lambda _i: self._derive_title(
            self.chair_signer, self.chair_title))
        self._signers_listed = False
        self._signers_shown: tuple[int | None, int | None] | None = None
        """The chair's and the secretary's signers the pickers hold alone (``None``: none)."""
        for picker in (self.chair_signer, self.secretary_signer):
            picker.installEventFilter(self)  # lists the people when first used
        self.description = text_box(self)
        self.description.setFixedHeight(self.fontMetrics().height() * 4 + 14)

        details = QGroupBox(tr("Meeting"), self)
        self.details = details
        form = QFormLayout(details)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow(tr("Title"), self.title)
        form.addRow(tr("Kind"), self.kind)
        form.addRow(tr("Organizer"), self.organizer)
        times = QHBoxLayout()
        times.addWidget(self.planned_start)
        times.addWidget(QLabel("–", self))
        times.addWidget(self.planned_end)
        form.addRow(tr("Planned time"), times)
        actual = QHBoxLayout()
        actual.addWidget(self.actual_start)
        actual.addWidget(QLabel("–", self))
        actual.addWidget(self.actual_end)
        form.addRow(tr("Actual time"), actual)
        form.addRow(tr("Main venue"), self.main_site)
        form.addRow(tr("Chair"), self.chair)
        form.addRow(tr("Secretary"), self.secretary)
        form.addRow(tr("Issuer"), self.issuer)
        for text, combo, title in ((tr("Signs for the chair"), self.chair_signer,
                                    self.chair_title),
                                   (tr("Signs as secretary"), self.secretary_signer,
                                    self.secretary_title)):
            row = QHBoxLayout()
            row.addWidget(combo, 1)
            row.addWidget(title, 1)
            form.addRow(text, row)
        form.addRow(tr("Status"), self.status)
        form.addRow(tr("Number"), self.number)
        form.addRow(tr("Description"), self.description)

        self.save_button = button(tr("Save changes"), self, self.save, shortcut="Ctrl+S")
        self.revert_button = button(tr("Revert"), self, self.refresh)
        log = QGroupBox(tr("Meeting log"), self)
        self.log_model = events_model(self)
        self.log = data_table(self.log_model, [16, 24, None], parent=log, sortable=False)
        self.log.setAccessibleName(tr("Meeting log"))
        self.log.setFixedHeight(self.log.verticalHeader().defaultSectionSize() * 6
                                + self.log.horizontalHeader().sizeHint().height() + 4)
        self.log_empty = QLabel(tr("Nothing recorded yet: copies, final minutes and notices, "
                                   "reopenings and signatures are listed here."), log)
        self.log_empty.setWordWrap(True)
        self.log_empty.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        # the table or the line saying it is empty, in the same room: a switch between a
        # meeting with a log and one without moves nothing (the whole tab was laid out and
        # repainted again when the box took the height of one or the other)
        self.log_pages = QStackedWidget(log)
        self.log_pages.addWidget(self.log_empty)
        self.log_pages.addWidget(self.log)
        self.log_pages.setFixedHeight(self.log.height())
        log_layout = QVBoxLayout(log)
        log_layout.addWidget(self.log_pages)
        inner = QWidget(self)
        layout = QVBoxLayout(inner)
        layout.addWidget(self.totals)
        layout.addWidget(self.attendance)
        layout.addWidget(details)
        layout.addLayout(button_row(self.save_button, self.revert_button))
        layout.addWidget(log)
        layout.addStretch(1)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setWidget(inner)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)

    def desk_changed(self, changes: Changes) -> None:
        if changes.touches({"sites"}):
            self._sites_listed = False
        if changes.touches({"issuers"}):
            self._issuers_listed = False
        if changes.touches({"people"}):
            self._signers_shown = None  # a signer's name may have changed
        super().desk_changed(changes)

    def refresh(self) -> None:
        """Show the meeting: its fields, its totals counted by the store, its leaders, and in
        the signer pickers the current signers (everyone on the list is put there when a
        picker is first used: reading thousands of people at each switch of meeting would
        take more than a frame). A field that already shows its value is left alone: only
        what differs from the meeting shown before is repainted."""
        assert self.meeting_id is not None
        figures = participation.meeting_figures(self.desk, self.meeting_id)
        m = figures.meeting
        self.meeting = m
        counts, listed = figures.headcounts, figures.totals
        self.totals.set_full_text(totals_text(len(counts), listed.listed))
        self.attendance.set_full_text(
            tr("Present: %1 · absent: %2 · not called yet: %3").replace(
                "%1", str(listed.present)).replace("%2", str(listed.absent))
            .replace("%3", str(listed.listed - listed.present - listed.absent))
            + "\n" + tr("Sites report %1 present of %2 summoned; %3 of %4 sites have reported")
            .replace("%1", str(sum(c.present for c in counts)))
            .replace("%2", str(sum(c.summoned for c in counts)))
            .replace("%3", str(sum(1 for c in counts if c.accounted)))
            .replace("%4", str(len(counts))))
        self._show_signers(m)
        if self.title.text() != m.title:
            self.title.setText(m.title)
            self.title.setCursorPosition(0)
        self.kind.setText(m.kind)
        self.organizer.setText(m.organizer or "")
        self.planned_start.set_value(m.planned_start)
        self.planned_end.set_value(m.planned_end)
        self.actual_start.set_value(m.actual_start)
        self.actual_end.set_value(m.actual_end)
        if not self._sites_listed:  # the directory, listed again only when it changes
            self.main_site.clear()
            self.main_site.addItem(tr("(none)"), None)
            for s in directory.list_sites(self.desk):
                self.main_site.addItem(s.name, s.id)
            self._sites_listed = True
        self.main_site.setCurrentIndex(max(0, self.main_site.findData(m.main_site_id)))
        if not self._issuers_listed:  # the same: listed again only when they change
            self.issuer.clear()
            self.issuer.addItem(tr("(none)"), None)
            for issuer in organization.list_issuers(self.desk):
                self.issuer.addItem(issuer_name(issuer), issuer.id)
            self._issuers_listed = True
        self.issuer.setCurrentIndex(max(0, self.issuer.findData(m.issuer_id)))
        set_combo_data(self.status, m.status)
        self.number.setValue(m.number or 0)
        if self.description.toPlainText() != (m.description or ""):  # a set lays it out anew
            self.description.setPlainText(m.description or "")
        if self._typed_for != self.meeting_id:
            # what was typed (and undone) for the meeting shown before must not be redone
            # into this one, and saved there: a field left as it was keeps its history
            forget_typing(self.title, self.description, *(
                f.edit for f in (self.planned_start, self.planned_end, self.actual_start,
                                 self.actual_end)))
            self._typed_for = self.meeting_id

        def names(*roles: Role) -> str:
            found = [p.person.full_name + (f", {p.person.title_line}" if p.person.titles else "")
                     for p in figures.leaders if p.attendance.role in roles
                     and p.attendance.status is not AttendanceStatus.ABSENT]
            return "; ".join(found) or tr("(set a delegate's role on the Delegates tab)")

        self.chair.set_full_text(names(Role.CHAIR, Role.CO_CHAIR))
        self.secretary.set_full_text(names(Role.SECRETARY))
        events = meeting_log.meeting_log(self.desk, self.meeting_id)
        if events != self.log_model.rows():  # a reset repaints the table
            self.log_model.set_rows(events)
        self.log_pages.setCurrentWidget(self.log if events else self.log_empty)

    def _signer_pickers(self) -> tuple[tuple[QComboBox, int | None, QLineEdit, str], ...]:
        assert self.meeting is not None
        m = self.meeting
        return ((self.chair_signer, m.chair_signer_id, self.chair_title, m.chair_signer_title),
                (self.secretary_signer, m.secretary_signer_id, self.secretary_title,
                 m.secretary_signer_title))

    def _show_signers(self, m: Meeting) -> None:
        """The signer pickers with "nobody" and the current signer only (left as they are
        when they show just that already)."""
        shown = (m.chair_signer_id, m.secretary_signer_id)
        if not self._signers_listed and shown == self._signers_shown:
            for combo, _current, title, text in self._signer_pickers():
                combo.setCurrentIndex(combo.count() - 1)
                title.setText(text)
            return
        self._signers_listed = False
        self._signers_shown = shown
        self._people = {}
        for combo, current, title, text in self._signer_pickers():
            combo.clear()
            combo.addItem(tr("(nobody: nothing is printed)"), None)
            if current is not None:
                person = self._people.get(current) or directory.get_person(self.desk, current)
                self._people[current] = person
                combo.addItem(person.full_name, person.id)
            combo.setCurrentIndex(combo.count() - 1)
            title.setText(text)

    def _list_signers(self) -> None:
        """Put in the signer pickers everyone on the list (and the current signers), each
        picker keeping the person it shows."""
        if self._signers_listed or self.meeting_id is None or self.meeting is None:
            return
        self._signers_listed = True
        people = [e.person for e in participation.attendance_list(self.desk, self.meeting_id)]
        current = dict(self._people)
        self._people = {p.id: p for p in people}
        self._people.update((k, v) for k, v in current.items() if k not in self._people)
        for combo, _signer, _title, _text in self._signer_pickers():
            shown = combo.currentData()
            combo.clear()
            combo.addItem(tr("(nobody: nothing is printed)"), None)
            for p in self._people.values():
                combo.addItem(p.full_name, p.id)
            combo.setCurrentIndex(max(0, combo.findData(shown)))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in _PICKER_USED and watched in (self.chair_signer,
                                                        self.secretary_signer):
            self._list_signers()
        return super().eventFilter(watched, event)

    def _derive_title(self, combo: QComboBox, title: QLineEdit) -> None:
        """A newly picked chair gets the title line derived from their titles."""
        person = self._people.get(combo.currentData())
        issuer = organization.issuer_of(self.desk, self.issuer.currentData())
        title.setText(signers.derived_title(person, issuer) if person else "")

    def _signer_changes(self) -> list[tuple[Role, int | None, str]]:
        assert self.meeting is not None
        m = self.meeting
        wanted = ((Role.CHAIR, self.chair_signer.currentData(), self.chair_title.text(),
                   m.chair_signer_id, m.chair_signer_title),
                  (Role.SECRETARY, self.secretary_signer.currentData(),
                   self.secretary_title.text(), m.secretary_signer_id,
                   m.secretary_signer_title))
        return [(role, person, title) for role, person, title, old_person, old_title in wanted
                if person != old_person or title.strip() != old_title]

    def editors(self) -> list[QWidget]:
        # the fields, not the form: the names of the fields and the leaders stay as they are
        # (disabling the form would repaint all of it at a switch between a final meeting
        # and another)
        return [self.title, self.kind, self.organizer, self.planned_start, self.planned_end,
                self.actual_start, self.actual_end, self.main_site, self.issuer,
                self.chair_signer, self.chair_title, self.secretary_signer,
                self.secretary_title, self.status, self.number, self.description,
                self.save_button, self.revert_button]

    def _changes(self) -> dict[str, object]:
        assert self.meeting is not None
        m = self.meeting
        wanted: dict[str, object] = {
            "title": self.title.text(), "kind": self.kind.text(),
            "organizer": self.organizer.text() or None,
            "planned_start": self.planned_start.value(), "planned_end": self.planned_end.value(),
            "actual_start": self.actual_start.value(), "actual_end": self.actual_end.value(),
            "main_site_id": self.main_site.currentData(), "status": self.status.currentData(),
            "number": self.number.value() or None,
            "description": self.description.toPlainText() or None,
            "issuer_id": self.issuer.currentData(),
        }
        return {k: v for k, v in wanted.items() if getattr(m, k) != v}

    @guarded
    def save(self) -> None:
        if self.meeting_id is None or self.meeting is None:
            return
        unreadable = first_unreadable(self.details)
        if unreadable is not None:
            unreadable.setFocus()
            return
        changes = self._changes()
        signer_changes = self._signer_changes()
        if not changes and not signer_changes:
            return
        mid = self.meeting_id

        def edit() -> None:
            if changes:
                meetings.update_meeting(self.desk, mid, **changes)
            for role, person_id, title in signer_changes:
                signers.set_signer(self.desk, meeting_id=mid, role=role, person_id=person_id,
                                   title=title)

        self.session.run(tr("Edit the meeting's details"), edit, [("meetings", mid)],
                         shallow=True)
