import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

/**
 * A fingerprint of the running build: the SHA-256 of the code that computes what caches keep.
 * The project index cache is keyed on it beside the package version, so an upgraded (or locally
 * rebuilt) tool never reads facts another build's pre-pass recorded (orm-review E1: a branch
 * recording more facts served the older build's answers from a warm cache). Computed once per
 * process: about a megabyte of code read and hashed, a few milliseconds.
 */
export function buildId(): string {
  cached ??= buildIdOf(dirname(fileURLToPath(import.meta.url)));
  return cached;
}
let cached: string | undefined;

/**
 * The fingerprint of the build this module folder belongs to: the bundle's scripts
 * (dist/bundle/), or the sources beside it (src/ and transforms/ under vitest; dist/src/ and
 * dist/transforms/ for the library), in a fixed order.
 */
export function buildIdOf(moduleDir: string): string {
  const folders =
    basename(moduleDir) === "bundle"
      ? [moduleDir]
      : [moduleDir, join(dirname(moduleDir), "transforms")];
  const hash = createHash("sha256");
  for (const file of folders.flatMap(codeFiles)) {
    hash.update(file.slice(dirname(moduleDir).length));
    hash.update("\0");
    hash.update(readFileSync(file));
  }
  return hash.digest("hex").slice(0, 16);
}

/** `.js` and `.ts` files under a folder (not maps, not declarations), sorted; none if it is absent. */
function codeFiles(folder: string): string[] {
  let names: string[];
  try {
    names = readdirSync(folder, { recursive: true, encoding: "utf8" });
  } catch {
    return [];
  }
  return names
    .filter((name) => /\.(js|ts)$/.test(name) && !name.endsWith(".d.ts"))
    .sort()
    .map((name) => join(folder, name));
}
