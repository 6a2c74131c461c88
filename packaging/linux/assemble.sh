#!/bin/sh
# Add the Linux desktop integration to a built bundle folder (default dist/kiosk): share/
# (desktop entry, AppStream metainfo, hicolor icons), install.sh, INSTALL.md, the font licence.
# Used by packaging/build-linux.sh and by tests/packaging/test_bundle.py.
set -eu
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
BUNDLE=${1:-$ROOT/dist/kiosk}
APP_ID=org.kioskcheckin.Kiosk
[ -x "$BUNDLE/kiosk" ] || { echo "assemble.sh: no bundle at $BUNDLE" >&2; exit 2; }
share=$BUNDLE/share
mkdir -p "$share/applications" "$share/metainfo" "$share/icons/hicolor/scalable/apps"
cp "$ROOT/packaging/linux/$APP_ID.desktop" "$share/applications/"
cp "$ROOT/packaging/linux/$APP_ID.metainfo.xml" "$share/metainfo/"
cp "$ROOT/kiosk/assets/icons/kiosk.svg" "$share/icons/hicolor/scalable/apps/$APP_ID.svg"
for n in 16 24 32 48 64 128 256 512; do
    mkdir -p "$share/icons/hicolor/${n}x${n}/apps"
    cp "$ROOT/kiosk/assets/icons/kiosk-$n.png" "$share/icons/hicolor/${n}x${n}/apps/$APP_ID.png"
done
cp "$ROOT/packaging/linux/install.sh" "$BUNDLE/"
cp "$ROOT/docs/install.md" "$BUNDLE/INSTALL.md"
cp "$ROOT/kiosk/assets/fonts/OFL.txt" "$BUNDLE/FONTS-LICENSE.txt"
