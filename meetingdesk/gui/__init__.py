"""The Qt interface. Importing it applies the work-arounds the pinned PySide6 needs (see
:mod:`meetingdesk.gui.pyside_fixes`) before any window exists."""

from meetingdesk.gui import pyside_fixes

pyside_fixes.install()
