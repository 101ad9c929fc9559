"""Builds the wheel with the Node command line inside it.

The JavaScript comes from the repository this folder sits in, built beforehand (`npm ci` builds
it): bin/, dist/bundle/, dist/grammar/ (tree-sitter-python's WebAssembly build), package.json,
and the runtime packages package-lock.json lists (the bundle leaves web-tree-sitter to
node_modules). None of it is native code, so the one wheel (py3-none-any) runs wherever Node.js
does. Nothing is fetched at run time, so the installed command works offline; it needs only
`node` on PATH.
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


def fail(message):
    """Stops the build with one line saying why (pip shows it under "error")."""
    raise SystemExit(f"asyncshift wheel build failed: {message}")


# Source maps and web-tree-sitter's debug build: not needed to run.
LEFT_OUT = shutil.ignore_patterns("*.map", "debug", "node_modules")


class BuildWithNodeCli(build_py):
    def run(self):
        super().run()
        for needed in ("dist/bundle/cli.js", "dist/grammar/tree-sitter-python.wasm"):
            if not (ROOT / needed).is_file():
                fail(
                    f"{ROOT / needed} is missing: run `npm ci` (or `npm run build`) in {ROOT} "
                    "first"
                )
        target = Path(self.build_lib) / "asyncshift" / "_js"
        shutil.rmtree(target, ignore_errors=True)
        try:
            shutil.copytree(ROOT / "bin", target / "bin")
            for folder in ("bundle", "grammar"):
                shutil.copytree(
                    ROOT / "dist" / folder, target / "dist" / folder, ignore=LEFT_OUT
                )
            shutil.copy2(ROOT / "package.json", target / "package.json")
            for path in runtime_packages():
                # Nested packages (a/node_modules/b) are copied by their own entry.
                shutil.copytree(
                    ROOT / path, target / path, ignore=LEFT_OUT, dirs_exist_ok=True
                )
        except OSError as error:
            fail(
                f"{error.strerror or error}: {error.filename} (run `npm ci` in {ROOT} first)"
            )
        native = [
            p
            for p in target.rglob("*")
            if p.suffix in (".node", ".so", ".dylib", ".dll")
        ]
        if native:
            # The wheel is tagged py3-none-any: it must run on every platform Node.js runs on.
            fail(f"{native[0]} is a native binary; the wheel must hold none")


setup(
    version=json.loads((ROOT / "package.json").read_text(encoding="utf-8"))["version"],
    cmdclass={"build_py": BuildWithNodeCli},
)
