#!/usr/bin/env node
// Corpus stress for asyncshift (issue 7): `npm run stress` runs it all; test/stress/*.test.ts run a
// subset of each check inside `npm test`. It drives the built command line (dist/) as a user would.
//
//   node scripts/stress.mjs [--quick] [--kills N] [--many N] [--keep]
//
// 1. corpus: a temp copy of this machine's Python standard library (no site-packages) plus
//    examples/, every transform, --django --unsafe-fixes --write. Every changed file must compile
//    with CPython (one python3 process for all), every other file must be byte-identical, nothing
//    outside the given path may change (a link points out of it), a second run must make zero
//    edits, and no file may fail with an internal error (AS999, AS901) or crash the run.
// 2. kills: a write run over a large corpus is killed (SIGKILL) at random moments, several times;
//    after each kill every file must be wholly its old or wholly its new version, and a last run to
//    completion must give exactly what an uninterrupted run gives.
// 3. many: one folder of 50,000 files, run under `ulimit -n 256`: no descriptor exhaustion.
// 4. big: a 5 MB file is migrated and compiles.
// 5. tree copy: every node of every stdlib file, copied into JavaScript (src/syntax/tree.ts), has
//    the binding's type, range, parent and field.
// 6. text tests: wherever a transform's mayHoldSite turns a stdlib file down before the parse, the
//    transform run on that file anyway finds nothing (no edit, no diagnostic, no site).
// 7. write groups (issue 22): a git repository of packages whose wrapper awaits a twin in another
//    file (one write group each) plus examples/. Kills (one always inside a group, between its two
//    files; the others at random) must never leave a caller rewritten without its twin; the
//    recovery run (plain --write, no --allow-dirty) must finish the work exactly as an
//    uninterrupted run, with no journal entry and no temporary file left; runs started at once on
//    a fresh copy must give the same result with every twin defined once.
// 8. projects (issue 22, items 2 and 3; scripts/stress-projects.mjs): a monorepo whose services all
//    have app.helpers.mark_paid, half of them with transaction.atomic() in it, and helpers other
//    modules hand to a thread pool, get by getattr or name in a string. Each service must be
//    planned against its own helper, every helper named other than by a call keeps its sync form
//    beside a twin, changed files compile, a second run changes nothing, a run naming a few files
//    with the cache warm and a run inside a service agree with the run from the root.
import { spawn, execFileSync } from "node:child_process";
import { setTimeout as sleep } from "node:timers/promises";
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { BIN, ROOT, asyncshift, compileFiles, gitIn, snapshot } from "./stress-run.mjs";

const EXAMPLES = join(ROOT, "examples");
/** What an interrupted write may leave behind next to a file (see writeAtomically). */
const TEMP_FILE = /\.asyncshift-[0-9a-f]+\.tmp$/;

export function stdlibPath() {
  return execFileSync(
    "python3",
    ["-c", 'import sysconfig; print(sysconfig.get_paths()["stdlib"])'],
    { encoding: "utf8" },
  ).trim();
}

/** Copies `from` to `to`, leaving out site-packages and byte-code caches. */
function copyTree(from, to, keep = () => true) {
  cpSync(from, to, {
    recursive: true,
    verbatimSymlinks: true,
    filter: (src) => {
      const name = src.slice(src.lastIndexOf("/") + 1);
      if (name === "site-packages" || name === "__pycache__") return false;
      return keep(relative(from, src));
    },
  });
}

function countBy(items, key) {
  const counts = {};
  for (const item of items) counts[key(item)] = (counts[key(item)] ?? 0) + 1;
  return counts;
}

/** Findings common to every run: internal errors and crashes. */
function internalProblems(run, label) {
  const problems = [];
  if (!run.report)
    problems.push(`${label}: no JSON report (exit ${run.code}): ${run.stderr.slice(0, 2000)}`);
  if (run.code === 2 || run.signal) problems.push(`${label}: exit ${run.code ?? run.signal}`);
  if (/internal error/i.test(run.stderr)) problems.push(`${label}: ${run.stderr.slice(0, 2000)}`);
  for (const file of run.report?.files ?? [])
    for (const d of file.diagnostics)
      if (d.code === "AS999" || d.code === "AS901")
        problems.push(`${label}: ${file.path}: ${d.code} ${d.message}`);
  return problems;
}

/**
 * Check 1. `keep` picks which stdlib paths to copy (all by default). Returns the figures and the
 * list of problems (empty when every guarantee held).
 */
