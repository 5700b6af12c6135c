"""``meetingdesk sign`` and ``meetingdesk verify``: exit 0 only for an intact, valid, trusted
file; every refusal is one line, and a refused signing writes nothing."""

from __future__ import annotations

from pathlib import Path

import pytest
from certs import PASSWORD, Pki

from meetingdesk import cli
from meetingdesk.services import minutes_versions
from meetingdesk.store.desk import open_desk


@pytest.fixture
def final_db(tmp_path: Path) -> Path:
    db = tmp_path / "d.db"
    assert cli.main(["demo", "--no-gui", "--db", str(db)]) == 0
    assert cli.main(["minutes", "1", "--db", str(db), "-o", str(tmp_path / "m.pdf")]) == 0
    with open_desk(db) as desk:
        minutes_versions.mark_final(desk, minutes_versions.list_versions(desk, 1)[-1].id or 0)
    return db


def _sign(db: Path, out: Path, pki: Pki, *extra: str) -> int:
    return cli.main(["sign", "1", "--db", str(db), "-o", str(out), "--p12", str(pki.p12),
                     "--password-env", "MD_TEST_P12_PASSWORD", *extra])


@pytest.fixture(autouse=True)
def password(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MD_TEST_P12_PASSWORD", PASSWORD)


def test_signing_cli_sign_then_verify(final_db: Path, tmp_path: Path, pki: Pki,
                                      images: tuple[Path, Path],
                                      capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "signed.pdf"
    assert _sign(final_db, out, pki, "--image", str(images[0]), "--seal", str(images[1])) == 0
    assert "Đã ký số biên bản cuộc họp 1" in capsys.readouterr().out
    with open_desk(final_db) as desk:
        version = minutes_versions.final_version(desk, 1)
        assert minutes_versions.signed_pdf(desk, version.id or 0) == out.read_bytes()
    assert cli.main(["verify", str(out), "--trust", str(pki.ca_pem)]) == 0
    lines = capsys.readouterr().out.strip().splitlines()
    assert lines[0].startswith("Ký bởi Mai Văn Chính") and lines[-1].startswith("HỢP LỆ")


def test_signing_cli_verify_tampered_file_one_line(final_db: Path, tmp_path: Path, pki: Pki,
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "signed.pdf"
    assert _sign(final_db, out, pki) == 0
    data = bytearray(out.read_bytes())
    data[len(data) // 4] ^= 0x20
    tampered = tmp_path / "tampered.pdf"
    tampered.write_bytes(bytes(data))
    capsys.readouterr()
    assert cli.main(["verify", str(tampered), "--trust", str(pki.ca_pem)]) == 1
    captured = capsys.readouterr()
    assert len(captured.out.strip().splitlines()) == 1 and "KHÔNG HỢP LỆ" in captured.out


def test_signing_cli_verify_without_trust_is_not_valid(final_db: Path, tmp_path: Path,
                                                       pki: Pki) -> None:
    out = tmp_path / "signed.pdf"
    assert _sign(final_db, out, pki) == 0
    assert cli.main(["verify", str(out)]) == 1


def test_signing_cli_no_final_version_one_line(tmp_path: Path, pki: Pki,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    db = tmp_path / "d.db"
    assert cli.main(["demo", "--no-gui", "--db", str(db)]) == 0
    out = tmp_path / "signed.pdf"
    capsys.readouterr()
    assert _sign(db, out, pki) == 1
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1 and "chưa có bản biên bản đã chốt" in err
    assert not out.exists()


@pytest.mark.parametrize("case", ["wrong password", "missing variable", "not a PNG"])
def test_signing_cli_refusals_write_nothing(final_db: Path, tmp_path: Path, pki: Pki,
                                           monkeypatch: pytest.MonkeyPatch,
                                           capsys: pytest.CaptureFixture[str],
                                           case: str) -> None:
    extra: list[str] = []
    if case == "wrong password":
        monkeypatch.setenv("MD_TEST_P12_PASSWORD", "sai")
    elif case == "missing variable":
        monkeypatch.delenv("MD_TEST_P12_PASSWORD")
    else:
        fake = tmp_path / "chu-ky.png"
        fake.write_text("không phải ảnh")
        extra = ["--image", str(fake)]
    out = tmp_path / "signed.pdf"
    assert _sign(final_db, out, pki, *extra) == 1
    assert len(capsys.readouterr().err.strip().splitlines()) == 1
    assert not out.exists()
    with open_desk(final_db) as desk:
        assert minutes_versions.signed_pdf(
            desk, minutes_versions.final_version(desk, 1).id or 0) is None


def test_signing_cli_verify_bad_trust_file_one_line(final_db: Path, tmp_path: Path, pki: Pki,
                                                    capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "signed.pdf"
    assert _sign(final_db, out, pki) == 0
    bad = tmp_path / "root.pem"
    bad.write_text("-----BEGIN CERTIFICATE-----\nkhông phải\n-----END CERTIFICATE-----\n")
    capsys.readouterr()
    assert cli.main(["verify", str(out), "--trust", str(bad)]) == 1
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1 and "root.pem" in err


def test_signing_cli_verify_in_english(final_db: Path, tmp_path: Path, pki: Pki,
                                       monkeypatch: pytest.MonkeyPatch,
                                       capsys: pytest.CaptureFixture[str]) -> None:
    from meetingdesk.domain import messages

    out = tmp_path / "signed.pdf"
    assert _sign(final_db, out, pki) == 0
    capsys.readouterr()
    monkeypatch.setattr(messages, "_language", "en")
    assert cli.main(["verify", str(out), "--trust", str(pki.ca_pem)]) == 0
    assert capsys.readouterr().out.strip().splitlines()[-1].startswith("VALID — 1 signature")
