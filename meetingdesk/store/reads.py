"""What a read needs of a desk: its SQL run on the desk's connection.

A read takes any handle with ``execute``: the desk's connection (``Desk.conn``), which the
services pass, or the sqlite-utils ``Database`` a transaction yields, so that a write reads on
its way. sqlite-utils is there for writing (its tables' API) and for migrations; reading does
not load it, so the window's start, which only reads, is spared its import (a tenth of the
start).
"""

from __future__ import annotations

import sqlite3
from typing import Any, Protocol


class Reads(Protocol):
    """A desk's connection, or the sqlite-utils ``Database`` around it."""

    def execute(self, sql: str, parameters: Any = ..., /) -> sqlite3.Cursor: ...
