#!/usr/bin/env bash
# Barnahus Case Record: set everything up, then run the app, the tests or the benchmarks.
#   ./dev.sh run [--record PATH]   the desktop application (first-run wizard if there is no record)
#   ./dev.sh test [pytest args]    the whole test suite, on two cores where there are two (add -m slow
#                                  for the long fault-injection runs, -n 0 for one process)
#   ./dev.sh bench [args]          benchmarks on 10k and 100k-case demo records
#   ./dev.sh cli COMMAND ...       the command line (same as `barnahus COMMAND` inside .venv)
# Works on a fresh Debian/Ubuntu with Python 3.11+. As root it installs the Debian packages it
# needs; otherwise it names the missing ones and stops.
set -euo pipefail
cd "$(dirname "$0")"

# Qt's xcb and offscreen platforms, fonts, venv support; xvfb for screenshots of a real window;
# the independent checkers the tests run: PDFBox Preflight (PDF/A), LibreOffice (DOCX), poppler
# (PDF text), 7-Zip (AES zips), ffmpeg/ffprobe (recording durations).
DEBIAN_PACKAGES="python3-venv libgl1 libegl1 libxkbcommon0 libxkbcommon-x11-0 libfontconfig1
libdbus-1-3 libglib2.0-0 libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-shape0 libxcb-randr0
libxcb-render-util0 libxcb-image0 fonts-dejavu-core xvfb
libpdfbox2-java libactivation-java libjaxb-api-java default-jre-headless libreoffice-writer-nogui
poppler-utils p7zip-full ffmpeg"

die() { echo "dev.sh: $*" >&2; exit 1; }

pick_python() {
  for py in python3.13 python3.12 python3.11 python3; do
    if command -v "$py" >/dev/null 2>&1 &&
       "$py" -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else 1)' 2>/dev/null; then
      echo "$py"; return 0
    fi
  done
  return 1
}

debian_packages() {
  command -v dpkg-query >/dev/null 2>&1 || return 0   # not Debian: the user installs Qt's libraries
  local missing=()
  for p in $DEBIAN_PACKAGES; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  if [ "$(id -u)" -eq 0 ]; then
    echo "dev.sh: installing Debian packages: ${missing[*]}"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  else
    die "missing Debian packages: ${missing[*]}
run:  sudo apt-get install ${missing[*]}
then run this command again."
  fi
}

python_env() {
  local py
  py=$(pick_python) || die "Python 3.11 or newer is needed (sudo apt-get install python3)."
  if [ ! -x .venv/bin/python ]; then
    "$py" -m venv .venv || die "could not make a virtual environment (sudo apt-get install python3-venv)."
  fi
  # Reinstall only when the dependencies changed.
  local stamp=.venv/.installed-$(sha256sum pyproject.toml | cut -c1-16)
  if [ ! -f "$stamp" ]; then
    .venv/bin/python -m pip install -q --upgrade pip
    .venv/bin/python -m pip install -q -e ".[test]"
    rm -f .venv/.installed-*
    touch "$stamp"
  fi
}

cmd=${1:-run}
[ $# -gt 0 ] && shift
debian_packages
python_env
case "$cmd" in
  run)   exec .venv/bin/python main.py "$@" ;;
  test)  export QT_QPA_PLATFORM=offscreen
         # Two worker processes (pytest-xdist, a test file to a worker) unless told otherwise.
         workers=()
         if [ "$(nproc 2>/dev/null || echo 1)" -ge 2 ] && ! printf '%s\n' "$@" | grep -qE '^(-n|--numprocesses)'; then
           workers=(-n 2 --dist loadfile)
         fi
         exec .venv/bin/python -m pytest -m "not slow" "${workers[@]}" "$@" ;;
  bench) exec .venv/bin/python bench/bench.py "$@" ;;
  cli)   exec .venv/bin/python main.py "$@" ;;
  *)     die "unknown command '$cmd' (run, test, bench, cli)" ;;
esac
