"""The ``meetingdesk`` command, run as a user runs it: a subprocess of ``python -m meetingdesk``.

A bad file gives exactly one clear line on stderr, no traceback, exit 1 (2 for usage errors),
and stays byte-for-byte as it was, with nothing created beside it.
"""

from __future__ import annotations

import hashlib
import importlib.util
import os
import re
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from types import ModuleType

import pytest

from meetingdesk.services.demo import DEMO_TITLE

FIXTURES = Path(__file__).resolve().parent / "fixtures"


def _load(name: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location(name, FIXTURES / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


bad_desks = _load("bad_desks")


def run_all(*commands: list[str], lang: str = "vi") -> list[subprocess.CompletedProcess[str]]:
    """Run several commands side by side (each ``python -m meetingdesk ...``)."""
    env = {**os.environ, "MEETINGDESK_LANG": lang}
    procs = [subprocess.Popen([sys.executable, "-m", "meetingdesk", *args], env=env, text=True,
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE)
             for args in commands]
    results = []
    for args, proc in zip(commands, procs, strict=True):
        out, err = proc.communicate(timeout=60)
        results.append(subprocess.CompletedProcess(args, proc.returncode, out, err))
    return results


def run(*args: str, lang: str = "vi") -> subprocess.CompletedProcess[str]:
    return run_all(list(args), lang=lang)[0]


def fingerprint(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest() if path.is_file() else "-"


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("cli") / "demo.db"
    result = run("demo", "--no-gui", "--db", str(path))
    assert result.returncode == 0, result.stderr
    assert str(path) in result.stdout
    return path


def test_cli_demo_is_repeatable_and_keeps_one_demo_meeting(demo_db: Path) -> None:
    again = run("demo", "--no-gui", "--db", str(demo_db))
    assert again.returncode == 0, again.stderr
    listed = run("list", "--db", str(demo_db)).stdout.splitlines()
    assert [line.split("\t")[2] for line in listed].count(DEMO_TITLE) == 1


def test_cli_list_prints_id_date_and_title(demo_db: Path) -> None:
    result, db_first = run_all(["list", "--db", str(demo_db)], ["--db", str(demo_db), "list"])
    assert result.returncode == 0, result.stderr
    assert db_first.stdout == result.stdout
    (line,) = result.stdout.splitlines()
    meeting_id, day, title = line.split("\t")
    assert meeting_id.isdigit()
    assert day == "2023-04-03"
    assert title == DEMO_TITLE
    assert result.stderr == ""


@pytest.mark.parametrize(("query", "expected"), [
    ("dang", "Đảng"),
    ("bac kan", "Thái Nguyên"),
    ("96-qd/tw", "96-QĐ/TW"),
])
def test_cli_search_is_diacritic_insensitive(demo_db: Path, query: str, expected: str) -> None:
    result = run("search", query, "--db", str(demo_db))
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines
    assert any(expected in line for line in lines)
    kind, ref_id, _where, _text = lines[0].split("\t")
    assert kind in {"note", "person", "site", "agenda", "document"} and ref_id.isdigit()


def test_cli_search_without_hits_says_so(demo_db: Path) -> None:
    result = run("search", "khôngcótừnày", "--db", str(demo_db))
    assert result.returncode == 0
    assert result.stdout == ""
    assert len(result.stderr.splitlines()) == 1


def test_cli_check_reports_a_healthy_desk_in_wal(demo_db: Path) -> None:
    result = run("check", "--db", str(demo_db))
    assert result.returncode == 0, result.stdout + result.stderr
    assert "integrity_check: ok" in result.stdout
    assert "foreign_key_check: ok" in result.stdout
    assert "journal_mode: wal" in result.stdout


def test_cli_help_of_every_command() -> None:
    commands = [[], ["gui"], ["demo"], ["list"], ["search"], ["check"]]
    for command, result in zip(commands, run_all(*([*c, "--help"] for c in commands)),
                               strict=True):
        assert result.returncode == 0, (command, result.stderr)
        assert result.stdout.startswith(f"usage: meetingdesk {' '.join(command)}".rstrip())
        assert "--db" in result.stdout


def test_cli_usage_error_exits_2(tmp_path: Path) -> None:
    db = ["--db", str(tmp_path / "d.db")]
    usage_errors = [["list", "--bogus", *db], ["search", *db], ["nosuchcommand", *db],
                    ["search", "x", "--limit", "many", *db]]
    for args, result in zip(usage_errors, run_all(*usage_errors), strict=True):
        assert result.returncode == 2, args
        assert "Traceback" not in result.stderr
        assert len(result.stderr.splitlines()) == 1, result.stderr  # one line, with the help
        assert result.stderr.startswith("meetingdesk") and "--help)" in result.stderr
    assert not (tmp_path / "d.db").exists()


def _assert_one_clear_line(result: subprocess.CompletedProcess[str]) -> None:
    assert result.returncode == 1, result.stdout + result.stderr
    assert "Traceback" not in result.stderr
    assert len(result.stderr.splitlines()) == 1, result.stderr
    assert re.match(r"meetingdesk: \S", result.stderr)


COMMANDS = {"list": ["list"], "search": ["search", "dong chi"], "check": ["check"]}
BAD_FILES = {**bad_desks.BAD_FILES, "missing": bad_desks.missing}


@pytest.mark.parametrize("make", BAD_FILES.values(), ids=BAD_FILES.keys())
def test_cli_bad_file_gives_one_line_exit_1_and_stays_unchanged(
        make: Callable[[Path], Path], tmp_path: Path) -> None:
    path = make(tmp_path)
    before = fingerprint(path)
    results = run_all(*([*args, "--db", str(path)] for args in COMMANDS.values()))
    foreign = make.__name__.startswith(("planted_", "altered_"))
    for name, result in zip(COMMANDS, results, strict=True):
        if foreign and name == "check":  # check reports every foreign object, and fails
            assert result.returncode == 1 and result.stderr == ""
            assert result.stdout.splitlines()[-1].startswith("kết quả: CÓ LỖI")
            continue
        _assert_one_clear_line(result)
        assert result.stdout == ""
    assert fingerprint(path) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ([path.name] if path.exists() else [])


def test_cli_error_line_follows_the_language(tmp_path: Path) -> None:
    path = bad_desks.text_file(tmp_path)
    assert "không phải tệp dữ liệu" in run("list", "--db", str(path)).stderr
    assert "not a MeetingDesk desk file" in run("list", "--db", str(path), lang="en").stderr


def test_cli_damage_found_after_opening_gives_one_line(tmp_path: Path) -> None:
    path = bad_desks.damaged_search_index(tmp_path)
    before = fingerprint(path)
    result = run("search", "dong chi", "--db", str(path))
    _assert_one_clear_line(result)
    assert "check" in result.stderr
    assert fingerprint(path) == before


HOLD_LOCK = (
    "import sys, time\n"
    "from pathlib import Path\n"
    "from meetingdesk.store.lock import DeskLock\n"
    "lock = DeskLock(Path(sys.argv[1])); lock.acquire()\n"
    "print('locked', flush=True)\n"
    "time.sleep(60)\n"
)


def test_cli_write_commands_refuse_a_desk_open_elsewhere_in_one_line(tmp_path: Path) -> None:
    db, pkg = tmp_path / "demo.db", tmp_path / "tn.mdpkg"
    assert run("demo", "--no-gui", "--db", str(db)).returncode == 0
    assert run("export-package", "1", "--site", "19", "--db", str(db), "-o",
               str(pkg)).returncode == 0
    people = tmp_path / "ds.csv"
    people.write_text("Họ tên,Chức vụ\nLò Văn Mới,Chuyên viên\n", encoding="utf-8")
    writes = [["import", str(people)], ["import-package", str(pkg)], ["demo", "--no-gui"],
              ["minutes", "1", "-o", str(tmp_path / "bb.pdf")],
              ["minutes-docx", "1", "-o", str(tmp_path / "bb.docx")],
              ["export-package", "1", "-o", str(tmp_path / "again.mdpkg")]]
    before = fingerprint(db)
    holder = subprocess.Popen([sys.executable, "-c", HOLD_LOCK, str(db)],
                              stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "locked"
        results = run_all(*([*args, "--db", str(db)] for args in writes))
        for args, result in zip(writes, results, strict=True):
            _assert_one_clear_line(result)
            assert "đang được mở" in result.stderr and str(holder.pid) in result.stderr, args
        assert run("list", "--db", str(db)).returncode == 0  # reading needs no lock
    finally:
        holder.kill()
        holder.wait()
    assert fingerprint(db) == before
    assert not {"bb.pdf", "bb.docx", "again.mdpkg"} & {p.name for p in tmp_path.iterdir()}
    assert run("import", str(people), "--db", str(db)).returncode == 0  # free again
    assert fingerprint(db) != before


@pytest.mark.parametrize("command", [["minutes", "1", "-o", "{out}"], ["demo", "--no-gui"]])
def test_cli_write_commands_refuse_a_damaged_desk_and_leave_it_as_it_was(
        tmp_path: Path, command: list[str]) -> None:
    path = bad_desks.damaged_search_index(tmp_path)
    before = fingerprint(path)
    result = run(*(c.replace("{out}", str(tmp_path / "m.pdf")) for c in command),
                 "--db", str(path))
    _assert_one_clear_line(result)
    assert "quick_check" in result.stderr or "hỏng" in result.stderr
    assert fingerprint(path) == before
    assert not (tmp_path / "m.pdf").exists()


def test_cli_success_lines_follow_the_language(demo_db: Path, tmp_path: Path) -> None:
    meeting_id = run("list", "--db", str(demo_db)).stdout.split("\t")[0]
    out = tmp_path / "ds.csv"
    vi, en = (run("export", meeting_id, "-o", str(out), "--db", str(demo_db), lang=lang)
              for lang in ("vi", "en"))
    assert vi.returncode == en.returncode == 0, vi.stderr + en.stderr
    assert vi.stdout.startswith("Đã ghi ") and " dòng vào " in vi.stdout
    assert en.stdout.startswith("Wrote ") and " row(s) to " in en.stdout
    vi, en = (run("search", "zzqqxx", "--db", str(demo_db), lang=lang) for lang in ("vi", "en"))
    assert "Không tìm thấy kết quả" in vi.stderr
    assert "Nothing found for “zzqqxx”." in en.stderr


def test_cli_read_commands_leave_a_copied_desk_as_it_was(demo_db: Path, tmp_path: Path) -> None:
    """A backup or a partner's file looked at with list, search or tasks is not written: not
    even bound to a new replica id as a copy would be by a command that writes."""
    copy = tmp_path / "ban-sao.db"
    shutil.copyfile(demo_db, copy)
    before = fingerprint(copy)
    for command in (["list"], ["search", "thai nguyen"], ["tasks"],
                    ["export", "1", "-o", str(tmp_path / "ds.csv")]):
        result = run(*command, "--db", str(copy))
        assert result.returncode == 0, result.stderr
    assert fingerprint(copy) == before
    assert not (tmp_path / "ban-sao.db.replica").exists()
