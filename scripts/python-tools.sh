#!/usr/bin/env bash
# Creates .venv-tools/ with requirements-tools.txt installed (black, ruff, pre-commit), once:
# a stamp holding the requirements' checksum makes a second run a no-op. Prints the venv's path.
# ASYNCSHIFT_TOOLS_PYTHON picks the interpreter (default python3).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
venv="$root/.venv-tools"
requirements="$root/requirements-tools.txt"
stamp="$venv/.requirements.sha256"
want="$(sha256sum "$requirements" | cut -d' ' -f1)"
if [[ -f "$stamp" && "$(cat "$stamp")" == "$want" && -x "$venv/bin/python" ]]; then
  echo "$venv"
  exit 0
fi
rm -rf "$venv"
"${ASYNCSHIFT_TOOLS_PYTHON:-python3}" -m venv "$venv" >&2
"$venv/bin/python" -m pip install --quiet --disable-pip-version-check -r "$requirements" >&2
echo "$want" >"$stamp"
echo "$venv"
