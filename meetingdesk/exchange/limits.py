"""Limits that keep a hostile or mistaken file from exhausting the machine.

A real delegate list has hundreds or a few thousand rows; the limits leave a wide margin above
that and refuse the rest quickly, while streaming.
"""

from __future__ import annotations

MAX_ROWS = 100_000
"""Data rows in one imported table."""

MAX_LINES = 2 * MAX_ROWS
"""Rows read in all, empty ones included (a sheet of a million formatted empty rows)."""

MAX_COLUMNS = 200
MAX_CELL_CHARS = 32_767
"""Characters in one cell: Excel's own limit."""

MAX_TEXT_FILE_BYTES = 64 * 1024 * 1024
"""Size of a CSV/TSV file."""

MAX_MEMBERS = 1_000
"""Members of a ZIP archive (XLSX or exchange package)."""

MAX_UNCOMPRESSED_BYTES = 200 * 1024 * 1024
"""Bytes actually decompressed from one archive, all members together."""

MAX_RATIO = 100
"""Decompressed bytes per compressed byte, over the archive and per large member."""

RATIO_FREE_BYTES = 1024 * 1024
"""A member may expand beyond MAX_RATIO up to this many bytes (tiny, repetitive XML parts)."""

HEADER_SCAN_ROWS = 30
"""Rows searched for the header row (title rows come first in many lists)."""