export function corpusStress({ keep, jobs = 2, log = () => {}, keepDir = false } = {}) {
  const base = mkdtempSync(join(tmpdir(), "asyncshift-stress-"));
  const corpus = join(base, "corpus");
  const outside = join(base, "outside");
  const problems = [];
  try {
    copyTree(stdlibPath(), join(corpus, "stdlib"), keep);
    copyTree(EXAMPLES, join(corpus, "examples"));
    // Something outside the given path that a followed link would rewrite.
    mkdirSync(outside);
    writeFileSync(
      join(outside, "victim.py"),
      "import asyncio\n\n\nasync def f():\n    pass\n\n\ndef g():\n    asyncio.run(f())\n",
    );
    symlinkSync(join(outside, "victim.py"), join(corpus, "examples", "link_out.py"));
    const before = snapshot(base);
    log(`corpus: ${[...before.keys()].filter((p) => p.endsWith(".py")).length} .py files`);

    const args = ["--write", "--django", "--unsafe-fixes", "--jobs", String(jobs), "corpus"];
    const first = asyncshift(args, { cwd: base });
    problems.push(...internalProblems(first, "first run"));
    if (!first.report) return { problems, figures: {} };
    const after = snapshot(base);

    const reported = new Set(
      first.report.files.filter((f) => f.status === "changed").map((f) => f.path),
    );
    const changed = [];
    for (const [path, hash] of before) {
      if (!after.has(path)) problems.push(`deleted: ${path}`);
      else if (after.get(path) !== hash) {
        changed.push(path);
        if (!reported.has(path)) problems.push(`changed on disk but not reported: ${path}`);
      }
    }
    for (const path of after.keys())
      if (!before.has(path)) problems.push(`new file left behind: ${path}`);
    for (const path of reported)
      if (before.get(path) === after.get(path))
        problems.push(`reported changed, unchanged on disk: ${path}`);
    for (const path of changed)
      if (!path.startsWith("corpus/")) problems.push(`written outside the given path: ${path}`);

    const verdicts = compileFiles(changed.map((p) => join(base, p)));
    const compileFailures = [...verdicts].filter(([, error]) => error !== undefined);
    for (const [path, error] of compileFailures)
      problems.push(`does not compile after the rewrite: ${relative(base, path)}: ${error}`);

    const second = asyncshift(args, { cwd: base });
    problems.push(...internalProblems(second, "second run"));
    const secondEdits = second.report
      ? Object.values(second.report.summary.editsByTransform).reduce((a, b) => a + b, 0)
      : NaN;
    if (secondEdits !== 0 || second.report?.summary.filesChanged !== 0)
      problems.push(
        `second run not idempotent: ${secondEdits} edits in ${second.report?.summary.filesChanged} files: ` +
          (second.report?.files ?? [])
            .filter((f) => f.status === "changed")
            .map((f) => f.path)
            .slice(0, 20)
            .join(", "),
      );
    const afterSecond = snapshot(base);
    for (const [path, hash] of after)
      if (afterSecond.get(path) !== hash) problems.push(`second run changed ${path}`);

    const diagnostics = first.report.files.flatMap((f) => f.diagnostics);
    const s = first.report.summary;
    const figures = {
      pyFiles: [...before.keys()].filter((p) => p.endsWith(".py")).length,
      filesScanned: s.filesScanned,
      filesChanged: s.filesChanged,
      filesWritten: s.filesWritten,
      filesChangedOnDisk: changed.length,
      filesUnchangedByteIdentical: before.size - changed.length,
      filesSkipped: s.filesSkipped,
      filesFailed: s.filesFailed,
      editsByTransform: s.editsByTransform,
      diagnosticsByCode: countBy(diagnostics, (d) => d.code),
      compileFailures: compileFailures.length,
      secondRunEdits: secondEdits,
      exitCodes: [first.code, second.code],
      seconds: [Number(first.seconds.toFixed(1)), Number(second.seconds.toFixed(1))],
    };
    return { problems, figures };
  } finally {
    if (keepDir) log(`kept ${base}`);
    else rmSync(base, { recursive: true, force: true });
  }
}

/** A corpus where most files change: examples/ copied `copies` times, plus stdlib asyncio. */
function writeHeavyCorpus(dir, copies) {
  for (let i = 0; i < copies; i++)
    copyTree(EXAMPLES, join(dir, `copy${String(i).padStart(4, "0")}`));
  copyTree(join(stdlibPath(), "asyncio"), join(dir, "asyncio"));
}

