"""Date and time fields that read what Vietnamese users type.

"15/09/2025 14:00", "15/9/2025", "14h30"… are read by :mod:`meetingdesk.domain.when`; the
value read is shown under the field before it is kept ("→ Thứ Hai, 15/09/2025 14:00"), and
what cannot be read turns the field red with the reason — it is never taken as another date.
A dialog holding such a field refuses OK until every field reads (see
:func:`first_unreadable`).
"""

from __future__ import annotations

from datetime import date, datetime

from PySide6.QtCore import QDate, QEvent, QObject, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QLineEdit, QVBoxLayout, QWidget

from meetingdesk.domain.errors import ValidationError
from meetingdesk.domain.when import format_date, format_datetime, parse_date, parse_datetime
from meetingdesk.gui.i18n import locale, tr
from meetingdesk.gui.widgets import ElidedLabel

_ERROR_STYLE = "QLineEdit { border: 2px solid #c62828; background: #fdecea; }"
_PREVIEW_STYLE = "color: palette(mid);"
_ERROR_TEXT_STYLE = "color: #c62828;"
ERROR_LINES = 3
"""Lines the reason a text cannot be read takes under the field at most, wrapped (all of it
in the tooltip); the value read takes one."""


class DateTimeField(QWidget):
    """A line to type a date and time (or a date alone, ``with_time=False``) in, with the
    value read shown under it. ``optional`` fields may be left empty (no value)."""

    changed = Signal()
    """The value read changed (typing, or :meth:`set_value`)."""

    def __init__(self, parent: QWidget | None = None, *, with_time: bool = True,
                 optional: bool = True) -> None:
        super().__init__(parent)
        self.with_time = with_time
        self.optional = optional
        self._value: datetime | None = None
        self._error: str | None = None
        self._styled_failing: bool | None = None
        self.reference: datetime | None = None
        """Date and time that a part left out is taken from (a time alone keeps its day)."""
        self.edit = QLineEdit(self)
        self.edit.setPlaceholderText(tr("e.g. 15/09/2025 14:00") if with_time
                                     else tr("e.g. 15/09/2025"))
        self.edit.setToolTip(tr("Type day/month/year and the time: 15/09/2025 14:00, "
                                "15/9/2025 14h30; a time alone (14h) keeps the day.")
                             if with_time else tr("Type day/month/year: 15/09/2025, 15/9/2025."))
        # a label held by no layout: a new value repaints it and lays nothing out again
        self.preview = ElidedLabel(self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(1)
        layout.addWidget(self.edit)
        layout.addWidget(self.preview)
        self.setFocusProxy(self.edit)
        self.preview.installEventFilter(self)  # its width: the lines of a reason it shows
        self.edit.textEdited.connect(self._read)
        self.edit.editingFinished.connect(self._tidy)
        self._show()

    # --- value ---------------------------------------------------------------------------

    def value(self) -> datetime | None:
        """The value read (``None``: empty); the last good one while the text is unreadable:
        check :meth:`is_valid` before keeping it."""
        return self._value

    def date_value(self) -> date | None:
        return self._value.date() if self._value else None

    def is_valid(self) -> bool:
        return self._error is None

    def error(self) -> str | None:
        """Why the text cannot be read, or ``None``."""
        return self._error

    def set_value(self, value: datetime | date | None) -> None:
        """Show ``value``, written out in full (``changed`` is emitted only when the value
        read changes: nothing else is done when the field shows it already)."""
        if isinstance(value, date) and not isinstance(value, datetime):
            value = datetime(value.year, value.month, value.day)
        value = value.replace(second=0, microsecond=0) if value else None
        text = self._format(value)
        if self.edit.text() != text:
            self.edit.setText(text)
        if value == self._value and self._error is None:
            return  # the value shown (typed otherwise, it is now written out in full)
        self._value = value
        self._error = None
        self._show()
        self.changed.emit()

    def set_text(self, text: str) -> None:
        """Put ``text`` in the field as if typed."""
        self.edit.setText(text)
        self._read(text)

    # --- reading -------------------------------------------------------------------------

    def _format(self, value: datetime | None) -> str:
        if value is None:
            return ""
        return format_datetime(value) if self.with_time else format_date(value.date())

    def _read(self, text: str) -> None:
        before = (self._value, self._error)
        if not text.strip():
            self._error = None if self.optional else tr("A date is needed here.")
            if self.optional:
                self._value = None
        else:
            try:
                reference = self.reference or self._value or datetime.now()
                if self.with_time:
                    self._value = parse_datetime(text, reference=reference)
                else:
                    day = parse_date(text, reference=reference.date())
                    self._value = datetime(day.year, day.month, day.day)
                self._error = None
            except ValidationError as exc:
                self._error = str(exc)
        self._show()
        if (self._value, self._error) != before:
            self.changed.emit()

    def _tidy(self) -> None:
        """Once the user leaves the field, a value read is written out in full."""
        if self._error is None:
            self.edit.setText(self._format(self._value))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.preview and isinstance(event, QResizeEvent) and \
                event.size().width() != event.oldSize().width():
            self._fit_lines()  # a reason wraps in more or fewer lines at another width
        return False

    def _fit_lines(self) -> None:
        self.preview.set_lines(1 if self._error is None else min(
            ERROR_LINES, self.preview.lines_for(self._error)))

    def _show(self) -> None:
        failing = self._error is not None
        if failing != self._styled_failing:  # a style sheet set costs a restyle: only changes
            self._styled_failing = failing
            self.edit.setStyleSheet(_ERROR_STYLE if failing else "")
            self.preview.set_text_style(_ERROR_TEXT_STYLE if failing else _PREVIEW_STYLE)
        self._fit_lines()
        if self._error is not None:
            self.preview.set_full_text(self._error)
            self.edit.setToolTip(self._error)
            return
        if self._value is None:
            self.preview.set_full_text(tr("(not set)"))
            return
        # the day through the locale (its name), the time as is: a QDateTime would be
        # converted from the local time zone for nothing
        value = self._value
        text = locale().toString(QDate(value.year, value.month, value.day), "dddd, dd/MM/yyyy")
        if self.with_time:
            text += f" {value:%H:%M}"
        self.preview.set_full_text("→ " + text[:1].upper() + text[1:])


def first_unreadable(parent: QWidget) -> DateTimeField | None:
    """The first enabled date field under ``parent`` whose text cannot be read."""
    for field in parent.findChildren(DateTimeField):
        if field.isEnabled() and not field.is_valid():
            return field
    return None
