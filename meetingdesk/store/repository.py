"""A small generic repository: one table, one record type."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any, Generic, TypeVar

from meetingdesk.domain.errors import NotFoundError
from meetingdesk.domain.messages import Message
from meetingdesk.store.reads import Reads
from meetingdesk.store.rows import field_names, record_maker, to_row, values_to_row
from meetingdesk.store.sealing import seal_before_delete

if TYPE_CHECKING:
    from sqlite_utils import Database

T = TypeVar("T")


class Repository(Generic[T]):
    """CRUD for one table whose columns are the fields of ``cls`` (less ``virtual`` ones)."""

    def __init__(self, table: str, cls: type[T], what: Message,
                 virtual: frozenset[str] = frozenset(),
                 order: tuple[str, ...] = ("id",)) -> None:
        self.table = table
        self.cls = cls
        self.what = what
        """What one record is called in messages ("điểm cầu", "site")."""
        self.virtual = virtual
        self.columns = [f for f in field_names(cls) if f not in virtual]
        self._select = ", ".join(f"[{c}]" for c in self.columns)
        self._make = record_maker(cls, self.columns)
        #: The table's natural order (column names), used by :meth:`of_meeting`.
        self.order = self._order_by(order)

    def missing(self, record_id: object) -> NotFoundError:
        return NotFoundError("repository.not_found", what=self.what, record_id=record_id)

    @contextmanager
    def _links_checked(self) -> Iterator[None]:
        """Report a link to a record that does not exist (a foreign key) as not found."""
        try:
            yield
        except sqlite3.IntegrityError as exc:
            if getattr(exc, "sqlite_errorname", None) != "SQLITE_CONSTRAINT_FOREIGNKEY":
                raise
            raise NotFoundError("repository.link_gone", what=self.what) from None

    def get(self, db: Reads, record_id: int) -> T:
        found = self._find(db, "id = ?", [record_id], order_by=None)
        if not found:
            raise self.missing(record_id)
        return found[0]

    def exists(self, db: Reads, record_id: int) -> bool:
        sql = f"SELECT 1 FROM [{self.table}] WHERE id = ?"
        return db.execute(sql, [record_id]).fetchone() is not None

    def _column(self, name: str) -> str:
        if name not in self.columns:
            raise ValueError(f"{self.table} has no column {name!r}")
        return f"[{name}]"

    def _order_by(self, order: Sequence[str]) -> str:
        """``ORDER BY`` text for column names, each optionally suffixed with ``" DESC"``."""
        if isinstance(order, str):
            raise TypeError("order is a sequence of column names, not a string")
        parts = []
        for item in order:
            name, _, direction = item.partition(" ")
            if direction not in ("", "DESC"):
                raise ValueError(f"bad order {item!r}")
            parts.append(f"{self._column(name)}{' DESC' if direction else ''}")
        return ", ".join(parts)

    def _find(self, db: Reads, where: str | None = None, params: Sequence[Any] = (),
              order_by: str | None = "id") -> list[T]:
        """Records matching an SQL ``where`` (store modules only; services use the named
        methods below)."""
        # plain SQL: sqlite-utils' rows_where and get look the table and its columns up in
        # the schema first, more than ten times the cost of reading one record
        sql = (f"SELECT {self._select} FROM [{self.table}]"
               + (f" WHERE {where}" if where else "")
               + (f" ORDER BY {order_by}" if order_by else ""))
        return self._records(db, db.execute(sql, list(params)).fetchall())

    def _records(self, db: Reads, rows: Sequence[Sequence[Any]]) -> list[T]:
        """The records of rows of values (in :attr:`columns` order)."""
        return [self._make(row) for row in rows]

    def where(self, db: Reads, *, order: Sequence[str] = ("id",), **equals: Any) -> list[T]:
        """Records whose columns equal the given values (SQL ``=``: ``None`` matches nothing),
        ordered by the column names in ``order`` (each may end with ``" DESC"``)."""
        sql = " AND ".join(f"{self._column(c)} = ?" for c in equals) or None
        return self._find(db, sql, list(equals.values()), order_by=self._order_by(order))

    def all(self, db: Reads, *, order: Sequence[str] = ("id",)) -> list[T]:
        """Every record, ordered by ``order`` (by id unless told)."""
        return self.where(db, order=order)

    def of_meeting(self, db: Reads, meeting_id: int) -> list[T]:
        """A meeting's records in the table's natural order (e.g. position, id)."""
        return self._find(db, f"{self._column('meeting_id')} = ?", [meeting_id],
                          order_by=self.order)

    def insert(self, db: Database, record: T) -> T:
        row = to_row(record, skip=self.virtual)
        table = db[self.table]
        with self._links_checked():
            table.insert(row)  # type: ignore[union-attr]
        return self.get(db, table.last_pk)  # type: ignore[union-attr]

    def update(self, db: Database, record_id: int, values: dict[str, Any]) -> T:
        if not self.exists(db, record_id):
            raise self.missing(record_id)
        if values:
            # plain SQL, as :meth:`_find`: sqlite-utils' update reads the record and looks
            # its table's keys up in the schema twice first (half the cost of a roll-call key)
            row = values_to_row(self.cls, values)
            sets = ", ".join(f"{self._column(c)} = ?" for c in row)
            with self._links_checked():
                db.execute(f"UPDATE [{self.table}] SET {sets} WHERE id = ?",
                           [*row.values(), record_id])
        return self.get(db, record_id)

    def delete(self, db: Database, record_id: int) -> None:
        if not self.exists(db, record_id):
            raise self.missing(record_id)
        seal_before_delete(db, self.table)
        db.execute(f"DELETE FROM [{self.table}] WHERE id = ?", [record_id])

    def next_position(self, db: Reads, scope_column: str, scope_id: int) -> int:
        sql = f"SELECT coalesce(max(position), 0) + 1 FROM [{self.table}] WHERE {scope_column} = ?"
        return int(db.execute(sql, [scope_id]).fetchone()[0])

    def ids_in_order(self, db: Reads, scope_column: str, scope_id: int) -> list[int]:
        sql = f"SELECT id FROM [{self.table}] WHERE {scope_column} = ? ORDER BY position, id"
        return [r[0] for r in db.execute(sql, [scope_id])]

    def set_order(self, db: Database, ids: Sequence[int]) -> None:
        db.conn.executemany(
            f"UPDATE [{self.table}] SET position = ? WHERE id = ?",
            [(i + 1, record_id) for i, record_id in enumerate(ids)],
        )
