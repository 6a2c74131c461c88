#!/usr/bin/env bash
# Build the Linux one-folder bundle and its tarball (and an AppImage with --appimage).
#
#   packaging/build-linux.sh              -> dist/kiosk-<version>-linux-<arch>.tar.gz
#   packaging/build-linux.sh --appimage   -> also dist/Kiosk-<version>-<arch>.AppImage
#                                            (needs appimagetool on PATH, see packaging/README.md)
#
# Build on the oldest distribution you want to support (the bundle needs its glibc or newer;
# the PySide6 wheels are manylinux_2_34: glibc >= 2.34, i.e. Debian 12, Ubuntu 22.04, Raspberry Pi
# OS bookworm or newer). Needs: python3 >= 3.11.
set -euo pipefail
cd "$(dirname "$0")/.."
appimage=0
[ "${1:-}" = "--appimage" ] && appimage=1

# 1. An environment with the app and PyInstaller (the 'packaging' extra).
[ -x .venv/bin/python ] || python3 -m venv .venv
.venv/bin/python -m pip install --quiet --upgrade pip
.venv/bin/python -m pip install --quiet -e '.[packaging]'
version=$(.venv/bin/python -c 'import kiosk; print(kiosk.__version__)')
arch=$(uname -m)

# 2. The bundle: dist/kiosk/{kiosk,kiosk-gui,_internal/}.
.venv/bin/pyinstaller --noconfirm --clean packaging/kiosk.spec

# 3. Desktop integration inside the bundle (install.sh puts it in place).
packaging/linux/assemble.sh dist/kiosk
APP_ID=org.kioskcheckin.Kiosk
share=dist/kiosk/share

# 4. The bundle must pass its own self-test before it is shipped.
QT_QPA_PLATFORM=offscreen dist/kiosk/kiosk self-test

# 5. The tarball: one folder, kiosk-<version>/, so unpacking never spills files.
name=kiosk-$version-linux-$arch
rm -rf "dist/$name" && cp -a dist/kiosk "dist/$name"
tar -C dist -czf "dist/$name.tar.gz" "$name"
rm -rf "dist/$name"
echo "Built dist/$name.tar.gz ($(du -h "dist/$name.tar.gz" | cut -f1))"

# 6. Optional AppImage: the bundle as an AppDir, packed by appimagetool.
if [ "$appimage" = 1 ]; then
    command -v appimagetool >/dev/null || { echo "appimagetool not on PATH" >&2; exit 2; }
    appdir=dist/Kiosk.AppDir
    rm -rf "$appdir" && mkdir -p "$appdir/usr"
    cp -a dist/kiosk "$appdir/usr/lib-kiosk"
    cp -a "$share" "$appdir/usr/share"
    cp packaging/linux/AppRun "$appdir/AppRun" && chmod +x "$appdir/AppRun"
    sed -e 's|^Exec=kiosk-gui|Exec=AppRun|' -e '/^TryExec=/d' \
        "packaging/linux/$APP_ID.desktop" > "$appdir/$APP_ID.desktop"
    cp kiosk/assets/icons/kiosk-256.png "$appdir/$APP_ID.png"
    ARCH=$arch appimagetool "$appdir" "dist/Kiosk-$version-$arch.AppImage"
    echo "Built dist/Kiosk-$version-$arch.AppImage"
fi
