"""The Qt interface. Importing it loads the Qt-free layers the window uses, then applies the
work-arounds the pinned PySide6 needs (see :mod:`meetingdesk.gui.pyside_fixes`) before any
window exists.

Python's automatic garbage collector is switched off first: the program never runs it (a
timer collects in the GUI thread, see :mod:`meetingdesk.gui.collector`), and off from here
rather than from the moment the application object exists, the start does not spend 20–25 ms
in some ninety collections of the objects the imports make, which are not garbage.

The layers below come first because PySide6 reads the source of every module imported after
it (its ``__feature__`` import hook looks for the word "PySide6" in each): for the two hundred
modules of the services, the store, the domain and sqlite-utils that cost about 60 ms of every
start. ``tests/gui/test_startup.py`` fails when a Qt-free module of the project that the
window loads at start comes after PySide6: add its service here.
"""
# ruff: noqa: E402 (the collector is switched off before the imports)

import gc

gc.disable()

import meetingdesk.domain.matching
import meetingdesk.domain.when
import meetingdesk.paths
import meetingdesk.services.changes
import meetingdesk.services.desk_checks
import meetingdesk.services.directory
import meetingdesk.services.drafts
import meetingdesk.services.history
import meetingdesk.services.meeting_log
import meetingdesk.services.meetings
import meetingdesk.services.notes
import meetingdesk.services.organization
import meetingdesk.services.participation
import meetingdesk.services.session
import meetingdesk.services.signers
import meetingdesk.services.upkeep  # noqa: F401
from meetingdesk.gui import pyside_fixes

pyside_fixes.install()
