"""Translation: English source strings, Vietnamese (the default) from ``resources/translations``.

Every visible string goes through :func:`tr`; ``pyside6-lupdate`` collects them into
``resources/translations/meetingdesk_vi.ts`` and ``pyside6-lrelease`` compiles the ``.qm`` the
program loads. ``tests/gui/test_translations.py`` fails when a string has no Vietnamese.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication, QLocale, QTranslator

from meetingdesk.domain import errors
from meetingdesk.paths import resource

logger = logging.getLogger(__name__)

LANGUAGES = ("vi", "en")
CATALOG = "meetingdesk_vi"
"""The compiled catalogue ``resources/translations/meetingdesk_vi.qm``."""

_translators: list[QTranslator] = []
_language = "vi"
_installs = 0


def tr(text: str) -> str:
    """``text`` (English) in the user's language."""
    return QCoreApplication.translate("", text)


def current_language() -> str:
    return _language


def installs() -> int:
    """How many times a language has been installed: texts translated and kept are valid
    while it stays the same."""
    return _installs


def locale() -> QLocale:
    """The locale of dates and numbers in the interface."""
    return QLocale(QLocale.Language.Vietnamese, QLocale.Country.Vietnam) if _language == "vi" \
        else QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom)


def install(language: str) -> None:
    """Switch the interface and the service errors to ``language`` (``vi`` or ``en``)."""
    global _language, _installs
    _installs += 1
    app = QCoreApplication.instance()
    for old in _translators:
        if app is not None:
            app.removeTranslator(old)
    _translators.clear()
    _language = "en" if language.startswith("en") else "vi"
    errors.set_language(_language)
    QLocale.setDefault(locale())
    if _language == "vi" and app is not None:
        folder = str(resource("translations"))
        for name in (CATALOG, "qtbase_vi"):
            translator = QTranslator(app)
            if translator.load(name, folder):
                app.installTranslator(translator)
                _translators.append(translator)
            elif name == CATALOG:
                logger.warning("Translation %s not found in %s", name, folder)
