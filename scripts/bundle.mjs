#!/usr/bin/env node
// Bundles the command line and its worker thread into dist/bundle/ (run by `npm run build` after
// tsc). Loading some 250 modules one by one took most of a run's start (0.35 s before the first
// file on two cores, and again in every worker); one bundle per entry, with the code both share in
// one chunk, loads in a fraction of that. dist/src stays the library (`import "asyncshift"`).
import { rmSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..");
const OUT = join(ROOT, "dist/bundle");

// pool, api and files: the benchmark's parse floor runs the same pool, with the same setup (api's
// SETUP: the transforms and their jobs), loaded the same way.
const ENTRIES = {
  cli: "src/cli/main",
  worker: "src/worker",
  pool: "src/runner/pool",
  api: "src/api",
  files: "src/runner/files",
};

/**
 * Writes dist/bundle/ with `esbuild`. From tsc's output (dist/src, the usual build), dependencies
 * bundled in; or straight from the TypeScript sources with dependencies left to node_modules (a
 * git install with no dev dependencies: see scripts/prepare.mjs).
 */
export async function bundle(esbuild, { fromSources = false } = {}) {
  // Chunk names carry a hash: a chunk of an earlier build would stay behind.
  rmSync(OUT, { recursive: true, force: true });
  const entryPoints = Object.fromEntries(
    Object.entries(ENTRIES).map(([name, path]) => [
      name,
      join(ROOT, fromSources ? `${path}.ts` : `dist/${path}.js`),
    ]),
  );
  await esbuild.build({
    entryPoints,
    outdir: OUT,
    bundle: true,
    splitting: true,
    format: "esm",
    platform: "node",
    target: "node20",
    // Native addons load their compiled binding from their own folder.
    ...(fromSources
      ? { packages: "external" }
      : { external: ["tree-sitter", "tree-sitter-python"] }),
    // Bundled CommonJS dependencies call require(); an ES module has none of its own.
    banner: {
      js: 'import { createRequire as bundleRequire } from "node:module"; const require = bundleRequire(import.meta.url);',
    },
    sourcemap: "linked",
    minifyWhitespace: true,
    minifySyntax: true,
    logLevel: "warning",
  });
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  await bundle(await import("esbuild"));
}
