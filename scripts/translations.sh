#!/usr/bin/env bash
# Refresh resources/translations/vi.ts from the UI sources, then compile vi.qm (run after changing UI strings).
set -euo pipefail
cd "$(dirname "$0")/.."
.venv/bin/pyside6-lupdate $(find desktop_app/ui -name "*.py" | sort) -ts resources/translations/vi.ts -target-language vi_VN -no-obsolete
.venv/bin/pyside6-lrelease resources/translations/vi.ts -qm resources/translations/vi.qm
