"""The `asyncshift` command: hands its arguments to the bundled Node.js command line."""

import os
import shutil
import subprocess
import sys
from pathlib import Path

CLI = Path(__file__).resolve().parent / "_js" / "bin" / "asyncshift.js"
MINIMUM_NODE = (20, 19)


def node_executable():
    """`node` from ASYNCSHIFT_NODE or PATH, or None."""
    named = os.environ.get("ASYNCSHIFT_NODE")
    return shutil.which(named) if named else shutil.which("node")


def node_version(node):
    """(major, minor) of `node`, or None when it does not answer."""
    try:
        out = subprocess.run(
            [node, "--version"], capture_output=True, text=True, timeout=30
        ).stdout
        major, minor = out.strip().lstrip("v").split(".")[:2]
        return int(major), int(minor)
    except (OSError, ValueError, subprocess.SubprocessError):
        return None


def fail(message):
    print(f"asyncshift: {message}", file=sys.stderr)
    return 2


def main():
    node = node_executable()
    named = os.environ.get("ASYNCSHIFT_NODE")
    if node is None and named:
        return fail(
            f"ASYNCSHIFT_NODE is {named!r}, which is not an executable Node.js (no such file, "
            "not executable, or not on PATH). Point it at Node.js 20.19 or later, or unset it "
            "to use the `node` on PATH."
        )
    if node is None:
        return fail(
            "Node.js is needed to run asyncshift, and `node` was not found on PATH. Install "
            "Node.js 20.19 or later (https://nodejs.org, or your package manager), or set "
            "ASYNCSHIFT_NODE to its path."
        )
    version = node_version(node)
    if version is None or version < MINIMUM_NODE:
        shown = "an unknown version" if version is None else "v%d.%d" % version
        return fail(f"{node} is {shown}; asyncshift needs Node.js 20.19 or later.")
    if not CLI.is_file():
        return fail(
            f"{CLI} is missing: this installation is incomplete; reinstall asyncshift."
        )
    argv = [node, str(CLI), *sys.argv[1:]]
    if os.name == "posix":
        # The command's own process: signals, exit code and terminal go straight to it.
        os.execv(node, argv)
    return subprocess.call(argv)


if __name__ == "__main__":
    sys.exit(main())
