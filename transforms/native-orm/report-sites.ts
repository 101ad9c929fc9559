import { versionAtLeast } from "../../src/django/orm.js";
import { callArguments } from "../../src/python/calls.js";
import type { SyntaxNode } from "../../src/model/types.js";
import type { Blocker } from "./codes.js";
import { methodConversion, syncOnlyEffect, unprovenAssumption, unsafeNote } from "./conversions.js";
import { lazyQueryProblem } from "./lazy-objects.js";
import { chainedWrappedCall, chainedWrapper } from "./chained-wrapper.js";
import {
  analyseDecorated,
  CONNECTION_ASSUMPTION,
  THREAD_ASSUMPTION,
  THREAD_INSENSITIVE,
} from "./decorated.js";
import { awaitedEdits, losesComments, rewrittenText, suggestionFor } from "./rewrite.js";
import { storedMethodTwin } from "./stored-twins.js";
import { storedModelMethod } from "./stored-methods.js";
import { storedLocalWrapper } from "./stored-locals.js";
import { fixOf, lineOf, recordSite, report, reportProblem } from "./state.js";
import type { AsyncBody, ChainPlan, Conversion, OrmFile, Problem, ScannedFile } from "./types.js";
import { accountForSites } from "./accounting.js";
import { decoratedConnectionNote, wrappedConnectionNote } from "./connection-note.js";
import { isTestCode } from "../../src/project/test-case-classes.js";
import { wrappedConversion } from "./wrapped.js";
import { crossWrapped, projectTwins } from "./cross-wrapper.js";
import { isThreadInsensitive, unawaitedUse, wrapperKind, type WrapperKind } from "./wrappers.js";

// Stage 4, rewrite and report: each site of the file (a, b, c, d, g `sync_to_async(...)(...)` and
// stored wrappers; e `@sync_to_async def`; f sync ORM calls written directly in `async def`) is
// rewritten or reported, from the file's scan and the chain plans; then the twins the project's
// plan adds here, and every site no reporter took.

/** Every site of the scanned file, reported in source order of kind: e, then a-d and g, then f. */
export function reportSites(f: ScannedFile, chains: ChainPlan): void {
  for (const def of f.sites.decoratedDefs) decoratedWrapper(f, def, chains);
  for (const ref of f.sites.refs) wrapperCall(f, ref, chains);
  projectTwins(f, chains);
  accountForSites(f);
  for (const body of f.asyncBodies) asyncBody(f, body);
}