/** Files whose name is .py, relative path -> bytes; `keep(rel)` may leave folders and files out. */
function pySources(dir, keep = () => true) {
  const out = new Map();
  const walk = (d) => {
    for (const entry of readdirSync(d, { withFileTypes: true })) {
      const path = join(d, entry.name);
      if (!keep(relative(dir, path))) continue;
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith(".py")) out.set(relative(dir, path), readFileSync(path));
    }
  };
  walk(dir);
  return out;
}

function leftoverTempFiles(dir) {
  const out = [];
  const walk = (d) => {
    for (const entry of readdirSync(d, { withFileTypes: true })) {
      const path = join(d, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (TEMP_FILE.test(entry.name)) out.push(relative(dir, path));
    }
  };
  walk(dir);
  return out;
}

/**
 * Runs until killed with SIGKILL: at `afterMs`, or as soon as `ready()` (polled every few
 * milliseconds) says so, whichever comes first.
 */
function runUntilKilled(args, cwd, afterMs, ready = () => false) {
  return new Promise((resolvePromise) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd, stdio: "ignore" });
    const kill = () => child.kill("SIGKILL");
    const timer = setTimeout(kill, afterMs);
    const poll = setInterval(() => {
      if (ready()) kill();
    }, 5);
    child.on("exit", (code, signal) => {
      clearTimeout(timer);
      clearInterval(poll);
      resolvePromise({ code, signal });
    });
  });
}

/**
 * Check 2. Kills a --write run `kills` times at random moments; after each, every file must be its
 * old or its new version and compile. Returns figures and problems.
 */
export async function killStress({ copies = 150, kills = 5, jobs = 2, log = () => {}, seed } = {}) {
  log(`seed ${seed ?? "(from the clock)"}`);
  const base = mkdtempSync(join(tmpdir(), "asyncshift-kill-"));
  const problems = [];
  let random = seed ?? (Date.now() % 2147483646) + 1;
  const nextRandom = () => (random = (random * 48271) % 2147483647) / 2147483647;
  try {
    const original = join(base, "original");
    writeHeavyCorpus(original, copies);
    const reference = join(base, "reference");
    const victim = join(base, "victim");
    cpSync(original, reference, { recursive: true });
    cpSync(original, victim, { recursive: true });
    const args = ["--write", "--django", "--unsafe-fixes", "--jobs", String(jobs), "--quiet", "."];

    const full = asyncshift(
      args.filter((a) => a !== "--quiet"),
      { cwd: reference },
    );
    problems.push(...internalProblems(full, "reference run"));
    const olds = pySources(original);
    const news = pySources(reference);
    const changing = [...olds.keys()].filter((p) => !olds.get(p).equals(news.get(p)));
    log(
      `kill corpus: ${olds.size} .py files, ${changing.length} change; full run ${full.seconds.toFixed(1)}s`,
    );
    // Both versions of every file must compile (old ones that do not are not ours to judge).
    const oldVerdicts = compileFiles([...olds.keys()].map((p) => join(original, p)));
    const newVerdicts = compileFiles(changing.map((p) => join(reference, p)));
    for (const p of changing)
      if (newVerdicts.get(join(reference, p)) && !oldVerdicts.get(join(original, p)))
        problems.push(`new version does not compile: ${p}`);

    const killedAt = [];
    let mixedStates = 0;
    for (let k = 0; k < kills; k++) {
      // Odd kills: a random moment of the run, start-up included. Even kills: as soon as a random
      // number of the files still to do have been written, so that a kill lands among the writes
      // however fast the machine is.
      const ms = Math.round(150 + nextRandom() * Math.max(200, full.seconds * 1000 * 0.9));
      const pending = changing.filter((p) => !readFileSync(join(victim, p)).equals(news.get(p)));
      const target = 1 + Math.floor(nextRandom() * Math.max(1, pending.length - 1));
      const byProgress = k % 2 === 1;
      const progressed = () =>
        pending.filter((p) => !readFileSync(join(victim, p)).equals(olds.get(p))).length >= target;
      const started = performance.now();
      const outcome = await runUntilKilled(
        args,
        victim,
        byProgress ? full.seconds * 3000 : ms,
        byProgress ? progressed : undefined,
      );
      const at = byProgress
        ? `${Math.round(performance.now() - started)}ms (after ${target} of ${pending.length} writes)`
        : `${ms}ms`;
      killedAt.push(outcome.signal ? at : `${at} (finished first)`);
      const now = pySources(victim);
      let asNew = 0;
      for (const [p, bytes] of olds) {
        const current = now.get(p);
        if (!current) problems.push(`kill ${k + 1}: ${p} is missing`);
        else if (current.equals(news.get(p))) asNew += changing.includes(p) ? 1 : 0;
        else if (!current.equals(bytes))
          problems.push(`kill ${k + 1}: ${p} is neither old nor new`);
      }
      for (const p of now.keys())
        if (!olds.has(p)) problems.push(`kill ${k + 1}: new .py file ${p}`);
      if (asNew > 0 && asNew < changing.length) mixedStates++;
      log(
        `kill ${k + 1} at ${killedAt.at(-1)}: ${asNew}/${changing.length} files new, the rest old`,
      );
      if (asNew === changing.length) break; // nothing left to interrupt
    }
    const finish = asyncshift(args, { cwd: victim });
    problems.push(...internalProblems(finish, "run after kills"));
    const finalSources = pySources(victim);
    for (const [p, bytes] of news)
      if (!finalSources.get(p)?.equals(bytes))
        problems.push(`after kills and a full run, ${p} differs from an uninterrupted run`);
    const leftovers = leftoverTempFiles(victim);
    return {
      problems,
      figures: {
        pyFiles: olds.size,
        changingFiles: changing.length,
        kills: killedAt,
        killsCaughtMidWrite: mixedStates,
        leftoverTempFiles: leftovers.length,
      },
    };
  } finally {
    rmSync(base, { recursive: true, force: true });
  }
}

