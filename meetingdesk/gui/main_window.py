"""The main window: menus, the meeting list at the side, the open meeting in tabs."""

from __future__ import annotations

import html
import logging
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, cast

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QFileDialog,
    QInputDialog,
    QLabel,
    QMainWindow,
    QMenu,
    QMessageBox,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from meetingdesk import __version__
from meetingdesk.domain.errors import MeetingDeskError
from meetingdesk.domain.records import SearchHit
from meetingdesk.gui import settings as keys
from meetingdesk.gui.closing_backup import take_closing_backup
from meetingdesk.gui.desk_check_banner import DeskCheckBanner
from meetingdesk.gui.desk_keeper import DeskKeeper
from meetingdesk.gui.errors import guarded, show_error
from meetingdesk.gui.i18n import tr
from meetingdesk.gui.lazy_dock import LazyDock
from meetingdesk.gui.meeting_list import MeetingList
from meetingdesk.gui.meeting_view import MeetingView
from meetingdesk.gui.settings import Settings
from meetingdesk.gui.undo import DeskSession, created
from meetingdesk.services import backups, directory, drafts, meetings
from meetingdesk.services.backups import StartCheck
from meetingdesk.services.changes import Changes, meeting_content
from meetingdesk.services.session import WorkSession, open_session
from meetingdesk.store.desk import Desk

if TYPE_CHECKING:
    from meetingdesk.gui.desk_search import DeskSearch
    from meetingdesk.gui.dialogs.directories import DirectoryWindow
    from meetingdesk.gui.search_thread import SearchThread
    from meetingdesk.gui.task_register import TaskRegister

logger = logging.getLogger(__name__)

DESK_FILTER = "MeetingDesk (*.db *.meetingdesk);;*"


