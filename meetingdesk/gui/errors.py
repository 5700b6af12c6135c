"""How errors reach the user: a message box in their language, and a log entry.

Service errors (:class:`MeetingDeskError`) are expected: their message says what to do.
Anything else raised in a slot reaches :func:`excepthook`, which logs the traceback and tells
the user the action failed; the services' transactions have left the data as it was.
"""

from __future__ import annotations

import functools
import inspect
import logging
import sys
from collections.abc import Callable
from types import TracebackType
from typing import Any, TypeVar

from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from meetingdesk.domain.errors import MeetingDeskError
from meetingdesk.gui.i18n import tr
from meetingdesk.services.session import is_database_error

logger = logging.getLogger(__name__)

F = TypeVar("F", bound=Callable[..., Any])


def show_error(parent: QWidget | None, exc: BaseException) -> None:
    """Tell the user about ``exc`` in a message box (never raises)."""
    if isinstance(exc, MeetingDeskError):
        logger.info("Refused: %s", exc)
        QMessageBox.warning(parent, tr("MeetingDesk"), str(exc))
        return
    logger.error("Unexpected error", exc_info=(type(exc), exc, exc.__traceback__))
    detail = f"{type(exc).__name__}: {exc}"
    if is_database_error(exc):
        message = tr("The desk file could not be written. Nothing was changed.")
    else:
        message = tr("The action failed because of an unexpected error. Your data was not "
                     "changed.")
    box = QMessageBox(QMessageBox.Icon.Critical, tr("MeetingDesk"), message,
                      QMessageBox.StandardButton.Ok, parent)
    box.setDetailedText(detail)
    box.exec()


def guarded(func: F) -> F:
    """Show service errors raised by a slot instead of letting them escape. The slot gets
    only the positional values it takes: a signal's extra ones (the index a double click
    sends) are left out, as Qt leaves them out for an undecorated slot."""
    params = inspect.signature(func).parameters.values()
    takes = None if any(p.kind is p.VAR_POSITIONAL for p in params) else sum(
        p.kind in (p.POSITIONAL_ONLY, p.POSITIONAL_OR_KEYWORD) for p in params)

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        if takes is not None:
            args = args[:takes]
        try:
            return func(*args, **kwargs)
        except MeetingDeskError as exc:
            parent = args[0] if args and isinstance(args[0], QWidget) else None
            show_error(parent, exc)
            return None

    return wrapper


def excepthook(kind: type[BaseException], exc: BaseException,
               tb: TracebackType | None) -> None:
    """Log an exception that escaped a slot and show it; the program keeps running."""
    if issubclass(kind, KeyboardInterrupt):
        sys.__excepthook__(kind, exc, tb)
        return
    exc.__traceback__ = tb
    if QApplication.instance() is None:
        sys.__excepthook__(kind, exc, tb)
        return
    show_error(QApplication.activeWindow(), exc)


def install_excepthook() -> None:
    sys.excepthook = excepthook
