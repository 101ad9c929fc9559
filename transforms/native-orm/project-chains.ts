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
import { MAX_CHAIN_DEPTH } from "./chains.js";
import { indexedFunctionsNamed } from "./cross-calls.js";
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

const WRAPPER_NAMES = new Set(["sync_to_async"]);

/**
 * The files the run rewrites that call or decorate with sync_to_async: only a wrapper there
 * converts (its file must change with its chain).
 */
function start(index: ProjectIndex, _ctx: Context, rewritten: ReadonlySet<string>): string[] {
  // A few named files (pre-commit's staged ones) are asked as they are (the start word tells the
  // rest): cheaper than reading the calls of the whole project.
  if (rewritten.size <= FEW_FILES) return [...rewritten];
  const paths = new Set<string>();
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

/** Every surveyed function by key, and every wrapper. */
function known(facts: readonly ChainFacts[]) {
  const functions = new Map<string, FunctionFacts>();
  const wrappers: WrapperFacts[] = [];
  for (const f of facts) {
    for (const fn of f.functions) functions.set(fn.key, fn);
    wrappers.push(...f.wrappers);
  }
  return { functions, wrappers };
}

/** The functions the wrappers' chains reach that are not surveyed yet, by file. */
function next(
  facts: readonly ChainFacts[],
  index: ProjectIndex,
  rewritten: ReadonlySet<string>,
): { path: string; wanted: string[] }[] {
  const { functions, wrappers } = known(facts);
  const wanted = new Set<string>();
  const seen = new Set<string>();
  const visit = (links: ChainLink[], depth: number) => {
    for (const link of links) {
      if (seen.has(link.target) || depth > MAX_CHAIN_DEPTH) continue;
      seen.add(link.target);
      const fn = functions.get(link.target);
      if (fn) visit(fn.calls, depth + 1);
      else wanted.add(link.target);
    }
  };
  for (const w of wrappers) visit(w.calls, 0);
  const byPath = new Map<string, string[]>();
  for (const key of wanted) {
    const fn = indexedByKey(index, key);
    // A chain reaching a file the run does not rewrite is kept whatever that file holds.
    if (!fn || !rewritten.has(fn.path)) continue;
    byPath.set(fn.path, [...(byPath.get(fn.path) ?? []), key]);
  }
  return [...byPath].map(([path, keys]) => ({ path, wanted: keys }));
}

/** The plan: each wrapper's decision, and the twins of the functions converting wrappers reach. */
function plan(
  facts: readonly ChainFacts[],
  ctx: Context,
  rewritten: ReadonlySet<string>,
): SurveyPlan<ProjectChainPlan> {
  const { functions, wrappers } = known(facts);
  const decided = planChains({
    functions,
    wrappers,
    rewritten: (path) => rewritten.has(path),
    indexed: (key) => indexedByKey(ctx.project.index, key),
    scope: "project",
  });
  // A converting wrapper's module and those of the functions it reaches: one write group.
  const groups = [...decided.reachedBy].map(([key, reached]) => [
    ...new Set([key, ...reached].map(moduleOfKey)),
  ]);
  const modules = new Set(
    Object.keys(decided.twins)
      .filter((key) => !functions.get(key)!.twinExists)
      .map(moduleOfKey),
  );
  const chainPlan: ProjectChainPlan = {
    wrappers: decided.wrappers,
    twins: decided.twins,
    existing: decided.existing,
  };
  return { plan: chainPlan, modules: [...modules], groups: groups.filter((g) => g.length > 1) };
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
