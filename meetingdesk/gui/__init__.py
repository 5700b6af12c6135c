"""The PySide6 interface: the only package that imports Qt."""

from meetingdesk.gui.pyside_guard import guard

guard()
