import type { IndexedFunction } from "../../src/model/types.js";
import { MAX_CHAIN_DEPTH } from "./chains.js";
import type {
  ChainLink,
  FunctionFacts,
  ProjectChainPlan,
  WrapperDecision,
  WrapperFacts,
} from "./types.js";

// The one chain planner (issue 15; issue 21 item 8): from plain facts of wrappers and of the
// functions their chains reach, which wrappers convert (or the first blocker down their chain,
// with its path), and which reached functions become `async def` in place or keep their sync
// form beside an async twin. The project's survey asks it for chains reaching other files (in the
// main thread, over every surveyed file's facts, see project-chains.ts); a file asks it for its
// chains within the file (see chain-plan.ts). Both ask the same walk, the same twin-name rule and
// the same in-place predicate (mayConvertInPlace).

type Blocked = Extract<WrapperDecision, { blocker: unknown }>["blocker"];

/** What the planner is given. */
export interface PlannerInput {
  functions: ReadonlyMap<string, FunctionFacts>;
  wrappers: readonly WrapperFacts[];
  /** Whether the run rewrites the file at `path` (root-relative). */
  rewritten: (path: string) => boolean;
  /** The index's function for a key no file's facts hold, if any. */
  indexed: (key: string) => IndexedFunction | undefined;
  /** orm-human-6 G3b: whether `attribute` of `model` is a plain column (reading it is no query). */
  column?: (model: string, attribute: string) => boolean;
  /** Why the chain does not follow a key no file's facts hold, when something more is known. */
  unfollowed?: (key: string) => string | undefined;
  /**
   * "project": the wrappers' chains reach other files (the survey's plan), and a blocker's place
   * names its file; "file": every chain stays in one file.
   */
  scope: "project" | "file";
}

/** The planner's decisions: the project's plan, and what it decided on the way. */
export interface ChainDecisions extends ProjectChainPlan {
  /** The reached functions converted in place. */
  inPlace: string[];
  /** Each converting wrapper's key, to the functions its chain reaches. */
  reachedBy: Map<string, string[]>;
}

/**
 * Whether the function `key` does no ORM or I/O work, nor anything that may (D6): nothing of its
 * own keeps it sync or converts, and every function it calls is such a function too. A chain
 * calls it as it is, from sync or async code alike: it gets no twin and stays `def`. `memo`
 * holds the answers so far (false while one is being found: a cycle is not pure).
 */
export function isPure(
  input: Pick<PlannerInput, "functions">,
  key: string,
  memo: Map<string, boolean>,
): boolean {
  const known = memo.get(key);
  if (known !== undefined) return known;
  const fn = input.functions.get(key);
  memo.set(key, false);
  const pure =
    !!fn &&
    !fn.blocker &&
    fn.ormSites === 0 &&
    !fn.twinEquivalent &&
    fn.calls.every((link) => isPure(input, link.target, memo));
  memo.set(key, pure);
  return pure;
}

/** `process_files` -> `aprocess_files`, `_process_files` -> `_aprocess_files` (Django's names). */
export function twinName(name: string): string {
  const underscores = /^_*/.exec(name)![0];
  return `${underscores}a${name.slice(underscores.length)}`;
}

/**
 * May the reached function `fn` become `async def` in place? Else it keeps its sync form for the
 * callers that stay sync, and gains an async twin beside it. `asyncCalls`: how many of the calls
 * naming it are made by code that becomes async (converting wrappers, functions converted in
 * place). The one place this is decided; the index's calls, patches and references that are not
 * calls (issue 22, item 3) come in as `calledElsewhere`.
 */
