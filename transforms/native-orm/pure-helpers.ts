import type { SyntaxNode } from "../../src/model/types.js";
import { plainKindOf } from "../../src/python/value-kinds.js";
import { chainFunction, MAX_CHAIN_DEPTH } from "./chains.js";
import { projectPlan } from "./cross-calls.js";
import type { ChainCall, CrossCall, FunctionFacts, OrmFile, Problem } from "./types.js";

// orm-review-4 P3 (eda-server's `add_default_values_to_user_inputs`, caviardeul's
// `compute_median_from_distribution`): a project helper whose body, and what it calls a few
// levels down, does nothing but compute in memory (no ORM work, no call or read this transform
// cannot prove stays off the database) is no blocker of the wrapper calling it. A wrapper that
// converts follows such helpers as it follows any (their twins); a wrapper kept for another reason
// must not list them as "may touch the database".

/**
 * The keys of surveyed functions that compute in memory: no blocker, no ORM site, and every
 * function they call (surveyed too) one of them. A call to a function not surveyed, a cycle, or a
 * chain deeper than the chains follow, proves nothing.
 */
export function pureFunctions(functions: ReadonlyMap<string, FunctionFacts>): string[] {
  const judged = new Map<string, boolean>();
  const judge = (key: string, depth: number): boolean => {
    if (judged.has(key)) return judged.get(key)!;
    const fn = functions.get(key);
    // A def beside its awaited twin was not read (chain-facts' decoratedWithTwin).
    if (!fn || fn.blocker || fn.ormSites > 0 || fn.twinEquivalent || fn.openParameters)
      return false;
    if (depth > MAX_CHAIN_DEPTH) return false;
    judged.set(key, false); // a cycle proves nothing
    const pure = fn.calls.every((c) => judge(c.target, depth + 1));
    judged.set(key, pure);
    return pure;
  };
  return [...functions.keys()].filter((key) => judge(key, 0));
}

/** A def of this file computing in memory, as pureFunctions judges a surveyed one. */
function isPureDef(f: OrmFile, def: SyntaxNode, depth: number, seen: Set<number>): boolean {
  if (seen.has(def.id) || depth > MAX_CHAIN_DEPTH) return false;
  seen.add(def.id);
  const fn = chainFunction(f, def);
  const cross = new Set(fn.cross.map((c) => c.call.id));
  return (
    fn.findings.ormSites === 0 &&
    !hasOpenParameters(def) &&
    fn.findings.conversions.length === 0 &&
    fn.problems.every((p) => cross.has(p.node.id)) &&
    fn.cross.every((c) => isPureCross(f, c)) &&
    fn.calls.every((c) => isPureDef(f, c.def, depth + 1, seen))
  );
}

/**
 * A parameter a pure-looking body may evaluate without this transform seeing it (`len(items)`,
 * `for x in items`, `if items`): one with no annotation, or an annotation of no plain kind, that
 * the body names. Handed a queryset, such a body would run its query: the helper is pure only
 * when each parameter it uses is annotated as a plain value (`schema: dict`, `key: str`).
 */
export function hasOpenParameters(def: SyntaxNode): boolean {
  const parameters = def.childForFieldName("parameters")?.namedChildren ?? [];
  const body = def.childForFieldName("body");
  const inClass = (def.parent?.type === "decorated_definition" ? def.parent : def).parent?.parent;
  return parameters.some((p, i) => {
    if (i === 0 && inClass?.type === "class_definition") return false; // self, cls
    const name =
      p.type === "identifier" ? p : (p.childForFieldName("name") ?? p.namedChildren[0] ?? null);
    if (name?.type !== "identifier") return true; // *args, **kwargs: not followed
    // Annotated as a plain value, or used only as a mapping or a string (value-kinds reads both).
    if (plainKindOf(name)) return false;
    return !!body && namesIn(body, name.text);
  });
}

/** Whether `body` reads the name (not as an attribute's or a keyword's name). */
function namesIn(body: SyntaxNode, name: string): boolean {
  return body.descendantsOfType("identifier").some((id) => {
    if (id.text !== name) return false;
    const parent = id.parent;
    if (parent?.type === "attribute" && parent.childForFieldName("attribute")?.id === id.id)
      return false;
    return !(parent?.type === "keyword_argument" && parent.childForFieldName("name")?.id === id.id);
  });
}

function isPureCross(f: OrmFile, c: CrossCall): boolean {
  return projectPlan(f)?.inMemory?.includes(c.target) ?? false;
}

/** The chain and cross calls of a region that reach only in-memory work, by call node id. */
export function pureCalls(
  f: OrmFile,
  calls: readonly ChainCall[],
  cross: readonly CrossCall[],
): Set<number> {
  const pure = new Set<number>();
  for (const c of cross) if (isPureCross(f, c)) pure.add(c.call.id);
  for (const c of calls) if (isPureDef(f, c.def, 0, new Set())) pure.add(c.call.id);
  return pure;
}

/**
 * A kept wrapper's problems without the AS205 of its calls to pure helpers: only when a blocker
 * of its own that no fix lifts remains (then nothing converts, whatever the flags), so dropping
 * them changes what is said, never what is rewritten.
 */
export function withoutPureCalls(
  f: OrmFile,
  problems: Problem[],
  calls: readonly ChainCall[],
  cross: readonly CrossCall[],
): Problem[] {
  if (calls.length === 0 && cross.length === 0) return problems;
  const called = new Set([...calls, ...cross].map((c) => c.call.id));
  const kept = problems.some((p) => !p.unsafe && !called.has(p.node.id));
  if (!kept) return problems;
  const pure = pureCalls(f, calls, cross);
  return pure.size === 0
    ? problems
    : problems.filter((p) => !(p.code === "AS205" && pure.has(p.node.id)));
}
