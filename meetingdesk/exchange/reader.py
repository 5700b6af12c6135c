"""``read_table``: any supported delegate/site list file as a :class:`Table`."""

from __future__ import annotations

from pathlib import Path

from meetingdesk.exchange.errors import UnreadableFileError
from meetingdesk.exchange.table import Table
from meetingdesk.exchange.textfile import read_text_table
from meetingdesk.exchange.workbook import read_workbook_table
from meetingdesk.services.files import refuse_plain_read

_ZIP = b"PK\x03\x04"
_OLE = b"\xd0\xcf\x11\xe0"


def read_table(path: str | Path, encoding: str | None = None, *,
               sheet: str | None = None) -> Table:
    """Read an XLSX, CSV or tab-separated file (recognised by content, not name).

    ``encoding`` applies to text files; ``None`` detects it. Raises only
    :class:`~meetingdesk.exchange.errors.ExchangeError` subclasses for bad files.
    """
    path = Path(path)
    refuse_plain_read(path)
    try:
        with path.open("rb") as f:
            magic = f.read(4)
    except OSError as exc:
        raise UnreadableFileError("reader.open", path=path, strerror=exc.strerror) from None
    if magic == _OLE:
        raise UnreadableFileError("reader.old_excel_file_xls", name=path.name)
    if magic == _ZIP:
        return read_workbook_table(path, sheet)
    return read_text_table(path, encoding)
