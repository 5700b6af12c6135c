"""Shared fixtures. Qt runs offscreen unless a platform is chosen explicitly; the user data
folder is a temporary one of the run."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("MEETINGDESK_LANG", "vi")
# the user's data folder (the machine's replica marks, the default desk): the run's own
os.environ["XDG_DATA_HOME"] = tempfile.mkdtemp(prefix="meetingdesk-tests-data-")

import pytest

from meetingdesk.store.desk import Desk, open_desk


@pytest.fixture
def desk_path(tmp_path: Path) -> Path:
    return tmp_path / "desk.db"


@pytest.fixture
def desk(desk_path: Path) -> Iterator[Desk]:
    with open_desk(desk_path) as d:
        yield d


@pytest.fixture
def demo_desk(desk: Desk) -> Desk:
    from meetingdesk.services.demo import build_demo

    build_demo(desk)
    return desk