/**
 * Check 3. One folder of `count` files (one in 100 has work), run with at most `fdLimit` open
 * descriptors. Returns figures and problems.
 */
export function manyFilesStress({ count = 50_000, fdLimit = 256, jobs = 2, log = () => {} } = {}) {
  const base = mkdtempSync(join(tmpdir(), "asyncshift-many-"));
  const dir = join(base, "flat");
  const problems = [];
  try {
    mkdirSync(dir);
    const work =
      "import asyncio\n\n\nasync def fetch(n):\n    return n\n\n\ndef handler(n):\n    return asyncio.run(fetch(n))\n";
    for (let i = 0; i < count; i++)
      writeFileSync(
        join(dir, `m${String(i).padStart(6, "0")}.py`),
        i % 100 === 0 ? work : `VALUE_${i} = ${i}\n`,
      );
    log(`many: ${count} files in one folder, ulimit -n ${fdLimit}`);
    const args = ["--write", "--django", "--jobs", String(jobs), "flat"];
    const run = asyncshift(args, { cwd: base, shell: `ulimit -n ${fdLimit}` });
    problems.push(...internalProblems(run, "many-files run"));
    if (/EMFILE|ENFILE/.test(run.stderr + run.stdout))
      problems.push("descriptor exhaustion (EMFILE)");
    const s = run.report?.summary;
    const expectedChanges = Math.ceil(count / 100);
    if (s?.filesScanned !== count) problems.push(`scanned ${s?.filesScanned} of ${count} files`);
    if (s?.filesWritten !== expectedChanges)
      problems.push(`wrote ${s?.filesWritten} files, expected ${expectedChanges}`);
    const written = (run.report?.files ?? [])
      .filter((f) => f.status === "changed")
      .map((f) => join(base, f.path));
    const failures = [...compileFiles(written)].filter(([, e]) => e !== undefined);
    for (const [p, e] of failures) problems.push(`does not compile: ${p}: ${e}`);
    for (const f of run.report?.files ?? [])
      if (f.status === "failed") problems.push(`${f.path}: ${f.reason}`);
    return {
      problems,
      figures: {
        files: count,
        fdLimit,
        filesWritten: s?.filesWritten,
        compileFailures: failures.length,
        exitCode: run.code,
        seconds: Number(run.seconds.toFixed(1)),
      },
    };
  } finally {
    rmSync(base, { recursive: true, force: true });
  }
}

const CHAIN_MODELS = `from django.db import models


class Review(models.Model):
    external_id = models.IntegerField()
    state = models.CharField(max_length=20)
`;
const CHAIN_SERVICES = `from .models import Review


def record_review(external_id, state):
    Review.objects.update_or_create(external_id=external_id, defaults={"state": state})


def close_review(external_id):
    Review.objects.filter(external_id=external_id).update(state="closed")
`;
const CHAIN_API = `from asgiref.sync import sync_to_async

from .services import close_review, record_review


@sync_to_async
def record(external_id, state):
    record_review(external_id, state)
    close_review(external_id)


async def webhook(payload):
    await record(payload["id"], payload["state"])
`;

