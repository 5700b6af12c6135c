"""Fixtures of the signing tests: a test PKI (made once per session), signature and seal
images, and a demo desk whose minutes are final."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from PIL import Image, ImageDraw

HERE = Path(__file__).resolve().parent
if str(HERE) not in sys.path:
    sys.path.insert(0, str(HERE))

from certs import Pki  # noqa: E402

from meetingdesk.minutes.generate import generate_minutes  # noqa: E402
from meetingdesk.services import minutes_versions  # noqa: E402
from meetingdesk.services.demo import build_demo  # noqa: E402
from meetingdesk.store.desk import Desk, open_desk  # noqa: E402


@pytest.fixture(scope="session")
def pki(tmp_path_factory: pytest.TempPathFactory) -> Pki:
    return Pki(tmp_path_factory.mktemp("pki"))


@pytest.fixture(scope="session")
def images(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """A blue handwritten-like signature and a red round seal, PNG on transparent ground."""
    folder = tmp_path_factory.mktemp("images")
    signature = Image.new("RGBA", (600, 200), (0, 0, 0, 0))
    ImageDraw.Draw(signature).line([(20, 150), (200, 40), (300, 160), (450, 50), (580, 120)],
                                   fill=(20, 40, 200, 255), width=8)
    seal = Image.new("RGBA", (400, 400), (0, 0, 0, 0))
    draw = ImageDraw.Draw(seal)
    draw.ellipse([10, 10, 390, 390], outline=(220, 0, 0, 255), width=18)
    draw.ellipse([80, 80, 320, 320], outline=(220, 0, 0, 255), width=8)
    signature.save(folder / "signature.png")
    seal.save(folder / "seal.png")
    return folder / "signature.png", folder / "seal.png"


def make_final(desk: Desk) -> int:
    """Build the demo meeting, generate its minutes (its issuer's profile) and mark them final;
    the meeting id."""
    meeting = build_demo(desk)
    assert meeting.id is not None
    version, _ = generate_minutes(desk, meeting.id)
    assert version.id is not None
    minutes_versions.mark_final(desk, version.id)
    return meeting.id


@pytest.fixture
def final_desk(tmp_path: Path) -> Iterator[tuple[Desk, int]]:
    with open_desk(tmp_path / "desk.db") as desk:
        yield desk, make_final(desk)


@pytest.fixture(scope="module")
def final_pdf(tmp_path_factory: pytest.TempPathFactory) -> bytes:
    """The demo's final minutes, unsigned."""
    with open_desk(tmp_path_factory.mktemp("final") / "desk.db") as desk:
        meeting_id = make_final(desk)
        version = minutes_versions.final_version(desk, meeting_id)
        return minutes_versions.version_pdf(desk, version.id or 0)
