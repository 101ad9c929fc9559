import { lastSegment } from "../../src/python/lookup.js";
import { functionKey, nameOfKey } from "../../src/model/function-key.js";
import type {
  Context,
  IndexedFunction,
  ProjectIndex,
  ProjectSurvey,
  SurveyPlan,
} from "../../src/model/types.js";
import { chainFacts } from "./chain-facts.js";
import { planChains } from "./chain-planner.js";
import { pureFunctions } from "./pure-helpers.js";
import { MAX_CHAIN_DEPTH } from "./chains.js";
import { indexedFunctionsNamed } from "./cross-calls.js";
import { callerQuestions, provenPasses } from "./caller-plan.js";
import { isProjectPackage, modulePaths } from "../../src/project/index-lookup.js";
import type {
  ChainFacts,
  ChainLink,
  FunctionFacts,
  ProjectChainPlan,
  WrapperFacts,
} from "./types.js";

// Chains across files (issue 15, part 1), the project's side, in the main thread: which files to
// survey (the wrappers' files, then the files of the functions their chains reach), and the one
// plan every file then follows: which wrappers convert, and which functions get an async twin,
// as the one chain planner decides (chain-planner.ts). A function reached by a chain across files
// keeps its sync form beside its twin (see mayConvertInPlace).

// Channels' wrapper too: its call form is followed in test code (orm-review-4 P2), and a large
// project's test files must be asked as a small one's are (orm-review-5 Q16).
const WRAPPER_NAMES = new Set(["sync_to_async", "database_sync_to_async"]);

/**
 * The files the run rewrites that call or decorate with sync_to_async: only a wrapper there
 * converts (its file must change with its chain).
 */
function start(index: ProjectIndex, _ctx: Context, rewritten: ReadonlySet<string>): string[] {
  // A few named files (pre-commit's staged ones) are asked as they are (the start word tells the
  // rest): cheaper than reading the calls of the whole project.
  if (rewritten.size <= FEW_FILES) return [...rewritten];
  const paths = new Set<string>();
  // A def decorated by database_sync_to_async too: a small project's files are all asked, and a
  // large one's wrappers kept for their own blockers probe their helpers the same (P3, probesOf).
  for (const fn of index.functions)
    if (rewritten.has(fn.path) && fn.decorators.some((d) => WRAPPER_NAMES.has(lastSegment(d))))
      paths.add(fn.path);
  for (const c of index.calls)
    if (rewritten.has(c.path) && WRAPPER_NAMES.has(lastSegment(c.callee))) paths.add(c.path);
  return [...paths];
}

const FEW_FILES = 64;

/** The indexed function a key names (`module:name`, `module:Class.name`), if any. */
function indexedByKey(index: ProjectIndex | undefined, key: string): IndexedFunction | undefined {
  const name = nameOfKey(key);
  return indexedFunctionsNamed(index, name).find((fn) => !fn.nested && keyOf(fn) === key);
}

/** An indexed function's key, as chainKey names its def: `module:name`, `module:Class.name`. */
const keyOf = (fn: IndexedFunction) => functionKey(fn.module, fn.name, fn.className);

/**
 * Every surveyed function by key, every wrapper, and the names packages re-export: each link
 * to one (`shop.services:reserve`) goes to the function it stands for, followed a few hops.
 */
function known(facts: readonly ChainFacts[]) {
  const functions = new Map<string, FunctionFacts>();
  const wrappers: WrapperFacts[] = [];
  const probes: ChainLink[] = [];
  const hops = new Map<string, string>();
  for (const f of facts) {
    for (const fn of f.functions) functions.set(fn.key, fn);
    wrappers.push(...f.wrappers);
    probes.push(...(f.probes ?? []));
    for (const [key, to] of Object.entries(f.reexports ?? {})) hops.set(key, to);
  }
  const resolve = (key: string) => {
    let at = key;
    for (let hop = 0; hop < MAX_REEXPORT_HOPS && hops.get(at); hop++) at = hops.get(at)!;
    return at;
  };
  return { functions, wrappers, probes, hops, resolve };
}

/** Re-exports followed from one package to the next before giving up (a cycle ends there too). */
const MAX_REEXPORT_HOPS = 5;

/** `links` with each target that a package re-exports replaced by the function it stands for. */
function resolvedLinks(links: ChainLink[], resolve: (key: string) => string): ChainLink[] {
  return links.map((link) => ({ ...link, target: resolve(link.target) }));
}

/**
 * The package file to ask where it imports a name from, for a key no file's facts nor the index
 * hold (`shop.services:reserve`), when its module is a package of the project not asked yet.
 */
function reexportAsk(
  index: ProjectIndex,
  key: string,
  hops: ReadonlyMap<string, string>,
): string | undefined {
  const colon = key.indexOf(":");
  if (colon < 0 || hops.has(key) || key.slice(colon + 1).includes(".")) return undefined;
  const module = key.slice(0, colon);
  if (!isProjectPackage(index, module)) return undefined;
  return modulePaths(index, module).find((path) => path.endsWith("__init__.py"));
}