/** A git repository of `packages` chain packages (shopNNNN/) and examples/, all committed. */
function chainRepo(dir, packages) {
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, "requirements.txt"), "Django==5.2\n");
  writeFileSync(join(dir, "manage.py"), "");
  for (let i = 0; i < packages; i++) {
    const pkg = join(dir, `shop${String(i).padStart(4, "0")}`);
    mkdirSync(pkg);
    writeFileSync(join(pkg, "__init__.py"), "");
    writeFileSync(join(pkg, "models.py"), CHAIN_MODELS);
    writeFileSync(join(pkg, "services.py"), CHAIN_SERVICES);
    writeFileSync(join(pkg, "api.py"), CHAIN_API);
  }
  copyTree(EXAMPLES, join(dir, "examples"));
  const git = gitIn(dir);
  git("init", "-q", "-b", "main");
  git("add", "-A");
  git("commit", "-q", "-m", "corpus");
}

/** Every temporary file a write or the cache may leave: beside the files, in the cache folder. */
function leftovers(dir) {
  const out = [];
  const walk = (d) => {
    for (const entry of readdirSync(d, { withFileTypes: true })) {
      const path = join(d, entry.name);
      if (entry.isDirectory()) {
        if (entry.name !== ".git") walk(path);
      } else if (entry.name.endsWith(".tmp")) out.push(relative(dir, path));
    }
  };
  walk(dir);
  const journal = join(dir, ".asyncshift_cache", "journal");
  if (existsSync(journal))
    for (const name of readdirSync(journal)) out.push(`journal entry left: ${name}`);
  return out;
}

/** Problems in the state of the chain packages: a caller rewritten without its twin, twins twice. */
function groupProblems(dir, packages, olds, news, label) {
  const problems = [];
  for (let i = 0; i < packages; i++) {
    const pkg = `shop${String(i).padStart(4, "0")}`;
    const api = readFileSync(join(dir, pkg, "api.py"));
    const services = readFileSync(join(dir, pkg, "services.py"), "utf8");
    const twins = services.split("async def arecord_review(").length - 1;
    if (twins > 1) problems.push(`${label}: ${pkg}/services.py defines its twin ${twins} times`);
    if (api.equals(news.get(`${pkg}/api.py`)) && twins === 0)
      problems.push(`${label}: ${pkg}/api.py awaits a twin services.py does not have`);
    for (const path of [`${pkg}/api.py`, `${pkg}/services.py`]) {
      const now = readFileSync(join(dir, path));
      if (!now.equals(olds.get(path)) && !now.equals(news.get(path)))
        problems.push(`${label}: ${path} is neither old nor new`);
    }
  }
  return problems;
}

/** Each .py file that differs from `expected`, by path. */
function differences(dir, expected, label) {
  const now = pySources(dir, (rel) => !rel.startsWith(".git"));
  const problems = [];
  for (const [path, bytes] of expected)
    if (!now.get(path)?.equals(bytes))
      problems.push(`${label}: ${path} differs from an uninterrupted run`);
  return problems;
}

/** Starts the command line; resolves with its exit code, signal and output. */
function started(args, cwd, env = {}) {
  return new Promise((resolvePromise) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      cwd,
      env: { ...process.env, ...env },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d) => (stdout += d));
    child.stderr.on("data", (d) => (stderr += d));
    child.on("close", (code, signal) => resolvePromise({ code, signal, stdout, stderr }));
  });
}

/**
 * Check 7 (issue 22). Write groups in a git repository: kills during group writes, the recovery
 * run, concurrent runs and leftover temporary files, each a failing check.
 */
