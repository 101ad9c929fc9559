import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { requireBuild } from "../helpers/cli.js";
import { filesUnder } from "../helpers/project-snapshots.js";
import { asyncshift, removeTempProjects, tempRepo } from "../helpers/project.js";

// Issue 22, item 3, end to end: a helper that another module hands to a thread pool by name
// keeps its sync form (it gets an async twin), whether the run reads the project afresh or from
// the index cache, and whichever of the project's files it is given.

beforeAll(requireBuild);
afterEach(removeTempProjects);

const CASE = new URL(
  "../../snapshots/native-orm/chain-same-file-helper-passed-by-value-elsewhere/",
  import.meta.url,
).pathname;

const read = (dir: string, path: string) => readFileSync(join(dir, path), "utf8");

describe("a helper handed on by value in another module", () => {
  it("is twinned, never converted in place, cold and with the cache warm", () => {
    const expected = read(join(CASE, "output"), "shop/stock.py");
    const cold = tempRepo(Object.fromEntries(filesUnder(join(CASE, "input"))));
    const first = asyncshift(cold, ["--write", "-t", "native-orm", "."]);
    expect(first.code, first.stderr).toBe(0);
    expect(read(cold, "shop/stock.py")).toBe(expected);
    expect(read(cold, "shop/stock.py")).toMatch(/^def restock\(pk, amount\):/m);

    // The cache made by a dry run over the project; then pre-commit's way: one file named.
    const warm = tempRepo(Object.fromEntries(filesUnder(join(CASE, "input"))));
    expect(asyncshift(warm, ["-t", "native-orm", "."]).code).toBe(0);
    const named = asyncshift(warm, ["--write", "-t", "native-orm", "shop/stock.py"]);
    expect(named.code, named.stderr).toBe(0);
    expect(read(warm, "shop/stock.py")).toBe(expected);
  });
});