class MainWindow(QMainWindow):
    language_changed = Signal()
    """The user chose another language: the application rebuilds the window."""

    def __init__(self, settings: Settings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.settings = settings
        self.session: DeskSession | None = None
        self.keeper: DeskKeeper | None = None
        self.work: WorkSession | None = None
        self.searcher: SearchThread | None = None
        self.desk_search: DeskSearch | None = None
        self._live_windows: list[QMainWindow] = []
        self._closing_desk = False
        self._desk_windows: list[QWidget] = []
        """Directory windows on the open desk, closed with it."""
        self.view: MeetingView | None = None
        self.setWindowTitle(tr("MeetingDesk"))
        self.setMinimumSize(1000, 600)
        self.meeting_list = MeetingList(self)
        self.meeting_list.meeting_chosen.connect(self._show_meeting)
        self.meeting_list.table.doubleClicked.connect(lambda: self._focus_tabs())
        self.empty = QLabel(tr("Choose a meeting in the list, or create one "
                               "(Meeting ▸ New meeting)."), self)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setWordWrap(True)
        self.stack = QStackedWidget(self)
        self.stack.addWidget(self.empty)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.setObjectName("mainSplitter")
        self.notice = QLabel(self)
        self.notice.setObjectName("draft-notice")
        self.notice.setWordWrap(True)
        self.notice.setStyleSheet("background: #fff3c4; color: #5a4500; padding: 6px;")
        self.notice.setTextInteractionFlags(Qt.TextInteractionFlag.LinksAccessibleByMouse
                                            | Qt.TextInteractionFlag.LinksAccessibleByKeyboard)
        self.notice.linkActivated.connect(self._resume_draft)
        self.notice.hide()
        self.read_only_banner = QLabel(tr(
            "Read-only: this desk is on a read-only medium or you may not write it. You can "
            "browse, search, preview, export and print; nothing can be changed."), self)
        self.read_only_banner.setObjectName("read-only-banner")
        self.read_only_banner.setWordWrap(True)
        self.read_only_banner.setStyleSheet(
            "background: #fde2e1; color: #7a1712; padding: 6px; font-weight: bold;")
        self.read_only_banner.hide()
        self.check_banner = DeskCheckBanner(self)
        self.check_banner.damage_found.connect(self._update_actions)
        self.check_banner.restore_requested.connect(self.restore_backup)
        right = QWidget(self)
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.read_only_banner)
        right_layout.addWidget(self.check_banner)
        right_layout.addWidget(self.notice)
        right_layout.addWidget(self.stack, 1)
        self.splitter.addWidget(self.meeting_list)
        self.splitter.addWidget(right)
        self.splitter.setStretchFactor(0, 0)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([340, 1000])
        self.setCentralWidget(self.splitter)
        self.task_dock = LazyDock(tr("Task register"), self._build_task_register, self)
        self.task_dock.setObjectName("taskRegisterDock")
        self.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, self.task_dock)
        self.task_dock.hide()  # until asked for (F8), or shown by the saved window state
        self._build_menus()
        self._restore_state()
        self._update_actions()

    # --- menus -----------------------------------------------------------------------------

    def _action(self, menu: QMenu, text: str, slot: object,
                shortcut: QKeySequence | QKeySequence.StandardKey | str | None = None
                ) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(slot)
        menu.addAction(action)
        return action

    def _build_menus(self) -> None:
        bar = self.menuBar()
        file_menu = bar.addMenu(tr("&File"))
        self._action(file_menu, tr("New desk…"), self.new_desk)
        self._action(file_menu, tr("Open desk…"), self.open_desk_dialog,
                     QKeySequence.StandardKey.Open)
        self.recent_menu = file_menu.addMenu(tr("Recent desks"))
        self.recent_menu.aboutToShow.connect(self._fill_recent)
        file_menu.addSeparator()
        self.backup_action = self._action(file_menu, tr("Back up now"), self.back_up_now)
        self.restore_action = self._action(file_menu, tr("Restore a backup…"),
                                           self.restore_backup)
        file_menu.addSeparator()
        self.import_action = self._action(file_menu, tr("Import delegates…"),
                                          self.import_delegates, "Ctrl+I")
        export_menu = file_menu.addMenu(tr("Export"))
        self.export_actions = [
            self._action(export_menu, tr("Attendance list (XLSX, CSV)…"),
                         lambda: self.export_table("attendance")),
            self._action(export_menu, tr("Site table (XLSX, CSV)…"),
                         lambda: self.export_table("sites")),
            self._action(export_menu, tr("Minutes for Word (DOCX)…"), self.export_minutes_docx)]
        packages_menu = file_menu.addMenu(tr("Exchange packages"))
        self.export_package_action = self._action(packages_menu, tr("Export site package…"),
                                                  self.export_site_package)
        self.export_notice_action = self._action(export_menu, tr("Conclusion notice (PDF, DOCX)…"),
                                                 self.export_notice)
        self.export_actions += [self.export_package_action, self.export_notice_action]
        self.import_package_action = self._action(packages_menu, tr("Import package…"),
                                                  self.import_package)
        self.conflicts_action = self._action(packages_menu, tr("Resolve conflicts…"),
                                             self.resolve_conflicts)
        file_menu.addSeparator()
        self._action(file_menu, tr("Preferences…"), self.open_preferences,
                     QKeySequence.StandardKey.Preferences)
        file_menu.addSeparator()
        self._action(file_menu, tr("Quit"), self.close, QKeySequence.StandardKey.Quit)

        edit_menu = bar.addMenu(tr("&Edit"))
        self.undo_action = self._action(edit_menu, tr("Undo"), self.undo,
                                        QKeySequence.StandardKey.Undo)
        self.redo_action = self._action(edit_menu, tr("Redo"), self.redo,
                                        QKeySequence.StandardKey.Redo)
        edit_menu.addSeparator()
        self.search_action = self._action(edit_menu, tr("Search the desk…"),
                                          self.open_desk_search, QKeySequence.StandardKey.Find)

        meeting_menu = bar.addMenu(tr("&Meeting"))
        self.new_meeting_action = self._action(meeting_menu, tr("New meeting…"),
                                               self.new_meeting, "Ctrl+Shift+N")
        self.copy_meeting_action = self._action(meeting_menu,
                                                tr("New meeting from this one…"),
                                                self.copy_meeting)
        self.live_action = self._action(meeting_menu, tr("Live mode…"), self.open_live_mode,
                                        "F9")
        tasks_action = self.task_dock.toggleViewAction()
        tasks_action.setText(tr("Task register"))
        tasks_action.setShortcut(QKeySequence("F8"))
        meeting_menu.addAction(tasks_action)
        self.report_action = self._action(meeting_menu, tr("Report with charts…"),
                                          self.open_report)
        meeting_menu.addSeparator()
        self.delete_meeting_action = self._action(meeting_menu, tr("Delete meeting…"),
                                                  self.delete_meeting)
        self.find_action = self._action(meeting_menu, tr("Find a meeting"),
                                        self.meeting_list.search.setFocus, "Ctrl+Shift+F")

        dir_menu = bar.addMenu(tr("&Directories"))
        self.sites_action = self._action(dir_menu, tr("Sites…"), self.open_site_directory)
        self.people_action = self._action(dir_menu, tr("People…"), self.open_people_directory)
        self.issuers_action = self._action(dir_menu, tr("Issuers…"), self.open_issuer_directory)

        help_menu = bar.addMenu(tr("&Help"))
        self._action(help_menu, tr("User guide"), lambda: self.show_guide(), "F1")
        self._action(help_menu, tr("Keyboard shortcuts"), lambda: self.show_guide(shortcuts=True),
                     "Ctrl+F1")
        help_menu.addSeparator()
        self._action(help_menu, tr("About MeetingDesk"), self.about)

    def _fill_recent(self) -> None:
        self.recent_menu.clear()
        paths = self.settings.get(keys.RECENT_DESKS)
        for p in paths:
            action = self.recent_menu.addAction(p)
            action.triggered.connect(lambda _=False, path=p: self.open_desk_file(Path(path)))
        if not paths:
            self.recent_menu.addAction(tr("(none)")).setEnabled(False)

    def _update_actions(self) -> None:
        has_desk = self.session is not None
        has_meeting = self.meeting_list.current_id() is not None
        writes = self.work is not None and self.work.may_write
        for a in (self.sites_action, self.people_action, self.issuers_action, self.find_action,
                  self.search_action, self.report_action):
            a.setEnabled(has_desk)
        for a in (self.backup_action, self.new_meeting_action,
                  self.import_action, self.import_package_action, self.conflicts_action):
            a.setEnabled(writes)
        self.restore_action.setEnabled(  # above all for a desk found damaged
            self.session is not None and not self.session.desk.read_only)
        self.copy_meeting_action.setEnabled(has_meeting and writes)
        self.live_action.setEnabled(has_meeting and writes)
        self.delete_meeting_action.setEnabled(has_meeting and writes)
        for a in self.export_actions:
            a.setEnabled(has_meeting)
        stack = self.session.undo_stack if self.session else None
        if self.view is not None and not writes:
            self.view.lock_edits()  # what the meeting shown has just built, too
        self.undo_action.setEnabled(bool(stack and stack.canUndo()))
        self.redo_action.setEnabled(bool(stack and stack.canRedo()))
        self.undo_action.setText(tr("Undo") + (f": {stack.undoText()}"
                                               if stack and stack.canUndo() else ""))
        self.redo_action.setText(tr("Redo") + (f": {stack.redoText()}"
                                               if stack and stack.canRedo() else ""))

    def _build_task_register(self, dock: LazyDock) -> TaskRegister:
        from meetingdesk.gui.task_register import TaskRegister

        register = TaskRegister(dock)
        register.set_session(self.session)
        return register

    def task_register(self) -> TaskRegister:
        """The task register (built now if it was never shown)."""
        return cast("TaskRegister", self.task_dock.content())

    def _register_session(self, session: DeskSession | None) -> None:
        """Tell the task register, if it was built, which desk it shows."""
        register = self.task_dock.built()
        if register is not None:
            cast("TaskRegister", register).set_session(session)

    # --- desk ------------------------------------------------------------------------------

    def desk_path(self) -> Path | None:
        return self.session.desk.path if self.session else None

    def open_desk_file(self, path: Path, *, select_title: str | None = None,
                       create: bool = False) -> bool:
        """Open ``path`` in place of the current desk (making a new one only with
        ``create``): take its lock, check it once and fast (offering the newest good backup
        if it is empty, not a desk or damaged where opening sees it), open it — read-only,
        with edits locked and a banner, when the file may not be written. The slower checks
        run after the first paint, writes waiting for them; a banner tells what they find."""
        current = self.desk_path()
        if current is not None and current.resolve() == path.resolve():
            return True
        if self._generating_minutes():
            return False
        try:
            work = open_session(path, create=create, check=True, check_later=True,
                                restore=self._restore_offered)
        except MeetingDeskError as exc:
            show_error(self, exc)
            return False
        self._close_session()
        desk = work.desk
        self.work = work
        session = DeskSession(desk, self)
        self.session = session
        self.check_banner.check_after_paint(session.runner, work)  # the runner's first job
        session.runner.job_cancelled.connect(
            lambda: self.statusBar().showMessage(tr("Cancelled: nothing was changed."), 10000))
        self.keeper = DeskKeeper(work, session.runner, self)
        self.meeting_list.use_index(self.search_thread)
        self.keeper.backed_up.connect(self._backed_up)
        self.keeper.activation_requested.connect(self.come_forward)
        session.changed.connect(self._desk_changed)
        session.undo_failed.connect(self._undo_failed)
        session.flush_failed.connect(self._flush_failed)
        session.undo_stack.indexChanged.connect(self._update_actions)
        self.view = MeetingView(session, self)
        self.stack.addWidget(self.view)
        self._register_session(session)
        self.read_only_banner.setVisible(desk.read_only)
        if desk.read_only:
            self.view.lock_edits()
        self.settings.remember_desk(path)
        self.setWindowTitle(f"{path.name} — {tr('MeetingDesk')}")
        self.statusBar().showMessage(tr("Desk: %1").replace("%1", str(path)))
        keep = None
        if select_title:
            keep = next((s.meeting.id for s in meetings.list_meetings(desk)
                         if s.meeting.title == select_title), None)
        self.meeting_list.load(desk, keep)
        self._show_meeting(self.meeting_list.current_id())
        self._announce_unfinished_note(desk)
        logger.info("Desk %s open", path)
        return True

    def _announce_unfinished_note(self, desk: Desk) -> None:
        """Say so when a note was left unfinished (a crash, a power cut): the live mode puts it
        back in its editor."""
        found = drafts.unfinished_drafts(desk)
        if not found:
            self.notice.hide()
            return
        draft = found[0]
        title = meetings.get_meeting(desk, draft.meeting_id).title
        self.notice.setText(
            tr("An unfinished note of “%1”, saved at %2, was kept. "
               "<a href=\"%3\">Open the live mode to carry on with it</a> · "
               "<a href=\"discard:%3\">Discard it</a>.")
            .replace("%1", html.escape(title))
            .replace("%2", draft.saved_at.strftime("%H:%M:%S %d/%m/%Y"))
            .replace("%3", str(draft.meeting_id)))
        self.notice.show()

    def _resume_draft(self, link: str) -> None:
        """The unfinished-note notice: carry on in the live mode, or discard the note."""
        if link.startswith("discard:"):
            self._discard_draft(int(link.removeprefix("discard:")))
            return
        self.notice.hide()
        self.meeting_list.choose(int(link))
        self.open_live_mode()

    @guarded
    def _discard_draft(self, meeting_id: int) -> None:
        """Throw away a meeting's unfinished note, after asking."""
        if self.session is None:
            return
        if any(getattr(live, "view", None) is not None and live.view.meeting_id == meeting_id
               for live in self._live_windows):
            QMessageBox.information(self, tr("Discard the note"), tr(
                "This note is open in the live mode: discard it there (Ctrl+Shift+Del)."))
            return
        answer = QMessageBox.question(
            self, tr("Discard the note"),
            tr("Discard the unfinished note? Its text cannot be brought back."))
        if answer != QMessageBox.StandardButton.Yes:
            return
        drafts.discard_draft(self.session.desk, meeting_id)
        self._announce_unfinished_note(self.session.desk)

    def come_forward(self) -> None:
        """Another program was started on this desk: show this window on top instead."""
        logger.info("Another program was started on this desk: coming forward")
        if self.isMinimized():
            self.showNormal()
        self.raise_()
        self.activateWindow()
        self.statusBar().showMessage(tr("This desk is already open here."), 10000)

    def _restore_offered(self, check: StartCheck) -> bool:
        """The desk is damaged: whether to put its newest good backup in its place."""
        good = check.newest_good_backup
        assert good is not None
        answer = QMessageBox.question(
            self, tr("Damaged desk file"),
            tr("%1\n\nRestore the newest good backup, of %2? The damaged file is kept "
               "beside it.").replace("%1", check.problem or "").replace(
                "%2", good.taken_at.strftime("%d/%m/%Y %H:%M")))
        return answer == QMessageBox.StandardButton.Yes

    def _backed_up(self, result: object) -> None:
        if isinstance(result, Path):
            self.statusBar().showMessage(tr("Backed up to %1").replace("%1", str(result)),
                                         10000)
        else:
            self.statusBar().showMessage(tr("The automatic backup failed: %1").replace(
                "%1", str(result)), 15000)

    def _close_session(self) -> None:
        self._closing_desk = True  # the closing backup lets the event loop run meanwhile
        try:
            self._close_desk()
        finally:
            self._closing_desk = False

    def _close_desk(self) -> None:
        for live in list(self._live_windows):
            live.close()  # saves what is being typed there
        for window in self._desk_windows:
            window.close()
        self._desk_windows.clear()
        if self.keeper is not None:
            self.keeper.close()  # its backups under way stop: the closing one stands in
            self.keeper.deleteLater()
            self.keeper = None
        self.check_banner.forget()  # the checks after opening stop: nothing waits for them
        if self.session is not None and self.work is not None:
            # the meeting stays in view, behind the busy indicator, while it is backed up
            take_closing_backup(self, self.session.runner, self.work)
        if self.view is not None:
            self.stack.removeWidget(self.view)
            self.view.deleteLater()
            self.view = None
        self._register_session(None)
        if self.session is not None:
            self.session.undo_stack.clear()
            self.session.shutdown()  # waits for the job under way and the upkeep
            if self.desk_search is not None:
                self.desk_search.close()
                self.desk_search.deleteLater()
                self.desk_search = None
            self.meeting_list.use_index(None)
            if self.searcher is not None:
                self.searcher.close()
                self.searcher.deleteLater()
                self.searcher = None
            if self.work is not None:
                self.work.close()  # the connection, then the lock
                self.work = None
            self.session.deleteLater()
            self.session = None

    def _undo_failed(self, exc: BaseException) -> None:
        show_error(self, MeetingDeskError("undo.failed", problem=exc))

    def _flush_failed(self, exc: BaseException) -> None:
        show_error(self, exc)

    def _desk_changed(self, changes: Changes) -> None:
        assert self.session is not None
        if self.keeper is not None:
            self.keeper.changed()
        self.meeting_list.apply(self.session.desk, changes)
        self._update_actions()

    def _show_meeting(self, meeting_id: int | None) -> None:
        if self.view is not None and meeting_id is not None:
            if self.view.meeting_id != meeting_id:
                self.view.show_meeting(meeting_id)
            self.stack.setCurrentWidget(self.view)
        else:
            self.stack.setCurrentWidget(self.empty)
        self._update_actions()

    def _focus_tabs(self) -> None:
        if self.view is not None:
            self.view.tabs.currentWidget().setFocus()

    @guarded
    def new_desk(self) -> None:
        name, _ = QFileDialog.getSaveFileName(
            self, tr("New desk"), "meetingdesk.db", DESK_FILTER,
            options=QFileDialog.Option.DontConfirmOverwrite)
        if name:
            path = Path(name)
            if path.exists():  # never replace a file (it may be a desk full of work)
                raise MeetingDeskError("desk.new_file_exists", name=path.name)
            self.open_desk_file(path, create=True)

    def open_desk_dialog(self) -> None:
        name, _ = QFileDialog.getOpenFileName(self, tr("Open desk"), "", DESK_FILTER)
        if name:
            self.open_desk_file(Path(name))

    def back_up_now(self) -> None:
        """File ▸ Back up now, on the desk's runner: the window stays usable."""
        if self.keeper is not None:
            self.statusBar().showMessage(tr("Backing up…"))
            self.keeper.back_up("manual", datetime.now())

    @guarded
    def restore_backup(self) -> None:
        """Put one of the desk's backups in its place (the current file is kept aside)."""
        path = self.desk_path()
        if path is None:
            return
        found = list(reversed(backups.list_backups(path)))
        if not found:
            QMessageBox.information(self, tr("Restore a backup"),
                                    tr("This desk has no backups yet."))
            return
        items = [f"{b.taken_at:%d/%m/%Y %H:%M:%S} — {b.reason}" for b in found]
        chosen, ok = QInputDialog.getItem(self, tr("Restore a backup"),
                                          tr("Backup to restore:"), items, 0, False)
        if not ok:
            return
        backup = found[items.index(chosen)]
        answer = QMessageBox.question(
            self, tr("Restore a backup"),
            tr("Replace the desk with the backup of %1? Changes made since are set aside in a "
               "copy of the current file.").replace("%1", chosen))
        if answer != QMessageBox.StandardButton.Yes:
            return
        if self._generating_minutes():
            return
        meeting = self.meeting_list.current_id()
        self._close_session()
        try:
            aside = backups.restore_backup(path, backup.path, datetime.now())
        finally:
            self.open_desk_file(path)
        self.meeting_list.choose(meeting)
        self.statusBar().showMessage(tr("Restored; the previous file is kept as %1").replace(
            "%1", str(aside)), 15000)

    # --- undo ------------------------------------------------------------------------------

    def undo(self) -> None:
        if self.session is not None and self.session.undo_stack.canUndo():
            self.session.undo_stack.undo()

    def redo(self) -> None:
        if self.session is not None and self.session.undo_stack.canRedo():
            self.session.undo_stack.redo()

    # --- meetings --------------------------------------------------------------------------

    @guarded
    def new_meeting(self) -> None:
        if self.session is None:
            return
        from meetingdesk.gui.dialogs.meeting import MeetingDialog

        desk = self.session.desk
        dialog = MeetingDialog(directory.list_sites(desk), self)
        if not dialog.exec():
            return
        values = dialog.values()
        meeting = self.session.run(
            tr("New meeting"), lambda: meetings.create_meeting(desk, **values),
            new_roots=created("meetings"))
        self._show_new_meeting(meeting.id)

    def _show_new_meeting(self, meeting_id: int | None) -> None:
        """Clear the list's search and filter, so the new meeting is there, and open it."""
        self.meeting_list.search.clear()
        self.meeting_list.status.setCurrentIndex(0)
        self.meeting_list.choose(meeting_id)

    @guarded
    def copy_meeting(self) -> None:
        current = self.meeting_list.current()
        if self.session is None or current is None:
            return
        from meetingdesk.gui.dialogs.meeting import MeetingDialog

        desk = self.session.desk
        source = current.meeting
        dialog = MeetingDialog(directory.list_sites(desk), self, source=source)
        if not dialog.exec():
            return
        values = dialog.values()
        meeting = self.session.run(
            tr("New meeting from a previous one"),
            lambda: meetings.copy_meeting(desk, source.id,
                                          title=str(values["title"]),
                                          planned_start=values["planned_start"]),
            new_roots=created("meetings"))
        self._show_new_meeting(meeting.id)

    @guarded
    def delete_meeting(self) -> None:
        current = self.meeting_list.current()
        if self.session is None or current is None:
            return
        desk = self.session.desk
        mid = current.meeting.id
        answer = QMessageBox.question(
            self, tr("Delete meeting"),
            tr("Delete the meeting “%1” with its sites, delegates, agenda, notes and minutes? "
               "You can undo this with Edit ▸ Undo.").replace("%1", current.meeting.title))
        if answer != QMessageBox.StandardButton.Yes:
            return
        self.session.run(tr("Delete meeting"),
                         lambda: meetings.delete_meeting(desk, mid),
                         [("meetings", mid)])

    # --- other windows ---------------------------------------------------------------------

    @guarded
    def open_live_mode(self) -> None:
        """The live mode of the current meeting, in a window of its own on the same desk.

        It writes outside the undo history, so the history is cleared first (an undo must
        never put back a state from before the live notes and times)."""
        from meetingdesk.gui.live.window import LiveWindow

        meeting_id = self.meeting_list.current_id()
        if self.session is None or meeting_id is None or self._closing_desk:
            return
        session = self.session
        live = LiveWindow(session.desk, meeting_id, self)
        live.setWindowFlag(Qt.WindowType.Window)
        live.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        session.undo_stack.clear()
        keeper = self.keeper
        if keeper is not None:  # what is typed there counts for the automatic backups
            live.view.note_filed.connect(lambda _note: keeper.changed())
            live.view.draft_saved.connect(lambda _draft: keeper.changed())
        live.destroyed.connect(lambda: self.session is session  # the desk still open here
                               and session.written(meeting_content(meeting_id)))
        self._live_windows.append(live)
        live.destroyed.connect(lambda: self._live_windows.remove(live))
        live.show()

    def search_thread(self) -> SearchThread:
        """The open desk's search thread, made at its first search (the meeting list's
        filter from three letters, or Ctrl+F) and closed with the desk: its module and its
        results model are not loaded at start."""
        if self.searcher is None:
            from meetingdesk.gui.search_thread import SearchThread

            assert self.work is not None
            self.searcher = SearchThread(self.work.path, self)
        return self.searcher

    def open_desk_search(self) -> None:
        """Edit ▸ Search the desk (Ctrl+F): as you type, over the whole desk."""
        if self.work is None:
            return
        if self.desk_search is None:
            from meetingdesk.gui.desk_search import DeskSearch

            self.desk_search = DeskSearch(self.search_thread(), self)
            self.desk_search.chosen.connect(self.open_hit)
        self.desk_search.start()

    def open_hit(self, hit: SearchHit) -> None:
        """Show the record a search found: its meeting's tab with the record selected, or the
        directory it belongs to."""
        if self.view is None or self.session is None:
            return
        if hit.meeting_id is None and hit.kind in ("site", "person"):
            window = (self.open_site_directory() if hit.kind == "site"
                      else self.open_people_directory())
            if window is not None:
                window.select(hit.ref_id)
            return
        if hit.meeting_id is not None and not self.meeting_list.choose(hit.meeting_id):
            self._show_new_meeting(hit.meeting_id)  # hidden by the list's filter
        self.view.show_record(hit.kind, hit.ref_id)
        self.activateWindow()

    def open_site_directory(self) -> DirectoryWindow | None:
        from meetingdesk.gui.dialogs.directories import SiteDirectory

        if self.session is None:
            return None
        window = SiteDirectory(self.session, self)
        self._show_desk_window(window)
        return window

    def open_report(self) -> None:
        from meetingdesk.gui.report_window import ReportDialog

        if self.session is not None:
            self._show_desk_window(ReportDialog(self.session, self))

    def open_people_directory(self) -> DirectoryWindow | None:
        from meetingdesk.gui.dialogs.directories import PeopleDirectory

        if self.session is None:
            return None
        window = PeopleDirectory(self.session, self)
        self._show_desk_window(window)
        return window

    def open_issuer_directory(self) -> None:
        from meetingdesk.gui.dialogs.issuers import IssuerDirectory

        if self.session is not None:
            self._show_desk_window(IssuerDirectory(self.session, self))

    def _show_desk_window(self, window: QWidget) -> None:
        """Show a window that works on the open desk; it closes with the desk."""
        window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self._desk_windows.append(window)
        window.destroyed.connect(
            lambda: window in self._desk_windows and self._desk_windows.remove(window))
        window.show()

    def open_preferences(self) -> None:
        from meetingdesk.gui.dialogs.preferences import PreferencesDialog

        dialog = PreferencesDialog(self.settings, self)
        if dialog.exec() and dialog.language_changed:
            self.language_changed.emit()

    def show_guide(self, *, shortcuts: bool = False) -> None:
        from meetingdesk.gui.help import show_help

        show_help(self, shortcuts_first=shortcuts)

    def about(self) -> None:
        QMessageBox.about(self, tr("About MeetingDesk"),
                          tr("MeetingDesk %1 — meetings, sites, delegates and minutes of online "
                             "multi-site conferences.").replace("%1", __version__))

    # --- state -----------------------------------------------------------------------------

    def _restore_state(self) -> None:
        geometry = self.settings.get(keys.WINDOW_GEOMETRY)
        if geometry.isEmpty() or not self.restoreGeometry(geometry):
            self.resize(1280, 720)
        state = self.settings.get(keys.WINDOW_STATE)
        if not state.isEmpty():
            self.restoreState(state)
        splitter = self.settings.get(keys.SPLITTER_STATE)
        if not splitter.isEmpty():
            self.splitter.restoreState(splitter)

    def save_state(self) -> None:
        self.settings.set(keys.WINDOW_GEOMETRY, self.saveGeometry())
        self.settings.set(keys.WINDOW_STATE, self.saveState())
        self.settings.set(keys.SPLITTER_STATE, self.splitter.saveState())
        self.settings.sync()

    def _generating_minutes(self) -> bool:
        """True (after telling the user) while minutes are being generated: the desk stays
        open until the worker has written its version."""
        if self.view is None or not self.view.generating_minutes():
            return False
        QMessageBox.information(self, tr("MeetingDesk"),
                                tr("The minutes are being generated; please wait a moment."))
        return True

    def closeEvent(self, event: QCloseEvent) -> None:
        if self._generating_minutes() or self._closing_desk:
            event.ignore()  # the desk is being closed (its closing backup): not twice
            return
        self.save_state()
        self._close_session()
        super().closeEvent(event)

    # --- import, export, exchange packages (see gui/transfer.py) ---------------------------

    @guarded
    def import_delegates(self) -> None:
        """File ▸ Import delegates…: preview, correct and import a list. The import is not on
        the undo stack; the dialog clears the undo history once it has written."""
        from meetingdesk.gui import transfer

        if self.session is not None:
            transfer.import_list(self, self.session, self.meeting_list.current_id())

    @guarded
    def export_table(self, what: str) -> None:
        from meetingdesk.gui import transfer

        meeting_id = self.meeting_list.current_id()
        if self.session is not None and meeting_id is not None:
            transfer.export_table(self, self.session, meeting_id, what)

    @guarded
    def export_minutes_docx(self) -> None:
        from meetingdesk.gui import transfer

        meeting_id = self.meeting_list.current_id()
        if self.session is not None and meeting_id is not None:
            transfer.export_minutes_docx(self, self.session, meeting_id, self.settings)

    @guarded
    def export_notice(self) -> None:
        from meetingdesk.gui.notice_export import export_notice

        meeting_id = self.meeting_list.current_id()
        if self.session is not None and meeting_id is not None:  # dated as on the Notice tab
            export_notice(self, self.session, meeting_id,
                          issued_on=self.view.notice.issued_on() if self.view else None)

    @guarded
    def export_site_package(self) -> None:
        from meetingdesk.gui import transfer

        meeting_id = self.meeting_list.current_id()
        if self.session is not None and meeting_id is not None:
            transfer.export_site_package(self, self.session, meeting_id)

    @guarded
    def import_package(self) -> None:
        """File ▸ Exchange packages ▸ Import package…: preview, then merge. Not on the undo
        stack; the dialog clears the undo history once it has written."""
        from meetingdesk.gui import transfer

        if self.session is not None:
            transfer.import_package(self, self.session)

    @guarded
    def resolve_conflicts(self) -> None:
        """File ▸ Exchange packages ▸ Resolve conflicts…: field by field, both values shown."""
        from meetingdesk.gui.dialogs.conflict_dialog import ConflictDialog

        if self.session is not None:
            ConflictDialog(self.session, self).exec()
