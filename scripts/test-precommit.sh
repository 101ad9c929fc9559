#!/usr/bin/env bash
# End to end with the real pre-commit (requirements-tools.txt): installs this repository's hooks
# into a fresh PRE_COMMIT_HOME and runs them on a sample Django repository. The hooks are taken
# from the work tree as `git stash create` records it (committed and uncommitted changes to tracked
# files, and files added with `git add`; untracked files are not in it), in a local clone tagged
# v<package.json's version>, as a user's config names a release. Checks that:
# - the hook installs with no compiler (CC, CXX and MAKE point at `false`) and builds no addon;
# - its environment holds runtime dependencies only;
# - `asyncshift` fails on a pending rewrite and shows it;
# - `asyncshift-fix` applies it (the commit stops: a file changed), then both hooks pass.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
venv="$("$root/scripts/python-tools.sh")"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
export PRE_COMMIT_HOME="$work/home"
passed=0
failed=0
check() { # check NAME CONDITION...
  local name="$1"
  shift
  if "$@"; then passed=$((passed + 1)); else failed=$((failed + 1)); echo "FAILED: $name" >&2; fi
}

rev="$(git -C "$root" stash create)"
rev="${rev:-$(git -C "$root" rev-parse HEAD)}"
git clone -q --no-checkout "$root" "$work/hook"
tag="v$(node -p "require('$root/package.json').version")"
git -C "$work/hook" tag -f "$tag" "$rev" >/dev/null

sample="$work/sample"
mkdir -p "$sample/shop"
cd "$sample"
git init -q
git config user.email test@example.com
git config user.name test
printf 'Django==5.0\n' >requirements.txt
cat >shop/tasks.py <<'PY'
import asyncio

from .clients import fetch


def sync_one(pk):
    return asyncio.run(fetch(pk))
PY
printf 'def unrelated():\n    return 1\n' >shop/other.py
cat >.pre-commit-config.yaml <<YAML
repos:
  - repo: $work/hook
    rev: $tag
    hooks:
      - id: asyncshift
      - id: asyncshift-fix
YAML
git add -A

# No compiler: a native addon build (node-gyp) would fail, and with it the hook's install.
run_hook() { # run_hook HOOK-ID
  CC=false CXX=false MAKE=false "$venv/bin/pre-commit" run "$1" --all-files >"$work/out" 2>&1
}

started=$SECONDS
if run_hook asyncshift; then status=0; else status=$?; fi
echo "pre-commit installed and ran the hook in $((SECONDS - started)) s" >&2
check "a pending rewrite fails the checking hook" test "$status" -eq 1
check "the output shows the rewrite" grep -q '^+    return async_to_sync(fetch)(pk)$' "$work/out"
check "the checking hook wrote nothing" grep -q 'asyncio.run(fetch(pk))' shop/tasks.py
if [[ $failed -gt 0 ]]; then cat "$work/out" >&2; fi

installed="$(find "$PRE_COMMIT_HOME" -type d -path '*/lib/node_modules/asyncshift' | head -n 1)"
check "the hook's package is installed (from the tagged clone, with no compiler)" test -n "$installed"
check "the hook's environment built no native addon and holds none" \
  test -z "$(find "$PRE_COMMIT_HOME" -name '*.node' -o -path '*/build/Release' | head -n 1)"
runtime_only() {
  [[ -d "$installed/node_modules/yargs" || -d "$installed/../yargs" ]] || return 1
  for dev in typescript vitest esbuild prettier @ast-grep; do
    [[ ! -e "$installed/node_modules/$dev" && ! -e "$installed/../$dev" ]] || return 1
  done
}
check "its environment has runtime dependencies only" runtime_only

if run_hook asyncshift-fix; then status=0; else status=$?; fi
check "the fixing hook stops the commit when it changed a file" test "$status" -eq 1
check "the fixing hook says it changed files" grep -q 'files were modified by this hook' "$work/out"
check "the fixing hook applied the rewrite" grep -q 'return async_to_sync(fetch)(pk)' shop/tasks.py
check "the fixing hook left the other file alone" \
  test "$(cat shop/other.py)" = "$(printf 'def unrelated():\n    return 1')"
if [[ $failed -gt 0 ]]; then cat "$work/out" >&2; fi
git add -A
if "$venv/bin/pre-commit" run --all-files >"$work/out" 2>&1; then status=0; else status=$?; fi
check "both hooks pass once the rewrite is applied" test "$status" -eq 0
if [[ $status -ne 0 ]]; then cat "$work/out" >&2; fi

echo "precommit: $passed passed, $failed failed"
[[ $failed -eq 0 ]]