export function mayConvertInPlace(
  fn: FunctionFacts,
  use: { asyncCalls: number; scope: PlannerInput["scope"] },
): boolean {
  // A chain reaching another file: a caller the index cannot see (another repository importing
  // the module, a name built at run time) would break if the function became async.
  if (use.scope === "project") return false;
  // Named in its file by code that stays sync: a sync caller, a value passed on, a registry.
  if (fn.references === undefined || fn.references > use.asyncCalls) return false;
  // Its twin is there already: the sync form stays for its callers.
  if (fn.twinExists) return false;
  // A nested def is named only where it is defined: no other module calls or patches it.
  if (fn.nested) return true;
  // Called from another file or patched by a test (the index's calls and patches), or awaited as
  // a twin by a chain converted in another file.
  return fn.calledElsewhere === false && !fn.twinnedForProject;
}

/** The plan: each wrapper's decision, the reached functions' twins, and those converted in place. */
export function planChains(input: PlannerInput): ChainDecisions {
  const pureMemo = new Map<string, boolean>();
  const instances = new Map<string, Map<string, string>>();
  const walks = new Map(input.wrappers.map((w) => [w.key, walk(w, input, pureMemo, instances)]));
  const pure = [...pureMemo].flatMap(([key, yes]) => (yes ? [key] : []));
  const decisions: Record<string, WrapperDecision> = {};
  for (const w of input.wrappers) {
    const { blocked, orm } = walks.get(w.key)!;
    // orm-human-8 K10: a relation read that may load its row lazily is a query (its native form
    // is a fetch by the key): a chain stopped there is kept for it, not as a thread wrapper.
    const lazyRead = blocked?.blocker.code === "AS202";
    // No ORM work anywhere down the chain (past the first blocker too): a thread wrapper.
    if (!w.orm && !orm && !lazyRead && !(blocked && ormBeyond(w, input)))
      decisions[w.key] = { noOrm: true };
    else if (blocked) decisions[w.key] = blocked;
    else if (input.rewritten(w.path)) decisions[w.key] = { convert: true };
  }
  // A twin whose name is taken blocks every wrapper reaching it; that can leave other functions
  // with a caller that stays sync, so the decisions are made again until nothing changes.
  for (;;) {
    const converting = input.wrappers.filter((w) => "convert" in (decisions[w.key] ?? {}));
    const reached = [...new Set(converting.flatMap((w) => [...walks.get(w.key)!.reached.keys()]))];
    const twins = twinsOf(input, converting, reached);
    const clashes = new Set(reached.filter((key) => isClash(input, key, twins, converting)));
    if (clashes.size === 0) {
      const twinRecord = Object.fromEntries([...twins].map((key) => [key, twinNameOf(input, key)]));
      const inPlace = reached.filter((key) => !twins.has(key));
      const existing = [...twins].filter((key) => input.functions.get(key)!.twinExists);
      const reachedBy = new Map(
        converting.map((w) => [w.key, [...walks.get(w.key)!.reached.keys()]]),
      );
      const proven = Object.fromEntries(
        [...instances].flatMap(([key, params]) =>
          twins.has(key) ? [[key, Object.fromEntries(params)]] : [],
        ),
      );
      return {
        wrappers: decisions,
        twins: twinRecord,
        existing,
        inPlace,
        reachedBy,
        pure,
        ...(Object.keys(proven).length > 0 ? { instances: proven } : {}),
      };
    }
    for (const w of converting) {
      const reachedHere = walks.get(w.key)!.reached;
      const clash = [...reachedHere.keys()].find((key) => clashes.has(key));
      if (clash) decisions[w.key] = clashBlocker(input, w, clash, reachedHere.get(clash)!);
    }
  }
}

function twinNameOf(input: PlannerInput, key: string): string {
  return twinName(input.functions.get(key)!.name);
}

/**
 * The reached functions that need a twin (mayConvertInPlace says no). A twinned function's own
 * calls stay sync in the original, so its callees are looked at again until nothing changes.
 */
