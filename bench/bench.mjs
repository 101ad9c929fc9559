// Benchmark: asyncshift against the parse floor and ast-grep, on a sparse and a dense corpus.
// Usage: npm run bench -- [--rounds N] [--scale K] [--corpus sparse|dense|both] [--jobs J]
// Rounds alternate the three tools (rotating which goes first); medians and ratios come from the
// same run. Peak RSS is /usr/bin/time's maximum resident set size, the largest over the rounds.
import { spawnSync, execFileSync } from "node:child_process";
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  rmSync,
  statSync,
} from "node:fs";
import { availableParallelism, cpus, tmpdir, totalmem } from "node:os";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : fallback;
};
const rounds = Number(option("rounds", "5"));
const scale = Number(option("scale", "2"));
const which = option("corpus", "both");
const jobs = Number(option("jobs", String(availableParallelism())));
const DENSE_BYTES = Number(option("dense-mb", "30")) * 2 ** 20;

/** Every .py file under `dir`, skipping folders for which `skip(name)` holds. */
function pyFiles(dir, skip = () => false, out = []) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (!skip(entry.name)) pyFiles(path, skip, out);
    } else if (entry.isFile() && entry.name.endsWith(".py")) out.push(path);
  }
  return out;
}

function copyInto(files, from, to) {
  for (const file of files) {
    const target = join(to, relative(from, file));
    mkdirSync(dirname(target), { recursive: true });
    copyFileSync(file, target);
  }
}

/** The machine's python3 standard library without site-packages, `copies` times. */
function sparseCorpus(dir, copies) {
  const stdlib = execFileSync("python3", [
    "-c",
    'import sysconfig; print(sysconfig.get_paths()["stdlib"])',
  ])
    .toString()
    .trim();
  const files = pyFiles(stdlib, (name) => name === "site-packages" || name === "__pycache__");
  for (let k = 0; k < copies; k++) copyInto(files, stdlib, join(dir, `copy${k}`));
}

/** examples/ and the snapshot inputs, replicated to about 30 MB per copy. */
function denseCorpus(dir, copies) {
  const sources = [
    ...pyFiles(join(root, "examples")),
    ...pyFiles(join(root, "snapshots")).filter((f) => f.endsWith(".input.py")),
  ];
  const size = sources.reduce((sum, f) => sum + statSync(f).size, 0);
  const replicas = Math.ceil((DENSE_BYTES * copies) / size);
  for (let r = 0; r < replicas; r++) copyInto(sources, root, join(dir, `r${r}`));
  // The examples' dependency file: the project is a Django project, as in real use.
  copyFileSync(join(root, "examples", "pyproject.toml"), join(dir, "pyproject.toml"));
}

function corpusStats(dir) {
  const files = pyFiles(dir);
  return { files: files.length, mb: files.reduce((s, f) => s + statSync(f).size, 0) / 2 ** 20 };
}

const timeBin = existsSync("/usr/bin/time") ? "/usr/bin/time" : undefined;

/** Wall seconds and peak RSS (MB) of one command, its output thrown away. */
function measure(command, argv, cwd) {
  const full = timeBin ? [timeBin, ["-f", "%M", command, ...argv]] : [command, argv];
  const started = performance.now();
  const child = spawnSync(full[0], full[1], {
    cwd,
    stdio: ["ignore", "ignore", "pipe"],
    maxBuffer: 64 * 2 ** 20,
  });
  const seconds = (performance.now() - started) / 1000;
  if (child.status !== 0 && child.status !== 1)
    throw new Error(`${command} ${argv.join(" ")} exited ${child.status}: ${child.stderr}`);
  const lines = child.stderr.toString().trim().split("\n");
  const rssMb = timeBin ? Number(lines.at(-1)) / 1024 : NaN;
  return { seconds, rssMb };
}

const TOOLS = {
  floor: (dir) => ["node", [join(root, "bench", "floor.mjs"), dir, String(jobs)]],
  asyncshift: (dir) => [
    "node",
    [
      join(root, "bin", "asyncshift.js"),
      dir,
      "--django",
      "--format",
      "json",
      "--jobs",
      String(jobs),
    ],
  ],
  "ast-grep": (dir) => [
    join(root, "node_modules", ".bin", "ast-grep"),
    ["scan", "-c", join(root, "bench", "sgconfig.yml"), "--json=compact", "-j", String(jobs), dir],
  ],
};

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

