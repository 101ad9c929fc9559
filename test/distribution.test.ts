import { execFileSync, spawnSync } from "node:child_process";
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ROOT, requireBuild, tempFolders } from "./helpers/cli.js";

/*
 * Issue 24: installing asyncshift compiles nothing, on any platform, and what is released says one
 * version everywhere. The parser is tree-sitter's WebAssembly build (web-tree-sitter) with
 * tree-sitter-python's .wasm copied into dist/grammar/, so no package asyncshift needs at run time
 * carries or builds a native addon.
 */

const pkg = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as {
  version: string;
  files: string[];
};
const lock = JSON.parse(readFileSync(join(ROOT, "package-lock.json"), "utf8")) as {
  version: string;
  packages: Record<string, { dev?: boolean; hasInstallScript?: boolean; version?: string }>;
};

/** Files under `dir` (following no symlink) whose path matches `wanted`, relative to `dir`. */
function filesMatching(dir: string, wanted: RegExp, prefix = ""): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = prefix ? `${prefix}/${entry.name}` : entry.name;
    if (entry.isDirectory()) out.push(...filesMatching(join(dir, entry.name), wanted, path));
    else if (entry.isFile() && wanted.test(path)) out.push(path);
  }
  return out;
}

const NATIVE_BINARY = /\.(node|so|dylib|dll)$/;

describe("nothing to compile", () => {
  it("npm ci built no native addon (node-gyp's build/Release/*.node)", () => {
    expect(filesMatching(join(ROOT, "node_modules"), /(^|\/)build\/Release\/.*\.node$/)).toEqual(
      [],
    );
  });

  it("no package installed for running asyncshift has an install script", () => {
    const runtime = Object.entries(lock.packages).filter(([path, entry]) => path && !entry.dev);
    expect(runtime.length).toBeGreaterThan(5);
    expect(runtime.filter(([, entry]) => entry.hasInstallScript).map(([path]) => path)).toEqual([]);
  });

  it("no package installed for running asyncshift carries a native binary", () => {
    const runtime = Object.keys(lock.packages).filter((path) => path && !lock.packages[path].dev);
    expect(runtime.flatMap((path) => filesMatching(join(ROOT, path), NATIVE_BINARY))).toEqual([]);
  });
});

describe("one version everywhere", () => {
  const version = pkg.version;

  it("package-lock.json says package.json's version", () => {
    expect(lock.version).toBe(version);
    expect(lock.packages[""].version).toBe(version);
  });

  it("CHANGELOG.md's latest release is package.json's version", () => {
    const released = [
      ...readFileSync(join(ROOT, "CHANGELOG.md"), "utf8").matchAll(/^## \[(.+?)\]/gm),
    ]
      .map((m) => m[1])
      .filter((name) => name !== "Unreleased");
    expect(released[0]).toBe(version);
  });

  it("the Python package takes its version from package.json and states none of its own", () => {
    expect(readFileSync(join(ROOT, "python/pyproject.toml"), "utf8")).toMatch(
      /dynamic = \["version"\]/,
    );
    expect(readFileSync(join(ROOT, "python/setup.py"), "utf8")).toMatch(
      /version=json\.loads\(\(ROOT \/ "package\.json"\)/,
    );
    for (const file of filesMatching(join(ROOT, "python"), /\.(py|toml|cfg)$/))
      expect(readFileSync(join(ROOT, "python", file), "utf8"), file).not.toMatch(
        /__version__\s*=|^version\s*=/m,
      );
  });

  it("a release tag on this commit names package.json's version, and no tag behind it is newer", () => {
    const git = (...args: string[]) =>
      spawnSync("git", ["-C", ROOT, ...args], { encoding: "utf8" }).stdout.trim();
    if (git("rev-parse", "--is-inside-work-tree") !== "true") return;
    const here = git("tag", "--points-at", "HEAD", "--list", "v*").split("\n").filter(Boolean);
    for (const tag of here) expect(tag).toBe(`v${version}`);
    const behind = git("tag", "--merged", "HEAD", "--list", "v*").split("\n").filter(Boolean);
    for (const tag of behind)
      expect(compareVersions(tag.slice(1), version), tag).toBeLessThanOrEqual(0);
  });
});

function compareVersions(a: string, b: string): number {
  const parts = (v: string) => v.split(/[.-]/).map((p) => Number.parseInt(p, 10) || 0);
  const [x, y] = [parts(a), parts(b)];
  for (let i = 0; i < Math.max(x.length, y.length); i++)
    if ((x[i] ?? 0) !== (y[i] ?? 0)) return (x[i] ?? 0) - (y[i] ?? 0);
  return 0;
}

describe("npm pack", () => {
  const temp = tempFolders("asyncshift-pack-");
  let installed = "";
  let work = "";
  beforeAll(() => {
    requireBuild();
    work = temp.make();
    // The build is there already (npm test builds first): pack it as it is.
    const tarball = execFileSync(
      "npm",
      ["pack", "--ignore-scripts", "--silent", "--pack-destination", work],
      { cwd: ROOT, encoding: "utf8" },
    )
      .trim()
      .split("\n")
      .pop()!;
    installed = join(work, "empty");
    mkdirSync(installed);
    execFileSync(
      "npm",
      ["install", "--prefer-offline", "--no-audit", "--no-fund", join(work, tarball)],
      { cwd: installed, stdio: ["ignore", "ignore", "pipe"] },
    );
  }, 240_000);
  afterAll(() => temp.removeAll());

  const run = (cwd: string, ...args: string[]) =>
    spawnSync(join(installed, "node_modules/.bin/asyncshift"), args, {
      cwd,
      encoding: "utf8",
      env: { ...process.env, NO_COLOR: "1" },
    });

  it("installs into an empty folder and prints its version", () => {
    const result = run(installed, "--version");
    expect(result.stderr).toBe("");
    expect(result.stdout.trim()).toBe(pkg.version);
  });

  it("runs: a dry run on a sample project prints the rewrite", () => {
    const sample = join(work, "sample");
    mkdirSync(join(sample, "shop"), { recursive: true });
    writeFileSync(join(sample, "requirements.txt"), "Django==5.0\n");
    writeFileSync(
      join(sample, "shop/tasks.py"),
      "import asyncio\n\n\ndef sync_one(pk):\n    return asyncio.run(fetch(pk))\n",
    );
    const result = run(sample, ".");
    expect(result.status).toBe(0);
    expect(result.stdout).toContain("+    return async_to_sync(fetch)(pk)\n");
  });

  it("installed nothing native and built nothing", () => {
    expect(filesMatching(join(installed, "node_modules"), NATIVE_BINARY)).toEqual([]);
    expect(filesMatching(join(installed, "node_modules/asyncshift"), /\.wasm$/).sort()).toEqual([
      "dist/grammar/tree-sitter-python.wasm",
    ]);
  });
});
