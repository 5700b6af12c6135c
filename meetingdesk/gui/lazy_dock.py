"""A dock whose content is built the first time it is shown or asked for.

A dock hidden at start (the task register) then costs the start of the program nothing: its
module is imported and its widget built when the user first opens it, or when the window's
saved state shows it.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QDockWidget, QWidget


class LazyDock(QDockWidget):
    """``make`` builds the content (a widget whose parent is this dock)."""

    def __init__(self, title: str, make: Callable[[LazyDock], QWidget],
                 parent: QWidget | None = None) -> None:
        super().__init__(title, parent)
        self._make = make
        self.visibilityChanged.connect(self._visibility_changed)

    def content(self) -> QWidget:
        """The content, built now if it was not yet."""
        widget = self.widget()
        if widget is None:
            widget = self._make(self)
            self.setWidget(widget)
        return widget

    def built(self) -> QWidget | None:
        """The content if it has been built, else ``None`` (nothing is built)."""
        return self.widget()

    def _visibility_changed(self, visible: bool) -> None:
        if visible:
            self.content()
