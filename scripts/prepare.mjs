#!/usr/bin/env node
// npm's `prepare`: runs after `npm install` / `npm ci` in a checkout, and when npm installs this
// repository as a git dependency (pre-commit's `language: node` does: `npm install -g git+file://`).
// In a checkout with the dev dependencies it is the usual build (tsc, then the bundle). A git
// install runs it in a bare clone with no node_modules at all, so there the command line is
// bundled straight from the TypeScript sources by esbuild alone, fetched into a temporary folder
// with tree-sitter-python (for its WebAssembly grammar, copied into dist/grammar/); the installed
// package then gets only its runtime dependencies. Nothing is printed on stdout.
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { bundle } from "./bundle.mjs";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..");
const toStderr = { cwd: ROOT, stdio: ["ignore", 2, 2] };

if (existsSync(join(ROOT, "node_modules", "typescript"))) {
  execFileSync(
    process.execPath,
    [join(ROOT, "node_modules/typescript/bin/tsc"), "-p", "tsconfig.json"],
    toStderr,
  );
  await bundle(await import("esbuild"));
} else {
  const folder = devPackagesFromRegistry(["esbuild", "tree-sitter-python"]);
  const entry = join(folder, "node_modules", "esbuild", "lib", "main.js");
  const esbuild = (await import(pathToFileURL(entry).href)).default;
  await bundle(esbuild, { fromSources: true, grammarFrom: folder });
}

/**
 * A temporary folder with the dev packages `names` at the versions package-lock.json pins, their
 * install scripts not run (esbuild's binary comes as an optional dependency; tree-sitter-python
 * gives only its WebAssembly build and node-types.json to dist/grammar/: nothing to compile).
 */
function devPackagesFromRegistry(names) {
  const lock = JSON.parse(readFileSync(join(ROOT, "package-lock.json"), "utf8"));
  const specs = names.map((name) => `${name}@${lock.packages[`node_modules/${name}`].version}`);
  const folder = mkdtempSync(join(tmpdir(), "asyncshift-prepare-"));
  process.on("exit", () => rmSync(folder, { recursive: true, force: true }));
  // npm passes its own settings down (a global install says global=true): undo what matters.
  const npm = process.env.npm_execpath;
  const args = ["install", "--prefix", folder, "--global=false", "--no-save", "--no-package-lock"];
  args.push("--no-audit", "--no-fund", "--ignore-scripts", ...specs);
  if (npm) execFileSync(process.execPath, [npm, ...args], toStderr);
  else execFileSync("npm", args, toStderr);
  return folder;
}
