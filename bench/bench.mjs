// Benchmark: asyncshift against the parse floors, ast-grep and ruff, on real Django code (PyPI
// wheels), the standard library (sparse) and a synthetic dense corpus; and one named file in a
// large project, cold and with the index cache warm.
// Usage: npm run bench -- [--rounds N] [--scale K] [--corpus real,sparse,dense,one-file]
//   (real: the three packages below; one of them may be named alone, e.g. --corpus wagtail)
//                         [--jobs J] [--dense-mb M] [--project-files F] [--baseline DIR]
//                         [--app DIR] (a Django application's checkout, measured as corpus "app")
//                         [--baseline-floor] (the baseline's parse floor too)
// Rounds alternate the tools (rotating which goes first); medians and ratios come from the same
// run. Peak RSS is /usr/bin/time's maximum resident set size, the largest over the rounds.
import { spawnSync, execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { availableParallelism, cpus, loadavg, tmpdir, totalmem } from "node:os";
import { basename, dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import {
  REAL_PACKAGES,
  corpusStats,
  denseCorpus,
  folderCorpus,
  largeProject,
  realCorpus,
  sparseCorpus,
} from "./corpora.mjs";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : fallback;
};
const rounds = Number(option("rounds", "5"));
const scale = Number(option("scale", "2"));
const which = option("corpus", "real,sparse,dense,one-file").split(",");
const jobs = Number(option("jobs", String(availableParallelism())));
const DENSE_BYTES = Number(option("dense-mb", "30")) * 2 ** 20;
const PROJECT_FILES = Number(option("project-files", "5000"));
/** Another build of asyncshift (a folder with bin/ and dist/) timed in the same rounds: A/B runs. */
const BASELINE = option("baseline", undefined);
/** Time the baseline's parse floor too (two parser builds compared; the same parser: no need). */
const BASELINE_FLOOR = args.includes("--baseline-floor");
/** A Django application's folder (a public project checked out by hand), copied as it is. */
const APP = option("app", undefined);
/** The file the one-file figure names: Django's queryset module, full of async methods. */
const ONE_FILE = join("copy0", "django", "db", "models", "query.py");

const timeBin = existsSync("/usr/bin/time") ? "/usr/bin/time" : undefined;

/** Wall seconds and peak RSS (MB) of one command, its output thrown away. */
function measure(command, argv, cwd) {
  const full = timeBin ? [timeBin, ["-f", "%M %U %S", command, ...argv]] : [command, argv];
  const started = performance.now();
  const child = spawnSync(full[0], full[1], {
    cwd,
    stdio: ["ignore", "ignore", "pipe"],
    maxBuffer: 64 * 2 ** 20,
  });
  const seconds = (performance.now() - started) / 1000;
  // A build that cannot run a corpus (an older build refusing a newer snapshot's options) is
  // "n/a" in the tables, said here, and the run goes on: one failure must not lose every table.
  if (child.status !== 0 && child.status !== 1) {
    const said = child.stderr.toString().trim().split("\n").slice(0, 3).join(" | ");
    process.stderr.write(`${command} ${argv.join(" ")} exited ${child.status}: ${said}\n`);
    return { seconds: NaN, rssMb: NaN, cpu: NaN };
  }
  const lines = child.stderr.toString().trim().split("\n");
  const [rss, user, system] = timeBin ? lines.at(-1).split(" ").map(Number) : [NaN, NaN, NaN];
  // CPU time (user + system, all threads): what a loaded machine distorts least.
  return { seconds, rssMb: rss / 1024, cpu: user + system };
}

/** ruff from PATH, else installed from PyPI into a folder kept between runs. */
function ruffCommand() {
  if (spawnSync("ruff", ["--version"]).status === 0) return "ruff";
  const target = join(tmpdir(), "asyncshift-bench-ruff");
  if (!existsSync(join(target, "bin", "ruff")))
    execFileSync("python3", ["-m", "pip", "install", "--quiet", "--target", target, "ruff"], {
      stdio: ["ignore", "ignore", "inherit"],
    });
  return join(target, "bin", "ruff");
}

const asyncshiftArgv = (build) => [
  join(build, "bin", "asyncshift.js"),
  "--django",
  "--format",
  "json",
];
const ASYNCSHIFT = asyncshiftArgv(root);
const removeCache = (dir) =>
  rmSync(join(dir, ".asyncshift_cache"), { recursive: true, force: true });

/** Each tool: its command for a corpus, and what must happen before each of its runs. */
function tools() {
  const ruff = ruffCommand();
  return {
    floor: { argv: (dir) => ["node", [join(root, "bench", "floor.mjs"), dir, String(jobs)]] },
    needed: {
      argv: (dir) => ["node", [join(root, "bench", "floor.mjs"), dir, String(jobs), "--needed"]],
    },
    // Cold: the project index's cache is removed before every run (the warm case is the
    // one-file figure's).
    asyncshift: {
      argv: (dir) => ["node", [...ASYNCSHIFT, dir, "--jobs", String(jobs)]],
      before: removeCache,
    },
    ...(BASELINE &&
      BASELINE_FLOOR && {
        // The baseline build's own parse floor (its bench/floor.mjs on its dist/): two parsers
        // compared on the same files (issue 24: native tree-sitter against its WebAssembly build).
        "floor@baseline": {
          argv: (dir) => ["node", [join(BASELINE, "bench", "floor.mjs"), dir, String(jobs)]],
        },
      }),
    ...(BASELINE && {
      "asyncshift@baseline": {
        argv: (dir) => ["node", [...asyncshiftArgv(BASELINE), dir, "--jobs", String(jobs)]],
        before: removeCache,
      },
    }),
    "ast-grep": {
      argv: (dir) => [
        join(root, "node_modules", ".bin", "ast-grep"),
        [
          "scan",
          "-c",
          join(root, "bench", "sgconfig.yml"),
          "--json=compact",
          "-j",
          String(jobs),
          dir,
        ],
      ],
    },
    // Detection only (ruff's ASYNC rules): a speed anchor, not a peer in what it does.
    ruff: {
      argv: (dir) => [ruff, ["check", "--select", "ASYNC", "--no-cache", "--exit-zero", "-q", dir]],
    },
  };
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

/** N alternating rounds of `runs` (label -> {argv, before}); median seconds and peak MB per label. */
function alternate(runs) {
  const samples = {};
  const labels = Object.keys(runs);
  const loads = [];
  for (let round = 0; round < rounds; round++) {
    for (let t = 0; t < labels.length; t++) {
      const label = labels[(t + round) % labels.length];
      const { argv, before, cwd } = runs[label];
      before?.();
      const [command, list] = argv;
      (samples[label] ??= []).push(measure(command, list, cwd ?? root));
      process.stderr.write(
        `round ${round + 1} ${label}: ${samples[label].at(-1).seconds.toFixed(2)} s\n`,
      );
    }
    loads.push(loadavg()[0]);
  }
  const out = { load: median(loads) };
  for (const [label, xs] of Object.entries(samples))
    out[label] = {
      seconds: median(xs.map((x) => x.seconds)),
      rssMb: Math.max(...xs.map((x) => x.rssMb)),
      cpu: median(xs.map((x) => x.cpu)),
    };
  return out;
}

/** One corpus at x1 and x`scale`, every tool alternating. */
function benchCorpus(base, label, build) {
  const slug = label.replace(/[^\w.-]+/g, "_");
  const dirs = { x1: join(base, `${slug}-x1`) };
  build(dirs.x1, 1);
  if (scale > 1) build((dirs[`x${scale}`] = join(base, `${slug}-x${scale}`)), scale);
  const runs = {};
  for (const [size, dir] of Object.entries(dirs))
    for (const [tool, { argv, before }] of Object.entries(tools()))
      runs[`${size}\t${tool}`] = {
        argv: argv(dir),
        before: before && (() => before(dir)),
        cwd: dir,
      };
  const measured = alternate(runs);
  const parsed = JSON.parse(
    execFileSync("node", [join(root, "bench", "floor.mjs"), dirs.x1, "1", "--needed"]).toString(),
  ).parsed;
  const result = {};
  for (const [key, value] of Object.entries(measured)) {
    if (key === "load") continue;
    const [size, tool] = key.split("\t");
    (result[size] ??= {})[tool] = value;
  }
  const stats = corpusStats(dirs.x1);
  for (const dir of Object.values(dirs)) rmSync(dir, { recursive: true, force: true });
  return { label, stats, parsed, result, load: measured.load };
}

/**
 * One named file (pre-commit's case) in a project of PROJECT_FILES files: with no cache, with the
 * cache warm (a full run made it), and the full cold run the first is held against.
 */
function benchOneFile(base) {
  const dir = join(base, "project");
  const files = largeProject(dir, PROJECT_FILES);
  // A checkout's files are older than the cache's racy window (a file changed in the last two
  // seconds is hashed on every run, see project-index.ts): as a user's are, not seconds old.
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 2500);
  const named = join(dir, ONE_FILE);
  const runs = {};
  for (const [suffix, build] of [["", root], ...(BASELINE ? [[" (baseline)", BASELINE]] : [])]) {
    const run = (paths) => ["node", [...asyncshiftArgv(build), ...paths, "--jobs", String(jobs)]];
    // The cache is made by the build that reads it (its format may differ between builds).
    const warm = () => {
      removeCache(dir);
      measure(...run([named]), dir); // indexes the whole project
    };
    runs[`full, cold${suffix}`] = { argv: run([dir]), before: () => removeCache(dir), cwd: dir };
    runs[`one file, cold${suffix}`] = {
      argv: run([named]),
      before: () => removeCache(dir),
      cwd: dir,
    };
    runs[`one file, warm${suffix}`] = { argv: run([named]), before: warm, cwd: dir };
  }
  const measured = alternate(runs);
  rmSync(dir, { recursive: true, force: true });
  return { files, measured };
}

const f = (x, d = 2) => (Number.isFinite(x) ? x.toFixed(d) : "n/a");

function printCorpora(rows) {
  const tools = ["floor", "needed", "asyncshift", "ast-grep", "ruff"];
  console.log(
    "| corpus | files | MB | parsed | " +
      tools.map((t) => `${t} s`).join(" | ") +
      " | asyncshift / ast-grep | asyncshift / needed | asyncshift / floor | asyncshift / ruff" +
      ` | peak RSS MB ${tools.join(" / ")} | x${scale} growth ${tools.join(" / ")} | load |`,
  );
  console.log("|---".repeat(tools.length + 11) + "|");
  for (const { label, stats, parsed, result, load } of rows) {
    const r = result.x1;
    const s = (tool) => r[tool].seconds;
    const growth = (tool) => (scale > 1 ? result[`x${scale}`][tool].seconds / s(tool) : NaN);
    console.log(
      `| ${label} | ${stats.files} | ${f(stats.mb, 1)} | ${parsed} | ` +
        tools.map((t) => f(s(t))).join(" | ") +
        ` | ${f(s("asyncshift") / s("ast-grep"))} | ${f(s("asyncshift") / s("needed"))}` +
        ` | ${f(s("asyncshift") / s("floor"))} | ${f(s("asyncshift") / s("ruff"))} | ` +
        tools.map((t) => f(r[t].rssMb, 0)).join(" / ") +
        ` | ${tools.map((t) => f(growth(t))).join(" / ")} | ${f(load, 1)} |`,
    );
  }
}

/** With --baseline: the two builds side by side, from the same rounds. */
function printBaseline(rows) {
  console.log(
    "\n| corpus | baseline s | asyncshift s | asyncshift / baseline | baseline / ast-grep " +
      "| asyncshift / ast-grep | CPU s baseline / asyncshift / ast-grep " +
      "| floor s baseline / asyncshift | floor asyncshift / baseline | floor CPU s baseline / asyncshift |",
  );
  console.log("|---|---|---|---|---|---|---|---|---|---|");
  for (const { label, result } of rows) {
    const r = result.x1;
    const tools = ["asyncshift@baseline", "asyncshift", "ast-grep"];
    const [b, a, g] = tools.map((t) => r[t].seconds);
    const cpu = tools.map((t) => f(r[t].cpu)).join(" / ");
    const [fb, fa] = ["floor@baseline", "floor"].map((t) => r[t] ?? { seconds: NaN, cpu: NaN });
    console.log(
      `| ${label} | ${f(b)} | ${f(a)} | ${f(a / b)} | ${f(b / g)} | ${f(a / g)} | ${cpu} ` +
        `| ${f(fb.seconds)} / ${f(fa.seconds)} | ${f(fa.seconds / fb.seconds)} ` +
        `| ${f(fb.cpu)} / ${f(fa.cpu)} |`,
    );
  }
}

function printOneFile({ files, measured }) {
  console.log(`\nOne named file (\`${ONE_FILE}\`) in a project of ${files} files:\n`);
  console.log("| run | s | CPU s | peak RSS MB |\n|---|---|---|---|");
  for (const label of Object.keys(measured).filter((key) => key !== "load")) {
    const { seconds, cpu, rssMb } = measured[label];
    console.log(`| ${label} | ${f(seconds)} | ${f(cpu)} | ${f(rssMb, 0)} |`);
  }
  const cold = measured["one file, cold"].seconds / measured["full, cold"].seconds;
  console.log(`\none file cold / full cold: ${f(cold)}; load ${f(measured.load, 1)}`);
}

function main() {
  if (!existsSync(join(root, "dist", "bundle", "pool.js")))
    throw new Error("dist/ is missing: run `npm run build` first");
  const base = mkdtempSync(join(tmpdir(), "asyncshift-bench-"));
  const rows = [];
  let oneFile;
  try {
    for (const [label, requirement] of Object.entries(REAL_PACKAGES))
      if (which.includes("real") || which.includes(label))
        rows.push(benchCorpus(base, label, realCorpus(requirement)));
    if (APP) rows.push(benchCorpus(base, `app (${basename(resolve(APP))})`, folderCorpus(APP)));
    if (which.includes("sparse")) rows.push(benchCorpus(base, "sparse", sparseCorpus));
    if (which.includes("dense"))
      rows.push(benchCorpus(base, "dense", denseCorpus(root, DENSE_BYTES)));
    if (which.includes("one-file")) oneFile = benchOneFile(base);
  } finally {
    rmSync(base, { recursive: true, force: true });
  }
  const cpu = cpus()[0]?.model ?? "unknown CPU";
  console.log(
    `\n${new Date().toISOString().slice(0, 10)}, ${availableParallelism()} cores (${cpu}), ` +
      `${Math.round(totalmem() / 2 ** 30)} GB, node ${process.version}, --jobs ${jobs}, ` +
      `median of ${rounds} alternating rounds\n`,
  );
  if (rows.length > 0) printCorpora(rows);
  if (rows.length > 0 && BASELINE) printBaseline(rows);
  if (oneFile) printOneFile(oneFile);
}

main();
