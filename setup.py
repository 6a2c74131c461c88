"""Only one thing pyproject.toml cannot say: ship the top-level ``assets/`` folder (fonts, badge
templates, icons) inside the wheel as ``kiosk/assets/``, where :mod:`kiosk.assets` finds it.

A source checkout and an editable install read ``assets/`` beside the package; a frozen bundle
gets the same ``kiosk/assets/`` from packaging/kiosk.spec.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

ASSETS = Path(__file__).resolve().parent / "assets"


class BuildPyWithAssets(build_py):
    def run(self) -> None:
        super().run()
        if getattr(self, "editable_mode", False):
            return  # an editable install reads the checkout's assets/ directly
        if not (ASSETS / "fonts").is_dir():
            raise SystemExit(f"assets folder missing at {ASSETS}: the sdist is incomplete")
        target = Path(self.build_lib) / "kiosk" / "assets"
        if target.exists():
            shutil.rmtree(target)
        shutil.copytree(ASSETS, target, ignore=shutil.ignore_patterns("*.pyc", "__pycache__"))

    def get_outputs(self, include_bytecode: bool = True) -> list[str]:
        outputs = list(super().get_outputs(include_bytecode))
        if not getattr(self, "editable_mode", False):
            root = Path(self.build_lib) / "kiosk" / "assets"
            outputs += [str(root / p.relative_to(ASSETS)) for p in ASSETS.rglob("*") if p.is_file()]
        return outputs


setup(cmdclass={"build_py": BuildPyWithAssets})
