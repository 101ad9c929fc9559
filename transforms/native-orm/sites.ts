import { versionAtLeast } from "../../src/django/orm.js";
import { lineRange } from "../../src/python/imports.js";
import { decoratorCallee, decorators, isAsyncFunction } from "../../src/python/scope.js";
import { callArguments } from "../../src/python/calls.js";
import type { Edit, SyntaxNode } from "../../src/model/types.js";
import type { Blocker } from "./codes.js";
import { methodConversion } from "./conversions.js";
import { lazyCallerProblem, lazyQueryProblem } from "./lazy-objects.js";
import { unprovenChains } from "./lazy-relations.js";
import { chainCallsOf, reachesOrmWork, type ChainCall } from "./chains.js";
import { chainedWrappedCall, chainedWrapper } from "./chained-wrapper.js";
import { awaitedEdits, losesComments, rewrittenText, suggestionFor } from "./rewrite.js";
import { scan } from "./scan.js";
import {
  commentsOf,
  fixOf,
  lineOf,
  recordSite,
  report,
  reportProblem,
  type Conversion,
  type Findings,
  type OrmFile,
  type Problem,
} from "./state.js";
import { atomicDecoratorProblem } from "./transactions.js";
import { wrappedConversion } from "./wrapped.js";
import { isThreadInsensitive, wrapperKind, type WrapperKind } from "./wrappers.js";

const THREAD_INSENSITIVE =
  "thread_sensitive=False runs each call in a thread of its own, in parallel with the others; Django's native async methods run thread-sensitively, one at a time: the rewrite may make parallel work serial";

// The sites: a, b, c, d, g `sync_to_async(...)(...)` and stored wrappers; e `@sync_to_async def`;
// f sync ORM calls written directly in `async def`.

/** Sites a, b, c, d (`sync_to_async(...)(...)`) and g (the wrapper stored or passed on). */
export function wrapperCall(f: OrmFile, ref: SyntaxNode): void {
  const kind = wrapperKind(f, ref)!;
  const wrap = ref.parent;
  // Decorators are site e, handled with their function.
  if (wrap?.type === "decorator" || wrap?.parent?.type === "decorator") return;
  if (wrap?.type !== "call" || wrap.childForFieldName("function")?.id !== ref.id) {
    return; // the name passed around (e.g. to a helper): nothing to prove about what it wraps
  }
  const wrapped = callArguments(wrap).filter((a) => a.type !== "keyword_argument");
  const target = wrapped[0];
  if (!target || wrapped.length !== 1) return;
  const outer = wrap.parent;
  if (outer?.type !== "call" || outer.childForFieldName("function")?.id !== wrap.id) {
    storedWrapper(f, wrap, target);
    return;
  }
  if (chainedWrappedCall(f, ref)) return;
  const conversion = wrappedConversion(f, outer, wrap, target);
  if (!conversion) return;
  if ("code" in conversion) {
    recordSite(f, "sync_to_async", outer, conversion.code);
    reportProblem(f, conversion);
    return;
  }
  const site = conversion.node;
  const suggestion = rewrittenText(f.source, site, conversion.edits);
  const lazy = lazyQueryProblem(conversion, "async");
  if (lazy) {
    recordSite(f, "sync_to_async", outer, lazy.code);
    reportProblem(f, lazy);
    return;
  }
  const blocker = wrappedBlocker(f, conversion);
  if (blocker) {
    recordSite(f, "sync_to_async", outer, blocker.code);
    report(f, site, blocker.code, blocker.message, suggestion);
    return;
  }
  const unsafe = unsafeWrapped(kind, conversion, wrap);
  const fix = fixOf(unsafe ? "unsafe" : "safe", conversion.edits, [conversion], [ref]);
  recordSite(f, "sync_to_async", outer, unsafe?.code);
  if (unsafe) report(f, site, unsafe.code, unsafe.message, suggestion, fix);
  else
    report(
      f,
      site,
      "AS210",
      "sync_to_async around ORM work with a native async form, on a proven receiver: the native method is awaited instead",
      suggestion,
      fix,
    );
}

/** Why the rewrite of one wrapped call cannot be made, if it cannot. */
function wrappedBlocker(
  f: OrmFile,
  conversion: Conversion,
): { code: Blocker; message: string } | undefined {
  if (losesComments(conversion.node.descendantsOfType("comment"), conversion.edits))
    return {
      code: "AS208",
      message: "comments inside sync_to_async( ... ) would be lost: rewrite by hand",
    };
  if (!versionAtLeast(f.target, conversion.since))
    return {
      code: "AS209",
      message: `the native async method needs Django ${conversion.since} (target is ${f.target}): wrapper kept`,
    };
  return undefined;
}

