import { nameOfKey } from "../../src/model/function-key.js";
import { callsNamed } from "../../src/project/index-lookup.js";
import { referencesTo } from "../../src/project/references.js";
import { lastSegment } from "../../src/python/lookup.js";
import type { IndexedFunction, ProjectIndex } from "../../src/model/types.js";
import { CALLERS, RETURNS } from "./caller-proofs.js";
import type { CallerPass, ChainFacts, ChainLink, FunctionFacts } from "./types.js";

// orm-human-6 G3b, the plan's side: the questions the survey asks of other files for a value a
// chain call passes to a parameter that must be a model instance (`log_instance` of a manager
// method whose only blocker is that), and the answer once every file has told: the one model
// every path gives, or what blocks, named with its file and line. Every call of a def must be
// found and read: a call the index shows and no file answered, a reference that is no call, a
// test patching it, each keeps the value unproven.

type Pass = NonNullable<ChainLink["passes"]>[number];
type Value = Pick<CallerPass, "instance" | "whole" | "returned" | "caller">;

/** How deep a parameter is followed to its callers' callers. */
const MAX_CALLER_DEPTH = 3;

/** The question `?callers ...` for a parameter of a def. */
function callersQuestion(c: NonNullable<Pass["caller"]>): string {
  return `${CALLERS}${c.key} ${c.param} ${c.position} ${c.none ? 1 : 0}`;
}

/** Whether a pass to `fn` matters: it fills one of the parameters `fn` needs an instance for. */
function wanted(fn: FunctionFacts | undefined, pass: Pass): boolean {
  const name = typeof pass.to === "number" ? fn?.parameters?.[pass.to] : pass.to;
  return !!fn?.instanceParams?.some((p) => p.name === name);
}

/** The links of every surveyed wrapper and function. */
function allLinks(facts: readonly ChainFacts[]): ChainLink[] {
  return facts.flatMap((f) => [
    ...f.wrappers.flatMap((w) => w.calls),
    ...f.functions.flatMap((fn) => fn.calls),
  ]);
}

/** The values a link passes that the plan must prove, and those the answers so far lead to. */
function pending(
  facts: readonly ChainFacts[],
  functions: ReadonlyMap<string, FunctionFacts>,
  resolve: (key: string) => string,
): Value[] {
  const values: Value[] = [];
  for (const link of allLinks(facts))
    for (const pass of link.passes ?? [])
      if ((pass.returned || pass.caller) && wanted(functions.get(resolve(link.target)), pass))
        values.push(pass);
  for (const f of facts) for (const c of f.callers ?? []) values.push(...c.passes);
  return values;
}

/** The questions to ask next, by file. */
export function callerQuestions(
  facts: readonly ChainFacts[],
  functions: ReadonlyMap<string, FunctionFacts>,
  resolve: (key: string) => string,
  index: ProjectIndex,
  indexed: (key: string) => IndexedFunction | undefined,
): { path: string; wanted: string[] }[] {
  const asks: { path: string; wanted: string[] }[] = [];
  for (const value of pending(facts, functions, resolve)) {
    if (value.returned) {
      const fn = indexed(value.returned);
      if (fn) asks.push({ path: fn.path, wanted: [`${RETURNS}${value.returned}`] });
    }
    if (value.caller) {
      const question = callersQuestion(value.caller);
      const paths = new Set(callsNamed(index, nameOfKey(value.caller.key)).map((c) => c.path));
      for (const path of paths) asks.push({ path, wanted: [question] });
    }
  }
  return asks;
}

/** What the plan found of a value: the model, or why not. */
type Found = { model: string; whole: boolean; partial?: string } | { why: string };

/** The answers the survey gathered, and what each value proves to be (memoized). */
class CallerProofs {
  private readonly returns = new Map<string, { model?: string; whole?: true; why?: string }>();
  private readonly callers: NonNullable<ChainFacts["callers"]>;
  private readonly memo = new Map<string, Found>();

  constructor(
    facts: readonly ChainFacts[],
    private readonly index: ProjectIndex,
    private readonly indexed: (key: string) => IndexedFunction | undefined,
  ) {
    for (const f of facts)
      for (const [k, v] of Object.entries(f.returns ?? {})) this.returns.set(k, v);
    this.callers = facts.flatMap((f) => f.callers ?? []);
  }

