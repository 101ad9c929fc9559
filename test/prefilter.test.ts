import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { FileSemantics } from "../src/python/semantics.js";
import { parsePython } from "../src/syntax/parse.js";
import { mayHoldSite } from "../src/engine/pipeline.js";
import { factsOfFile, projectFacts } from "../src/project/project-facts.js";
import type { Context, ModelFacts, Transform } from "../src/model/types.js";

type ToThreadMode = "native" | "unwrap";
import { TRANSFORMS, transformById } from "../transforms/index.js";

/*
 * A transform's mayHoldSite turns files down before the parse: it may only do so where the
 * transform would find nothing. `npm run stress` checks the same on the whole standard library.
 */

const ROOT = new URL("..", import.meta.url).pathname;

function contextFor(
  source: string,
  toThreadMode: ToThreadMode,
  models: Record<string, ModelFacts> = {},
): Context {
  const project = projectFacts({ usesDjango: true, usesAsgiref: false }, [
    { path: "case.py", facts: factsOfFile(source) },
  ]);
  return {
    options: { unsafeFixes: true, django: true, settings: { "to-thread": { mode: toThreadMode } } },
    project: { ...project, models: { ...project.models, ...models } },
  };
}

/** What the transform finds when run on the text whatever its text test says. */
function findings(transform: Transform, source: string, ctx: Context): number[] {
  const found = transform.transform(
    new FileSemantics("app/case.py", source, parsePython(source)),
    ctx,
  );
  return [found.findings.length, found.sites?.length ?? 0];
}

const pythonFiles = (dir: string): string[] =>
  readdirSync(dir, { recursive: true, encoding: "utf8" })
    .filter((f) => f.endsWith(".py"))
    .map((f) => join(dir, f));

const texts = [
  ...pythonFiles(join(ROOT, "snapshots")).filter((f) => f.endsWith(".input.py")),
  ...pythonFiles(join(ROOT, "examples")),
].map((file) => [file.slice(ROOT.length), readFileSync(file, "utf8")] as const);

const filtering = TRANSFORMS.filter((t) => t.mayHoldSite);

describe("text tests before the parse", () => {
  it("every transform but asyncio-run has one", () => {
    expect(filtering.map((t) => t.meta.id)).toEqual([
      "missing-await",
      "native-orm",
      "to-thread",
      "blocking-calls",
    ]);
  });

  it("turn down no snapshot input or example where the transform finds something", () => {
    let checked = 0;
    for (const [name, source] of texts)
      for (const transform of filtering)
        for (const mode of ["native", "unwrap"] as const) {
          const ctx = contextFor(source, mode);
          if (!mayHoldSite(source, transform) || mayHoldSite(source, transform, ctx)) continue;
          checked++;
          expect(findings(transform, source, ctx), `${name}: ${transform.meta.id}`).toEqual([0, 0]);
        }
    // Snapshot inputs of one transform hold the other one's trigger words ("async def").
    expect(checked).toBeGreaterThan(20);
    // Every snapshot input, four transforms, two modes: 5 s alone on a quiet machine, 61 s at
    // load 20 beside another test file.
  }, 180_000);

  const nativeOrm = transformById("native-orm")!;
  const toThread = transformById("to-thread")!;
  const blockingCalls = transformById("blocking-calls")!;

  it.each([
    [
      "dict get, prose about objects",
      nativeOrm,
      'async def f(d):\n    """The objects."""\n    return d.get("k")\n',
    ],
    ["list count", nativeOrm, "async def f(items):\n    return items.count(3)\n"],
    ["dict get", blockingCalls, 'async def f(d):\n    return d.get("k")\n'],
    ["a method named sleep", blockingCalls, "async def f(clock):\n    clock.sleep(1)\n"],
    ["open as a word only", blockingCalls, "async def f(door):\n    return door.opened  # open\n"],
    [
      "to_thread of another module",
      toThread,
      "from shop import pool\n\nasync def f():\n    await pool.to_thread(g)\n",
    ],
  ])("turn down %s, where the transform finds nothing", (_, transform, source) => {
    const ctx = contextFor(source, "native");
    expect(mayHoldSite(source, transform)).toBe(true);
    expect(mayHoldSite(source, transform, ctx)).toBe(false);
    expect(findings(transform, source, ctx)).toEqual([0, 0]);
  });

  it.each([
    [
      "a manager over lines",
      nativeOrm,
      "async def f(m):\n    return (m\n        .  # manager\n        objects.count())\n",
    ],
    [
      "a manager after a line continuation",
      nativeOrm,
      "async def f(m):\n    return m.\\\n        objects.count()\n",
    ],
    [
      "a model the pre-pass found",
      nativeOrm,
      "from billing.ledger import Invoice\n\nasync def f():\n    return Invoice.open.count()\n",
    ],
    [
      "an aliased blocking import",
      blockingCalls,
      "from time import sleep as nap\n\nasync def f():\n    nap(1)\n",
    ],
    ["builtin open", blockingCalls, "async def f(p):\n    return open (p).read()\n"],
    [
      "a module alias",
      blockingCalls,
      "import subprocess as sp\n\nasync def f():\n    sp.run(['ls'])\n",
    ],
    [
      "an aliased thread wrapper",
      toThread,
      "from asyncio import to_thread as off\n\nasync def f():\n    await off(g)\n",
    ],
  ])("keep %s, where the transform finds something", (_, transform, source) => {
    const ctx = contextFor(source, "native", { Invoice: { managers: ["open"], relations: [] } });
    expect(mayHoldSite(source, transform, ctx)).toBe(true);
    expect(findings(transform, source, ctx).some((n) => n > 0)).toBe(true);
  });
});

