import type { ReplacedName, SyntaxNode } from "../../src/model/types.js";
import { nameOf, ownProblems, reachedFunctions, reachesOtherFiles } from "./chains.js";
import { rewrittenText } from "./rewrite.js";
import { fixOf, recordBlocked, report } from "./state.js";
import type {
  ChainCall,
  ChainFunction,
  ChainPlan,
  DecoratedAnalysis,
  OrmFile,
  ScannedFile,
} from "./types.js";
import { crossDecorated, pureCallsNote } from "./cross-wrapper.js";

// Site e through calls (issue 15, part 1, same file): a decorated wrapper whose body converts
// but calls plain defs of its own module converts with every function it reaches, or is kept
// with the blocker down its chain named.

/** Reports `sync_to_async(helper)(...)` of a plain def of this file; false when it is not one. */
export function chainedWrappedCall(f: ScannedFile, ref: SyntaxNode, plan: ChainPlan): boolean {
  const w = f.wrappedChains.find((c) => c.unwrap?.childForFieldName("function")?.id === ref.id);
  if (!w) return false;
  const blocker = plan.blocked.get(w.def.id);
  if (blocker) {
    recordBlocked(f, w.def, blocker);
    report(f, blocker.node, blocker.code, `${w.name} kept: ${blocker.message}`);
    return true;
  }
  const reached = reachedFunctions(f, w.calls, (def) => plan.pure.has(def.id));
  const conversions = plan.converting[0]?.id === w.def.id ? plan.helperConversions : [];
  recordConverting(f, w.def, w.name, reached);
  const asTwin = plan.replaced.get(w.def.id);
  if (asTwin) {
    const target = nameOf(w.calls[0].def);
    const edits = [asTwin, ...helperEditsFor(plan, w.def)];
    let forwarder = w.def.parent;
    while (forwarder && forwarder.type !== "function_definition") forwarder = forwarder.parent;
    report(
      f,
      w.def,
      "AS210",
      `async def ${nameOf(forwarder!)}() only forwards to ${target}() through ${w.name}, and ${target}() keeps its sync form for its other callers: ${nameOf(forwarder!)}() becomes ${target}()'s async twin, its ORM work awaited in native form`,
      asTwin.text,
      fixOf("safe", edits, conversions, [ref]),
    );
    return true;
  }
  const edits = [...(plan.callEdits.get(w.def.id) ?? []), ...helperEditsFor(plan, w.def)];
  report(
    f,
    w.def,
    "AS210",
    `${w.name} runs a function of this file whose ORM work has native async forms on proven receivers: ${reachedNames(plan, reached)}${pureNote(f, plan, w.calls)}; awaited directly`,
    rewrittenText(f.source, w.def, plan.callEdits.get(w.def.id) ?? []),
    withTwinsCalled(f, fixOf("safe", edits, conversions, [ref]), w.calls, plan),
  );
  return true;
}

