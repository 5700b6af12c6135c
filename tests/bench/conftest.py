"""The bench desk at a tiny size, shared by the tests of this folder.

``bench`` is a folder of scripts at the top of the checkout, not an installed package: put the
checkout on the import path so the tests import it as ``bench``.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench.make_desk import build_bench_desk  # noqa: E402

TINY_MEETINGS = 3


@pytest.fixture(scope="module")
def tiny_bench_desk(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A bench desk of three meetings (300 attendances, 600 notes), built once per module."""
    return build_bench_desk(tmp_path_factory.mktemp("bench") / "bench.db", TINY_MEETINGS)
