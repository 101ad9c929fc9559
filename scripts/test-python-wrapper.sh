#!/usr/bin/env bash
# Builds the wheel of the pip package in python/ (the JavaScript is built by `npm ci` first),
# checks it is what its tag says (py3-none-any: no native binary inside), installs it into a
# temporary virtualenv and smoke-tests the `asyncshift` command: --version, a dry run on a sample
# project, the one line when `node` is missing, and the one line when a build cannot be made.
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
pip=("$work/venv/bin/pip" --quiet --disable-pip-version-check)
"${pip[@]}" wheel --no-deps --wheel-dir "$work/wheels" "$root/python"
# Built in place (pip builds in the source tree): leave no build output behind.
rm -rf "$root/python/build" "$root/python/asyncshift.egg-info"
wheel="$(ls "$work/wheels"/asyncshift-*.whl)"
check "the wheel is tagged for every platform (py3-none-any)" \
  test "$(basename "$wheel")" = "asyncshift-$(node -p "require('$root/package.json').version")-py3-none-any.whl"
"$work/venv/bin/python" -m zipfile -l "$wheel" >"$work/listing"
check "the wheel holds no native binary, as its tag says" \
  test -z "$(grep -E '\.(node|so|dylib|dll|pyd)[[:space:]]' "$work/listing")"
check "the wheel holds the grammar's WebAssembly build" \
  grep -q '_js/dist/grammar/tree-sitter-python.wasm' "$work/listing"
"${pip[@]}" install "$wheel"
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
check "without node it says so in one line" test "$(wc -l <"$work/out")" -eq 1

# A checkout where the JavaScript was never built: the build stops and says why, in one line.
broken="$work/unbuilt"
mkdir -p "$broken"
cp -r "$root/python" "$root/package.json" "$root/package-lock.json" "$broken/"
if "${pip[@]}" wheel --no-deps --wheel-dir "$work/unbuilt-wheels" "$broken/python" >"$work/out" 2>&1; then
  status=0
else
  status=$?
fi
check "a wheel build without the built JavaScript fails" test "$status" -ne 0
check "a failed wheel build says why in one line" grep -qx \
  ".*asyncshift wheel build failed: $broken/dist/bundle/cli.js is missing: run \`npm ci\` (or \`npm run build\`) in $broken first" \
  "$work/out"
if [[ $failed -gt 0 ]]; then cat "$work/out" >&2; fi

echo "python-wrapper: $passed passed, $failed failed"
[[ $failed -eq 0 ]]