/** `_items_count()`, or `super()._items_count() (PaginationBase's)`: what a forwarder calls. */
function forwardedName(f: OrmFile, c: ChainCall): string {
  const written = c.callee.parent?.type === "attribute" ? c.callee.parent.text : "";
  if (!written.startsWith("super(")) return `${c.callee.text}()`;
  const owner = f.file.enclosingClass(c.def)?.childForFieldName("name")?.text;
  return `${written}()${owner ? ` (${owner}'s)` : ""}`;
}

/** The reached functions' own edits, carried by the fix of the first wrapper converting. */
function helperEditsFor(plan: ChainPlan, site: SyntaxNode) {
  return plan.converting[0]?.id === site.id ? plan.helperEdits : [];
}

/** What the wrapper's chain calls as it is: the pure helpers reached (D6). */
function pureNote(f: OrmFile, plan: ChainPlan, calls: readonly ChainCall[]): string {
  if (plan.pure.size === 0) return "";
  const reached = reachedFunctions(f, [...calls], (def) => plan.pure.has(def.id));
  const names = [...calls, ...reached.flatMap((fn) => fn.calls)]
    .filter((c) => plan.pure.has(c.def.id))
    .map((c) => nameOf(c.def));
  return pureCallsNote(names);
}

function reachedNames(plan: ChainPlan, reached: ChainFunction[]): string {
  return reached
    .map((r) => {
      const twin = plan.twins.get(r.def.id);
      return twin
        ? `${nameOf(r.def)} (async twin ${twin} added; other callers keep the sync one)`
        : nameOf(r.def);
    })
    .join(", ");
}

function recordConverting(f: OrmFile, site: SyntaxNode, name: string, reached: ChainFunction[]) {
  f.out.sites.push({
    kind: "sync_to_async",
    context: "convertible",
    detail: `converts through calls (chain): ${name} -> ${reached.map((r) => nameOf(r.def)).join(", ")}`,
    start: site.startIndex,
  });
}

/**
 * Reports a wrapper that calls plain defs of its file, when nothing else keeps it sync: converted
 * with its chain, or kept with the chain's blocker. False when its own body keeps it sync (then it
 * is reported as any wrapper, each call to a project function an AS205).
 */
export function chainedWrapper(f: ScannedFile, a: DecoratedAnalysis, plan: ChainPlan): boolean {
  if (ownProblems(a).length > 0) return false;
  if (reachesOtherFiles(f, a.chainCalls, a.crossCalls)) return crossDecorated(f, a);
  const kept = `@${a.callee.text} wrapper ${nameOf(a.def)}() kept`;
  const blocker = plan.blocked.get(a.def.id);
  if (blocker) {
    recordBlocked(f, a.decorator, blocker);
    const message = `${kept}: ${blocker.message}`;
    report(f, blocker.node, blocker.code, message, undefined, undefined, blocker.severity);
    return true;
  }
  const first = plan.converting[0]?.id === a.def.id;
  const conversions = [...a.findings.conversions, ...(first ? plan.helperConversions : [])];
  const reached = reachedFunctions(f, a.chainCalls, (def) => plan.pure.has(def.id));
  recordConverting(f, a.decorator, nameOf(a.def), reached);
  const asTwin = plan.replaced.get(a.def.id);
  if (asTwin) {
    const target = a.chainCalls[0].callee.text;
    report(
      f,
      a.decorator,
      "AS210",
      `@${a.callee.text} wrapper ${nameOf(a.def)}() only forwards to ${forwardedName(f, a.chainCalls[0])}, which keeps its sync form for its other callers: it becomes ${target}()'s async twin, its ORM work awaited in native form`,
      asTwin.text,
      fixOf("safe", [asTwin, ...helperEditsFor(plan, a.def)], conversions, [a.callee]),
    );
    return true;
  }
  const callEdits = plan.callEdits.get(a.def.id) ?? [];
  const edits = [...a.edits, ...callEdits, ...helperEditsFor(plan, a.def)];
  const suggestion = rewrittenText(f.source, a.def, [
    ...a.edits.filter((e) => e.start >= a.def.startIndex),
    ...callEdits,
  ]);
  report(
    f,
    a.decorator,
    "AS210",
    `@${a.callee.text} wrapper ${nameOf(a.def)}() converts${
      reached.length > 0
        ? ` with the functions of this file it calls, whose ORM work has native async forms on proven receivers: ${reachedNames(plan, reached)}`
        : ": its ORM work has native async forms on proven receivers"
    }${pureNote(f, plan, a.chainCalls)}; converted to async def`,
    suggestion,
    withTwinsCalled(f, fixOf("safe", edits, conversions, [a.callee]), a.chainCalls, plan),
  );
  return true;
}

/**
 * The fix's calls that now await a twin (`self.mark_done(x)` -> `await self.amark_done(x)`): a
 * test that replaces the sync method (`runner.mark_done = lambda ...`) intercepts nothing then.
 */
function withTwinsCalled(
  f: OrmFile,
  fix: ReturnType<typeof fixOf>,
  calls: readonly ChainCall[],
  plan: ChainPlan,
): ReturnType<typeof fixOf> {
  const module = f.file.module;
  const replaced: ReplacedName[] = calls.flatMap((c) => {
    const twin = plan.twins.get(c.def.id);
    let written = c.call.childForFieldName("function");
    // `sync_to_async(self.mark_done)(x)`: the method is the wrapper's argument.
    if (written?.type === "call")
      written = written.childForFieldName("arguments")?.namedChildren[0] ?? null;
    if (!twin || !module || written?.type !== "attribute") return [];
    const local = written.text.replace(/\s+/g, "");
    const className = f.file.enclosingClass(c.def)?.childForFieldName("name")?.text;
    if (!/^self\.\w+$/.test(local) || !className) return [];
    const qualified = `${module}.${className}.${nameOf(c.def)}`;
    return [{ qualified, local, by: `self.${twin}`, awaited: true, twin: true }];
  });
  return replaced.length > 0 ? { ...fix, replaces: [...(fix.replaces ?? []), ...replaced] } : fix;
}
