"""Help inside the program: the user guide (F1) in the interface's language and the list of
keyboard shortcuts, made from the actions themselves so it cannot drift from them.

The guide is HTML shipped in ``resources/help/guide_vi.html`` and ``guide_en.html``.
"""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QMenu,
    QTabWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from meetingdesk.gui.i18n import current_language, tr
from meetingdesk.gui.labels import label
from meetingdesk.gui.live.live_view import LIVE_KEYS
from meetingdesk.gui.live.note_editor import KINDS
from meetingdesk.gui.live.window import WINDOW_KEYS
from meetingdesk.paths import resource


def guide_html(language: str | None = None) -> str:
    """The user guide in ``language`` (the interface's by default)."""
    name = "guide_en.html" if (language or current_language()) == "en" else "guide_vi.html"
    return resource("help", name).read_text(encoding="utf-8")


def _native(sequence: QKeySequence) -> str:
    return sequence.toString(QKeySequence.SequenceFormat.NativeText)


def _where(action: QAction, window: QWidget) -> str:
    """The menu holding ``action``, or the tab (or window) whose widget holds it."""
    for owner in action.associatedObjects():
        if isinstance(owner, QMenu) and owner.title():
            return owner.title().replace("&", "")
    widget = action.parent()
    while isinstance(widget, QWidget) and widget is not window:
        parent = widget.parentWidget()
        tabs = parent.parentWidget() if parent is not None else None
        if isinstance(tabs, QTabWidget) and tabs.indexOf(widget) >= 0:
            return tabs.tabText(tabs.indexOf(widget)).replace("&", "")
        widget = parent
    owner = action.parent()
    return owner.window().windowTitle() if isinstance(owner, QWidget) else ""


def window_shortcuts(window: QWidget) -> list[tuple[str, str, str]]:
    """(keys, what they do, where) of every action with a shortcut in ``window``, those of
    the meeting's tabs not shown yet included (a tab is built when first shown)."""
    view = getattr(window, "view", None)
    if view is not None:
        view.all_tabs()
    rows: dict[tuple[str, str], tuple[str, str, str]] = {}
    for action in window.findChildren(QAction):
        keys = ", ".join(_native(s) for s in action.shortcuts() if not s.isEmpty())
        text = action.text().replace("&", "").strip()
        if not keys or not text:
            continue
        where = _where(action, window)
        rows.setdefault((keys, where), (keys, text, where))
    return sorted(rows.values(), key=lambda r: (r[2], r[0]))


def live_shortcuts() -> list[tuple[str, str, str]]:
    """(keys, what they do, where) of the live mode, from the tables its actions are made of."""
    where = tr("Live mode")
    rows = [(_native(QKeySequence(key)), text(), where) for key, text, _ in LIVE_KEYS]
    rows += [(_native(QKeySequence(f"Ctrl+{i}")),
              tr("Note kind: %1").replace("%1", label(kind)), where)
             for i, kind in enumerate(KINDS, start=1)]
    rows.append((_native(QKeySequence("Ctrl+Return")), tr("File the note and open the next"),
                 where))
    rows += [(_native(QKeySequence(key)), text(), where) for key, text, _ in WINDOW_KEYS]
    return rows


def shortcuts_html(window: QWidget) -> str:
    rows = window_shortcuts(window) + live_shortcuts()
    body = "".join(f"<tr><td><b>{escape(keys)}</b></td><td>{escape(text)}</td>"
                   f"<td>{escape(where)}</td></tr>" for keys, text, where in rows)
    title = escape(tr("Keyboard shortcuts"))
    note = escape(tr("Made from the program's own actions: what is listed here is what the "
                     "keys do."))
    heads = "".join(f"<th align='left'>{escape(h)}</th>"
                    for h in (tr("Keys"), tr("What it does"), tr("Where")))
    return (f"<h2>{title}</h2><p>{note}</p>"
            f"<table cellspacing='0' cellpadding='4' border='1' width='100%'>"
            f"<tr>{heads}</tr>{body}</table>")


class HelpDialog(QDialog):
    """The user guide and the list of shortcuts, in two tabs."""

    def __init__(self, window: QWidget, *, shortcuts_first: bool = False) -> None:
        super().__init__(window)
        self.setWindowTitle(tr("MeetingDesk help"))
        self.guide = QTextBrowser(self)
        self.guide.setOpenExternalLinks(False)
        self.guide.setHtml(guide_html())
        self.shortcuts = QTextBrowser(self)
        self.shortcuts.setHtml(shortcuts_html(window))
        self.tabs = QTabWidget(self)
        self.tabs.addTab(self.guide, tr("User guide"))
        self.tabs.addTab(self.shortcuts, tr("Keyboard shortcuts"))
        if shortcuts_first:
            self.tabs.setCurrentWidget(self.shortcuts)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(tr("Close"))
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(buttons)
        self.setWindowFlag(Qt.WindowType.WindowMaximizeButtonHint)
        self.resize(980, 700)


def show_help(window: QWidget, *, shortcuts_first: bool = False) -> HelpDialog:
    """Open the help beside ``window`` (not modal: the guide can stay open while working)."""
    existing = window.findChild(HelpDialog)
    dialog = existing if isinstance(existing, HelpDialog) else HelpDialog(
        window, shortcuts_first=shortcuts_first)
    if shortcuts_first:
        dialog.tabs.setCurrentWidget(dialog.shortcuts)
    dialog.show()
    dialog.raise_()
    dialog.activateWindow()
    return dialog
