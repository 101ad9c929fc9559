import type { SyntaxNode } from "../../src/model/types.js";
import { chainPlan } from "./chain-plan.js";
import {
  nameOf,
  ownProblems,
  reachedFunctions,
  reachesOrmWork,
  reachesOtherFiles,
} from "./chains.js";
import { rewrittenText } from "./rewrite.js";
import { analyseDecorated } from "./decorated.js";
import { fixOf, recordBlocked, report } from "./state.js";
import { localTarget, wrappedHelper } from "./wrapped-cross.js";
import type {
  ChainFunction,
  ChainPlan,
  ChainedWrapper,
  DecoratedAnalysis,
  OrmFile,
} from "./types.js";
import { crossDecorated } from "./cross-wrapper.js";

// Site e through calls (issue 15, part 1, same file): a decorated wrapper whose body converts
// but calls plain defs of its own module converts with every function it reaches, or is kept
// with the blocker down its chain named.

/**
 * The file's plan, made once from every decorated wrapper that converts but for its calls and
 * every `sync_to_async(helper)(...)` of a plain def of this file.
 */
function planOf(f: OrmFile): ChainPlan {
  f.chainPlan ??= chainPlan(f, [
    ...(f.wrapperDefs ?? []).flatMap((def) => {
      const a = analyseDecorated(f, def);
      // A chain reaching another file is the project's plan's (see cross-wrapper.ts).
      return a &&
        a.chainCalls.length > 0 &&
        ownProblems(a).length === 0 &&
        !reachesOtherFiles(f, a.chainCalls, a.crossCalls)
        ? [{ def, name: nameOf(def), calls: a.chainCalls }]
        : [];
    }),
    ...(f.wrapperRefs ?? []).flatMap((ref) => {
      const w = wrappedChainCall(f, ref);
      return w && !reachesOtherFiles(f, w.calls, []) ? [w] : [];
    }),
  ]);
  return f.chainPlan;
}

/** `sync_to_async(helper)(...)` of a plain def of this file. */
function wrappedChainCall(f: OrmFile, ref: SyntaxNode): ChainedWrapper | undefined {
  const w = wrappedHelper(f, ref);
  if (!w) return undefined;
  const local = localTarget(f, w.target);
  if (!local) return undefined;
  const calls = [{ call: w.outer, ...local }];
  // No ORM work anywhere it reaches in this file: a thread wrapper, as a decorated one would be.
  if (!reachesOrmWork(f, calls) && !reachesOtherFiles(f, calls, [])) return undefined;
  const name = `sync_to_async(${w.target.text})`;
  return { def: w.outer, name, calls, unwrap: w.wrap };
}

/** Reports `sync_to_async(helper)(...)` of a plain def of this file; false when it is not one. */
export function chainedWrappedCall(f: OrmFile, ref: SyntaxNode): boolean {
  const w = wrappedChainCall(f, ref);
  if (!w || reachesOtherFiles(f, w.calls, [])) return false;
  const plan = planOf(f);
  const blocker = plan.blocked.get(w.def.id);
  if (blocker) {
    recordBlocked(f, w.def, blocker);
    report(f, blocker.node, blocker.code, `${w.name} kept: ${blocker.message}`);
    return true;
  }
  const reached = reachedFunctions(f, w.calls);
  const edits = [...(plan.callEdits.get(w.def.id) ?? []), ...helperEditsFor(plan, w.def)];
  const conversions = plan.converting[0]?.id === w.def.id ? plan.helperConversions : [];
  recordConverting(f, w.def, w.name, reached);
  report(
    f,
    w.def,
    "AS210",
    `${w.name} runs a function of this file whose ORM work has native async forms on proven receivers: ${reachedNames(plan, reached)}; awaited directly`,
    rewrittenText(f.source, w.def, plan.callEdits.get(w.def.id) ?? []),
    fixOf("safe", edits, conversions, [ref]),
  );
  return true;
}

/** The reached functions' own edits, carried by the fix of the first wrapper converting. */
function helperEditsFor(plan: ChainPlan, site: SyntaxNode) {
  return plan.converting[0]?.id === site.id ? plan.helperEdits : [];
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
export function chainedWrapper(f: OrmFile, a: DecoratedAnalysis): boolean {
  if (ownProblems(a).length > 0) return false;
  if (reachesOtherFiles(f, a.chainCalls, a.crossCalls)) return crossDecorated(f, a);
  const plan = planOf(f);
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
  const reached = reachedFunctions(f, a.chainCalls);
  recordConverting(f, a.decorator, nameOf(a.def), reached);
  const asTwin = plan.replaced.get(a.def.id);
  if (asTwin) {
    const target = a.chainCalls[0].callee.text;
    report(
      f,
      a.decorator,
      "AS210",
      `@${a.callee.text} wrapper ${nameOf(a.def)}() only forwards to ${target}(), which keeps its sync form for its other callers: it becomes ${target}()'s async twin, its ORM work awaited in native form`,
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
    `@${a.callee.text} wrapper ${nameOf(a.def)}() converts with the functions of this file it calls, whose ORM work has native async forms on proven receivers: ${reachedNames(plan, reached)}; converted to async def`,
    suggestion,
    fixOf("safe", edits, conversions, [a.callee]),
  );
  return true;
}
