#!/usr/bin/env bash
# Đóng gói chương trình / build the one-folder program with PyInstaller (build.spec):
#
#   bash packaging/build.sh [pyinstaller args...]     # e.g. --clean, or --distpath DIR --workpath DIR
#
# gives dist/ChuyenDoiSoXa/ChuyenDoiSoXa (on Windows ChuyenDoiSoXa.exe, built by the same spec: see
# .github/workflows/windows.yml). Each call:
#   1. installs binutils (strip, readelf: build.spec uses them on Linux) and Debian's libpython3.X (the
#      interpreter's shared library PyInstaller bundles) when missing and apt-get is there;
#   2. creates .venv with python3 when it is missing;
#   3. installs the project with the `build` extra (PyInstaller) into .venv, skipped when pyproject.toml has
#      not changed since the last successful install (stamp file .venv/.installed-build);
#   4. runs `pyinstaller --noconfirm build.spec` (work files in build/, the program in dist/);
#   5. prints how long it took and the size of dist/ChuyenDoiSoXa.
# The frozen program is checked with `dist/ChuyenDoiSoXa/ChuyenDoiSoXa --self-test` (tests/test_frozen.py
# does that and more). Exit status: non-zero when any step fails.
#
# Environment: PYTHON (default python3) picks the interpreter that makes .venv; PIP_* variables are passed
# to pip untouched.

set -euo pipefail

say() { echo "[build] $*" >&2; }
die() { echo "[build] LỖI / ERROR: $*" >&2; exit 1; }

ROOT=$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")/.." && pwd -P)
cd -- "$ROOT"

PYTHON=${PYTHON:-python3}
VENV=.venv
VPY=$VENV/bin/python
# Where the program goes: dist/ unless --distpath is given (tests/test_frozen.py builds into a folder of its own).
distpath=dist
args=("$@")
for ((i = 0; i < ${#args[@]}; i++)); do
    case "${args[i]}" in
        --distpath) distpath=${args[i + 1]:-dist} ;;
        --distpath=*) distpath=${args[i]#--distpath=} ;;
    esac
done
DIST=$distpath/ChuyenDoiSoXa

# ---------------------------------------------------------------- Debian packages (Linux)
apt_install() {
    command -v apt-get >/dev/null 2>&1 || die "$* needed; install it with your package manager"
    sudo=()
    if [ "$(id -u)" -ne 0 ]; then
        command -v sudo >/dev/null 2>&1 || die "$* missing and not root: apt-get install $*"
        sudo=(sudo)
    fi
    say "Cài / installing $*"
    "${sudo[@]}" apt-get update -q || die "apt-get update failed"
    "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends \
        -o DPkg::Lock::Timeout=300 "$@" || die "apt-get install $* failed"
}
if [ "$(uname -s)" = Linux ] && ! { command -v strip >/dev/null && command -v readelf >/dev/null; }; then
    apt_install binutils
fi

# ---------------------------------------------------------------- virtualenv and PyInstaller
if ! { [ -x "$VPY" ] && "$VPY" -c 'import sys' >/dev/null 2>&1; }; then
    "$PYTHON" -c 'import sys; sys.exit(sys.version_info < (3, 11))' \
        || die "Python >= 3.11 needed; $PYTHON is $("$PYTHON" -V 2>&1)"
    say "Tạo môi trường ảo / creating $VENV"
    "$PYTHON" -m venv "$VENV" \
        || die "could not create $VENV (run 'bash scripts/setup.sh test' once: it installs python3-venv)"
fi

# PyInstaller bundles the interpreter's shared library; Debian's python3 is linked statically and ships it
# separately (libpython3.11).
if [ "$(uname -s)" = Linux ]; then
    libpython=$("$VPY" -c "import sysconfig as s; print(s.get_config_var('LIBDIR') + '/' + s.get_config_var('INSTSONAME'))")
    pyver=$("$VPY" -c 'import sys; print(f"{sys.version_info[0]}.{sys.version_info[1]}")')
    if [ ! -e "$libpython" ] && ! ldconfig -p 2>/dev/null | grep -q "libpython$pyver\.so"; then
        apt_install "libpython$pyver"
    fi
fi

stamp=$(echo "$(sha256sum pyproject.toml | cut -d' ' -f1) python-$("$VPY" -c 'import sys; print(sys.version.split()[0])')")
if [ "$(cat -- "$VENV/.installed-build" 2>/dev/null || true)" != "$stamp" ] \
    || ! "$VPY" -c 'import PyInstaller, desktop_app' >/dev/null 2>&1; then
    say "Cài gói Python / installing Python packages: pip install -e '.[build]'"
    rm -f -- "$VENV/.installed-build"
    "$VPY" -m pip install --disable-pip-version-check -q -e ".[build]" || die "pip install failed"
    echo "$stamp" >"$VENV/.installed-build"
fi

# ---------------------------------------------------------------- build
start=$(date +%s)
say "Đóng gói / building $DIST with PyInstaller $("$VPY" -m PyInstaller --version)"
"$VPY" -m PyInstaller --noconfirm --log-level WARN "$@" build.spec || die "PyInstaller failed"
exe=$DIST/ChuyenDoiSoXa
[ -f "$exe" ] || [ -f "$exe.exe" ] || die "no program in $DIST"
say "Xong / done in $(( $(date +%s) - start )) s: $DIST, $(du -sm "$DIST" | cut -f1) MB"
