"""Keep the Qt Linguist catalogues in step with the code, and compile them.

    .venv/bin/python packaging/translations.py update    # tr() strings -> kiosk_{bg,ro,en}.ts
    .venv/bin/python packaging/translations.py release   # .ts -> .qm (shipped with the app)

Translators edit the .ts files (Qt Linguist, or any XML editor); both .ts and .qm are committed.
tests/ui/test_translations.py fails when a string in the code has no finished translation.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
UI = ROOT / "kiosk" / "ui"
FOLDER = UI / "translations"
LANGUAGES = ("bg", "ro", "en")


def tool(name: str) -> str:
    found = shutil.which(name) or shutil.which(name, path=str(Path(sys.executable).parent))
    if found is None:
        raise SystemExit(f"{name} not found: install PySide6-Essentials in this environment")
    return found


def sources() -> list[str]:
    return sorted(str(p.relative_to(ROOT)) for p in UI.rglob("*.py"))


def update(targets: list[Path] | None = None) -> list[Path]:
    """Run lupdate over the UI sources into each language's .ts (or into ``targets``)."""
    paths = targets or [FOLDER / f"kiosk_{lang}.ts" for lang in LANGUAGES]
    for path in paths:
        language = path.stem.split("_")[-1]
        args = [tool("pyside6-lupdate"), *sources(), "-target-language", language,
                "-locations", "none", "-no-obsolete", "-ts", str(path)]  # fmt: skip
        if language == "en":
            args.insert(-2, "-pluralonly")
        subprocess.run(args, cwd=ROOT, check=True, capture_output=True)
    return paths


def release() -> None:
    for path in sorted(FOLDER.glob("*.ts")):
        subprocess.run(
            [tool("pyside6-lrelease"), str(path), "-qm", str(path.with_suffix(".qm"))],
            cwd=ROOT,
            check=True,
            capture_output=True,
        )


if __name__ == "__main__":
    command = sys.argv[1] if len(sys.argv) > 1 else "update"
    if command == "update":
        for p in update():
            print(p.relative_to(ROOT))
    elif command == "release":
        release()
    else:
        raise SystemExit(__doc__)