export async function groupStress({
  packages = 60,
  kills = 4,
  concurrent = 3,
  log = () => {},
  seed,
} = {}) {
  const base = mkdtempSync(join(tmpdir(), "asyncshift-groups-"));
  const problems = [];
  let random = seed ?? (Date.now() % 2147483646) + 1;
  const nextRandom = () => (random = (random * 48271) % 2147483647) / 2147483647;
  const args = ["--write", "--jobs", "2", "--quiet", "."];
  try {
    const original = join(base, "original");
    chainRepo(original, packages);
    const reference = join(base, "reference");
    cpSync(original, reference, { recursive: true });
    const full = asyncshift(
      args.filter((a) => a !== "--quiet"),
      { cwd: reference },
    );
    problems.push(...internalProblems(full, "reference run"));
    const olds = pySources(original, (rel) => !rel.startsWith(".git"));
    const news = pySources(reference, (rel) => !rel.startsWith(".git"));
    const changing = [...olds.keys()].filter((p) => !olds.get(p).equals(news.get(p)));
    const groupsWritten = [...Array(packages).keys()].filter((i) =>
      changing.includes(`shop${String(i).padStart(4, "0")}/api.py`),
    ).length;
    if (groupsWritten !== packages)
      problems.push(`reference run converted ${groupsWritten} of ${packages} chains`);
    log(
      `groups: ${packages} chain packages, ${changing.length} files change; full run ${full.seconds.toFixed(1)}s`,
    );

    const victim = join(base, "victim");
    cpSync(original, victim, { recursive: true });
    // Always one kill inside a group: between the twin's file and its caller's.
    const firstKill = await started(args, victim, { ASYNCSHIFT_TEST_WRITE_FAULT: "kill:api.py" });
    if (firstKill.signal !== "SIGKILL")
      problems.push(`the kill inside a group did not happen (${firstKill.code})`);
    problems.push(...groupProblems(victim, packages, olds, news, "kill inside a group"));
    const killedAt = ["inside a group"];
    for (let k = 0; k < kills; k++) {
      const ms = Math.round(100 + nextRandom() * Math.max(200, full.seconds * 1000));
      const outcome = await runUntilKilled(args, victim, ms);
      killedAt.push(outcome.signal ? `${ms}ms` : `${ms}ms (finished first)`);
      problems.push(...groupProblems(victim, packages, olds, news, `kill ${k + 1} at ${ms}ms`));
    }
    const recovery = asyncshift(
      args.filter((a) => a !== "--quiet"),
      { cwd: victim },
    );
    problems.push(...internalProblems(recovery, "recovery run"));
    // Examples/ keeps error diagnostics by design: the exit code is the uninterrupted run's.
    if (recovery.code !== full.code)
      problems.push(`recovery run exited ${recovery.code}, an uninterrupted run ${full.code}`);
    const refused = (recovery.report?.files ?? []).filter((f) =>
      f.diagnostics.some((d) => d.code === "AS906"),
    );
    if (refused.length > 0)
      problems.push(
        `recovery run refused ${refused.length} files as uncommitted: ${refused
          .map((f) => f.path)
          .slice(0, 5)
          .join(", ")}`,
      );
    problems.push(...differences(victim, news, "after the kills and the recovery run"));
    const left = leftovers(victim);
    for (const path of left) problems.push(`after the recovery run: ${path}`);

    const together = join(base, "together");
    cpSync(original, together, { recursive: true });
    const runs = [];
    for (let r = 0; r < concurrent; r++) {
      runs.push(started(args, together));
      await sleep(Math.round(nextRandom() * 300));
    }
    const outcomes = await Promise.all(runs);
    for (const [r, o] of outcomes.entries()) {
      if (o.code !== full.code)
        problems.push(
          `concurrent run ${r + 1} exited ${o.code ?? o.signal}: ${o.stderr.slice(0, 500)}`,
        );
    }
    problems.push(...groupProblems(together, packages, olds, news, "concurrent runs"));
    problems.push(...differences(together, news, "after concurrent runs"));
    for (const path of leftovers(together)) problems.push(`after concurrent runs: ${path}`);
    return {
      problems,
      figures: {
        packages,
        changingFiles: changing.length,
        kills: killedAt,
        concurrentRuns: concurrent,
        waited: outcomes.filter((o) => o.stderr.includes("waiting for another asyncshift run"))
          .length,
        leftovers: left.length,
      },
    };
  } finally {
    rmSync(base, { recursive: true, force: true });
  }
}

/**
 * The --quick part of the stdlib (about a fifth): the top-level modules, asyncio (most sites),
 * json, email, lib2to3 (with its test data of intentional syntax errors), and test/'s top-level
 * files plus the folders of odd encodings and tokenizer data (bad coding cookies, not UTF-8).
 */
export function quickSubset(rel) {
  if (rel === "" || !rel.includes("/")) return true;
  if (/^(asyncio|json|email|lib2to3|test\/encoded_modules|test\/tokenizedata)(\/|$)/.test(rel))
    return true;
  return /^test\/[^/]+$/.test(rel) && rel.endsWith(".py");
}

/**
 * Check 4. A 5 MB file (mostly data, one site at the end) next to a small one: migrated, compiles,
 * no internal error. Returns figures and problems.
 */
