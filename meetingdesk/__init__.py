"""MeetingDesk: meeting management and official minutes for online multi-site conferences."""

__version__ = "0.1.0"