function twinsOf(input: PlannerInput, converting: WrapperFacts[], reached: string[]): Set<string> {
  const twins = new Set<string>();
  for (let changed = true; changed;) {
    changed = false;
    const asyncCallers = [
      ...converting,
      ...reached.filter((key) => !twins.has(key)).map((key) => input.functions.get(key)!),
    ];
    const asyncCalls = new Map<string, number>();
    for (const link of asyncCallers.flatMap((c) => c.calls))
      asyncCalls.set(link.target, (asyncCalls.get(link.target) ?? 0) + 1);
    for (const key of reached) {
      if (twins.has(key)) continue;
      const fn = input.functions.get(key)!;
      const use = { asyncCalls: asyncCalls.get(key) ?? 0, scope: input.scope };
      // The author wrote its async form's name as a forwarder: the sync one is kept for callers
      // out of sight, and the forwarder becomes the twin.
      const forwarded = converting.some((w) => w.forwardsTo === key);
      if (!forwarded && mayConvertInPlace(fn, use)) continue;
      twins.add(key);
      changed = true;
    }
  }
  return twins;
}

/**
 * A twin whose name is already used in its file, but by a converting wrapper that only forwards
 * to the function under that very name (`@sync_to_async def aget_user(pk): return get_user(pk)`):
 * that wrapper becomes the twin.
 */
function isClash(
  input: PlannerInput,
  key: string,
  twins: ReadonlySet<string>,
  converting: WrapperFacts[],
): boolean {
  if (!twins.has(key) || !input.functions.get(key)!.twinTaken) return false;
  return !converting.some((w) => w.forwardsTo === key);
}

function clashBlocker(
  input: PlannerInput,
  w: WrapperFacts,
  key: string,
  via: number,
): Extract<WrapperDecision, { blocker: unknown }> {
  const fn = input.functions.get(key)!;
  const twin = twinName(fn.name);
  if (input.scope === "file")
    return {
      blocker: {
        code: "AS208",
        message: `${fn.name}() has a caller that stays sync, so it needs an async twin, but the name ${twin} is already used in this file: rename it, or write the twin by hand`,
      },
      via,
      at: key,
    };
  return {
    blocker: {
      code: "AS208",
      message: `${w.name} -> ${fn.name}: ${fn.name}() in ${fn.path} needs an async twin, but the name ${twin} is already used in that file; rename it, or write the twin by hand`,
    },
    via,
  };
}

/**
 * The first blocker down a wrapper's chain (with the index of the wrapper's own call that leads
 * to it), and every function it reaches, to the index of the wrapper's call first reaching it.
 */
function walk(
  w: WrapperFacts,
  input: PlannerInput,
  pure: Map<string, boolean>,
  instances: Map<string, Map<string, string>>,
): { blocked?: { blocker: Blocked; via: number }; reached: Map<string, number>; orm: boolean } {
  const reached = new Map<string, number>();
  let via = 0;
  // ORM work seen down the chain, the blocking function's included.
  let orm = false;
  const below = (
    links: ChainLink[],
    names: string[],
    keys: string[],
    held: ReadonlyMap<string, string>,
  ): Blocked | undefined => {
    for (const link of links) {
      const fn = input.functions.get(link.target);
      const name = fn?.name ?? link.target.split(":").at(-1)!;
      const path = [...names, name].join(" -> ");
      const received = fn ? receivedQuerysets(fn, link, held) : new Map<string, string>();
      const evaluated = fn && evaluationBlocker(input, fn, link, path, received);
      if (evaluated) return evaluated;
      const unproven = fn && instanceBlocker(input, fn, link, path, w, instances);
      if (unproven) return unproven;
      if (keys.includes(link.target))
        return { code: "AS208", message: `${path}: a cycle of calls is not converted` };
      if (keys.length >= MAX_CHAIN_DEPTH)
        return {
          code: "AS208",
          message: `${path}: the chain is deeper than ${MAX_CHAIN_DEPTH} calls, not followed`,
        };
      const unread = fn ? undefined : input.indexed(link.target);
      if (unread && !input.rewritten(unread.path)) {
        // What a file the run does not rewrite holds is not known: said, whether ORM or not.
        orm = true;
        return notRewritten(path, unread.path);
      }
      if (!fn) {
        const why = input.unfollowed?.(link.target) ?? notFollowed(link.target, unread);
        return { code: "AS205", message: `${path}: ${why}` };
      }
      // A pure helper is called as it is, not awaited (D6); looked into only for a queryset it
      // hands on to a parameter evaluated further down (W1).
      if (isPure(input, fn.key, pure)) {
        const deeper =
          received.size > 0
            ? below(fn.calls, [...names, name], [...keys, link.target], received)
            : undefined;
        if (deeper) return deeper;
        continue;
      }
      if (fn.ormSites > 0) orm = true;
      // The project's own `aget_object_or_exception` beside it (N10): awaited, not looked into.
      if (fn.twinEquivalent) {
        orm = true;
        if (!reached.has(fn.key)) reached.set(fn.key, via);
        continue;
      }
      if (fn.blocker) return ownBlocker(input, fn, path, w);
      if (!input.rewritten(fn.path)) return notRewritten(path, fn.path);
      if (!reached.has(fn.key)) reached.set(fn.key, via);
      const deeper = below(fn.calls, [...names, name], [...keys, link.target], received);
      if (deeper) return deeper;
    }
    return undefined;
  };
  for (const [i, link] of w.calls.entries()) {
    via = i;
    const blocker = below([link], [w.name], [], new Map());
    if (blocker) return { blocked: { blocker, via }, reached, orm };
  }
  return { reached, orm };
}