export function bigFileStress({ megabytes = 5, log = () => {} } = {}) {
  const base = mkdtempSync(join(tmpdir(), "asyncshift-big-"));
  const problems = [];
  try {
    const head = "import asyncio\n\n\nasync def fetch(n):\n    return n\n\n\n";
    const rows = [head];
    let size = head.length;
    for (let i = 0; size < megabytes * 1024 * 1024; i++) {
      const row = `ROW_${i} = (${i}, "name ${i}", {"k": [${i}, ${i + 1}]})  # row ${i}\n`;
      rows.push(row);
      size += row.length;
    }
    rows.push("\n\ndef handler(n):\n    return asyncio.run(fetch(n))\n");
    writeFileSync(join(base, "big.py"), rows.join(""));
    writeFileSync(join(base, "small.py"), head + "def g():\n    return asyncio.run(fetch(1))\n");
    log(`big: ${(size / 1024 / 1024).toFixed(1)} MB file`);
    const run = asyncshift(["--write", "--django", "--jobs", "2", "."], { cwd: base });
    problems.push(...internalProblems(run, "big-file run"));
    if (run.report?.summary.filesWritten !== 2)
      problems.push(`wrote ${run.report?.summary.filesWritten} of 2 files`);
    const failures = [...compileFiles([join(base, "big.py"), join(base, "small.py")])].filter(
      ([, e]) => e !== undefined,
    );
    for (const [p, e] of failures) problems.push(`does not compile: ${p}: ${e}`);
    const text = readFileSync(join(base, "big.py"), "utf8");
    if (!text.endsWith("    return async_to_sync(fetch)(n)\n"))
      problems.push("big.py not migrated");
    return {
      problems,
      figures: {
        megabytes,
        compileFailures: failures.length,
        seconds: Number(run.seconds.toFixed(1)),
      },
    };
  } finally {
    rmSync(base, { recursive: true, force: true });
  }
}

/**
 * The text of every UTF-8 file of the stdlib (no site-packages) that `keep` accepts, by path: the
 * runner skips the others (AS902).
 */
function stdlibTexts(keep) {
  const texts = new Map();
  const sources = pySources(
    stdlibPath(),
    (rel) => !/(^|\/)(site-packages|__pycache__)$/.test(rel) && keep(rel),
  );
  for (const [file, bytes] of sources) {
    try {
      texts.set(file, new TextDecoder("utf-8", { fatal: true, ignoreBOM: true }).decode(bytes));
    } catch {
      // not UTF-8
    }
  }
  return texts;
}

/**
 * Check 5. Every file of the stdlib (or the quick subset), parsed and copied: each node of the copy
 * must have the type, named flag, range, parent and field the binding's cursor reports. The copy
 * reads keyword, punctuation and identifier ranges from the text, so this is its proof on real code.
 */
export async function treeCopyStress({ keep = () => true, log = () => {} } = {}) {
  const { parseNative } = await import(join(ROOT, "dist/src/syntax/parse.js"));
  const { copyTree } = await import(join(ROOT, "dist/src/syntax/tree.js"));
  const sources = stdlibTexts(keep);
  const problems = [];
  let nodes = 0;
  for (const [file, source] of sources) {
    const native = parseNative(source);
    const copy = copyTree(native, source);
    const cursor = native.walk();
    const parents = [-1];
    let i = 0;
    for (;;) {
      const node = copy.node(i);
      const field = cursor.currentFieldName;
      const expected = [cursor.nodeType, cursor.nodeIsNamed, cursor.startIndex, cursor.endIndex];
      const actual = [node.type, node.isNamed, node.startIndex, node.endIndex];
      if (
        expected.some((v, k) => v !== actual[k]) ||
        (node.parent?.id ?? -1) !== parents[parents.length - 1] ||
        (field && !node.parent.childrenForFieldName(field).includes(node))
      ) {
        if (problems.length < 50)
          problems.push(
            `${file} node ${i}: binding ${JSON.stringify([...expected, field])}, ` +
              `copy ${JSON.stringify(actual)}`,
          );
        else break;
      }
      i++;
      if (cursor.gotoFirstChild()) {
        parents.push(i - 1);
        continue;
      }
      let done = false;
      while (!cursor.gotoNextSibling()) {
        if (!cursor.gotoParent()) {
          done = true;
          break;
        }
        parents.pop();
      }
      if (done) break;
    }
    if (i !== copy.nodeCount) problems.push(`${file}: ${i} nodes, copy ${copy.nodeCount}`);
    nodes += i;
  }
  log(`${sources.size} files, ${nodes} nodes compared`);
  return { problems, figures: { files: sources.size, nodes } };
}

/** Contexts under which a transform finds the most: every fix allowed, each to-thread mode. */
const WIDEST_CONTEXTS = ["native", "unwrap"].map((mode) => ({
  options: { unsafeFixes: true, django: true, settings: { "to-thread": { mode, twins: {} } } },
  project: { usesDjango: true, usesAsgiref: false, models: {} },
}));