describe("blocking-calls text test", () => {
  const blockingCalls = transformById("blocking-calls")!;
  const sleeps = "import time\n\nasync def f():\n    time.sleep(1)\n";

  it("keeps a blocking call in native mode", () => {
    expect(mayHoldSite(sleeps, blockingCalls, contextFor(sleeps, "native"))).toBe(true);
  });

  it("turns every file down in unwrap mode, where the transform does nothing", () => {
    const ctx = contextFor(sleeps, "unwrap");
    expect(mayHoldSite(sleeps, blockingCalls, ctx)).toBe(false);
    expect(findings(blockingCalls, sleeps, ctx)).toEqual([0, 0]);
  });

  it("turns down a module named like a blocking one without its function", () => {
    const source = "import requests\n\nasync def f(r):\n    return r.json()\n";
    expect(mayHoldSite(source, blockingCalls, contextFor(source, "native"))).toBe(false);
  });
});

describe("missing-await text test", () => {
  const missingAwait = transformById("missing-await")!;
  const index = {
    root: "/project",
    functions: [
      {
        module: "app.rates",
        path: "app/rates.py",
        name: "refresh_rates",
        nested: false,
        async: true,
        decorators: [],
        line: 1,
      },
    ],
    calls: [],
    patches: [],
  };
  const withIndex = (source: string): Context => {
    const ctx = contextFor(source, "native");
    return { ...ctx, project: { ...ctx.project, index } };
  };

  it.each([
    ["a file without def", "from app.rates import refresh_rates  # async\n\nrefresh_rates()\n"],
    [
      "sync code calling no async def of the project",
      "from app.rates import fetch  # not async\n\ndef handle():\n    fetch()\n",
    ],
  ])("turns down %s, where the transform finds nothing", (_, source) => {
    const ctx = withIndex(source);
    expect(mayHoldSite(source, missingAwait, ctx)).toBe(false);
    expect(findings(missingAwait, source, ctx)).toEqual([0, 0]);
  });

  it.each([
    ["an async def", "async def f():\n    ...\n\nasync def g():\n    f()\n"],
    [
      "sync code calling an aliased async def of the project",
      "from app.rates import refresh_rates as rr  # async\n\ndef handle():\n    rr()\n",
    ],
    [
      "sync code calling an async def of the project",
      '"""Rates from the async client."""\nfrom app.rates import refresh_rates\n\ndef handle():\n    refresh_rates()\n',
    ],
  ])("keeps %s, where the transform finds something", (_, source) => {
    const ctx = withIndex(source);
    const file = new FileSemantics("app/case.py", source, parsePython(source), "app.case");
    expect(mayHoldSite(source, missingAwait, ctx)).toBe(true);
    expect(missingAwait.transform(file, ctx).findings?.length).toBeGreaterThan(0);
  });

  it("turns down sync code without the project index (a lone source)", () => {
    const source =
      "from app.rates import refresh_rates  # async\n\ndef handle():\n    refresh_rates()\n";
    const ctx = contextFor(source, "native");
    expect(mayHoldSite(source, missingAwait, ctx)).toBe(false);
    expect(findings(missingAwait, source, ctx)).toEqual([0, 0]);
  });
});

describe("to-thread text test for direct twin calls", () => {
  const toThread = transformById("to-thread")!;
  const twins = { "redis_manager.*": "async_redis_manager.*" };
  const withTwins = (source: string, mode: ToThreadMode = "native"): Context => {
    const ctx = contextFor(source, mode);
    return { ...ctx, options: { ...ctx.options, settings: { "to-thread": { mode, twins } } } };
  };
  const direct =
    "from app.cache import async_redis_manager, redis_manager\n\n" +
    "async def status(cid):\n    return redis_manager.get_task_status(cid)\n";

  it("keeps a direct call of a twinned object in async def", () => {
    const ctx = withTwins(direct);
    expect(mayHoldSite(direct, toThread, ctx)).toBe(true);
    expect(findings(toThread, direct, ctx)[0]).toBe(1);
  });

  it.each([
    ["no twin declared", direct, contextFor(direct, "native")],
    ["unwrap mode", direct, withTwins(direct, "unwrap")],
    [
      "no async def",
      "from app.cache import redis_manager\n\ndef status(cid):\n    return redis_manager.get(cid)\n",
      undefined,
    ],
    [
      "async def without the twinned object",
      "from app.cache import cache\n\nasync def status(cid):\n    return cache.get(cid)\n",
      undefined,
    ],
  ])("turns down %s, where the transform finds nothing", (_, source, given) => {
    const ctx = given ?? withTwins(source);
    expect(mayHoldSite(source, toThread, ctx)).toBe(false);
    expect(findings(toThread, source, ctx)).toEqual([0, 0]);
  });
});