/** Why the rewrite of one wrapped call is an unsafe fix (applied with --unsafe-fixes), if it is. */
function unsafeWrapped(
  kind: WrapperKind,
  conversion: Conversion,
  wrap: SyntaxNode,
): { code: Blocker; message: string } | undefined {
  if (isThreadInsensitive(wrap))
    return { code: "AS213", message: `${THREAD_INSENSITIVE} (applied with --unsafe-fixes)` };
  if (kind === "database")
    return {
      code: "AS206",
      message:
        "database_sync_to_async also closes stale database connections around the call, which the native async method does not (applied with --unsafe-fixes)",
    };
  if (!conversion.proven)
    return {
      code: "AS201",
      message:
        "nothing here proves the receiver is a queryset or model instance: the native async method is very likely right (applied with --unsafe-fixes; annotate it with its model class to make it proven)",
    };
  return undefined;
}

/** g. `f = sync_to_async(<orm method>)`: the calls are elsewhere; report only. */
function storedWrapper(f: OrmFile, wrap: SyntaxNode, target: SyntaxNode): void {
  if (target.type !== "attribute") return;
  const fake = methodConversion(f, target, target, "wrapper");
  if (!fake || "code" in fake) return;
  recordSite(f, "sync_to_async", wrap, "AS207");
  report(
    f,
    wrap,
    "AS207",
    "sync_to_async around an ORM method, stored or passed on: its call sites cannot be rewritten here; use the native async method instead",
    rewrittenText(f.source, target, fake.edits),
  );
}

/** A decorated wrapper, analysed: what converting it edits and what blocks it. */
export interface DecoratedAnalysis {
  def: SyntaxNode;
  decorator: SyntaxNode;
  /** The wrapper's name in the decorator (`sync_to_async`). */
  callee: SyntaxNode;
  findings: Findings;
  /** The wrapper's own edits: `async`, its awaited conversions, the decorator line removed. */
  edits: Edit[];
  /** The decorated definition without the decorator, converted. */
  suggestion: string;
  problems: Problem[];
  /** Calls to plain defs of this file (each also an AS205 problem, the chain aside). */
  chainCalls: ChainCall[];
}

/** The analysis of a def decorated by a wrapper, made once; undefined when nothing to convert. */
export function analyseDecorated(f: OrmFile, def: SyntaxNode): DecoratedAnalysis | undefined {
  const cache = (f.decorated ??= new Map());
  if (!cache.has(def.id)) cache.set(def.id, analysis(f, def));
  return cache.get(def.id);
}

function analysis(f: OrmFile, def: SyntaxNode): DecoratedAnalysis | undefined {
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
  const findings = scan(f, body, "wrapper");
  const chainCalls = chainCallsOf(f, findings);
  // No ORM work, here or in the functions it calls: a legitimate thread wrapper.
  if (findings.ormSites === 0 && !reachesOrmWork(f, chainCalls)) return undefined;
  const edits: Edit[] = [{ start: def.startIndex, end: def.startIndex, text: "async " }];
  for (const c of findings.conversions) edits.push(...awaitedEdits(c));
  // The suggestion is the decorated definition without the decorator.
  const nextAfterDecorator = decos[index + 1] ?? def;
  const suggestion = rewrittenText(f.source, def.parent ?? def, [
    ...edits,
    { start: decorator.startIndex, end: nextAfterDecorator.startIndex, text: "" },
  ]);
  const range = lineRange(f.source, decorator);
  edits.push({ start: range.start, end: range.end, text: "" });
  const problems = decoratedProblems(f, def, decos, index, findings, edits);
  return { def, decorator, callee, findings, edits, suggestion, problems, chainCalls };
}

