"""The messages of the Qt-free layers: one table, rendered in the user's language when shown.

Every sentence a secretary reads from ``domain``, ``store``, ``services``, ``exchange``,
``minutes``, ``signing`` and the command line has a stable key in
:data:`meetingdesk.domain.message_table.MESSAGES`, with a whole-sentence template in Vietnamese
and in English and named placeholders (``{title}``, ``{count:,}``). Code names the key and the
values; it never writes the words or glues translated fragments together::

    raise ValidationError("guards.field_empty", field=message("fields.meeting_title"))
    line = str(message("verify.no_signature"))

A value that is itself words (a kind of record, the reason a package was refused) is a
:class:`Message` too, so it renders in the same language as the sentence around it; a list of
them is a :class:`Joined`. The language is ``"vi"`` (default) or ``"en"``: the GUI sets it
from the user's preference, the command line from ``MEETINGDESK_LANG``. The GUI's own strings
go through Qt's ``tr()`` instead.
"""

from __future__ import annotations

import os
import string
from dataclasses import dataclass
from typing import Any

from meetingdesk.domain.message_table import MESSAGES
from meetingdesk.domain.numbers import vi_number

_language = "en" if os.environ.get("MEETINGDESK_LANG", "vi").startswith("en") else "vi"


def set_language(language: str) -> None:
    """Choose the language of messages: ``"vi"`` (default) or ``"en"``."""
    global _language
    _language = "en" if language.startswith("en") else "vi"


def current_language() -> str:
    return _language


class _Formatter(string.Formatter):
    """``str.format`` with two more conversions: ``{field!c}`` capitalizes the value's first
    letter (a field named at the start of a Vietnamese sentence), ``{limit!v}`` writes a number
    with Vietnamese grouping ("2.000")."""

    def convert_field(self, value: Any, conversion: str | None) -> Any:
        if conversion == "c":
            text = str(value)
            return text[:1].upper() + text[1:]
        if conversion == "v":
            return vi_number(value)
        return super().convert_field(value, conversion)


_FORMATTER = _Formatter()


def placeholders(template: str) -> frozenset[str]:
    """The names of a template's placeholders: ``{count:,}`` gives ``count``."""
    return frozenset(name for _, name, _, _ in string.Formatter().parse(template) if name)


@dataclass(frozen=True, slots=True)
class Message:
    """A sentence of the table with its values, rendered in the current language by ``str()``
    (or in a chosen one by :meth:`render`). A value, like the record that holds it: equal
    messages are equal, and hashable when their values are."""

    key: str
    values: tuple[tuple[str, Any], ...] = ()
    """The placeholders' values as ``(name, value)`` pairs, in name order."""

    def __post_init__(self) -> None:
        if self.key not in MESSAGES:
            raise KeyError(f"no message {self.key!r} in the message table")

    def render(self, language: str) -> str:
        vi, en = MESSAGES[self.key]
        template = en if language == "en" else vi
        values = {name: value.render(language) if isinstance(value, Message | Joined) else value
                  for name, value in self.values}
        return _FORMATTER.vformat(template, (), values)

    def __str__(self) -> str:
        return self.render(_language)

    @property
    def vi(self) -> str:
        return self.render("vi")

    @property
    def en(self) -> str:
        return self.render("en")


def message(key: str, /, **values: Any) -> Message:
    """The message ``key`` of the table with ``values`` for its placeholders."""
    return Message(key, tuple(sorted(values.items())))


@dataclass(frozen=True, slots=True)
class Joined:
    """Several messages as one value, each rendered in the sentence's language and joined by
    ``separator`` (punctuation, the same in both languages): the problems of a list."""

    items: tuple[Message, ...]
    separator: str = "; "

    def render(self, language: str) -> str:
        return self.separator.join(item.render(language) for item in self.items)

    def __str__(self) -> str:
        return self.render(_language)
