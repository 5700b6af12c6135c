#!/usr/bin/env bash
# MeetingDesk's two everyday commands, each setting up whatever is missing first:
#   bash scripts/dev.sh demo   - start MeetingDesk on the demo conference
#   bash scripts/dev.sh test   - run the whole test suite (what CI runs)
# Setup: the system libraries Qt needs (Debian/Ubuntu, via apt-get when run as root),
# a virtual environment in .venv and the package with its test and build extras.
set -euo pipefail
cd "$(dirname "$0")/.."

APT_PACKAGES=(
  libegl1 libgl1 libxkbcommon0 libfontconfig1 libdbus-1-3 libglib2.0-0
  libxkbcommon-x11-0 libxcb-icccm4 libxcb-keysyms1 libxcb-cursor0 libxcb-image0
  libxcb-render-util0 libxcb-xinerama0 libxcb-xkb1 libxcb-randr0 libxcb-shape0
  xvfb xauth poppler-utils softhsm2 opensc
)

setup_system() {
  command -v dpkg-query >/dev/null 2>&1 || return 0
  local missing=()
  for pkg in "${APT_PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" \
      || missing+=("$pkg")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  if [ "$(id -u)" -ne 0 ]; then
    echo "Missing system packages: ${missing[*]} (install them with sudo apt-get install)" >&2
    return 0
  fi
  echo "Installing system packages: ${missing[*]}"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"
}

setup_python() {
  local py=${PYTHON:-python3}
  [ -x .venv/bin/python ] || "$py" -m venv .venv
  local stamp=.venv/.meetingdesk-installed
  local want
  want=$(sha256sum pyproject.toml | cut -d' ' -f1)
  if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$want" ]; then
    .venv/bin/python -m pip install -q --upgrade pip
    .venv/bin/python -m pip install -q -e ".[test,build]"
    echo "$want" > "$stamp"
  fi
}

case "${1:-}" in
  demo)
    setup_system
    setup_python
    shift
    if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ] && command -v xvfb-run >/dev/null; then
      echo "No display: starting MeetingDesk on a virtual screen (xvfb-run)."
      exec env QT_QPA_PLATFORM=xcb xvfb-run -a -s "-screen 0 1600x1000x24" \
        .venv/bin/meetingdesk demo "$@"
    fi
    exec .venv/bin/meetingdesk demo "$@"
    ;;
  test)
    setup_system
    setup_python
    shift
    exec .venv/bin/python -m pytest "$@"
    ;;
  *)
    echo "usage: bash scripts/dev.sh demo|test [args...]" >&2
    exit 2
    ;;
esac
