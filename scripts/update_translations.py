"""Refresh the Vietnamese catalogue from the GUI's sources and compile it.

    .venv/bin/python scripts/update_translations.py [--fill more.py]

Runs ``pyside6-lupdate`` over ``meetingdesk/gui`` (new strings arrive unfinished, existing
translations are kept), optionally fills translations from a Python file defining a ``VI``
dict (English → Vietnamese), compiles ``meetingdesk_vi.qm`` (and ``qtbase_vi.qm``, the few Qt
strings the program shows, kept by hand) with ``pyside6-lrelease`` and lists
the strings that still lack their Vietnamese.
"""

from __future__ import annotations

import argparse
import runpy
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TS = ROOT / "resources" / "translations" / "meetingdesk_vi.ts"
BIN = Path(sys.executable).parent


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--fill", type=Path, help="Python file with a VI dict to fill from")
    args = parser.parse_args()
    sources = sorted(str(p.relative_to(ROOT)) for p in (ROOT / "meetingdesk" / "gui").rglob("*.py"))
    subprocess.run([str(BIN / "pyside6-lupdate"), *sources, "-ts", str(TS), "-target-language",
                    "vi_VN", "-no-obsolete", "-locations", "none"], cwd=ROOT, check=True)
    tree = ET.parse(TS)
    fill: dict[str, str] = runpy.run_path(str(args.fill))["VI"] if args.fill else {}
    missing = []
    for message in tree.iter("message"):
        source = message.findtext("source") or ""
        translation = message.find("translation")
        assert translation is not None
        if source in fill:
            translation.text = fill[source]
            translation.attrib.pop("type", None)
        if not (translation.text or "").strip() or translation.get("type") == "unfinished":
            missing.append(source)
    tree.write(TS, encoding="utf-8", xml_declaration=True)
    for catalogue in (TS, TS.with_name("qtbase_vi.ts")):
        subprocess.run([str(BIN / "pyside6-lrelease"), str(catalogue)], cwd=ROOT, check=True)
    for source in missing:
        sys.stderr.write(f"missing Vietnamese: {source}\n")
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main())