/** What keeps `fn` itself sync, down the chain `path`. */
function ownBlocker(
  input: PlannerInput,
  fn: FunctionFacts,
  path: string,
  w: WrapperFacts,
): Blocked {
  const { code, line, message, severity } = fn.blocker!;
  const where = input.scope === "project" ? `${fn.path} ` : "";
  // orm-review-3 N10: the project's own `aget_object_or_exception` beside the sync one; not
  // when the wrapper is in it (orm-human-5 H6: that would await itself).
  const twin = twinName(fn.name);
  const hint =
    fn.twinTaken && w.within !== twin && w.name !== twin
      ? `; ${twin} is already defined in ${input.scope === "project" ? fn.path : "this file"}: if it is ${fn.name}()'s async form, await it instead (by hand)`
      : "";
  return {
    code,
    message: `${path} -> ${where}line ${line}: ${message}${hint}`,
    ...(severity ? { severity } : {}),
  };
}

/**
 * orm-human-6 G3: a parameter nothing in `fn` proves a model instance (`log_instance.save()`),
 * which the call `link` does not pass a proven instance for, or one of another model than other
 * calls pass: `fn`'s own blocker for that call. Else the models passed are noted in `instances`
 * (the twin proves its parameters by them).
 */
function instanceBlocker(
  input: PlannerInput,
  fn: FunctionFacts,
  link: ChainLink,
  path: string,
  w: WrapperFacts,
  instances: Map<string, Map<string, string>>,
): Blocked | undefined {
  if (!fn.instanceParams) return undefined;
  const models = instances.get(fn.key) ?? new Map<string, string>();
  for (const param of fn.instanceParams) {
    const pass = (link.passes ?? []).find(
      (p) => (typeof p.to === "number" ? fn.parameters?.[p.to] : p.to) === param.name,
    );
    const model = pass?.instance;
    if (!model || (models.get(param.name) ?? model) !== model) {
      const where = input.scope === "project" ? `${fn.path} ` : "";
      const passed = model
        ? `an instance of ${model}, where another converting call passes one of ${models.get(param.name)}`
        : (pass?.unproven ?? "nothing proven a model instance for it");
      return {
        code: param.blocker.code,
        message: `${path} -> ${where}line ${param.blocker.line}: ${fn.name}() does ORM work on its parameter ${param.name}, which nothing in it proves a model instance, and the call at line ${link.line} passes ${passed} (annotate what it passes, or the parameter, with its model class)`,
      };
    }
    const read = param.reads && unplainRead(input, param.reads, model, pass!);
    if (read) {
      const where = input.scope === "project" ? `${fn.path} ` : "";
      return {
        code: param.blocker.code,
        message: `${path} -> ${where}line ${param.blocker.line}: ${fn.name}() reads ${param.name}.${read}, and the call at line ${link.line} passes ${readWhy(input, model, read, pass!.partial)}`,
      };
    }
    models.set(param.name, model);
  }
  instances.set(fn.key, models);
  return undefined;
}

