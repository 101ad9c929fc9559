import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { buildId, buildIdOf } from "../../src/build-id.js";
import { cacheKey } from "../../src/runner/run.js";
import { SETUP } from "../../src/api.js";
import { TRANSFORMS } from "../../transforms/index.js";

// orm-review E1: the index cache was keyed by content and a hand-bumped version, so a build whose
// pre-pass records more facts read another build's entries. The key now holds the build itself.

const made: string[] = [];
afterEach(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function build(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), "asyncshift-build-"));
  made.push(dir);
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(dir, path, ".."), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

describe("the build id", () => {
  it("is the same for the same code, and differs when one script of the bundle differs", () => {
    const a = build({ "bundle/cli.js": "run()", "bundle/chunk-A.js": "facts(1)" });
    const b = build({ "bundle/cli.js": "run()", "bundle/chunk-A.js": "facts(2)" });
    const c = build({
      "bundle/cli.js": "run()",
      "bundle/chunk-A.js": "facts(1)",
      "bundle/x.js.map": "{}",
    });
    expect(buildIdOf(join(a, "bundle"))).toMatch(/^[0-9a-f]{16}$/);
    expect(buildIdOf(join(a, "bundle"))).not.toBe(buildIdOf(join(b, "bundle")));
    // Source maps do not run: they do not change the build.
    expect(buildIdOf(join(a, "bundle"))).toBe(buildIdOf(join(c, "bundle")));
  });

  it("from sources, covers src/ and transforms/ (a transform's pre-pass facts live there)", () => {
    const a = build({ "src/version.ts": "1", "transforms/orm/index.ts": "facts(1)" });
    const b = build({ "src/version.ts": "1", "transforms/orm/index.ts": "facts(2)" });
    const c = build({
      "src/version.ts": "1",
      "transforms/orm/index.d.ts": "x",
      "transforms/orm/index.ts": "facts(1)",
    });
    expect(buildIdOf(join(a, "src"))).not.toBe(buildIdOf(join(b, "src")));
    expect(buildIdOf(join(a, "src"))).toBe(buildIdOf(join(c, "src")));
  });

  it("keys the project index cache, computed once per process", () => {
    expect(buildId()).toBe(buildId());
    expect(cacheKey(SETUP.registry, TRANSFORMS).split("\0")).toContain(buildId());
  });
});
