import { chainPlan, type ChainPlan } from "./chain-plan.js";
import { nameOf, reachedFunctions } from "./chains.js";
import { rewrittenText } from "./rewrite.js";
import { analyseDecorated, type DecoratedAnalysis } from "./sites.js";
import { BLOCKER_NAMES } from "./codes.js";
import { fixOf, lineOf, report, type OrmFile } from "./state.js";

// Site e through calls (issue 15, part 1, same file): a decorated wrapper whose body converts
// but calls plain defs of its own module converts with every function it reaches, or is kept
// with the blocker down its chain named.

/** The file's plan, made once from every decorated wrapper that converts but for its calls. */
function planOf(f: OrmFile): ChainPlan {
  f.chainPlan ??= chainPlan(
    f,
    (f.wrapperDefs ?? []).flatMap((def) => {
      const a = analyseDecorated(f, def);
      return a && a.chainCalls.length > 0 && ownProblems(a).length === 0
        ? [{ def, calls: a.chainCalls }]
        : [];
    }),
  );
  return f.chainPlan;
}

/** The wrapper's problems but the AS205 of its chain calls. */
function ownProblems(a: DecoratedAnalysis) {
  const chained = new Set(a.chainCalls.map((c) => c.call.id));
  return a.problems.filter((p) => !chained.has(p.node.id));
}

/**
 * Reports a wrapper that calls plain defs of its file, when nothing else keeps it sync: converted
 * with its chain, or kept with the chain's blocker. False when its own body keeps it sync (then it
 * is reported as any wrapper, each call to a project function an AS205).
 */
export function chainedWrapper(f: OrmFile, a: DecoratedAnalysis): boolean {
  if (ownProblems(a).length > 0) return false;
  const plan = planOf(f);
  const kept = `@${a.callee.text} wrapper ${nameOf(a.def)}() kept`;
  const blocker = plan.blocked.get(a.def.id);
  if (blocker) {
    // The part before ": " is what the report tallies; the rest names the path.
    const path = blocker.message.split(/ -> line \d+: |: /)[0];
    f.sites.push({
      kind: "sync_to_async",
      context: "blocked",
      detail: `${blocker.code} ${BLOCKER_NAMES[blocker.code]} (chain): ${path}, line ${lineOf(blocker.node)}`,
      start: a.decorator.startIndex,
    });
    const message = `${kept}: ${blocker.message}`;
    report(f, blocker.node, blocker.code, message, undefined, undefined, blocker.severity);
    return true;
  }
  // The functions reached are changed once, by the fix of the first wrapper converting.
  const first = plan.converting[0]?.id === a.def.id;
  const callEdits = plan.callEdits.get(a.def.id) ?? [];
  const edits = [...a.edits, ...callEdits, ...(first ? plan.helperEdits : [])];
  const conversions = [...a.findings.conversions, ...(first ? plan.helperConversions : [])];
  const reached = reachedFunctions(f, a.chainCalls);
  const names = reached.map((r) => {
    const twin = plan.twins.get(r.def.id);
    return twin
      ? `${nameOf(r.def)} (async twin ${twin} added; other callers keep the sync one)`
      : nameOf(r.def);
  });
  f.sites.push({
    kind: "sync_to_async",
    context: "convertible",
    detail: `converts through calls (chain): ${nameOf(a.def)} -> ${reached.map((r) => nameOf(r.def)).join(", ")}`,
    start: a.decorator.startIndex,
  });
  const suggestion = rewrittenText(f.source, a.def, [
    ...a.edits.filter((e) => e.start >= a.def.startIndex),
    ...callEdits,
  ]);
  report(
    f,
    a.decorator,
    "AS210",
    `@${a.callee.text} wrapper ${nameOf(a.def)}() converts with the functions of this file it calls, whose ORM work has native async forms on proven receivers: ${names.join(", ")}; converted to async def`,
    suggestion,
    fixOf("safe", edits, conversions, [a.callee]),
  );
  return true;
}
