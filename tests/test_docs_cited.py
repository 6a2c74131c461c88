"""Every document the repository cites is in the repository.

Code comments, docs and messages that send a reader to ``something.md`` must name a file the
reader can open. A citation resolves against the repository root, the citing file's folder or
``docs/``.
"""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

CITATION = re.compile(r"(?<![\w@.$/{-])((?:[\w.-]+/)*[\w-]+\.md)\b")
TEXT_SUFFIXES = {".py", ".md", ".toml", ".sh", ".txt", ".in", ".cfg", ".ini", ".yml", ".yaml"}

# Names that look like citations but are not: documents that a build writes (and where from),
# and files whose ".md" names are not citations: Moldovan e-mail domains in the demo event, and
# this test's own examples.
NOT_CITATIONS: dict[str, str] = {
    "INSTALL.md": "written into the Linux bundle from docs/install.md by assemble.sh",
}
DATA_FILES = {"kiosk/demo_data.py", "tests/test_docs_cited.py"}


def tracked_text_files() -> list[Path]:
    out = subprocess.run(
        ["git", "ls-files"], cwd=ROOT, capture_output=True, text=True, check=True
    ).stdout
    return [
        ROOT / name
        for name in out.splitlines()
        if Path(name).suffix in TEXT_SUFFIXES and name not in DATA_FILES
    ]


def resolves(citation: str, citing: Path) -> bool:
    name = citation.split("/")[-1]
    if name in NOT_CITATIONS:
        return True
    bases = (ROOT, citing.parent, ROOT / "docs")
    return any((base / citation).resolve().is_file() for base in bases)


def test_every_cited_document_exists() -> None:
    missing = []
    for path in tracked_text_files():
        if not path.is_file():
            continue
        text = path.read_text(encoding="utf-8", errors="replace")
        for line_no, line in enumerate(text.splitlines(), 1):
            for match in CITATION.finditer(line):
                if not resolves(match.group(1), path):
                    missing.append(f"{path.relative_to(ROOT)}:{line_no}: {match.group(1)}")
    assert not missing, "documents cited but not in the repository:\n" + "\n".join(missing)


def test_a_citation_of_a_missing_document_is_caught(tmp_path: Path) -> None:
    citing = tmp_path / "module.py"
    citing.write_text('"""See printing.md for the reasons."""\n', encoding="utf-8")
    found = [m.group(1) for m in CITATION.finditer(citing.read_text(encoding="utf-8"))]
    assert found == ["printing.md"]
    assert not resolves("printing.md", citing)
    assert resolves("docs/design.md", citing)
