#!/usr/bin/env bash
# Cài đặt và chạy chương trình / kiểm thử — set up and run the app / the tests.
#
#   bash scripts/setup.sh run  [app args...]     # set up, then: python -m desktop_app ARGS
#   bash scripts/setup.sh test [pytest args...]  # set up, then: python -m pytest ARGS (default: -q)
#   bash scripts/setup.sh test -m "not slow"     # a quick run: without the fuzzers and the frozen build
#
# Each call:
#   1. installs the Debian libraries Qt needs (and python3-venv) when they are
#      missing (apt-get; only the missing ones; skipped where there is no apt-get);
#   2. creates .venv with python3 when it is missing;
#   3. installs the project into .venv with pip (editable; with the `test`
#      extra for `test`), skipped when pyproject.toml has not changed since the
#      last successful install (stamp file .venv/.installed-<mode>);
#   4. runs the app or pytest (pytest with QT_QPA_PLATFORM=offscreen unless set; with two or more CPUs in
#      pytest-xdist workers, one per CPU: TEST_WORKERS=N sets how many, TEST_WORKERS=0 runs in one process).
# Everything is idempotent: when all is in place no apt-get and no pip runs.
#
# Environment: PYTHON (default python3) picks the interpreter that makes .venv;
# PIP_* variables (PIP_CERT, PIP_INDEX_URL, ...) are passed to pip untouched.

set -euo pipefail

usage() {
    echo "Usage: bash scripts/setup.sh run [app args...]" >&2
    echo "       bash scripts/setup.sh test [pytest args...]" >&2
    exit 2
}

say() { echo "[setup] $*" >&2; }
die() { echo "[setup] LỖI / ERROR: $*" >&2; exit 1; }

[ $# -ge 1 ] || usage
MODE=$1
shift
case "$MODE" in
    run|test) ;;
    -h|--help|help) usage ;;
    *) echo "[setup] unknown mode: $MODE" >&2; usage ;;
esac

ROOT=$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")/.." && pwd -P)
cd -- "$ROOT"

PYTHON=${PYTHON:-python3}
VENV=.venv
VPY=$VENV/bin/python

# ---------------------------------------------------------------- Debian packages
# Measured on a minimal Debian 12 (bookworm) with only python3 installed.
QT_OFFSCREEN_PKGS=(libglib2.0-0 libgl1 libegl1 libxkbcommon0 libfontconfig1 libdbus-1-3)
QT_XCB_PKGS=(libxkbcommon-x11-0 libx11-xcb1 libxcb-cursor0 libxcb-icccm4 libxcb-image0
    libxcb-keysyms1 libxcb-randr0 libxcb-render-util0 libxcb-shape0 libxcb-shm0
    libxcb-sync1 libxcb-xfixes0 libxcb-xkb1)
# Qt's native Wayland plugin (only wanted when run inside a Wayland session;
# otherwise Qt uses X11/XWayland through the xcb libraries above).
QT_WAYLAND_PKGS=(libwayland-cursor0 libwayland-egl1)
# Fonts with full Vietnamese coverage; either package is enough.
FONT_PKGS=(fonts-liberation2 fonts-croscore)

# Prints the given packages that are not installed, one per line.
missing_pkgs() {
    local installed
    installed=$(dpkg-query -W -f='${Package} ${Status}\n' "$@" 2>/dev/null \
        | awk '$NF == "installed" && $(NF-1) == "ok" { print $1 }' || true)
    local p
    for p in "$@"; do
        grep -qxF -- "$p" <<<"$installed" || echo "$p"
    done
}

have_venv_support() {
    # Debian ships ensurepip (needed by `python3 -m venv`) in python3-venv.
    command -v "$PYTHON" >/dev/null 2>&1 && "$PYTHON" -c 'import ensurepip, venv' >/dev/null 2>&1
}