/**
 * Check 6. Every file of the stdlib (or the quick subset) that holds a transform's trigger words:
 * where the transform's finer text test says it holds no site, the transform, run on the parsed
 * file all the same, must find nothing.
 */
export async function prefilterStress({ keep = () => true, log = () => {} } = {}) {
  const { parsePython } = await import(join(ROOT, "dist/src/syntax/parse.js"));
  const { mayHoldSite } = await import(join(ROOT, "dist/src/engine/pipeline.js"));
  const { TRANSFORMS } = await import(join(ROOT, "dist/transforms/index.js"));
  const { FileSemantics } = await import(join(ROOT, "dist/src/python/semantics.js"));
  const sources = stdlibTexts(keep);
  const problems = [];
  let turnedDown = 0;
  for (const [file, source] of sources) {
    let tree;
    for (const transform of TRANSFORMS) {
      if (!transform.mayHoldSite || !mayHoldSite(source, transform)) continue;
      for (const ctx of WIDEST_CONTEXTS) {
        if (mayHoldSite(source, transform, ctx)) continue;
        turnedDown++;
        tree ??= parsePython(source);
        const found = transform.transform(new FileSemantics(file, source, tree), ctx);
        const counts = [found.findings.length, found.sites?.length ?? 0];
        if (counts.some((n) => n > 0))
          problems.push(
            `${file}: ${transform.meta.id} (${ctx.options.settings["to-thread"].mode}) turned it down, ` +
              `then found ${counts.join("/")} findings/sites`,
          );
      }
    }
  }
  log(`${sources.size} files, ${turnedDown} (file, transform, context) turned down and checked`);
  return { problems, figures: { files: sources.size, turnedDown } };
}

async function main(argv) {
  const flag = (name) => argv.includes(name);
  const value = (name, fallback) => {
    const i = argv.indexOf(name);
    return i >= 0 ? Number(argv[i + 1]) : fallback;
  };
  if (!existsSync(join(ROOT, "dist/src/cli/main.js"))) {
    console.error("dist/ is missing: run `npm run build` first (`npm run stress` does)");
    return 2;
  }
  const quick = flag("--quick");
  const log = (line) => console.log(`  ${line}`);
  const sections = [];
  const section = async (name, body) => {
    console.log(`${name}:`);
    const started = performance.now();
    const { problems, figures } = await body();
    console.log(JSON.stringify(figures, null, 2).replace(/^/gm, "  "));
    for (const p of problems.slice(0, 50)) console.log(`  PROBLEM ${p}`);
    if (problems.length > 50) console.log(`  ... and ${problems.length - 50} more problems`);
    console.log(
      `  ${problems.length === 0 ? "ok" : `${problems.length} problems`} (${((performance.now() - started) / 1000).toFixed(1)}s)`,
    );
    sections.push({ name, problems: problems.length });
  };
  await section("corpus (stdlib + examples)", () =>
    corpusStress({
      log,
      keepDir: flag("--keep"),
      ...(quick ? { keep: quickSubset } : {}),
    }),
  );
  await section("kills during --write", () =>
    killStress({ log, kills: value("--kills", quick ? 3 : 8), copies: quick ? 40 : 150 }),
  );
  await section("write groups in a git repository", () =>
    groupStress({ log, packages: quick ? 20 : 60, kills: value("--kills", quick ? 3 : 8) }),
  );
  const { projectStress } = await import("./stress-projects.mjs");
  await section("a monorepo, and helpers named other than by calls", () =>
    projectStress({ log, services: quick ? 4 : 12 }),
  );
  await section("one folder of many files", () =>
    manyFilesStress({ log, count: value("--many", quick ? 5_000 : 50_000) }),
  );
  await section("a 5 MB file", () => bigFileStress({ log }));
  await section("tree copy against the binding", () =>
    treeCopyStress({ log, ...(quick ? { keep: quickSubset } : {}) }),
  );
  await section("text tests before the parse", () =>
    prefilterStress({ log, ...(quick ? { keep: quickSubset } : {}) }),
  );
  const failed = sections.filter((s) => s.problems > 0);
  console.log(
    failed.length === 0
      ? "stress: every guarantee held"
      : `stress: FAILED in ${failed.map((s) => s.name).join(", ")}`,
  );
  return failed.length === 0 ? 0 : 1;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url))
  main(process.argv.slice(2)).then((code) => process.exit(code));
