// Running the command line and checking what it left, for the stress checks (scripts/stress.mjs,
// scripts/stress-projects.mjs).
import { execFileSync, spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import {
  lstatSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  readlinkSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");
export const BIN = join(ROOT, "bin/asyncshift.js");

/** Every entry under `dir` (files by content hash, links by target), by path relative to `dir`. */
export function snapshot(dir) {
  const entries = new Map();
  const walk = (d) => {
    for (const name of readdirSync(d)) {
      const path = join(d, name);
      const stat = lstatSync(path);
      const rel = relative(dir, path);
      if (stat.isSymbolicLink()) entries.set(rel, `link:${readlinkSync(path)}`);
      // The project index's cache is the tool's own (like .ruff_cache), not a change to the code.
      else if (stat.isDirectory()) {
        if (name !== ".asyncshift_cache") walk(path);
      } else entries.set(rel, createHash("sha1").update(readFileSync(path)).digest("hex"));
    }
  };
  walk(dir);
  return entries;
}

/** Runs the command line; the JSON report parsed, exit code, stderr, seconds. */
export function asyncshift(args, { cwd = ROOT, shell } = {}) {
  const started = performance.now();
  const argv = [BIN, ...args, "--format", "json"];
  const result = shell
    ? spawnSync("bash", ["-c", `${shell}; exec "$0" "$@"`, process.execPath, ...argv], {
        cwd,
        encoding: "utf8",
        maxBuffer: 1 << 30,
      })
    : spawnSync(process.execPath, argv, { cwd, encoding: "utf8", maxBuffer: 1 << 30 });
  let report;
  try {
    report = JSON.parse(result.stdout);
  } catch {
    report = undefined;
  }
  return {
    code: result.status,
    signal: result.signal,
    report,
    stdout: result.stdout,
    stderr: result.stderr,
    seconds: (performance.now() - started) / 1000,
  };
}

// Compiles each file in one python3 process; prints {path: error or null}.
const COMPILE_ALL = `
import json, sys
out = {}
for path in json.load(open(sys.argv[1])):
    try:
        with open(path, "rb") as f:
            compile(f.read(), path, "exec", dont_inherit=True)
        out[path] = None
    except (SyntaxError, ValueError, RecursionError, MemoryError) as e:
        out[path] = f"{type(e).__name__}: {e}"
print(json.dumps(out))
`;

/** CPython's verdict per file (undefined: compiles). One python3 process for all. */
export function compileFiles(paths) {
  if (paths.length === 0) return new Map();
  const dir = mkdtempSync(join(tmpdir(), "asyncshift-compile-"));
  try {
    const list = join(dir, "files.json");
    writeFileSync(list, JSON.stringify(paths));
    const out = execFileSync("python3", ["-c", COMPILE_ALL, list], {
      encoding: "utf8",
      maxBuffer: 1 << 28,
    });
    const verdicts = JSON.parse(out);
    return new Map(paths.map((p) => [p, verdicts[p] ?? undefined]));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Runs git in `dir` as a fixed author, quietly: `gitIn(dir)("commit", "-qm", "x")`. */
export function gitIn(dir) {
  return (...args) =>
    execFileSync("git", args, {
      cwd: dir,
      stdio: "ignore",
      env: {
        ...process.env,
        GIT_AUTHOR_NAME: "stress",
        GIT_AUTHOR_EMAIL: "stress@example.com",
        GIT_COMMITTER_NAME: "stress",
        GIT_COMMITTER_EMAIL: "stress@example.com",
      },
    });
}
