#!/usr/bin/env bash
# MeetingDesk's two everyday commands, each setting up whatever is missing first:
#   bash scripts/dev.sh demo   - start MeetingDesk on the demo conference
#   bash scripts/dev.sh test   - run the whole test suite (what CI runs)
# Setup: the system packages MeetingDesk needs (Debian/Ubuntu: Python's venv module, Qt's
# libraries, Xvfb, poppler-utils), installed with apt-get when run as root; a virtual
# environment in .venv (recreated by itself when a previous attempt left it broken) and the
# package with its test and build extras. As another user, missing system packages stop the
# script with one line giving the command that installs them.
set -euo pipefail

APT_PACKAGES=(
  libegl1 libgl1 libxkbcommon0 libfontconfig1 libdbus-1-3 libglib2.0-0
  libxkbcommon-x11-0 libxcb-icccm4 libxcb-keysyms1 libxcb-cursor0 libxcb-image0
  libxcb-render-util0 libxcb-xinerama0 libxcb-xkb1 libxcb-randr0 libxcb-shape0
  xvfb xauth poppler-utils softhsm2 opensc
)
PYTHON=${PYTHON:-python3}
VENV=${VENV:-.venv}

fail() {
  echo "dev.sh: $*" >&2
  exit 1
}

# The Debian packages of APT_PACKAGES not installed, plus python3-venv when $PYTHON cannot
# make a virtual environment with pip (Debian ships venv's ensurepip separately).
missing_packages() {
  local missing=()
  if ! "$PYTHON" -c "import ensurepip, venv" >/dev/null 2>&1; then
    missing+=(python3-venv)
  fi
  if command -v dpkg-query >/dev/null 2>&1; then
    local pkg
    for pkg in "${APT_PACKAGES[@]}"; do
      dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" \
        || missing+=("$pkg")
    done
  fi
  echo "${missing[@]}"
}

setup_system() {
  command -v "$PYTHON" >/dev/null 2>&1 \
    || fail "$PYTHON not found; install Python 3.11 or newer (apt-get install python3)"
  local missing
  missing=$(missing_packages)
  [ -z "$missing" ] && return 0
  if ! command -v apt-get >/dev/null 2>&1; then
    fail "missing system packages: $missing (install them with your system's package manager)"
  fi
  if [ "$(id -u)" -ne 0 ]; then
    fail "missing system packages; install them with: sudo apt-get install -y $missing"
  fi
  echo "Installing system packages: $missing"
  apt-get update -qq
  # shellcheck disable=SC2086  # one word per package
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $missing
}

# Whether $VENV is a working virtual environment with pip in it.
venv_ok() {
  [ -x "$VENV/bin/python" ] && "$VENV/bin/python" -m pip --version >/dev/null 2>&1
}

# Make $VENV, replacing one a previous attempt left broken (no python, no pip).
ensure_venv() {
  if venv_ok; then
    return 0
  fi
  if [ -e "$VENV" ]; then
    echo "Recreating the broken virtual environment $VENV"
    rm -rf "$VENV"
  fi
  if ! "$PYTHON" -m venv "$VENV" >/dev/null; then
    rm -rf "$VENV"
    fail "could not create $VENV with $PYTHON -m venv (is python3-venv installed?)"
  fi
  venv_ok || { rm -rf "$VENV"; fail "$VENV was created without pip; install python3-venv"; }
}

setup_python() {
  ensure_venv
  local stamp=$VENV/.meetingdesk-installed
  local want
  want=$(sha256sum pyproject.toml | cut -d' ' -f1)
  if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$want" ]; then
    "$VENV/bin/python" -m pip install -q --upgrade pip
    "$VENV/bin/python" -m pip install -q -e ".[test,build]"
    echo "$want" > "$stamp"
  fi
}

main() {
  cd "$(dirname "${BASH_SOURCE[0]}")/.."
  case "${1:-}" in
    demo)
      setup_system
      setup_python
      shift
      if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ]; then
        # No screen: the demo desk is made and the window runs on a virtual screen, unseen,
        # until it is closed (Ctrl+C); `meetingdesk demo --no-gui` only makes the desk.
        echo "No display: starting MeetingDesk on a virtual screen (xvfb-run); nothing will" \
             "be visible. Stop it with Ctrl+C."
        exec env QT_QPA_PLATFORM=xcb xvfb-run -a -s "-screen 0 1600x1000x24" \
          "$VENV/bin/meetingdesk" demo "$@"
      fi
      exec "$VENV/bin/meetingdesk" demo "$@"
      ;;
    test)
      setup_system
      setup_python
      shift
      exec "$VENV/bin/python" -m pytest "$@"
      ;;
    *)
      echo "usage: bash scripts/dev.sh demo|test [args...]" >&2
      exit 2
      ;;
  esac
}

# Sourced (by tests), only the functions are defined.
if [ "${BASH_SOURCE[0]}" = "$0" ]; then
  main "$@"
fi
