#!/usr/bin/env bash
# Build the PyInstaller one-folder program (build.spec) and start the built program offscreen:
#   bash scripts/build_check.sh
# Checks that the build succeeds, that `MeetingDesk --version` and the headless `list` work,
# and that `MeetingDesk demo` shows its main window and quits cleanly (MEETINGDESK_QUIT_WHEN_READY)
# with nothing on stderr beyond Qt's own notices. Takes a few minutes. Output in build/.
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PYTHON:-.venv/bin/python}
OUT=build/pyinstaller
rm -rf "$OUT"
"$PY" -m PyInstaller build.spec --noconfirm --log-level WARN \
  --distpath "$OUT/dist" --workpath "$OUT/work"
APP="$OUT/dist/MeetingDesk/MeetingDesk"
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
export QT_QPA_PLATFORM=offscreen MEETINGDESK_SETTINGS="$TMP/settings.ini"

"$APP" --version
du -sh "$OUT/dist/MeetingDesk"
test -f "$OUT/dist/MeetingDesk/_internal/resources/translations/meetingdesk_vi.qm"
test -f "$OUT/dist/MeetingDesk/_internal/resources/fonts/LiberationSerif-Regular.ttf"
if ls "$OUT/dist/MeetingDesk/_internal/PySide6/Qt/lib/" | grep -q "Qt6Quick\|Qt6Qml"; then
  echo "build_check: unused Qt modules were bundled" >&2
  exit 1
fi

MEETINGDESK_QUIT_WHEN_READY=1 timeout 120 "$APP" demo --db "$TMP/demo.db" \
  >"$TMP/out.txt" 2>"$TMP/err.txt"
"$APP" list --db "$TMP/demo.db" | grep -q "2023-04-03"
if grep -v -E "^(This plugin does not support propagateSizeHints\(\)|qt\.qpa\..*)$" \
    "$TMP/err.txt"; then
  echo "build_check: unexpected output on stderr (above)" >&2
  exit 1
fi
echo "build_check: OK — the built program starts, shows the demo and quits cleanly"
