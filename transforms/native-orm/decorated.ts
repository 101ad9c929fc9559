import { isTestCode } from "../../src/project/test-case-classes.js";
import { decoratorCallee, decorators, isAsyncFunction } from "../../src/python/shapes.js";
import type { Edit, SyntaxNode } from "../../src/model/types.js";
import {
  chainCallsOf,
  conversionProblems,
  mayReachOrmElsewhere,
  reachesOrmWork,
  relationFetchFindings,
} from "./chains.js";
import { unprovenAssumption } from "./conversions.js";
import { unprovenReceiverSaid } from "./receiver-bindings.js";
import { withoutPureCalls } from "./pure-helpers.js";
import { chainKey, crossCallsOf } from "./cross-calls.js";
import { lazyCallerProblem } from "./lazy-objects.js";
import { unprovenChains } from "./lazy-relations.js";
import { awaitedEdits, losesComments, rewrittenText, suggestionFor } from "./rewrite.js";
import { scan } from "./scan.js";
import { atomicDecoratorProblem } from "./transactions.js";
import type { DecoratedAnalysis, Findings, OrmFile, Problem, ScannedFile } from "./types.js";
import { isThreadInsensitive, wrapperKind } from "./wrappers.js";

// Site e, analysed: what converting a def decorated by a wrapper edits and what keeps it sync.
// Below both its reporters (sites.ts, and chained-wrapper.ts when it calls defs of its file).

/** What dropping thread_sensitive=False takes for true. */
export const THREAD_ASSUMPTION = "these calls need not run in parallel with each other";
/** What dropping database_sync_to_async takes for true. */
export const CONNECTION_ASSUMPTION =
  "no stale connection needs closing around these calls, as a long-lived consumer may have";

export const THREAD_INSENSITIVE =
  "thread_sensitive=False runs each call in a thread of its own, in parallel with the others; Django's native async methods run thread-sensitively, one at a time: the rewrite may make parallel work serial";

/** The analysis of a def decorated by a wrapper, as the scan made it; undefined: nothing to convert. */
export function analyseDecorated(f: ScannedFile, def: SyntaxNode): DecoratedAnalysis | undefined {
  return f.decorated.get(def.id);
}

/**
 * No ORM work, here or in the functions it calls (in this file, or in others as the project's
 * chain plan found): a legitimate thread wrapper, no site.
 */
export function isThreadWrapper(f: OrmFile, a: DecoratedAnalysis): boolean {
  return (
    a.findings.ormSites === 0 &&
    !reachesOrmWork(f, a.chainCalls) &&
    !mayReachOrmElsewhere(f, chainKey(f, a.def), a.chainCalls, a.crossCalls)
  );
}

/**
 * What converting the def decorated by a wrapper edits and what keeps it sync (the scan's, made
 * once per def); undefined when it is async or no wrapper decorates it. `comments`: the file's.
 */
export function decoratedAnalysis(
  f: OrmFile,
  def: SyntaxNode,
  comments: readonly SyntaxNode[],
): DecoratedAnalysis | undefined {
  if (isAsyncFunction(def)) return undefined;
  const decos = decorators(def);
  const index = decos.findIndex((d) => {
    const callee = decoratorCallee(d);
    return !!callee && wrapperKind(f, callee) !== undefined;
  });
  if (index < 0) return undefined;
  const decorator = decos[index];
  const callee = decoratorCallee(decorator)!;
  const body = def.childForFieldName("body")!;
  const findings = relationFetchFindings(f, body) ?? scan(f, body, "wrapper");
  const chainCalls = chainCallsOf(f, findings);
  const crossCalls = crossCallsOf(f, findings);
  const edits: Edit[] = [{ start: def.startIndex, end: def.startIndex, text: "async " }];
  for (const c of findings.conversions) edits.push(...awaitedEdits(c));
  // The suggestion is the decorated definition without the decorator.
  const nextAfterDecorator = decos[index + 1] ?? def;
  const suggestion = rewrittenText(f.source, def.parent ?? def, [
    ...edits,
    { start: decorator.startIndex, end: nextAfterDecorator.startIndex, text: "" },
  ]);
  const range = f.file.lineRange(decorator);
  edits.push({ start: range.start, end: range.end, text: "" });
  const problems = withoutPureCalls(
    f,
    decoratedProblems(f, def, decos, index, findings, edits, comments),
    chainCalls,
    crossCalls,
  );
  return {
    def,
    decorator,
    callee,
    findings,
    edits,
    suggestion,
    problems,
    chainCalls,
    crossCalls,
  };
}

