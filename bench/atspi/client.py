# mypy: ignore-errors
# (runs on Debian's /usr/bin/python3 with python3-pyatspi, which the project's venv lacks)
"""AT-SPI client (Debian's python3 with python3-pyatspi): what a screen reader sees of the
Kiosk window during a scan. Started by run.sh; prints the tree, unnamed controls and events."""

import subprocess
import sys
import time

import pyatspi
from gi.repository import GLib

code = sys.argv[1]
events = []

def on_event(ev):
    try:
        src = ev.source
        name = src.name if src else ""
        role = src.getRoleName() if src else ""
    except Exception as exc:
        name, role = f"<{exc}>", ""
    events.append((ev.type, role, name, str(ev.any_data)[:200], ev.detail1))

def find_app():
    desktop = pyatspi.Registry.getDesktop(0)
    for i in range(desktop.childCount):
        app = desktop.getChildAtIndex(i)
        if app is not None and app.name and "kiosk" in app.name.lower():
            return app
    return None

def walk(node, depth=0, out=None):
    out = [] if out is None else out
    try:
        state = node.getState()
        if not state.contains(pyatspi.STATE_SHOWING) and depth > 1:
            return out  # hidden screens and popups: not what a person meets now
        out.append((depth, node.getRoleName(), node.name, node.description,
                    state.contains(pyatspi.STATE_FOCUSED)))
        for i in range(node.childCount):
            child = node.getChildAtIndex(i)
            if child is not None and depth < 25:
                walk(child, depth + 1, out)
    except Exception as exc:
        out.append((depth, "error", str(exc), "", False))
    return out

for _ in range(60):
    app = find_app()
    if app is not None:
        break
    time.sleep(0.5)
print("application:", app.name if app else None)
if app is None:
    sys.exit(1)
before = walk(app)
ROLES = ("push button", "text", "combo box", "table", "list", "toggle button", "check box")
unnamed = [(r, n) for d, r, n, desc, f in before if r in ROLES and not n]
print("nodes shown:", len(before), "unnamed interactive:", unnamed)
for d, r, n, desc, f in before:
    if (r in ("panel", "frame", "filler") and n) or r in ROLES:
        print("  " * min(d, 8), r, repr(n), repr(desc)[:80], "FOCUSED" if f else "")

for kind in (
    "object:announcement",
    "object:state-changed:focused",
    "object:property-change:accessible-name",
    "object:property-change:accessible-description",
):
    pyatspi.Registry.registerEventListener(on_event, kind)

def scan():
    found = subprocess.run(["xdotool", "search", "--onlyvisible", "--name", "Kiosk"],
                           capture_output=True, text=True).stdout.split()
    print("windows:", found)
    if found:
        subprocess.run(["xdotool", "windowfocus", "--sync", found[-1]], check=False)
    subprocess.run(["xdotool", "type", "--delay", "5", code], check=False)
    subprocess.run(["xdotool", "key", "Return"], check=False)
    return False

def finish():
    pyatspi.Registry.stop()
    return False

GLib.timeout_add(1500, scan)
GLib.timeout_add(6000, finish)
pyatspi.Registry.start()
print("events after the scan:")
for e in events:
    print("  ", e)
after = walk(app)
for _d, r, n, desc, _f in after:
    if n and ("Welcome" in n or "Already" in n or "Ready" in n):
        print("result node:", r, repr(n), repr(desc)[:200])