# Installs the given Debian packages (all assumed missing).
apt_install() {
    [ $# -gt 0 ] || return 0
    local sudo=()
    if [ "$(id -u)" -ne 0 ]; then
        if command -v sudo >/dev/null 2>&1; then
            sudo=(sudo)
        else
            die "missing Debian packages and not root (no sudo). Run as root:
    apt-get update && apt-get install -y --no-install-recommends $*"
        fi
    fi
    say "Cài gói Debian còn thiếu / installing missing Debian packages: $*"
    "${sudo[@]}" apt-get update -q \
        || die "apt-get update failed"
    "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -q \
        --no-install-recommends -o DPkg::Lock::Timeout=300 "$@" \
        || die "apt-get install failed: $*"
}

ensure_debian_packages() {
    if ! command -v apt-get >/dev/null 2>&1 || ! command -v dpkg-query >/dev/null 2>&1; then
        say "Không có apt-get: bỏ qua gói hệ thống / no apt-get: skipping system packages" \
            "(Qt needs OpenGL/EGL, xkbcommon, fontconfig, dbus and, for a window, the xcb libraries)"
        return 0
    fi
    local wanted=("${QT_OFFSCREEN_PKGS[@]}")
    if [ "$MODE" = run ]; then
        wanted+=("${QT_XCB_PKGS[@]}")
        [ -n "${WAYLAND_DISPLAY:-}" ] && wanted+=("${QT_WAYLAND_PKGS[@]}")
    fi
    local need=()
    mapfile -t need < <(missing_pkgs "${wanted[@]}")
    # One of the font packages is enough.
    local fonts_missing
    fonts_missing=$(missing_pkgs "${FONT_PKGS[@]}" | wc -l)
    [ "$fonts_missing" -eq "${#FONT_PKGS[@]}" ] && need+=("${FONT_PKGS[0]}")
    if ! command -v "$PYTHON" >/dev/null 2>&1; then
        [ "$PYTHON" = python3 ] || die "$PYTHON not found"
        need+=(python3 python3-venv)
    elif [ ! -x "$VPY" ] && ! have_venv_support; then
        need+=(python3-venv)
    fi
    apt_install "${need[@]}"
}

# ---------------------------------------------------------------- virtualenv
make_venv() {
    "$PYTHON" -c 'import sys; sys.exit(sys.version_info < (3, 11))' \
        || die "Python >= 3.11 needed; $PYTHON is $("$PYTHON" -V 2>&1)"
    say "Tạo môi trường ảo / creating $VENV with $("$PYTHON" -V 2>&1)"
    if ! "$PYTHON" -m venv --clear "$VENV"; then
        # Usually ensurepip missing (Debian's python3-venv not installed).
        if command -v apt-get >/dev/null 2>&1 && [ -n "$(missing_pkgs python3-venv)" ]; then
            apt_install python3-venv
            "$PYTHON" -m venv --clear "$VENV" || die "could not create $VENV"
        else
            die "could not create $VENV (is the venv module / ensurepip available?)"
        fi
    fi
}

ensure_venv() {
    # A usable venv has a working interpreter with pip (a venv whose creation
    # failed half-way has python but no pip).
    if [ -x "$VPY" ] && "$VPY" -c 'import sys' >/dev/null 2>&1; then
        if [ -f "$VENV/.installed-$MODE" ] || [ -f "$VENV/.installed-test" ] \
            || "$VPY" -c 'import pip' >/dev/null 2>&1; then
            return 0
        fi
    fi
    make_venv
}

# The stamp holds the sha256 of pyproject.toml and the venv's Python version;
# it is written only after pip succeeded.
stamp_value() {
    local py_ver
    py_ver=$("$VPY" -c 'import sys; print(sys.version.split()[0])')
    echo "$(sha256sum pyproject.toml | cut -d' ' -f1) python-$py_ver"
}

ensure_project_installed() {
    local want
    want=$(stamp_value)
    # A `test` install includes everything `run` needs.
    local stamps=("$VENV/.installed-$MODE")
    [ "$MODE" = run ] && stamps+=("$VENV/.installed-test")
    local s
    for s in "${stamps[@]}"; do
        if [ -f "$s" ] && [ "$(cat -- "$s")" = "$want" ]; then
            return 0
        fi
    done
    local target=.
    [ "$MODE" = test ] && target=".[test]"
    say "Cài gói Python / installing Python packages: pip install -e '$target'"
    rm -f -- "$VENV/.installed-$MODE"
    "$VPY" -m pip install --disable-pip-version-check -e "$target" \
        || die "pip install failed"
    echo "$want" >"$VENV/.installed-$MODE"
}

# ---------------------------------------------------------------- main
ensure_debian_packages
ensure_venv
ensure_project_installed

if [ "$MODE" = test ]; then
    export QT_QPA_PLATFORM=${QT_QPA_PLATFORM:-offscreen}
    [ $# -gt 0 ] || set -- -q
    # Workers of pytest-xdist (the `test` extra), one per CPU; --dist loadgroup keeps the tests sharing one
    # frozen build (xdist_group "frozen") in one worker. Arguments naming workers themselves win.
    workers=${TEST_WORKERS:-auto}
    if [ "$workers" = auto ]; then
        cpus=$(nproc 2>/dev/null || echo 1)
        if [ "$cpus" -ge 2 ]; then workers=$cpus; else workers=0; fi
    fi
    case " $* " in
        *" -n"* | *" --numprocesses"* | *" -p no:xdist "* | *" --pdb "* | *" --trace "*) workers=0 ;;
    esac
    if [ "$workers" != 0 ]; then
        set -- -n "$workers" --dist loadgroup "$@"
    fi
    exec "$VPY" -m pytest "$@"
fi

if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ] && [ -z "${QT_QPA_PLATFORM:-}" ]; then
    say "Không tìm thấy màn hình (DISPLAY/WAYLAND_DISPLAY trống): cửa sổ có thể không mở được."
    say "No screen found (DISPLAY and WAYLAND_DISPLAY are empty): the window may fail to open."
    say "Start it from a desktop session, or e.g. under Xvfb: DISPLAY=:99 bash scripts/setup.sh run"
fi
exec "$VPY" -m desktop_app "$@"