/** Everything that keeps a decorated wrapper sync, the site's own blockers first. */
function decoratedProblems(
  f: OrmFile,
  def: SyntaxNode,
  decos: SyntaxNode[],
  index: number,
  findings: Findings,
  edits: Edit[],
  comments: readonly SyntaxNode[],
): Problem[] {
  const decorator = decos[index];
  const body = def.childForFieldName("body")!;
  const problems = [...findings.problems, ...unprovenChains(body, findings.conversions)];
  const lazyCaller = lazyCallerProblem(f, def);
  if (lazyCaller) problems.push(lazyCaller);
  for (const other of decos) {
    if (other.id === decorator.id) continue;
    const otherProblem = otherDecoratorProblem(f, other, decorator);
    if (otherProblem) problems.unshift(otherProblem);
  }
  if (body.descendantsOfType(["yield", "await"]).length > 0)
    problems.unshift({
      code: "AS208",
      node: def,
      message: "a generator function cannot be converted",
    });
  if (losesComments(comments, edits))
    problems.unshift({
      code: "AS208",
      node: decorator,
      message: "the rewrite would lose a comment: rewrite by hand",
    });
  problems.push(
    ...conversionProblems(f, findings.conversions, (c) => ({
      code: "AS201",
      node: c.node,
      message: unprovenReceiverSaid(f, c),
      unsafe: true,
      assumes: unprovenAssumption(c),
      suggestion: suggestionFor(f.source, c, awaitedEdits(c)),
    })),
  );
  if (isThreadInsensitive(decorator.namedChildren[0]))
    problems.push({
      code: "AS213",
      node: decorator,
      message: THREAD_INSENSITIVE,
      unsafe: true,
      assumes: THREAD_ASSUMPTION,
    });
  // In test code no stale connection is at stake (orm-review-4 P1): converted by default.
  if (
    wrapperKind(f, decoratorCallee(decorator)!) === "database" &&
    !isTestCode(f.file.path, decorator)
  )
    problems.push({
      code: "AS206",
      node: decorator,
      message:
        "database_sync_to_async also closes stale database connections around the call, which native async methods do not",
      unsafe: true,
      assumes: CONNECTION_ASSUMPTION,
    });
  return problems;
}

/** A decorator beside the wrapper one that the conversion would change the meaning of. */
function otherDecoratorProblem(
  f: OrmFile,
  other: SyntaxNode,
  wrapper: SyntaxNode,
): Problem | undefined {
  const otherCallee = decoratorCallee(other);
  const atomic = atomicDecoratorProblem(
    other,
    otherCallee ? f.file.qualifiedName(otherCallee) : undefined,
  );
  if (atomic) return atomic;
  // `@property` over the async def gives a coroutine to await at each read, as the wrapper did
  // (orm-human-7 K3: `await cabinet.get_client` stays valid).
  if (
    other.startIndex < wrapper.startIndex &&
    ["staticmethod", "classmethod", "property"].includes(other.text.slice(1)) &&
    f.file.isBuiltin(other.text.slice(1), other)
  )
    return undefined;
  return {
    code: "AS208",
    node: other,
    message: `decorator ${other.text} would wrap an async def instead of a def`,
  };
}