  find(value: Value, depth: number): Found {
    if (value.instance) return { model: value.instance, whole: !!value.whole };
    if (value.returned) {
      const r = this.returns.get(value.returned);
      const of = `what ${nameOfKey(value.returned)}() returns`;
      return r?.model
        ? { model: r.model, whole: !!r.whole }
        : { why: `${of} (${r?.why ?? "not read"})` };
    }
    const c = value.caller!;
    const question = callersQuestion(c);
    if (!this.memo.has(question)) {
      this.memo.set(question, { why: `${c.param}: a cycle of calls` });
      this.memo.set(
        question,
        depth > MAX_CALLER_DEPTH
          ? { why: `${c.param} is passed down more than ${MAX_CALLER_DEPTH} calls` }
          : this.atCallers(c, question, depth),
      );
    }
    return this.memo.get(question)!;
  }

  /** What every call of the def passes for its parameter: one model, or the first blocker. */
  private atCallers(c: NonNullable<Pass["caller"]>, question: string, depth: number): Found {
    const fn = this.indexed(c.key);
    const name = `${nameOfKey(c.key)}()`;
    const of = `${c.param}, a parameter of ${name};`;
    if (!fn) return { why: `${of} that function is not found in the project's index` };
    const elsewhere =
      referencesTo(this.index, fn)[0] ??
      this.index.patches.find((p) => (p.attribute ?? lastSegment(p.target)) === fn.name);
    if (elsewhere)
      return { why: `${of} ${elsewhere.path}:${elsewhere.line} names it other than by a call` };
    const answered = this.callers.filter((a) => a.question === question);
    // The calls the index shows and those the files found (one the index missed is read too).
    const sites = new Map<string, { path: string; line: number }>();
    for (const { path, line } of callsNamed(this.index, fn.name))
      sites.set(`${path}:${line}`, { path, line });
    for (const a of answered)
      for (const { line } of a.passes) sites.set(`${a.path}:${line}`, { path: a.path, line });
    let model: string | undefined;
    let partial: string | undefined;
    for (const [at, { path, line }] of sites) {
      const answers = answered.find((a) => a.path === path)?.passes.filter((p) => p.line === line);
      if (!answers?.length) return { why: `${of} the call at ${at} is not read` };
      for (const answer of answers) {
        if (answer.other) continue;
        if (answer.why) return { why: `${of} the call at ${at} ${answer.why}` };
        const found = this.find(answer, depth + 1);
        if ("why" in found) return { why: `${of} the call at ${at} passes ${found.why}` };
        if (model && model !== found.model)
          return { why: `${of} its calls pass instances of ${model} and of ${found.model}` };
        model = found.model;
        if (!found.whole) partial ??= found.partial ?? `${c.param} from the call at ${at}`;
      }
    }
    if (!model) return { why: `${of} no call of ${name} is found in the project` };
    return { model, whole: !partial, ...(partial ? { partial } : {}) };
  }
}

/**
 * The passes of `links`, each value the plan proves given its `instance`, each it does not its
 * `unproven` reason.
 */
export function provenPasses(
  facts: readonly ChainFacts[],
  index: ProjectIndex | undefined,
  indexed: (key: string) => IndexedFunction | undefined,
): (links: ChainLink[]) => ChainLink[] {
  const proofs = index ? new CallerProofs(facts, index, indexed) : undefined;
  const proven = (p: Pass): Pass => {
    if (p.instance || !(p.returned || p.caller)) return p;
    const found = proofs?.find(p, 0) ?? { why: "the project is not indexed" };
    if ("why" in found) return { ...p, unproven: found.why };
    // A proven instance is no queryset, whatever its name or origin suggested.
    const { queryset: _maybe, ...rest } = p;
    return {
      ...rest,
      instance: found.model,
      ...(found.whole ? { whole: true as const } : {}),
      ...(found.partial ? { partial: found.partial } : {}),
    };
  };
  return (links) =>
    links.map((link) => (link.passes ? { ...link, passes: link.passes.map(proven) } : link));
}
