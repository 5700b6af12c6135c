"""The exchange commands of the CLI: import, export, export-package, import-package."""

from __future__ import annotations

from pathlib import Path

import pytest
from exchange_builders import delegate_workbook

from meetingdesk.cli import main


@pytest.fixture
def demo_db(tmp_path: Path) -> Path:
    path = tmp_path / "d.db"
    assert main(["demo", "--no-gui", "--db", str(path)]) == 0
    return path


def test_cli_import_dry_run_then_import_then_nothing_new(
        demo_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = delegate_workbook(tmp_path / "ds.xlsx")
    assert main(["import", str(path), "--db", str(demo_db), "--meeting", "1",
                 "--dry-run"]) == 0
    out = capsys.readouterr().out
    assert "Sẽ thêm 3, cập nhật 1, bỏ qua 0" in out and "Chạy thử" in out
    assert main(["import", str(path), "--db", str(demo_db), "--meeting", "1", "-q"]) == 0
    assert "Đã nhập: thêm 3, cập nhật 1" in capsys.readouterr().out
    assert main(["import", str(path), "--db", str(demo_db), "--meeting", "1", "-q"]) == 0
    assert "thêm 0, cập nhật 0, bỏ qua 4" in capsys.readouterr().out


def test_cli_import_bad_file_is_one_line_and_exit_1(
        demo_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "bad.csv"
    path.write_bytes(bytes(range(128, 256)) * 20)
    assert main(["import", str(path), "--db", str(demo_db), "--meeting", "1"]) == 1
    err = capsys.readouterr().err
    assert err.startswith("meetingdesk: ") and err.count("\n") == 1 and "--encoding" in err


def test_cli_import_with_corrected_mapping_and_encoding(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from exchange_builders import tcvn3_encode

    path = tmp_path / "old.csv"
    path.write_bytes(tcvn3_encode("Người,Việc\nPhạm Hoàng Sơn,Chủ tịch HĐND tỉnh\n"))
    db = tmp_path / "new.db"
    assert main(["import", str(path), "--db", str(db), "--encoding", "tcvn3",
                 "--map", "full_name=1,titles=Việc"]) == 0
    assert "thêm 1" in capsys.readouterr().out
    assert main(["search", "pham hoang son", "--db", str(db)]) == 0
    assert "Phạm Hoàng Sơn" in capsys.readouterr().out


def test_cli_export_and_packages_round_trip(demo_db: Path, tmp_path: Path,
                                            capsys: pytest.CaptureFixture[str]) -> None:
    xlsx, pkg, fresh = tmp_path / "tp.xlsx", tmp_path / "tn.mdpkg", tmp_path / "fresh.db"
    assert main(["export", "1", "--db", str(demo_db), "-o", str(xlsx)]) == 0
    assert main(["export", "1", "--what", "sites", "--db", str(demo_db),
                 "-o", str(tmp_path / "s.csv")]) == 0
    assert main(["export-package", "1", "--site", "Thái Nguyên", "--db", str(demo_db),
                 "-o", str(pkg)]) == 0
    assert main(["import-package", str(pkg), "--db", str(fresh), "--dry-run"]) == 1
    assert "Không tìm thấy" in capsys.readouterr().err
    assert main(["import-package", str(pkg), "--db", str(fresh)]) == 0
    assert "mới 13" in capsys.readouterr().out
    assert main(["import-package", str(pkg), "--db", str(fresh), "--dry-run"]) == 0
    out = capsys.readouterr().out
    assert "mới 0" in out and "không đổi 13" in out and "Chạy thử" in out


def test_cli_import_package_refuses_a_hostile_file_without_creating_a_desk(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from exchange_builders import zip_with

    evil = zip_with(tmp_path / "evil.mdpkg", {"../x": b"x"})
    assert main(["import-package", str(evil), "--db", str(tmp_path / "never.db")]) == 1
    assert ".." in capsys.readouterr().err
    assert not (tmp_path / "never.db").exists()


def test_cli_minutes_docx(demo_db: Path, tmp_path: Path) -> None:
    out = tmp_path / "bb.docx"
    assert main(["minutes-docx", "1", "--db", str(demo_db), "-o", str(out),
                 "--profile", "state"]) == 0
    assert out.read_bytes().startswith(b"PK")


def test_cli_import_package_dry_run_with_a_malformed_manifest_is_one_line(
        demo_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    import json
    import zipfile

    pkg, bad = tmp_path / "tn.mdpkg", tmp_path / "bad.mdpkg"
    assert main(["export-package", "1", "--site", "Thái Nguyên", "--db", str(demo_db),
                 "-o", str(pkg)]) == 0
    capsys.readouterr()
    with zipfile.ZipFile(pkg) as zf, zipfile.ZipFile(bad, "w") as out:
        manifest = json.loads(zf.read("manifest.json"))
        out.writestr("manifest.json", json.dumps({**manifest, "meeting": "oops"}))
        out.writestr("records.json", zf.read("records.json"))
    assert main(["import-package", str(bad), "--db", str(demo_db), "--dry-run"]) == 1
    err = capsys.readouterr().err
    assert err.startswith("meetingdesk: ") and err.count("\n") == 1 and "bị từ chối" in err


@pytest.mark.parametrize(("command", "name"), [
    (["export", "1"], "x.csv"),
    (["export", "1", "--what", "sites"], "x.xlsx"),
    (["export-package", "1"], "x.mdpkg"),
    (["export-package", "1", "--site", "Thái Nguyên"], "x.mdpkg"),
])
def test_cli_export_into_a_missing_folder_is_one_line_and_leaves_nothing(
        demo_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str],
        command: list[str], name: str) -> None:
    out = tmp_path / "nowhere" / name
    assert main([*command, "--db", str(demo_db), "-o", str(out)]) == 1
    err = capsys.readouterr().err
    assert err.startswith("meetingdesk: ") and err.count("\n") == 1 and "Không ghi được" in err
    assert not out.parent.exists()


@pytest.mark.parametrize("command", [["export", "1"], ["export-package", "1"]])
def test_cli_export_failing_midway_keeps_the_previous_file_and_leaves_no_partial(
        demo_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch, command: list[str]) -> None:
    from meetingdesk.services import files

    def broken_replace(src: object, dst: object) -> None:
        raise OSError(28, "No space left on device")

    out = tmp_path / ("x.csv" if command[0] == "export" else "x.mdpkg")
    out.write_bytes(b"the previous file")
    before = set(tmp_path.iterdir())
    monkeypatch.setattr(files.os, "replace", broken_replace)
    assert main([*command, "--db", str(demo_db), "-o", str(out)]) == 1
    assert "ổ đĩa đã đầy" in capsys.readouterr().err  # the cause named, in the user's words
    assert out.read_bytes() == b"the previous file"
    # A command that only reads opens the desk read-only: SQLite leaves its (empty) -wal and
    # -shm beside the desk, which it may not delete; nothing else may be left.
    left = {p for p in tmp_path.iterdir() if p.name not in ("d.db-wal", "d.db-shm")}
    assert left == before
