"""``meetingdesk minutes``: both profiles, the final version of a frozen meeting, and an
atomic write — an error never leaves a file, whole or half."""

from __future__ import annotations

import hashlib
import os
from datetime import datetime
from pathlib import Path

import pytest
from conftest import body_text, squeeze

from meetingdesk import cli
from meetingdesk.domain.enums import MeetingStatus
from meetingdesk.services import directory, files, meetings, minutes_versions, participation
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


def test_minutes_cli_two_exports_of_unchanged_minutes_leave_one_version(
        demo_db: Path, tmp_path: Path) -> None:
    for name in ("a.pdf", "b.pdf"):
        assert cli.main(["minutes", "1", "--db", str(demo_db), "-o",
                         str(tmp_path / name)]) == 0
    assert (tmp_path / "a.pdf").read_bytes() == (tmp_path / "b.pdf").read_bytes()
    with open_desk(demo_db) as desk:
        assert len(minutes_versions.list_versions(desk, 1)) == 1


def test_minutes_cli_final_refuses_an_unfinished_meeting_with_the_full_list(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = tmp_path / "d.db"
    with open_desk(db) as desk:
        meeting = meetings.create_meeting(desk, title="Họp đang diễn ra",
                                          actual_start=datetime(2026, 1, 5, 8))
        site = directory.add_site(desk, name="Cao Bằng", code="CB")
        participation.add_meeting_site(desk, meeting_id=meeting.id or 0, site_id=site.id or 0,
                                       summoned=20)
    out = tmp_path / "m.pdf"
    assert cli.main(["minutes", str(meeting.id), "--db", str(db), "-o", str(out),
                     "--final"]) == 1
    err = capsys.readouterr().err.strip()
    assert err.count("\n") == 0
    for missing in ("chưa kết thúc", "chưa có số biên bản", "chưa có cơ quan ban hành",
                    "chưa có người ký thay mặt chủ trì", "chưa có thư ký ký biên bản",
                    "điểm cầu chưa báo cáo số có mặt: Cao Bằng"):
        assert missing in err
    assert not out.exists()
    with open_desk(db) as desk:
        assert minutes_versions.list_versions(desk, meeting.id or 0) == []


def test_minutes_cli_final_makes_the_demo_final(demo_db: Path, tmp_path: Path,
                                                capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "m.pdf"
    assert cli.main(["minutes", "1", "--db", str(demo_db), "-o", str(out), "--final"]) == 0
    assert "bản chính thức" in capsys.readouterr().out
    with open_desk(demo_db) as desk:
        (version,) = minutes_versions.list_versions(desk, 1)
        assert version.final
        assert meetings.get_meeting(desk, 1).status is MeetingStatus.FINAL
