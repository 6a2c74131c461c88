#!/usr/bin/env bash
# Build Kiosk.app and a disk image on macOS (11 or newer; Apple silicon or Intel, built for the
# machine's own architecture). NOT executed in the project's CI; see packaging/README.md.
#
#   packaging/build-macos.sh   -> dist/Kiosk.app and dist/Kiosk-<version>-macos-<arch>.dmg
set -euo pipefail
cd "$(dirname "$0")/.."
[ -x .venv/bin/python ] || python3.12 -m venv .venv
.venv/bin/python -m pip install --quiet --upgrade pip
.venv/bin/python -m pip install --quiet -e '.[packaging]'
version=$(.venv/bin/python -c 'import kiosk; print(kiosk.__version__)')
.venv/bin/pyinstaller --noconfirm --clean packaging/kiosk.spec
QT_QPA_PLATFORM=offscreen dist/Kiosk.app/Contents/MacOS/kiosk self-test
# Sign and notarize here when a Developer ID is available (packaging/README.md), then:
hdiutil create -volname Kiosk -srcfolder dist/Kiosk.app -ov -format UDZO \
    "dist/Kiosk-$version-macos-$(uname -m).dmg"
