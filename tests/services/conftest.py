"""Helpers for the service tests: a meeting to work on, error wording, unchanged desks."""

from __future__ import annotations

import shutil
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager
from pathlib import Path
from typing import Any

import pytest

from meetingdesk.domain.errors import MeetingDeskError, set_language
from meetingdesk.domain.records import Meeting
from meetingdesk.services import meetings
from meetingdesk.services.demo import build_demo
from meetingdesk.store.desk import Desk, open_desk


@pytest.fixture(scope="session")
def _new_desk_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("new") / "desk.db"
    open_desk(path).close()
    return path


@pytest.fixture
def desk(_new_desk_file: Path, desk_path: Path) -> Iterator[Desk]:
    """A new desk, copied from one made once per session: migrating every time is slow."""
    shutil.copyfile(_new_desk_file, desk_path)
    with open_desk(desk_path) as d:
        yield d


@pytest.fixture
def meeting(desk: Desk) -> Meeting:
    return meetings.create_meeting(desk, title="Hội nghị giao ban trực tuyến quý 1")


@pytest.fixture
def meeting_id(meeting: Meeting) -> int:
    assert meeting.id is not None
    return meeting.id


def _contents(desk: Desk) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of every table, the search index included (with its rowids)."""
    db = desk.db
    contents = {t: sorted(db.execute(f"SELECT * FROM [{t}]").fetchall(), key=repr)
                for t in db.table_names() if not t.startswith("search_index")}
    contents["search_index"] = db.execute(
        "SELECT rowid, * FROM search_index ORDER BY rowid").fetchall()
    return contents


@pytest.fixture
def unchanged(desk: Desk) -> Callable[[], AbstractContextManager[None]]:
    """``with unchanged(): ...`` asserts the block leaves every table (and the index) as it was."""

    @contextmanager
    def check() -> Iterator[None]:
        before = _contents(desk)
        yield
        assert _contents(desk) == before

    return check


@pytest.fixture
def says() -> Callable[[MeetingDeskError, str, str], None]:
    """Check an error reads as a Vietnamese sentence, and in English after set_language."""

    def check(error: MeetingDeskError, vi: str, en: str) -> None:
        text = str(error)
        assert vi in text, text
        assert text[0].isupper() and text.rstrip().endswith((".", "?")), text
        set_language("en")
        try:
            english = str(error)
            assert en in english, english
            assert english != text
        finally:
            set_language("vi")

    return check


@pytest.fixture(scope="session")
def _demo_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("demo") / "demo.db"
    with open_desk(path) as desk:
        build_demo(desk)
    return path


@pytest.fixture
def demo_copy(_demo_file: Path, tmp_path: Path) -> Iterator[Desk]:
    """A private copy of the demo desk, built once per session (the demo takes a while)."""
    path = tmp_path / "demo.db"
    shutil.copyfile(_demo_file, path)
    with open_desk(path) as desk:
        yield desk
