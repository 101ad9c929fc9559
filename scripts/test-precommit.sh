#!/usr/bin/env bash
# End to end with the real pre-commit (requirements-tools.txt): installs this repository's hook
# into a fresh PRE_COMMIT_HOME and runs it on a sample Django repository. The hook is taken from
# the work tree as `git stash create` records it: committed and uncommitted changes to tracked
# files (and files added with `git add`); untracked files are not in it. Checks that the hook fails on a pending rewrite and shows it, passes once the
# rewrite is applied, and that its environment holds runtime dependencies only.
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
git -C "$work/hook" branch -q under-test "$rev"

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
    rev: $rev
    hooks:
      - id: asyncshift
YAML
git add -A

run_hook() { "$venv/bin/pre-commit" run --all-files >"$work/out" 2>&1; }

started=$SECONDS
if run_hook; then status=0; else status=$?; fi
echo "pre-commit installed and ran the hook in $((SECONDS - started)) s" >&2
check "a pending rewrite fails the hook" test "$status" -eq 1
check "the output shows the rewrite" grep -q '^+    return async_to_sync(fetch)(pk)$' "$work/out"
if [[ $failed -gt 0 ]]; then cat "$work/out" >&2; fi

installed="$(find "$PRE_COMMIT_HOME" -type d -path '*/lib/node_modules/asyncshift' | head -n 1)"
check "the hook's package is installed" test -n "$installed"
runtime_only() {
  [[ -d "$installed/node_modules/yargs" || -d "$installed/../yargs" ]] || return 1
  for dev in typescript vitest esbuild prettier @ast-grep; do
    [[ ! -e "$installed/node_modules/$dev" && ! -e "$installed/../$dev" ]] || return 1
  done
}
check "its environment has runtime dependencies only" runtime_only

check "the installed command applies the rewrite" \
  "$installed/bin/asyncshift.js" --write --allow-dirty --quiet shop/tasks.py
git add -A
if run_hook; then status=0; else status=$?; fi
check "the hook passes once the rewrite is applied" test "$status" -eq 0
if [[ $status -ne 0 ]]; then cat "$work/out" >&2; fi

echo "precommit: $passed passed, $failed failed"
[[ $failed -eq 0 ]]
