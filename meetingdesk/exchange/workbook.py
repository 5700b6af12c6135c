"""Reading XLSX workbooks with openpyxl in read-only mode, after the archive has been checked
by :mod:`~meetingdesk.exchange.zipguard` and with XML parsed by defusedxml (entity expansion,
external entities and DTDs refused)."""

from __future__ import annotations

import logging
import warnings
import zipfile
from collections.abc import Iterator
from datetime import date, datetime, time
from pathlib import Path
from xml.etree.ElementTree import ParseError

import openpyxl
from defusedxml import DefusedXmlException

from meetingdesk.domain.text import nfc
from meetingdesk.exchange.errors import HostileFileError, UnreadableFileError
from meetingdesk.exchange.limits import MAX_COLUMNS
from meetingdesk.exchange.table import Table, build_table
from meetingdesk.exchange.zipguard import check_archive

logger = logging.getLogger(__name__)


def cell_text(value: object) -> str:
    """A cell's value as the text a person would read in it."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime):
        return value.isoformat(sep=" ", timespec="minutes") if value.time() != time() \
            else value.date().isoformat()
    if isinstance(value, date | time):
        return value.isoformat()
    return nfc(str(value))


def _rows(ws: object) -> Iterator[tuple[int, list[str]]]:
    for line, values in enumerate(ws.iter_rows(values_only=True), start=1):  # type: ignore[attr-defined]
        yield line, [cell_text(v) for v in values[:MAX_COLUMNS + 1]]


def read_workbook_table(path: Path, sheet: str | None = None) -> Table:
    """The first sheet (or ``sheet``) of an XLSX file as a :class:`Table`."""
    name = path.name
    if not openpyxl.DEFUSEDXML:
        raise UnreadableFileError("workbook.no_defusedxml")
    check_archive(path, forbid_dtd=True)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            wb = openpyxl.load_workbook(path, read_only=True, data_only=True)
        try:
            ws = wb[sheet] if sheet else wb.worksheets[0]
            ws.reset_dimensions()
            return build_table(name, _rows(ws), sheet=ws.title)
        finally:
            wb.close()
    except DefusedXmlException as exc:
        raise HostileFileError("workbook.refused_safety_xml_entities", name=name, exc=exc) from None
    except KeyError as exc:
        raise UnreadableFileError("workbook.no_sheet", name=name,
                                  exc=exc) from None
    except (ParseError, SyntaxError, zipfile.BadZipFile, ValueError, TypeError, IndexError,
            OSError) as exc:
        logger.info("Unreadable workbook %s: %r", path, exc)
        raise UnreadableFileError("workbook.not_xlsx", name=name,
                                  error_type=type(exc).__name__, exc=exc) from None