/** e. `@sync_to_async def f(): <ORM work>` -> `async def f(): <awaited native calls>`. */
export function decoratedWrapper(f: OrmFile, def: SyntaxNode): void {
  const a = analyseDecorated(f, def);
  if (!a) return;
  if (a.chainCalls.length > 0 && chainedWrapper(f, a)) return;
  const { decorator, callee, findings, edits, suggestion, problems } = a;
  recordSite(f, "sync_to_async", decorator, problems[0]?.code);
  const kept = `@${callee.text} wrapper ${def.childForFieldName("name")?.text ?? ""}() kept`;
  const fix = fixOf("unsafe", edits, findings.conversions, [callee]);
  // Unproven receivers and database_sync_to_async only make the rewrite unsafe: alone, they carry
  // its fix (the first one its edits, the others the same rewrite with nothing more to do).
  const onlyUnsafe = problems.every((p) => p.unsafe);
  for (const [i, p] of problems.entries()) {
    const whole = p.unsafe || p.code === "AS209";
    const message = `${kept}: line ${lineOf(p.node)}: ${onlyUnsafe ? unsafeNoted(p) : p.message}`;
    const shared = i === 0 ? fix : { applicability: "unsafe" as const, edits: [] };
    const suggested = whole ? suggestion : p.suggestion;
    report(f, p.node, p.code, message, suggested, onlyUnsafe ? shared : undefined, p.severity);
  }
  if (problems.length > 0) return;
  report(
    f,
    decorator,
    "AS210",
    `@${callee.text} wrapper ${def.childForFieldName("name")?.text ?? ""}() holds only ORM work with native async forms, on proven receivers: converted to async def`,
    suggestion,
    { ...fix, applicability: "safe" },
  );
}

/** The message of an unsafe-only problem when the rewrite is its unsafe fix: says when it applies. */
function unsafeNoted(p: Problem): string {
  if (p.code === "AS201")
    return p.message.replace(" (annotate", " (applied with --unsafe-fixes; annotate");
  return `${p.message} (applied with --unsafe-fixes)`;
}

/** Everything that keeps a decorated wrapper sync, the site's own blockers first. */
function decoratedProblems(
  f: OrmFile,
  def: SyntaxNode,
  decos: SyntaxNode[],
  index: number,
  findings: Findings,
  edits: Edit[],
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
  if (losesComments(commentsOf(f), edits))
    problems.unshift({
      code: "AS208",
      node: decorator,
      message: "the rewrite would lose a comment: rewrite by hand",
    });
  for (const c of findings.conversions) {
    if (!versionAtLeast(f.target, c.since))
      problems.push({
        code: "AS209",
        node: c.node,
        message: `the native async form needs Django ${c.since} (target is ${f.target})`,
      });
    else if (!c.proven)
      problems.push({
        code: "AS201",
        node: c.node,
        message:
          "nothing here proves the receiver is a queryset or model instance (annotate the parameter with its model class to make it proven)",
        unsafe: true,
        suggestion: suggestionFor(f.source, c, awaitedEdits(c)),
      });
  }
  if (isThreadInsensitive(decorator.namedChildren[0]))
    problems.push({ code: "AS213", node: decorator, message: THREAD_INSENSITIVE, unsafe: true });
  if (wrapperKind(f, decoratorCallee(decorator)!) === "database")
    problems.push({
      code: "AS206",
      node: decorator,
      message:
        "database_sync_to_async also closes stale database connections around the call, which native async methods do not",
      unsafe: true,
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
  if (
    other.startIndex < wrapper.startIndex &&
    ["staticmethod", "classmethod"].includes(other.text.slice(1))
  )
    return undefined;
  return {
    code: "AS208",
    node: other,
    message: `decorator ${other.text} would wrap an async def instead of a def`,
  };
}

/** f. Sync ORM calls directly in async def. */
export function asyncBody(f: OrmFile, def: SyntaxNode): void {
  const body = def.childForFieldName("body");
  if (!body) return;
  const findings = scan(f, body, "async");
  for (const p of findings.problems) {
    recordSite(f, "sync-orm-call", p.node, p.code);
    reportProblem(f, p);
  }
  for (const c of findings.conversions) {
    const edits = awaitedEdits(c);
    const suggestion = suggestionFor(f.source, c, edits);
    if (!versionAtLeast(f.target, c.since)) {
      recordSite(f, "sync-orm-call", c.node, "AS209");
      report(
        f,
        c.node,
        "AS209",
        `sync ORM call inside async def raises SynchronousOnlyOperation; its native async form needs Django ${c.since} (target is ${f.target})`,
        suggestion,
      );
      continue;
    }
    const fix = fixOf(c.proven ? "safe" : "unsafe", edits, [c]);
    if (!c.proven) {
      recordSite(f, "sync-orm-call", c.node, "AS201");
      report(
        f,
        c.node,
        "AS201",
        "sync ORM call inside async def raises SynchronousOnlyOperation; nothing proves the receiver is a queryset or model instance (applied with --unsafe-fixes)",
        suggestion,
        fix,
      );
      continue;
    }
    recordSite(f, "sync-orm-call", c.node);
    report(
      f,
      c.node,
      "AS211",
      "sync ORM call inside async def raises SynchronousOnlyOperation: its native async form is awaited instead",
      suggestion,
      fix,
    );
  }
}
