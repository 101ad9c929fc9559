#!/usr/bin/env bash
# Builds the pip package in python/ into a temporary virtualenv (as `pip install ./python` does;
# the JavaScript is built by `npm ci` first) and smoke-tests the `asyncshift` command it installs:
# --version, a dry run on a sample project, and the message when `node` is missing.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
passed=0
failed=0
check() { # check NAME CONDITION...
  local name="$1"
  shift
  if "$@"; then passed=$((passed + 1)); else failed=$((failed + 1)); echo "FAILED: $name" >&2; fi
}

"${ASYNCSHIFT_TOOLS_PYTHON:-python3}" -m venv "$work/venv"
"$work/venv/bin/pip" install --quiet --disable-pip-version-check "$root/python"
# Built in place (pip builds in the source tree): leave no build output behind.
rm -rf "$root/python/build" "$root/python/asyncshift.egg-info"
cli="$work/venv/bin/asyncshift"

want="$(node -p "require('$root/package.json').version")"
check "--version prints the package's version" test "$("$cli" --version)" = "$want"
check "the bundled command line is inside the installed package" \
  test -f "$("$work/venv/bin/python" -c 'import asyncshift.__main__ as m; print(m.CLI)')"

sample="$work/sample"
mkdir -p "$sample/shop"
printf 'Django==5.0\n' >"$sample/requirements.txt"
printf 'import asyncio\n\n\ndef sync_one(pk):\n    return asyncio.run(fetch(pk))\n' \
  >"$sample/shop/tasks.py"
if (cd "$sample" && "$cli" .) >"$work/out" 2>&1; then status=0; else status=$?; fi
check "a dry run exits 0" test "$status" -eq 0
check "a dry run prints the patch" grep -q '^+    return async_to_sync(fetch)(pk)$' "$work/out"
check "a dry run writes nothing" grep -q 'asyncio.run(fetch(pk))' "$sample/shop/tasks.py"

if PATH="$work/venv/bin" "$cli" --version >"$work/out" 2>&1; then status=0; else status=$?; fi
check "without node it exits 2" test "$status" -eq 2
check "without node it says what to install" grep -q 'Install Node.js 20.19 or later' "$work/out"

echo "python-wrapper: $passed passed, $failed failed"
[[ $failed -eq 0 ]]
