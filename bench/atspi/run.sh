#!/usr/bin/env bash
# What a screen reader sees of Kiosk during a real scan, through AT-SPI (Linux), under Xvfb.
#
#   bash bench/atspi/run.sh [--kiosk]
#
# Needs (Debian): xvfb xdotool at-spi2-core python3-pyatspi dbus. Builds a demo event in a
# temporary folder, starts the accessibility bus *before* the app (a Qt app started without
# one never registers), opens the desk (or the self-service kiosk with --kiosk) with
# QT_LINUX_ACCESSIBILITY_ALWAYS_ON=1, types a ticket code as a scanner does, and prints the
# accessible tree, the unnamed controls and the events a screen reader receives.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
MODE="${1:-}"
if [ -z "${DBUS_SESSION_BUS_ADDRESS:-}" ] || [ -z "${KIOSK_ATSPI_INNER:-}" ]; then
    exec env KIOSK_ATSPI_INNER=1 dbus-run-session -- bash "$0" "$@"
fi
WORK="$(mktemp -d)"
export XDG_CONFIG_HOME="$WORK/cfg" XDG_DATA_HOME="$WORK/data" XDG_CACHE_HOME="$WORK/cache" \
    XDG_STATE_HOME="$WORK/state"
"$ROOT/.venv/bin/python" - "$WORK/event.db" "$MODE" > "$WORK/code" <<'PY'
import sys
from pathlib import Path
from kiosk.app.adminpin import AdminPin
from kiosk.app.demo import create_demo
from kiosk.storage import events
from kiosk.storage.database import Database
create_demo(Path(sys.argv[1]))
with Database(sys.argv[1]) as db:
    AdminPin(db, events.local_kiosk(db)).set_pin("4871")  # the kiosk locks at once
    row = db.conn.execute(
        "SELECT code FROM attendee a WHERE status = 'active' AND NOT EXISTS "
        "(SELECT 1 FROM scan s WHERE s.attendee_uid = a.uid) ORDER BY id LIMIT 1"
    ).fetchone()
print(row[0])
PY
Xvfb :97 -screen 0 1366x768x24 >"$WORK/xvfb.log" 2>&1 &
XVFB=$!
export DISPLAY=:97
sleep 1
/usr/libexec/at-spi-bus-launcher --launch-immediately >"$WORK/bus.log" 2>&1 &
BUS=$!
sleep 1
ARGS=(--db "$WORK/event.db" --language en)
[ "$MODE" = "--kiosk" ] && ARGS+=(--kiosk)
QT_LINUX_ACCESSIBILITY_ALWAYS_ON=1 QT_QPA_PLATFORM=xcb "$ROOT/.venv/bin/kiosk-gui" "${ARGS[@]}" \
    >"$WORK/app.log" 2>&1 &
APP=$!
rc=0
timeout 60 /usr/bin/python3 "$ROOT/bench/atspi/client.py" "$(cat "$WORK/code")" || rc=$?
kill "$APP" 2>/dev/null || true
sleep 1
kill "$BUS" "$XVFB" 2>/dev/null || true
exit "$rc"