/** N alternating rounds over the given corpora; returns per corpus, per tool: median s, peak MB. */
function bench(corpora) {
  const samples = {};
  const names = Object.keys(TOOLS);
  for (let round = 0; round < rounds; round++) {
    for (const [label, dir] of Object.entries(corpora)) {
      for (let t = 0; t < names.length; t++) {
        const tool = names[(t + round) % names.length];
        const [command, argv] = TOOLS[tool](dir);
        const { seconds, rssMb } = measure(command, argv, dir);
        const key = `${label}\t${tool}`;
        (samples[key] ??= []).push({ seconds, rssMb });
        process.stderr.write(`round ${round + 1} ${label} ${tool}: ${seconds.toFixed(2)} s\n`);
      }
    }
  }
  const out = {};
  for (const [key, xs] of Object.entries(samples)) {
    const [label, tool] = key.split("\t");
    (out[label] ??= {})[tool] = {
      seconds: median(xs.map((x) => x.seconds)),
      rssMb: Math.max(...xs.map((x) => x.rssMb)),
    };
  }
  return out;
}

const base = mkdtempSync(join(tmpdir(), "asyncshift-bench-"));
const rows = [];
try {
  if (!existsSync(join(root, "dist", "src", "pool.js")))
    throw new Error("dist/ is missing: run `npm run build` first");
  const kinds = which === "both" ? ["sparse", "dense"] : [which];
  for (const kind of kinds) {
    const build = kind === "sparse" ? sparseCorpus : denseCorpus;
    const corpora = { x1: join(base, `${kind}-x1`) };
    build(corpora.x1, 1);
    if (scale > 1) {
      corpora[`x${scale}`] = join(base, `${kind}-x${scale}`);
      build(corpora[`x${scale}`], scale);
    }
    const stats = corpusStats(corpora.x1);
    const result = bench(corpora);
    rows.push({ kind, stats, result });
    rmSync(join(base, `${kind}-x1`), { recursive: true, force: true });
    if (scale > 1) rmSync(corpora[`x${scale}`], { recursive: true, force: true });
  }
} finally {
  rmSync(base, { recursive: true, force: true });
}

const f = (x, d = 2) => (Number.isFinite(x) ? x.toFixed(d) : "n/a");
const cpu = cpus()[0]?.model ?? "unknown CPU";
console.log(
  `\n${new Date().toISOString().slice(0, 10)}, ${availableParallelism()} cores (${cpu}), ` +
    `${Math.round(totalmem() / 2 ** 30)} GB, node ${process.version}, --jobs ${jobs}, ` +
    `median of ${rounds} alternating rounds\n`,
);
console.log(
  "| corpus | files | MB | floor s | asyncshift s | ast-grep s | asyncshift / floor | asyncshift / ast-grep | peak RSS MB floor / asyncshift / ast-grep |" +
    (scale > 1 ? ` x${scale} growth floor / asyncshift / ast-grep |` : ""),
);
console.log("|---|---|---|---|---|---|---|---|---|" + (scale > 1 ? "---|" : ""));
for (const { kind, stats, result } of rows) {
  const r = result.x1;
  const growth = (tool) => result[`x${scale}`][tool].seconds / r[tool].seconds;
  console.log(
    `| ${kind} | ${stats.files} | ${f(stats.mb, 1)} | ${f(r.floor.seconds)} | ${f(r.asyncshift.seconds)} | ` +
      `${f(r["ast-grep"].seconds)} | ${f(r.asyncshift.seconds / r.floor.seconds)} | ` +
      `${f(r.asyncshift.seconds / r["ast-grep"].seconds)} | ` +
      `${f(r.floor.rssMb, 0)} / ${f(r.asyncshift.rssMb, 0)} / ${f(r["ast-grep"].rssMb, 0)} |` +
      (scale > 1
        ? ` ${f(growth("floor"))} / ${f(growth("asyncshift"))} / ${f(growth("ast-grep"))} |`
        : ""),
  );
}
