"""Signing through a real PKCS#11 token: SoftHSM2 with the signer's key and certificate
imported (softhsm2-util for the key, OpenSC's pkcs11-tool for the certificate)."""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
from certs import Pki
from cryptography.hazmat.primitives.serialization import Encoding
from pdfa_checks import pdfa_problems

from meetingdesk.domain.errors import ValidationError
from meetingdesk.services import minutes_versions
from meetingdesk.signing.minutes import SignatureImages, sign_final_minutes
from meetingdesk.signing.token import TokenSource
from meetingdesk.signing.verify import load_trust_roots, verify_pdf
from meetingdesk.store.desk import Desk

LABEL = "MeetingDesk Test"
PIN = "123456"
LIBRARIES = ("/usr/lib/softhsm/libsofthsm2.so",
             "/usr/lib/x86_64-linux-gnu/softhsm/libsofthsm2.so",
             "/usr/lib/aarch64-linux-gnu/softhsm/libsofthsm2.so",
             "/usr/local/lib/softhsm/libsofthsm2.so")


def _library() -> Path | None:
    return next((Path(p) for p in LIBRARIES if Path(p).is_file()), None)


@pytest.fixture(scope="session")
def token(tmp_path_factory: pytest.TempPathFactory, pki: Pki) -> Iterator[Path]:
    """A SoftHSM2 token holding the signer's key and certificate; the module's path."""
    library = _library()
    if library is None or not shutil.which("softhsm2-util") or not shutil.which("pkcs11-tool"):
        pytest.skip("SoftHSM2 / OpenSC not installed here (scripts/dev.sh installs softhsm2 "
                    "and opensc with apt-get)")
    folder = tmp_path_factory.mktemp("softhsm")
    (folder / "tokens").mkdir()
    conf = folder / "softhsm2.conf"
    conf.write_text(f"directories.tokendir = {folder / 'tokens'}\n"
                    "objectstore.backend = file\nlog.level = ERROR\n")
    old = os.environ.get("SOFTHSM2_CONF")
    os.environ["SOFTHSM2_CONF"] = str(conf)
    key = folder / "key.pem"
    key.write_bytes(pki.signer.key_pem())
    cert = folder / "cert.der"
    cert.write_bytes(pki.signer.cert.public_bytes(Encoding.DER))

    def run(*args: str) -> None:
        subprocess.run(args, check=True, capture_output=True, env=os.environ.copy())

    run("softhsm2-util", "--init-token", "--free", "--label", LABEL, "--pin", PIN,
        "--so-pin", "12345678")
    run("softhsm2-util", "--import", str(key), "--token", LABEL, "--label", "signer",
        "--id", "01", "--pin", PIN)
    run("pkcs11-tool", "--module", str(library), "--token-label", LABEL, "--login",
        "--pin", PIN, "--write-object", str(cert), "--type", "cert", "--id", "01",
        "--label", "signer")
    yield library
    if old is None:
        os.environ.pop("SOFTHSM2_CONF", None)
    else:
        os.environ["SOFTHSM2_CONF"] = old


def test_sign_final_minutes_through_a_pkcs11_token(
        token: Path, final_desk: tuple[Desk, int], pki: Pki,
        images: tuple[Path, Path]) -> None:
    desk, meeting_id = final_desk
    version, signed = sign_final_minutes(
        desk, meeting_id=meeting_id, source=TokenSource(token, LABEL, PIN),
        images=SignatureImages(*images))
    assert version.signed_by == "Mai Văn Chính"
    report = verify_pdf(signed, load_trust_roots([pki.ca_pem]))
    assert report.ok, report.verdict
    assert pdfa_problems(signed) == []


@pytest.mark.parametrize(("label", "pin", "message"), [
    (LABEL, "000000", "PIN của token không đúng"),
    ("No Such Token", PIN, "Không thấy token có nhãn “No Such Token”"),
], ids=["wrong PIN", "unknown token"])
def test_sign_final_minutes_token_refusals_store_nothing(
        token: Path, final_desk: tuple[Desk, int], label: str, pin: str,
        message: str) -> None:
    desk, meeting_id = final_desk
    with pytest.raises(ValidationError, match=message) as caught:
        sign_final_minutes(desk, meeting_id=meeting_id, source=TokenSource(token, label, pin))
    assert "\n" not in str(caught.value)
    version = minutes_versions.final_version(desk, meeting_id)
    assert minutes_versions.signed_pdf(desk, version.id or 0) is None


def test_sign_final_minutes_missing_pkcs11_library_one_line(
        final_desk: tuple[Desk, int], tmp_path: Path) -> None:
    desk, meeting_id = final_desk
    with pytest.raises(ValidationError, match="Không tìm thấy thư viện PKCS#11"):
        sign_final_minutes(desk, meeting_id=meeting_id,
                           source=TokenSource(tmp_path / "none.so", LABEL, PIN))