/** The functions the wrappers' chains reach that are not surveyed yet, by file. */
function next(
  facts: readonly ChainFacts[],
  index: ProjectIndex,
  rewritten: ReadonlySet<string>,
): { path: string; wanted: string[] }[] {
  const { functions, wrappers, probes, hops, resolve } = known(facts);
  const wanted = new Set<string>();
  const seen = new Set<string>();
  const visit = (links: ChainLink[], depth: number) => {
    for (const link of resolvedLinks(links, resolve)) {
      if (seen.has(link.target) || depth > MAX_CHAIN_DEPTH) continue;
      seen.add(link.target);
      const fn = functions.get(link.target);
      if (fn) visit(fn.calls, depth + 1);
      else wanted.add(link.target);
    }
  };
  for (const w of wrappers) visit(w.calls, 0);
  visit(probes, 0);
  const byPath = new Map<string, string[]>();
  const indexed = (key: string) => indexedByKey(index, key);
  for (const ask of callerQuestions(facts, functions, resolve, index, indexed))
    byPath.set(ask.path, [...(byPath.get(ask.path) ?? []), ...ask.wanted]);
  for (const key of wanted) {
    const fn = indexedByKey(index, key);
    // A package's `__init__.py` is only read: where it imports the name from.
    const path = fn ? fn.path : reexportAsk(index, key, hops);
    // A chain reaching a file the run does not rewrite is kept whatever that file holds.
    if (!path || (fn && !rewritten.has(path))) continue;
    byPath.set(path, [...(byPath.get(path) ?? []), key]);
  }
  return [...byPath].map(([path, keys]) => ({ path, wanted: keys }));
}

/** The plan: each wrapper's decision, and the twins of the functions converting wrappers reach. */
function plan(
  facts: readonly ChainFacts[],
  ctx: Context,
  rewritten: ReadonlySet<string>,
): SurveyPlan<ProjectChainPlan> {
  const known_ = known(facts);
  const { resolve, hops } = known_;
  // orm-human-6 G3b: values proven at their callers, or by the function returning them.
  const proven = provenPasses(facts, ctx.project.index, (key) =>
    indexedByKey(ctx.project.index, key),
  );
  const functions = new Map(
    [...known_.functions].map(([key, fn]) => [
      key,
      { ...fn, calls: proven(resolvedLinks(fn.calls, resolve)) },
    ]),
  );
  const wrappers = known_.wrappers.map((w) => ({
    ...w,
    calls: proven(resolvedLinks(w.calls, resolve)),
  }));
  const decided = planChains({
    functions,
    wrappers,
    rewritten: (path) => rewritten.has(path),
    indexed: (key) => indexedByKey(ctx.project.index, key),
    column: (model, attribute) => ctx.project.models[model]?.columns?.[attribute] === "scalar",
    unfollowed: (key) => (hops.get(key) === "" ? notReexported(key) : undefined),
    scope: "project",
  });
  // The re-exports the rewrite names as the functions they stand for.
  const reexports = Object.fromEntries(
    [...hops.keys()].flatMap((key) => (functions.has(resolve(key)) ? [[key, resolve(key)]] : [])),
  );
  // A converting wrapper's module and those of the functions it reaches: one write group.
  const groups = [...decided.reachedBy].map(([key, reached]) => [
    ...new Set([key, ...reached].map(moduleOfKey)),
  ]);
  const modules = new Set(
    Object.keys(decided.twins)
      .filter((key) => !functions.get(key)!.twinExists)
      .map(moduleOfKey),
  );
  const inMemory = pureFunctions(functions);
  const chainPlan: ProjectChainPlan = {
    wrappers: decided.wrappers,
    twins: decided.twins,
    existing: decided.existing,
    ...(decided.pure && decided.pure.length > 0 ? { pure: decided.pure } : {}),
    ...(Object.keys(reexports).length > 0 ? { reexports } : {}),
    ...(inMemory.length > 0 ? { inMemory } : {}),
    ...(decided.instances ? { instances: decided.instances } : {}),
  };
  return { plan: chainPlan, modules: [...modules], groups: groups.filter((g) => g.length > 1) };
}

/** Why a name a package binds other than by a `from ... import` of it is not followed. */
function notReexported(key: string): string {
  const [module, name] = key.split(":");
  return `${module}.${name}() is bound in the package ${module}'s __init__.py other than by a \`from ... import ${name}\` at the start of a line (an assignment, or an import inside a block), which the chain does not follow: import ${name} from the module that defines it to have it followed`;
}

/** `shop.services:record_review` -> `shop.services` (a call-site wrapper's key: `shop.api#0`). */
function moduleOfKey(key: string): string {
  return key.split(/[:#]/)[0];
}

export const survey: ProjectSurvey<ChainFacts, ProjectChainPlan> = {
  start,
  facts: chainFacts,
  startWords: ["sync_to_async"],
  next,
  plan,
};
