"""Reading ZIP archives (XLSX files and exchange packages) without trusting them.

Never ``extractall``: members are read one at a time into memory, streaming, while the bytes
actually produced are counted — not the sizes the headers claim. An archive is refused when it
has more than :data:`~limits.MAX_MEMBERS` members, an absolute or ``..`` path, a backslash or
drive path, a symbolic link, more than :data:`~limits.MAX_UNCOMPRESSED_BYTES` decompressed, or
expands more than :data:`~limits.MAX_RATIO` times its compressed size.
"""

from __future__ import annotations

import stat
import zipfile
import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from meetingdesk.domain.messages import Message, message
from meetingdesk.exchange.errors import HostileFileError, UnreadableFileError
from meetingdesk.exchange.limits import (
    MAX_MEMBERS,
    MAX_RATIO,
    MAX_UNCOMPRESSED_BYTES,
    RATIO_FREE_BYTES,
)
from meetingdesk.services.files import refuse_plain_read

_CHUNK = 1 << 16


def _hostile(name: str, why: Message) -> HostileFileError:
    return HostileFileError("zipguard.refused_for_safety", name=name, why=why)


def _check_member_name(archive: str, info: zipfile.ZipInfo) -> None:
    name = info.filename
    path = PurePosixPath(name)
    unsafe = (name.startswith(("/", "\\")) or "\\" in name or ".." in path.parts
              or (len(name) > 1 and name[1] == ":") or "\x00" in name)
    if unsafe:
        raise _hostile(archive, message("zipguard.unsafe_member_path", name=name))
    mode = info.external_attr >> 16
    if stat.S_ISLNK(mode):
        raise _hostile(archive, message("zipguard.holds_symbolic_link", name=name))


@dataclass
class SafeZip:
    """An opened, checked archive whose members are read with :meth:`read`."""

    name: str
    zf: zipfile.ZipFile
    total_read: int = 0
    total_compressed: int = 0
    members: dict[str, zipfile.ZipInfo] = field(default_factory=dict)
    last_head: bytes = b""
    """The first bytes of the member read last (kept even when its data is not)."""

    def read(self, member: str, *, keep: bool = True) -> bytes:
        """A member's bytes, counted against the archive's limits while decompressing
        (``keep=False`` only checks it and returns nothing)."""
        info = self.members.get(member)
        if info is None:
            raise KeyError(member)
        parts: list[bytes] = []
        self.last_head = b""
        try:
            self._stream(member, info, keep, parts)
        except (zipfile.BadZipFile, zlib.error, EOFError, OSError, NotImplementedError,
                RuntimeError) as exc:
            raise HostileFileError("zipguard.damaged_member", name=self.name,
                                   member=member, exc=exc) from None
        self.total_compressed += info.compress_size
        if (self.total_read > RATIO_FREE_BYTES
                and self.total_read > MAX_RATIO * max(1, self.total_compressed)):
            raise _hostile(self.name, message("zipguard.expands_more_times_zip",
                                              limit=MAX_RATIO))
        return b"".join(parts)

    def _stream(self, member: str, info: zipfile.ZipInfo, keep: bool,
                parts: list[bytes]) -> None:
        allowed = max(RATIO_FREE_BYTES, info.compress_size * MAX_RATIO)
        produced = 0
        with self.zf.open(info) as f:
            while chunk := f.read(_CHUNK):
                if not self.last_head:
                    self.last_head = chunk[:4096]
                produced += len(chunk)
                self.total_read += len(chunk)
                if self.total_read > MAX_UNCOMPRESSED_BYTES:
                    limit = f"{MAX_UNCOMPRESSED_BYTES / 1048576:g} MB"
                    raise _hostile(self.name, message("zipguard.expands_beyond", limit=limit))
                if produced > allowed:
                    raise _hostile(self.name, message("zipguard.member_expands_more_times",
                                                      member=member, limit=MAX_RATIO))
                if keep:
                    parts.append(chunk)


@contextmanager
def open_zip(path: Path) -> Iterator[SafeZip]:
    """Open ``path`` as a ZIP archive and check its directory (names, links, member count)."""
    name = path.name
    refuse_plain_read(path)
    try:
        zf = zipfile.ZipFile(path)
    except FileNotFoundError:
        raise UnreadableFileError("zipguard.file_missing", path=path) from None
    except IsADirectoryError:
        raise UnreadableFileError("zipguard.is_folder", path=path) from None
    except OSError as exc:  # a folder, a file this user may not read
        raise UnreadableFileError("zipguard.file_unreadable", name=name,
                                  reason=exc.strerror or exc) from None
    except (zipfile.BadZipFile, ValueError) as exc:
        raise HostileFileError("zipguard.not_a_zip", name=name, exc=exc) from None
    with zf:
        infos = zf.infolist()
        if len(infos) > MAX_MEMBERS:
            raise _hostile(name, message("zipguard.members_most", count=len(infos),
                                         limit=MAX_MEMBERS))
        members: dict[str, zipfile.ZipInfo] = {}
        for info in infos:
            _check_member_name(name, info)
            if info.filename in members:
                raise _hostile(name, message("zipguard.member_appears_twice",
                                             filename=info.filename))
            members[info.filename] = info
        yield SafeZip(name, zf, members=members)


def check_archive(path: Path, *, forbid_dtd: bool = False) -> None:
    """Read every member of ``path`` once, streaming, so a bomb is refused before any use.

    ``forbid_dtd`` also refuses an XML member with a DOCTYPE or ENTITY declaration in its
    prolog (no genuine XLSX part has one: that is the shape of XML bombs and external-entity
    attacks, refused here whichever XML parser openpyxl ends up using)."""
    with open_zip(path) as z:
        for member, info in z.members.items():
            if info.is_dir():
                continue
            z.read(member, keep=False)
            if forbid_dtd and (b"<!DOCTYPE" in z.last_head or b"<!ENTITY" in z.last_head):
                raise _hostile(z.name, message("zipguard.declares_xml_dtd_entities", member=member))
