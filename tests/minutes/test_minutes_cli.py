"""``meetingdesk minutes``: both profiles, the final version of a frozen meeting, and an
atomic write — an error never leaves a file, whole or half."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

import pytest
from conftest import body_text, squeeze

from meetingdesk import cli
from meetingdesk.services import files, minutes_versions
from meetingdesk.store.desk import open_desk


@pytest.fixture
def demo_db(tmp_path: Path) -> Path:
    db = tmp_path / "d.db"
    assert cli.main(["demo", "--no-gui", "--db", str(db)]) == 0
    return db


@pytest.mark.parametrize(("profile", "nation"), [("state", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"),
                                                 ("party", "ĐẢNG CỘNG SẢN VIỆT NAM")])
def test_minutes_cli_writes_the_pdf(demo_db: Path, tmp_path: Path, profile: str,
                                    nation: str) -> None:
    out = tmp_path / "m.pdf"
    assert cli.main(["minutes", "1", "--db", str(demo_db), "-o", str(out),
                     "--profile", profile]) == 0
    text = squeeze(body_text(out.read_bytes()))
    for wanted in (nation, "BIÊN BẢN", "Thái Nguyên", "Phạm Hoàng Sơn",
                   "Phó Bí thư Thường trực Tỉnh ủy", "96-QĐ/TW"):
        assert squeeze(wanted) in text
    assert sorted(p.name for p in tmp_path.iterdir() if p.suffix == ".tmp") == []
    with open_desk(demo_db) as desk:
        (version,) = minutes_versions.list_versions(desk, 1)
        assert version.profile.value == profile
        assert version.sha256 == hashlib.sha256(out.read_bytes()).hexdigest()


def test_minutes_cli_unknown_meeting_leaves_no_file(demo_db: Path, tmp_path: Path,
                                                    capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "m.pdf"
    assert cli.main(["minutes", "99", "--db", str(demo_db), "-o", str(out)]) == 1
    assert not out.exists()
    assert "99" in capsys.readouterr().err


def test_minutes_cli_failed_write_leaves_no_half_file(demo_db: Path, tmp_path: Path,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    def broken_replace(src: str, dst: str) -> None:
        raise OSError(28, "No space left on device")

    before = set(tmp_path.iterdir())
    monkeypatch.setattr(files.os, "replace", broken_replace)
    out = tmp_path / "m.pdf"
    assert cli.main(["minutes", "1", "--db", str(demo_db), "-o", str(out)]) == 1
    assert set(tmp_path.iterdir()) == before

    out.write_bytes(b"the previous minutes")
    assert cli.main(["minutes", "1", "--db", str(demo_db), "-o", str(out)]) == 1
    assert out.read_bytes() == b"the previous minutes"
    assert set(tmp_path.iterdir()) == before | {out}


def test_minutes_cli_missing_folder_is_one_clear_error(demo_db: Path, tmp_path: Path,
                                                       capsys: pytest.CaptureFixture[str]
                                                       ) -> None:
    out = tmp_path / "no" / "such" / "m.pdf"
    assert cli.main(["minutes", "1", "--db", str(demo_db), "-o", str(out)]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "Traceback" not in err
    assert not out.parent.exists()


def test_minutes_cli_final_meeting_gets_its_final_version(demo_db: Path,
                                                          tmp_path: Path) -> None:
    first = tmp_path / "first.pdf"
    assert cli.main(["minutes", "1", "--db", str(demo_db), "-o", str(first)]) == 0
    with open_desk(demo_db) as desk:
        (version,) = minutes_versions.list_versions(desk, 1)
        minutes_versions.mark_final(desk, version.id or 0)
    again = tmp_path / "again.pdf"
    assert cli.main(["minutes", "1", "--db", str(demo_db), "-o", str(again),
                     "--profile", "state"]) == 0
    assert again.read_bytes() == first.read_bytes()
    assert os.stat(again).st_size == version.size
