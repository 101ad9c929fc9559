"""Builds the wheel with the Node command line inside it.

The JavaScript comes from the repository this folder sits in, built beforehand (`npm ci` builds
it): bin/, dist/bundle/, package.json, and the runtime packages package-lock.json lists (the
bundle leaves the tree-sitter native addons to node_modules). Nothing is fetched at run time, so
the installed command works offline; it needs only `node` on PATH.
"""

import json
import shutil
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

ROOT = Path(__file__).resolve().parent.parent


def runtime_packages():
    """node_modules paths of the packages `npm ci --omit=dev` would install."""
    lock = json.loads((ROOT / "package-lock.json").read_text(encoding="utf-8"))
    return [
        path
        for path, entry in lock["packages"].items()
        if path and not entry.get("dev")
    ]


class BuildWithNodeCli(build_py):
    def run(self):
        super().run()
        if not (ROOT / "dist" / "bundle" / "cli.js").is_file():
            raise SystemExit(
                f"{ROOT / 'dist' / 'bundle'} is missing: run `npm ci` (or `npm run build`) in "
                f"{ROOT} before building the Python package"
            )
        target = Path(self.build_lib) / "asyncshift" / "_js"
        shutil.rmtree(target, ignore_errors=True)
        shutil.copytree(ROOT / "bin", target / "bin")
        shutil.copytree(
            ROOT / "dist" / "bundle",
            target / "dist" / "bundle",
            ignore=shutil.ignore_patterns("*.map"),
        )
        shutil.copy2(ROOT / "package.json", target / "package.json")
        for path in runtime_packages():
            # Nested packages (a/node_modules/b) are copied by their own entry.
            shutil.copytree(
                ROOT / path,
                target / path,
                ignore=shutil.ignore_patterns("node_modules"),
                dirs_exist_ok=True,
            )


setup(
    version=json.loads((ROOT / "package.json").read_text(encoding="utf-8"))["version"],
    cmdclass={"build_py": BuildWithNodeCli},
)
