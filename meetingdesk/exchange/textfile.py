"""Reading CSV and tab-separated text (Excel's "Unicode text") in any supported encoding,
streaming, so a huge file is refused at the row limit instead of being loaded."""

from __future__ import annotations

import codecs
import csv
import io
from collections.abc import Iterator
from pathlib import Path

from meetingdesk.domain.text import nfc
from meetingdesk.exchange import encodings
from meetingdesk.exchange.errors import HostileFileError, UnreadableFileError
from meetingdesk.exchange.limits import MAX_TEXT_FILE_BYTES
from meetingdesk.exchange.table import Table, build_table

_DELIMITERS = (",", ";", "\t", "|")


def _delimiter(text: str) -> str:
    """The delimiter that splits the first lines into the most consistent columns."""
    lines = [ln for ln in text.splitlines()[:20] if ln.strip()]
    if not lines:
        return ","
    best, best_score = ",", (-1, -1)
    for delim in _DELIMITERS:
        try:
            counts = [len(r) for r in csv.reader(lines, delimiter=delim)]
        except csv.Error:
            continue
        width = max(counts)
        score = (sum(1 for c in counts if c == width) if width > 1 else 0, width)
        if score > best_score:
            best, best_score = delim, score
    return best


def _rows(reader: Iterator[list[str]], name: str) -> Iterator[tuple[int, list[str]]]:
    line = 0
    try:
        for line, cells in enumerate(reader, start=1):
            yield line, [nfc(c) for c in cells]
    except csv.Error as exc:
        raise HostileFileError("textfile.refused_line_cell_too", name=name, line=line + 1,
                               exc=exc) from None
    except UnicodeDecodeError as exc:
        raise UnreadableFileError("textfile.byte_invalid_line_choose", name=name,
                                  encoding=exc.encoding, line=line + 1) from None


def read_text_table(path: Path, encoding: str | None = None) -> Table:
    """Read a CSV/TSV file into a :class:`Table`, detecting its encoding unless given."""
    name = path.name
    size = path.stat().st_size
    if size > MAX_TEXT_FILE_BYTES:
        raise HostileFileError("textfile.too_large_mb_most", name=name, size=size / 1048576,
                               limit=MAX_TEXT_FILE_BYTES // 1048576)
    with path.open("rb") as raw:
        sample = raw.read(encodings.SAMPLE_BYTES)
        complete = len(sample) < encodings.SAMPLE_BYTES
        if encoding:
            codec = encodings.normalise_choice(encoding)
            encodings.check_choice(sample, codec, name)
        else:
            codec = encodings.detect(sample, name, complete=complete)
        head = codecs.getincrementaldecoder(codec)(errors="replace").decode(sample[:65536])
        raw.seek(0)
        text = io.TextIOWrapper(raw, encoding=codec, errors="strict", newline="")
        reader = csv.reader(text, delimiter=_delimiter(head))
        return build_table(name, _rows(reader, name), encoding=codec)
