import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

/**
 * The tool's version, from the package.json above this module (src/ under vitest, dist/src/ for
 * the library, dist/bundle/ for the command line: each at its own depth).
 */
export const VERSION = ((): string => {
  for (let dir = dirname(fileURLToPath(import.meta.url)); ; dir = dirname(dir)) {
    const file = join(dir, "package.json");
    if (existsSync(file)) {
      const json = JSON.parse(readFileSync(file, "utf8")) as { name?: string; version?: string };
      if (json.name === "asyncshift" && json.version) return json.version;
    }
    if (dirname(dir) === dir) return "0.0.0";
  }
})();
