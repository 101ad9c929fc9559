#!/usr/bin/env bash
# Compares the JSON reports of two commits on the same inputs: the example project, every snapshot
# input and the Python standard library, each in the default mode and with --unsafe-fixes. Used to
# show that a refactoring changed no behaviour. Usage: scripts/compare-outputs.sh BASE [HEAD]
# (HEAD defaults to the work tree as it is). Prints "same" per corpus or the diff's first lines.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
BASE="$1"
HEAD="${2:-}"
WORK="$(mktemp -d)"
trap 'git -C "$ROOT" worktree remove --force "$WORK/base" >/dev/null 2>&1 || true; [ -n "$HEAD" ] && git -C "$ROOT" worktree remove --force "$WORK/head" >/dev/null 2>&1; rm -rf "$WORK"' EXIT

build_at() { # commit dir
  git -C "$ROOT" worktree add --detach "$2" "$1" >/dev/null 2>&1
  ln -s "$ROOT/node_modules" "$2/node_modules"
  (cd "$2" && npx tsc -p tsconfig.json && node scripts/bundle.mjs) >/dev/null
}
build_at "$BASE" "$WORK/base"
if [ -n "$HEAD" ]; then build_at "$HEAD" "$WORK/head"; HEAD_DIR="$WORK/head"; else (cd "$ROOT" && npm run build >/dev/null); HEAD_DIR="$ROOT"; fi

# The inputs, copied once so both builds read the very same files.
mkdir -p "$WORK/in"
cp -r "$ROOT/examples" "$WORK/in/examples"
mkdir -p "$WORK/in/snapshots"
for f in "$ROOT"/snapshots/*/*.input.py; do
  t="$(basename "$(dirname "$f")")"; mkdir -p "$WORK/in/snapshots/$t"; cp "$f" "$WORK/in/snapshots/$t/"
done
# The project cases' inputs, side by side: one corpus (each keeps its own manage.py or pyproject.toml).
mkdir -p "$WORK/in/projects"
for d in "$ROOT"/snapshots/*/*/input; do
  c="$(dirname "$d")"; cp -r "$d" "$WORK/in/projects/$(basename "$(dirname "$c")")--$(basename "$c")"
done
# Copied too: where it is installed, a .gitignore above it (pyenv's ignores versions/) can hide
# every file from discovery, and the comparison would be of two empty reports.
STDLIB="$WORK/in/stdlib"
cp -r "$(python3 -c 'import sysconfig; print(sysconfig.get_paths()["stdlib"])')" "$STDLIB"
rm -rf "$STDLIB/site-packages"
# More corpora to compare (folders, copied as they are): COMPARE_EXTRA="/tmp/django /tmp/wagtail".
EXTRA=()
for dir in ${COMPARE_EXTRA:-}; do cp -r "$dir" "$WORK/in/$(basename "$dir")"; EXTRA+=("$WORK/in/$(basename "$dir")"); done

report() { # build-dir corpus-path extra-flags...
  local dir="$1" path="$2"; shift 2
  (cd "$WORK/in" && node "$dir/bin/asyncshift.js" --format json --jobs 2 "$@" "$path" || true) |
    sed -E 's/"seconds": [0-9.e+-]+/"seconds": 0/'
}
# Each build starts without the index cache (the other build's would stand in for its pre-pass);
# the head then runs again on the cache it made: cold and warm must both say what the base says.
uncached() { find "$WORK/in" -name .asyncshift_cache -prune -exec rm -rf {} +; }
status=0
for corpus in examples snapshots projects "$STDLIB" "${EXTRA[@]}"; do
  for flags in "" "--unsafe-fixes --django"; do
    uncached; report "$WORK/base" "$corpus" $flags >"$WORK/a.json"
    uncached; report "$HEAD_DIR" "$corpus" $flags >"$WORK/b.json"
    report "$HEAD_DIR" "$corpus" $flags >"$WORK/c.json"
    name="$(basename "$corpus") ${flags:-default}"
    if cmp -s "$WORK/a.json" "$WORK/b.json" && cmp -s "$WORK/a.json" "$WORK/c.json"; then
      echo "same: $name ($(wc -c <"$WORK/a.json") bytes, cold and warm)"
    else
      echo "DIFFERENT: $name"; diff "$WORK/a.json" "$WORK/b.json" | head -20 || true
      diff "$WORK/a.json" "$WORK/c.json" | head -20 || true; status=1
    fi
  done
done
exit $status