/** Sites a, b, c, d (`sync_to_async(...)(...)`) and g (the wrapper stored or passed on). */
function wrapperCall(f: ScannedFile, ref: SyntaxNode, chains: ChainPlan): void {
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
  if (unawaitedWrapper(f, outer, target)) return;
  if (crossWrapped(f, ref) || chainedWrappedCall(f, ref, chains)) return;
  const conversion = wrappedConversion(f, outer, wrap, target);
  if (!conversion) return;
  if ("code" in conversion) {
    recordSite(f, "sync_to_async", outer, conversion.code);
    reportProblem(f, conversion);
    return;
  }
  const site = conversion.node;
  // The rewrite keeps the `await` around the site: the suggestion shows it with the native call.
  const rewritten = rewrittenText(f.source, site, conversion.edits);
  const awaited = site.parent?.type === "await" && rewritten.endsWith(")");
  const suggestion = awaited ? `await ${rewritten}` : rewritten;
  const lazy = lazyQueryProblem(f, conversion, "async");
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
  const unsafe = unsafeWrapped(f, kind, conversion, wrap, suggestion);
  const fix = fixOf(unsafe ? "unsafe" : "safe", conversion.edits, [conversion], [ref]);
  recordSite(f, "sync_to_async", outer, unsafe?.code);
  if (unsafe) report(f, site, unsafe.code, unsafe.message, suggestion, fix);
  else
    report(
      f,
      site,
      "AS210",
      conversion.note ??
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
  f: OrmFile,
  kind: WrapperKind,
  conversion: Conversion,
  wrap: SyntaxNode,
  rewritten: string,
): { code: Blocker; message: string } | undefined {
  if (conversion.failing) return undefined;
  if (isThreadInsensitive(wrap) && !awaitedWhereItStands(wrap))
    return { code: "AS213", message: `${THREAD_INSENSITIVE} (${unsafeNote(THREAD_ASSUMPTION)})` };
  if (kind === "database" && !isTestCode(f.file.path, wrap))
    return {
      code: "AS206",
      message: `${wrappedConnectionNote(rewritten)} (${unsafeNote(CONNECTION_ASSUMPTION)})`,
    };
  if (!conversion.proven)
    return {
      code: "AS201",
      message: `nothing here proves the receiver is a queryset or model instance: the native async method is very likely right (${unsafeNote(unprovenAssumption(conversion))}; annotate it with its model class to make it proven)`,
    };
  return undefined;
}

/** g. `f = sync_to_async(<orm method>)`: the calls are elsewhere; report only. */
function storedWrapper(f: OrmFile, wrap: SyntaxNode, target: SyntaxNode): void {
  if (
    storedModelMethod(f, wrap, target) ||
    storedMethodTwin(f, wrap, target) ||
    storedLocalWrapper(f, wrap, target)
  )
    return;
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

/**
 * `await sync_to_async(f, thread_sensitive=False)(x)`, the wrapper's call awaited where it stands
 * (orm-human-5 H1, reactpy-django 063250a): nothing runs beside it in this coroutine, so the native
 * method serialises no parallel work; and ORM work on a throw-away thread ran on a connection of
 * its own, outside the caller's `atomic()`, which the native method fixes. Gathered, made a task
 * or stored, the call may run beside others: AS213 stays.
 */
function awaitedWhereItStands(wrap: SyntaxNode): boolean {
  let node = wrap.parent!;
  while (node.parent?.type === "parenthesized_expression") node = node.parent;
  return node.parent?.type === "await";
}

/** `sync_to_async(f)(x)` dropped or tested unawaited: kept, and said (see unawaitedUse). */
function unawaitedWrapper(f: ScannedFile, outer: SyntaxNode, target: SyntaxNode): boolean {
  const use = unawaitedUse(outer);
  if (!use) return false;
  const [what, fix] =
    use === "dropped"
      ? [`its coroutine is dropped, so ${target.text}() never runs`, "AS401"]
      : [`its coroutine is tested for truth, which is always true`, "AS406"];
  recordSite(f, "sync_to_async", outer, "AS208");
  report(
    f,
    outer,
    "AS208",
    `${shortCall(outer)} is not awaited: ${what}. native-orm converts a wrapper once it is awaited; missing-await's ${fix} adds the await (run -t missing-await, or every transform): kept`,
  );
  return true;
}

/** A call as one line: `sync_to_async(close_order)(...)`. */
function shortCall(call: SyntaxNode): string {
  const callee = call.childForFieldName("function")?.text ?? "";
  return `${callee.split("\n")[0]}(${call.childForFieldName("arguments")?.text === "()" ? "" : "..."})`;
}

/** e. `@sync_to_async def f(): <ORM work>` -> `async def f(): <awaited native calls>`. */
function decoratedWrapper(f: ScannedFile, def: SyntaxNode, chains: ChainPlan): void {
  const a = analyseDecorated(f, def);
  if (!a) return;
  if (a.chainCalls.length + a.crossCalls.length > 0 && chainedWrapper(f, a, chains)) return;
  const { decorator, callee, findings, edits, suggestion, problems } = a;
  recordSite(f, "sync_to_async", decorator, problems[0]?.code);
  const kept = `@${callee.text} wrapper ${def.childForFieldName("name")?.text ?? ""}() kept`;
  const fix = fixOf("unsafe", edits, findings.conversions, [callee]);
  // Unproven receivers and database_sync_to_async only make the rewrite unsafe: alone, they carry
  // its fix (the first one its edits, the others the same rewrite with nothing more to do).
  const onlyUnsafe = problems.every((p) => p.unsafe);
  // The whole rewrite is shown only when nothing else keeps the wrapper (orm-review-3 N15b: an
  // AS206 beside a call that is not followed showed code running sync ORM on the loop).
  const kepts = problems.filter((p) => !p.unsafe && p.code !== "AS209").length;
  for (const [i, p] of problems.entries()) {
    // AS206 says what accepting the unsafe fix changes: moot (and fixless) while a blocker stays.
    if (p.code === "AS206" && kepts > 0) continue;
    const whole = (p.unsafe || p.code === "AS209") && kepts === 0;
    // P1: the one behaviour change, and the rewrite --unsafe-fixes makes (issue 23 item 4).
    const said =
      p.code === "AS206"
        ? { ...p, message: decoratedConnectionNote(f, def, findings.conversions) }
        : p;
    const message = `${kept}: line ${lineOf(p.node)}: ${onlyUnsafe ? unsafeNoted(said) : p.message}`;
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
  if (p.code === "AS201" && p.message.includes(" (annotate"))
    return p.message.replace(" (annotate", ` (${unsafeNote(p.assumes)}; annotate`);
  return `${p.message} (${unsafeNote(p.assumes)})`;
}

/** f. Sync ORM calls directly in async def. */
function asyncBody(f: OrmFile, { findings }: AsyncBody): void {
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
        `sync ORM call inside async def ${syncOnlyEffect(f)}; its native async form needs Django ${c.since} (target is ${f.target})`,
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
        `sync ORM call inside async def ${syncOnlyEffect(f)}; nothing proves the receiver is a queryset or model instance (${unsafeNote(unprovenAssumption(c))})`,
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
      `sync ORM call inside async def ${syncOnlyEffect(f)}: its native async form is awaited instead`,
      suggestion,
      fix,
    );
  }
}
