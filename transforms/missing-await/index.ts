import picomatch from "picomatch";
import { isAsyncFunction } from "../../src/python/shapes.js";
import type {
  Context,
  FileSemantics,
  ProjectIndex,
  TransformMeta,
  TransformResult,
} from "../../src/model/types.js";
import { asyncSite, owningDef, syncSite, valueSite } from "./awaits.js";
import { candidateCalls } from "./candidates.js";
import { valueUse } from "./tested.js";
import { CoroutineFunctions } from "./coroutines.js";
import { typedSurvey } from "./typed.js";
import { asyncOverridesOfSyncHooks } from "./hooks.js";
import { MISSING_AWAIT_CODES } from "./codes.js";
import { newResults } from "./results.js";
import { asyncioRunOnLoop, asyncToSyncInAsync, syncToAsyncOfAsync } from "./wrappers.js";

/** Test files: a coroutine called from a sync test is reported, its rewrite left to a person. */
const isTestFile = picomatch(["**/tests/**", "**/test_*.py", "**/*_test.py", "**/conftest.py"], {
  dot: true,
});

export const meta: TransformMeta = {
  id: "missing-await",
  summary:
    "coroutines called without await (await added in async def), sync_to_async of an async def, async_to_sync or asyncio.run on a running loop",
  // Every site but one is in or names something async (`async def`, asyncio, the asgiref
  // wrappers). The exception, a sync def calling an `async def` of another file (AS402), is
  // found only in files that say "async" somewhere: a file's inertness is decided before the
  // project index exists.
  triggers: ["async"],
  siteKinds: [
    {
      kind: "coroutine-not-awaited",
      group: "coroutine not awaited",
      columns: [
        { context: "async", header: "async def" },
        { context: "sync", header: "sync def" },
      ],
    },
    {
      kind: "wrapper-misuse",
      group: "wrapper on the wrong side",
      columns: [
        { context: "sync_to_async", header: "sync_to_async(async)" },
        { context: "async_to_sync", header: "async_to_sync in async" },
        { context: "asyncio.run", header: "asyncio.run on loop" },
      ],
    },
  ],
  codes: MISSING_AWAIT_CODES,
};

/** The names of the project's `async def`s, per index (the index is one object per run). */
const asyncNamesByIndex = new WeakMap<ProjectIndex, ReadonlySet<string>>();

function asyncNamesOf(index: ProjectIndex): ReadonlySet<string> {
  let names = asyncNamesByIndex.get(index);
  if (!names) {
    names = new Set(index.functions.filter((f) => f.async).map((f) => f.name));
    asyncNamesByIndex.set(index, names);
  }
  return names;
}

const IDENTIFIER = /[\p{ID_Start}_][\p{ID_Continue}]*/gu;

/**
 * Before the parse: a site is in `async def` (AS401, AS404), names an asgiref wrapper (AS403,
 * AS404) or asyncio.run (AS405), or calls an `async def` of the project, whose name the text
 * spells in the call or in the import that gives it an alias (AS402).
 */
export function mayHoldSite(source: string, ctx: Context): boolean {
  if (/\basync[ \t]+def\b/.test(source) || /sync_to_async|async_to_sync/.test(source)) return true;
  if (!/\bdef\b/.test(source)) return false;
  if (/\basyncio\b/.test(source) && /\brun\b/.test(source)) return true;
  const index = ctx.project.index;
  if (!index) return false;
  const names = asyncNamesOf(index);
  for (const [word] of source.matchAll(IDENTIFIER)) if (names.has(word)) return true;
  return false;
}

export function transform(file: FileSemantics, ctx: Context): TransformResult {
  const out = newResults();
  const coroutines = new CoroutineFunctions(file, ctx);
  const inTests = isTestFile(file.path);
  for (const call of file.root.descendantsOfType("call")) {
    const fn = owningDef(file, call);
    const use = fn && valueUse(file, call, ctx);
    if (!fn || !use) continue;
    const callee = call.childForFieldName("function")!;
    const coroutine = isAsyncFunction(fn) ? coroutines.of(callee) : coroutines.projectOf(callee);
    if (coroutine) valueSite(call, fn, coroutine, use, out);
  }
  for (const call of candidateCalls(file.root)) {
    const fn = owningDef(file, call);
    const callee = call.childForFieldName("function")!;
    if (!fn || !call.childForFieldName("arguments")) continue;
    if (isAsyncFunction(fn)) {
      const coroutine = coroutines.of(callee);
      if (coroutine) asyncSite(file, call, fn, coroutine, out, ctx);
    } else {
      const coroutine = coroutines.projectOf(callee);
      if (coroutine) syncSite(file, call, coroutine, inTests, out, ctx);
    }
  }
  syncToAsyncOfAsync(file, coroutines, out);
  asyncToSyncInAsync(file, out);
  asyncioRunOnLoop(file, ctx, out);
  asyncOverridesOfSyncHooks(file, out);
  return out.result();
}

/** The annotations that make an attribute's call an awaitable, read across files (typed.ts). */
export const survey = typedSurvey;
