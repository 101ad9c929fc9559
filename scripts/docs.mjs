#!/usr/bin/env node
// Writes the generated documentation pages (docs/codes/: one page per diagnostic code and their
// index) from each transform's `meta.codes`, the single source `asyncshift explain` also reads.
// `--check` writes nothing and exits 1 when a page is stale, missing or no longer generated.
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { CODES_DIR, generatedDocs } from "../dist/src/report/docs-pages.js";
import { TRANSFORMS } from "../dist/transforms/index.js";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..");
const check = process.argv.includes("--check");
const pages = generatedDocs(TRANSFORMS);
const read = (path) => {
  try {
    return readFileSync(join(ROOT, path), "utf8");
  } catch {
    return undefined;
  }
};
let existing = [];
try {
  existing = readdirSync(join(ROOT, CODES_DIR)).map((name) => `${CODES_DIR}/${name}`);
} catch {}
const stale = [...pages].filter(([path, text]) => read(path) !== text).map(([path]) => path);
const extra = existing.filter((path) => !pages.has(path));
if (check) {
  for (const path of [...stale, ...extra]) console.error(`${path}: not current`);
  if (stale.length + extra.length > 0) {
    console.error("the generated docs are stale: run `npm run docs`");
    process.exit(1);
  }
} else {
  mkdirSync(join(ROOT, CODES_DIR), { recursive: true });
  for (const path of extra) rmSync(join(ROOT, path));
  for (const path of stale) writeFileSync(join(ROOT, path), pages.get(path));
  console.log(`${stale.length} page(s) written, ${extra.length} removed`);
}
