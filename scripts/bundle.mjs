#!/usr/bin/env node
// Bundles the command line and its worker thread into dist/bundle/ (run by `npm run build` after
// tsc). Loading some 250 modules one by one took most of a run's start (0.35 s before the first
// file on two cores, and again in every worker); one bundle per entry, with the code both share in
// one chunk, loads in a fraction of that. dist/src stays the library (`import "asyncshift"`).
import { build } from "esbuild";
import { rmSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..");
const OUT = join(ROOT, "dist/bundle");

// Chunk names carry a hash: a chunk of an earlier build would stay behind.
rmSync(OUT, { recursive: true, force: true });

await build({
  // pool.js and files.js: the benchmark's parse floor runs the same pool, loaded the same way.
  entryPoints: {
    cli: join(ROOT, "dist/src/cli/main.js"),
    worker: join(ROOT, "dist/src/runner/worker.js"),
    pool: join(ROOT, "dist/src/runner/pool.js"),
    files: join(ROOT, "dist/src/runner/files.js"),
  },
  outdir: OUT,
  bundle: true,
  splitting: true,
  format: "esm",
  platform: "node",
  target: "node20",
  // Native addons load their compiled binding from their own folder.
  external: ["tree-sitter", "tree-sitter-python"],
  // Bundled CommonJS dependencies call require(); an ES module has none of its own.
  banner: {
    js: 'import { createRequire as bundleRequire } from "node:module"; const require = bundleRequire(import.meta.url);',
  },
  sourcemap: "linked",
  logLevel: "warning",
});
