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
import { twinName } from "./chain-plan.js";
import { MAX_CHAIN_DEPTH } from "./chains.js";
import { indexedFunctionsNamed } from "./cross-calls.js";
import type {
  ChainFacts,
  ChainLink,
  FunctionFacts,
  ProjectChainPlan,
  WrapperDecision,
  WrapperFacts,
} from "./types.js";

// Chains across files (issue 15, part 1), the project's side, in the main thread: which files to
// survey (the wrappers' files, then the files of the functions their chains reach), and the one
// plan every file then follows: which wrappers convert, and which functions get an async twin.
// A function reached from another file always keeps its sync form beside its twin: a caller the
// index cannot see (an imported name passed on as a value) would break if it became async.

type Blocked = Extract<WrapperDecision, { blocker: unknown }>["blocker"];

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

/**
 * The first blocker down a wrapper's chain (with the index of the wrapper's own call that leads
 * to it), and every function it reaches.
 */
function walk(
  w: WrapperFacts,
  functions: ReadonlyMap<string, FunctionFacts>,
  rewritten: ReadonlySet<string>,
  indexed: (key: string) => IndexedFunction | undefined,
): { blocked?: { blocker: Blocked; via: number }; reached: Map<string, number>; orm: boolean } {
  /** Each function reached, to the index of the wrapper's call that first reaches it. */
  const reached = new Map<string, number>();
  let via = 0;
  // ORM work seen down the chain, the blocking function's included.
  let orm = false;
  const below = (links: ChainLink[], names: string[], keys: string[]): Blocked | undefined => {
    for (const link of links) {
      const fn = functions.get(link.target);
      const name = fn?.name ?? link.target.split(":").at(-1)!;
      const path = [...names, name].join(" -> ");
      if (keys.includes(link.target))
        return { code: "AS208", message: `${path}: a cycle of calls is not converted` };
      if (keys.length >= MAX_CHAIN_DEPTH)
        return {
          code: "AS208",
          message: `${path}: the chain is deeper than ${MAX_CHAIN_DEPTH} calls, not followed`,
        };
      const unread = fn ? undefined : indexed(link.target);
      if (unread && !rewritten.has(unread.path)) {
        // What a file the run does not rewrite holds is not known: said, whether ORM or not.
        orm = true;
        return {
          code: "AS208",
          message: `${path}: this run does not rewrite ${unread.path} (it was not named, or has uncommitted changes); run on it too, or on the whole project`,
        };
      }
      if (!fn) return { code: "AS205", message: `${path}: ${notFollowed(link.target, unread)}` };
      if (fn.ormSites > 0) orm = true;
      if (fn.blocker)
        return {
          code: fn.blocker.code,
          message: `${path} -> ${fn.path} line ${fn.blocker.line}: ${fn.blocker.message}`,
        };
      if (!rewritten.has(fn.path))
        return {
          code: "AS208",
          message: `${path}: this run does not rewrite ${fn.path} (it was not named, or has uncommitted changes); run on it too, or on the whole project`,
        };
      if (!reached.has(fn.key)) reached.set(fn.key, via);
      const deeper = below(fn.calls, [...names, name], [...keys, link.target]);
      if (deeper) return deeper;
    }
    return undefined;
  };
  for (const [i, link] of w.calls.entries()) {
    via = i;
    const blocker = below([link], [w.name], []);
    if (blocker) return { blocked: { blocker, via }, reached, orm };
  }
  return { reached, orm };
}

/** Why a chain stops at a function the survey has no facts of, as the index shows it. */
function notFollowed(target: string, fn: IndexedFunction | undefined): string {
  const name = `${target.replace(":", ".")}()`;
  if (!fn) return `${name} is not found as a function of the project: not followed`;
  if (fn.async) return `${name} is already async def: await it in the converted code by hand`;
  if (fn.decorators.length > 0)
    return `${name} is decorated (@${fn.decorators[0]}): what the decorator does to it is not known, not followed`;
  return `${name} is not a plain function the chain can follow`;
}

/** The plan: each wrapper's decision, and the twins of the functions converting wrappers reach. */
function plan(
  facts: readonly ChainFacts[],
  ctx: Context,
  rewritten: ReadonlySet<string>,
): SurveyPlan<ProjectChainPlan> {
  const { functions, wrappers } = known(facts);
  const indexed = (key: string) => indexedByKey(ctx.project.index, key);
  const decisions: Record<string, WrapperDecision> = {};
  const twins: Record<string, string> = {};
  // A converting wrapper's module and those of the functions it reaches: one write group.
  const groups: string[][] = [];
  for (const w of wrappers) {
    const { blocked, reached, orm } = walk(w, functions, rewritten, indexed);
    const fns = [...reached.keys()].map((key) => functions.get(key)!);
    // A twin whose name is taken in its file blocks the wrapper.
    const clash = fns.find((fn) => fn.twinTaken);
    // No ORM work seen anywhere down the chain: a thread wrapper, not a site.
    if (!w.orm && !orm) decisions[w.key] = { noOrm: true };
    else if (blocked) decisions[w.key] = blocked;
    else if (clash)
      decisions[w.key] = {
        blocker: {
          code: "AS208",
          message: `${w.name} -> ${clash.name}: ${clash.name}() in ${clash.path} needs an async twin, but the name ${twinName(clash.name)} is already used in that file; rename it, or write the twin by hand`,
        },
        via: reached.get(clash.key)!,
      };
    else if (rewritten.has(w.path)) {
      decisions[w.key] = { convert: true };
      for (const fn of fns) twins[fn.key] = twinName(fn.name);
      groups.push([...new Set([w.key, ...fns.map((fn) => fn.key)].map(moduleOfKey))]);
    }
  }
  const existing = Object.keys(twins).filter((key) => functions.get(key)!.twinExists);
  const modules = new Set(
    Object.keys(twins)
      .filter((key) => !functions.get(key)!.twinExists)
      .map(moduleOfKey),
  );
  const chainPlan: ProjectChainPlan = { wrappers: decisions, twins, existing };
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
