"""The ``sign`` and ``verify`` sub-commands (registered by :mod:`meetingdesk.cli`).

pyHanko is imported only when one of them runs, so the other commands start as fast as before.
"""

from __future__ import annotations

import argparse
import logging
import os
from collections.abc import Callable
from pathlib import Path

from meetingdesk.domain.errors import MeetingDeskError, ValidationError
from meetingdesk.domain.messages import Message, message
from meetingdesk.services.files import refuse_plain_read

AddCommand = Callable[[str, Callable[[argparse.Namespace], int], str], argparse.ArgumentParser]
MAX_PDF_BYTES = 1 << 30


def _secret(variable: str, what: Message) -> str:
    value = os.environ.get(variable)
    if not value:
        raise ValidationError("cli_signing.variable_not_set", variable=variable, what=what)
    return value


def _quiet_pyhanko(verbose: bool) -> None:
    """pyHanko logs a whole traceback for an untrusted chain; the command says it in one
    line."""
    if not verbose:
        logging.getLogger("pyhanko").setLevel(logging.CRITICAL)
        logging.getLogger("pyhanko_certvalidator").setLevel(logging.CRITICAL)


def cmd_sign(args: argparse.Namespace) -> int:
    """Sign the meeting's final minutes, keep the signed copy in the desk, write it out."""
    from meetingdesk.cli import _out, _writing
    from meetingdesk.services.files import write_atomically
    from meetingdesk.signing.credentials import Pkcs12Source
    from meetingdesk.signing.minutes import SignatureImages, sign_final_minutes
    from meetingdesk.signing.sign import SignRequest
    from meetingdesk.signing.token import TokenSource

    _quiet_pyhanko(args.verbose)
    if (args.p12 and not args.password_env) or (args.pkcs11_lib and not (
            args.token_label and args.pin_env)):
        raise ValidationError("cli_signing.missing_options")
    if args.p12:
        source: Pkcs12Source | TokenSource = Pkcs12Source(
            args.p12, _secret(args.password_env, message("cli_signing.password")))
    else:
        source = TokenSource(args.pkcs11_lib, args.token_label,
                             _secret(args.pin_env, message("cli_signing.token_pin")))
    request = SignRequest(role="left" if args.role == "secretary" else "right",
                          timestamp_url=args.tsa)
    with _writing(args.db, create=False) as desk:
        version, signed = sign_final_minutes(
            desk, meeting_id=args.meeting_id, source=source,
            images=SignatureImages(args.image, args.seal), request=request)
    write_atomically(args.output, signed)
    _out(str(message("cli_signing.signed", meeting_id=args.meeting_id, version_id=version.id,
                     signer=version.signed_by, size=len(signed), path=args.output)))
    return 0


def cmd_verify(args: argparse.Namespace) -> int:
    """Check the signatures of a PDF; exit 0 only when intact, valid and trusted."""
    from meetingdesk.cli import _out
    from meetingdesk.signing.verify import load_trust_roots, verify_pdf

    _quiet_pyhanko(args.verbose)
    roots = load_trust_roots(args.trust)
    try:
        if args.file.stat().st_size > MAX_PDF_BYTES:
            raise ValidationError("cli_signing.too_large", name=args.file.name)
        refuse_plain_read(args.file)
        data = args.file.read_bytes()
    except OSError as exc:
        raise MeetingDeskError("cli_signing.cannot_read", path=args.file,
                               reason=exc.strerror or exc) from exc
    report = verify_pdf(data, roots)
    if report.ok:
        for check in report.signatures:
            _out(check.line())
    _out(report.verdict)
    return 0 if report.ok else 1


def add_commands(command: AddCommand) -> None:
    p = command("sign", cmd_sign,
                "ký số biên bản đã chốt của một cuộc họp (tệp .p12 hoặc token USB PKCS#11)")
    p.add_argument("meeting_id", type=int, metavar="MÃ_CUỘC_HỌP")
    p.add_argument("-o", "--output", type=Path, required=True, metavar="TỆP.pdf",
                   help="tệp PDF đã ký cần ghi")
    key = p.add_mutually_exclusive_group(required=True)
    key.add_argument("--p12", type=Path, metavar="TỆP.p12", help="tệp chứng thư số PKCS#12")
    key.add_argument("--pkcs11-lib", type=Path, metavar="THƯ_VIỆN",
                     help="thư viện PKCS#11 của token (.so/.dll)")
    p.add_argument("--password-env", metavar="BIẾN",
                   help="biến môi trường chứa mật khẩu tệp .p12")
    p.add_argument("--token-label", metavar="NHÃN", help="nhãn của token")
    p.add_argument("--pin-env", metavar="BIẾN", help="biến môi trường chứa mã PIN của token")
    p.add_argument("--image", type=Path, metavar="ẢNH.png", help="ảnh chữ ký (PNG)")
    p.add_argument("--seal", type=Path, metavar="ẢNH.png",
                   help="ảnh con dấu (PNG) khi cơ quan ký")
    p.add_argument("--as", dest="role", choices=("chair", "secretary"), default="chair",
                   help="ô ký: chair (chủ tọa, mặc định) hoặc secretary (thư ký)")
    p.add_argument("--tsa", metavar="URL", default=None,
                   help="máy chủ dấu thời gian (PAdES B-T); mặc định không dùng (B-B)")
    p = command("verify", cmd_verify,
                "kiểm tra chữ ký số của một tệp PDF; mã thoát 0 chỉ khi nguyên vẹn, hợp lệ, "
                "tin cậy")
    p.add_argument("file", type=Path, metavar="TỆP.pdf")
    p.add_argument("--trust", type=Path, action="append", default=[], metavar="CA.pem",
                   help="chứng thư số gốc tin cậy (PEM/DER); lặp lại cho nhiều gốc")