/**
 * orm-human-6 G3b: the first attribute of `reads` that a twin reading it of the instance passed
 * would not read in memory: not a plain column of `model`, or any, of a row not known to be loaded
 * whole (only() and defer() leave columns to load at their first read).
 */
function unplainRead(
  input: PlannerInput,
  reads: string[],
  model: string,
  pass: { whole?: true },
): string | undefined {
  return reads.find((a) => !pass.whole || !input.column?.(model, a));
}

function readWhy(input: PlannerInput, model: string, read: string, partial?: string): string {
  return input.column?.(model, read)
    ? `an instance of ${model} not known to be loaded whole${partial ? ` (${partial})` : ""}: a column deferred by only() or defer() loads at its first read, a query`
    : `an instance of ${model}, whose ${read} is not known to be a plain column (a relation or a property may run a query)`;
}

/** orm-review-5 W1: a queryset handed to a parameter the function evaluates. */
function evaluationBlocker(
  input: PlannerInput,
  fn: FunctionFacts,
  link: ChainLink,
  path: string,
  received: ReadonlyMap<string, string>,
): Blocked | undefined {
  // The project's own async form is awaited, not looked into.
  const evaluated = fn.twinEquivalent ? undefined : fn.evaluates?.find((e) => received.has(e.name));
  if (!evaluated) return undefined;
  const where = input.scope === "project" ? `${fn.path} ` : "";
  return {
    code: "AS205",
    message: `${path} -> ${where}line ${evaluated.line}: ${fn.name}() evaluates its parameter ${evaluated.name}, and the call at line ${link.line} passes ${received.get(evaluated.name)}: it would be evaluated synchronously on the event loop`,
  };
}

/**
 * The parameters of `fn` that the call `link` hands a queryset (or a value that may be one), with
 * why: passed as such, or a parameter of the caller that holds one (`held`) handed on.
 */
function receivedQuerysets(
  fn: FunctionFacts,
  link: ChainLink,
  held: ReadonlyMap<string, string>,
): Map<string, string> {
  const received = new Map<string, string>();
  for (const p of link.passes ?? []) {
    const handed = p.param !== undefined ? held.get(p.param) : undefined;
    const why = p.queryset ?? (handed && `${p.param}, which holds ${handed}`);
    const name = typeof p.to === "number" ? fn.parameters?.[p.to] : p.to;
    if (why && name) received.set(name, why);
  }
  return received;
}

/**
 * Whether ORM work is anywhere down a wrapper's chain, past blockers (the walk stops at the
 * first): a helper that posts a webhook and then saves the event is kept for its blocker, not
 * said to reach no ORM work (orm-review N14). A function of a file the run does not read may.
 */
function ormBeyond(w: WrapperFacts, input: PlannerInput): boolean {
  const seen = new Set<string>();
  const links = [...w.calls];
  for (let link = links.pop(); link; link = links.pop()) {
    if (seen.has(link.target)) continue;
    seen.add(link.target);
    const fn = input.functions.get(link.target);
    const unread = fn ? undefined : input.indexed(link.target);
    if (fn?.ormSites || (unread && !input.rewritten(unread.path))) return true;
    if (fn) links.push(...fn.calls);
  }
  return false;
}

function notRewritten(path: string, file: string): Blocked {
  return {
    code: "AS208",
    message: `${path}: this run does not rewrite ${file} (it was not named, or has uncommitted changes); run on it too, or on the whole project`,
  };
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
