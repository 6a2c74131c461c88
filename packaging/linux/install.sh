#!/bin/sh
# Install Kiosk from the unpacked tarball (no Python needed). Run from the unpacked folder:
#
#   ./install.sh                     for you only: ~/.local/opt/kiosk, menu entry, icons
#   sudo ./install.sh --system       for every user: /opt/kiosk, /usr/local/bin, /usr/local/share
#   ./install.sh --autostart-kiosk   also start the self-service kiosk (kiosk-gui --kiosk) at login
#   ./install.sh --uninstall         remove it again (event data in ~/.local/share/Kiosk stays)
#
# PREFIX=/some/where overrides the data/bin prefix (used by the tests).
set -eu
HERE=$(cd "$(dirname "$0")" && pwd)
APP_ID=org.kioskcheckin.Kiosk
system=0; autostart=0; uninstall=0
for arg in "$@"; do
    case "$arg" in
        --system) system=1 ;;
        --autostart-kiosk) autostart=1 ;;
        --uninstall) uninstall=1 ;;
        -h|--help) sed -n '2,9p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
        *) echo "install.sh: unknown option '$arg' (see --help)" >&2; exit 2 ;;
    esac
done
if [ "$system" = 1 ]; then
    PREFIX=${PREFIX:-/usr/local}; DEST=${DEST:-/opt/kiosk}
    AUTOSTART_DIR=/etc/xdg/autostart
else
    PREFIX=${PREFIX:-$HOME/.local}; DEST=${DEST:-$PREFIX/opt/kiosk}
    AUTOSTART_DIR=${XDG_CONFIG_HOME:-$HOME/.config}/autostart
fi
BIN=$PREFIX/bin; SHARE=$PREFIX/share
SIZES="16 24 32 48 64 128 256 512"

if [ "$uninstall" = 1 ]; then
    rm -rf "$DEST"
    rm -f "$BIN/kiosk" "$BIN/kiosk-gui" "$SHARE/applications/$APP_ID.desktop" \
          "$SHARE/metainfo/$APP_ID.metainfo.xml" "$AUTOSTART_DIR/$APP_ID-kiosk.desktop" \
          "$SHARE/icons/hicolor/scalable/apps/$APP_ID.svg"
    for n in $SIZES; do rm -f "$SHARE/icons/hicolor/${n}x${n}/apps/$APP_ID.png"; done
    echo "Kiosk removed. Event databases and settings were kept (see 'About Kiosk')."
    exit 0
fi

[ -x "$HERE/kiosk" ] && [ -d "$HERE/_internal" ] || {
    echo "install.sh: run me from the unpacked Kiosk folder (kiosk and _internal/ beside me)" >&2
    exit 2
}
if [ "$HERE" != "$DEST" ]; then
    rm -rf "$DEST"
    mkdir -p "$DEST"
    cp -a "$HERE/." "$DEST/"
fi
mkdir -p "$BIN" "$SHARE/applications" "$SHARE/metainfo"
ln -sf "$DEST/kiosk" "$BIN/kiosk"
ln -sf "$DEST/kiosk-gui" "$BIN/kiosk-gui"
for n in $SIZES; do
    mkdir -p "$SHARE/icons/hicolor/${n}x${n}/apps"
    cp "$DEST/share/icons/hicolor/${n}x${n}/apps/$APP_ID.png" "$SHARE/icons/hicolor/${n}x${n}/apps/"
done
mkdir -p "$SHARE/icons/hicolor/scalable/apps"
cp "$DEST/share/icons/hicolor/scalable/apps/$APP_ID.svg" "$SHARE/icons/hicolor/scalable/apps/"
# The menu entry runs the installed program by its full path (no PATH needed).
sed -e "s|^Exec=kiosk-gui|Exec=$DEST/kiosk-gui|" -e "s|^TryExec=kiosk-gui|TryExec=$DEST/kiosk-gui|" \
    "$DEST/share/applications/$APP_ID.desktop" > "$SHARE/applications/$APP_ID.desktop"
cp "$DEST/share/metainfo/$APP_ID.metainfo.xml" "$SHARE/metainfo/"
if [ "$autostart" = 1 ]; then
    mkdir -p "$AUTOSTART_DIR"
    cat > "$AUTOSTART_DIR/$APP_ID-kiosk.desktop" <<DESKTOP
[Desktop Entry]
Type=Application
Name=Kiosk (self-service)
Comment=Start the self-service check-in kiosk at login
Exec=$DEST/kiosk-gui --kiosk
Icon=$APP_ID
Terminal=false
X-GNOME-Autostart-enabled=true
DESKTOP
fi
command -v update-desktop-database >/dev/null && update-desktop-database -q "$SHARE/applications" || true
command -v gtk-update-icon-cache >/dev/null && gtk-update-icon-cache -q -t "$SHARE/icons/hicolor" || true
echo "Kiosk installed in $DEST; commands $BIN/kiosk and $BIN/kiosk-gui; menu entry 'Kiosk'."
"$DEST/kiosk" self-test >/dev/null 2>&1 \
    && echo "Self-test passed." \
    || echo "Self-test FAILED: run '$DEST/kiosk self-test' to see why."
