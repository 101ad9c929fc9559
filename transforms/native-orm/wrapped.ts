import { ASYNC_FUNCTIONS, QUERYSET_RETURNING, asyncMethodFor } from "../../src/django/orm.js";
import { asyncTwinOfOrmCall } from "../../src/django/twins.js";
import { callArguments } from "../../src/python/calls.js";
import type { SyntaxNode } from "../../src/model/types.js";
import {
  COLLECTING_BUILTINS,
  functionConversion,
  listConversion,
  methodConversion,
} from "./conversions.js";
import { inMemoryConversion } from "./in-memory-call.js";
import { inlinedConversion } from "./inlined-calls.js";
import { looksLikeQueryset } from "./proofs.js";
import { fetchConversion, relationFetch, statementOfAwait } from "./relation-fetch.js";
import { rewrittenText } from "./rewrite.js";
import { scan } from "./scan.js";
import type { Conversion, OrmFile, Problem } from "./types.js";
import { wrapperKind } from "./wrappers.js";

// What `sync_to_async(target, ...)(args)` becomes: the edits that turn the whole call (or the
// `await` around it, for list comprehensions) into the native form.

/** `outer` = `sync_to_async(target, ...)(args)`, `wrap` its callee. */
export function wrappedConversion(
  f: OrmFile,
  outer: SyntaxNode,
  wrap: SyntaxNode,
  target: SyntaxNode,
): Conversion | Problem | undefined {
  const outerArgs = outer.childForFieldName("arguments")!;
  const awaitNode = outer.parent?.type === "await" ? outer.parent : undefined;
  // c. sync_to_async(list)(qs), and set, tuple, dict: an async comprehension
  const collects = target.type === "identifier" && Object.hasOwn(COLLECTING_BUILTINS, target.text);
  if (collects && f.file.isBuiltin(target.text, target)) {
    const args = callArguments(outer);
    if (args.length !== 1 || outerArgs.type !== "argument_list") return undefined;
    // `await (\n sync_to_async(list)(qs)\n)` too (orm-review-4 P10): the whole await goes.
    const awaited = awaitNode ?? parenthesisedAwait(outer);
    if (!awaited) return notAwaited(f, outer, args[0]);
    return listConversion(f, awaited, args[0], outer, target.text);
  }
  // sync_to_async(get_object_or_404)(...), sync_to_async(auth.login)(...)
  const qualified =
    target.type === "identifier" || target.type === "attribute"
      ? f.file.qualifiedName(target)
      : undefined;
  const fn = ASYNC_FUNCTIONS.find((candidate) => candidate.qualified === qualified);
  if (fn) return unwrapped(outer, wrap, target, functionConversion(f, outer, target, fn));
  // sync_to_async(update_last_login)(None, user): Django's two statements, the save awaited.
  const inlined = inlinedConversion(f, outer, target, awaitNode);
  if (inlined) return inlined;
  // sync_to_async((await sync_to_async(<qs>.filter)(...)).first)(): one native call
  const nested = target.type === "attribute" ? nestedConversion(f, outer, wrap, target) : undefined;
  if (nested) return nested;
  // A model method reading only its own columns: called, unwrapped (orm-review M6).
  const inMemory = target.type === "attribute" && inMemoryConversion(f, outer, target, awaitNode);
  if (inMemory) return inMemory;
  // `await sync_to_async(CycleIssue.objects.filter)(...)`: a lazy step, built on the loop.
  const lazy = target.type === "attribute" && lazyStepConversion(f, outer, wrap, target, awaitNode);
  if (lazy) return lazy;
  // sync_to_async(user.asave)(): a coroutine function wrapped, which raises TypeError
  const coroutine =
    target.type === "attribute" && coroutineMethodConversion(f, outer, wrap, target);
  if (coroutine) return coroutine;
  // a, b. sync_to_async(<recv>.<m>)(args)
  if (target.type === "attribute")
    return unwrapped(outer, wrap, target, methodConversion(f, outer, target, "wrapper"));
  // d. sync_to_async(lambda: <one ORM call>)()
  if (target.type === "lambda") return lambdaConversion(f, outer, target, awaitNode);
  return undefined;
}

/** The conversion of `target` with the wrapper around it removed: `<target>` + `(args)`. */
function unwrapped(
  outer: SyntaxNode,
  wrap: SyntaxNode,
  target: SyntaxNode,
  conversion: Conversion | Problem | undefined,
): Conversion | Problem | undefined {
  if (!conversion || "code" in conversion) return conversion;
  const edits = [...conversion.edits];
  // A target over several lines was continued inside the wrapper's brackets: it keeps brackets
  // of its own, around the whole call (or around the target when the call's text is edited).
  const spans = target.startPosition.row !== target.endPosition.row;
  const aroundCall = spans && edits.every((e) => e.end < outer.endIndex);
  if (aroundCall) edits.push({ start: outer.endIndex, end: outer.endIndex, text: ")" });
  return {
    ...conversion,
    edits: [
      { start: outer.startIndex, end: target.startIndex, text: spans ? "(" : "" },
      ...edits,
      { start: target.endIndex, end: wrap.endIndex, text: spans && !aroundCall ? ")" : "" },
    ],
  };
}

/**
 * orm-review-4 P6 (plane `cycle_issue = await sync_to_async(CycleIssue.objects.filter)(...)`):
 * a queryset-building method of a proven manager or queryset runs no query, so neither the thread
 * nor the `await` is needed: `CycleIssue.objects.filter(...)`. Only where the awaited value is
 * assigned or returned whole (inside a larger expression the nested form is converted as one),
 * and not when the project's manager or QuerySet class defines the method itself (it may query).
 */
function lazyStepConversion(
  f: OrmFile,
  outer: SyntaxNode,
  wrap: SyntaxNode,
  target: SyntaxNode,
  awaitNode: SyntaxNode | undefined,
): Conversion | undefined {
  const method = target.childForFieldName("attribute")!.text;
  if (!QUERYSET_RETURNING.has(method) || method === "raw" || !awaitNode) return undefined;
  const holder = awaitNode.parent;
  const whole =
    (holder?.type === "assignment" && holder.childForFieldName("right")?.id === awaitNode.id) ||
    holder?.type === "return_statement";
  if (!whole || callArguments(wrap).length !== 1) return undefined;
  const qs = f.proofs.querysetOf(target.childForFieldName("object")!);
  if (!qs || qs.bypassed?.includes(method) || qs.chains?.methods[method]) return undefined;
  // orm-review-9 R5: a target over several lines was continued inside the wrapper's brackets:
  // the call keeps brackets of its own (`(Keyword.objects\n.annotate(...)\n.filter(...))`).
  const spans = target.startPosition.row !== target.endPosition.row;
  return {
    node: awaitNode,
    edits: [
      { start: awaitNode.startIndex, end: target.startIndex, text: spans ? "(" : "" },
      { start: target.endIndex, end: wrap.endIndex, text: "" },
      ...(spans ? [{ start: outer.endIndex, end: outer.endIndex, text: ")" }] : []),
    ],
    proven: true,
    since: "1.0",
    awaited: false,
    note: `sync_to_async around ${method}(), which only builds a lazy queryset (no query runs until it is evaluated): called directly, without the thread or the await`,
  };
}

/** `sync_to_async(lambda: <one ORM call>)()`: the call, unwrapped. */
function lambdaConversion(
  f: OrmFile,
  outer: SyntaxNode,
  target: SyntaxNode,
  awaitNode: SyntaxNode | undefined,
): Conversion | Problem | undefined {
  if (target.childForFieldName("parameters") || callArguments(outer).length > 0) return undefined;
  const body = target.childForFieldName("body");
  if (!body) return undefined;
  const fetched = relationFetchConversion(f, outer, body, awaitNode);
  if (fetched) return fetched;
  const findings = scan(f, body, "wrapper");
  if (findings.ormSites === 0) return undefined;
  // The lambda's shape first: more than one query is rewritten by hand whatever else it holds.
  const [first, ...more] = findings.conversions;
  if (more.length > 0 || (first && first.node.id !== body.id)) {
    return {
      code: "AS208",
      node: outer,
      message:
        "the lambda holds more than one ORM call or uses its result: rewrite by hand with one awaited native call per query",
    };
  }
  const blocker = findings.problems[0];
  if (blocker || !first) return blocker;
  const inner = first;
  if (!inner.awaited) {
    // list(qs) inside the lambda: the comprehension replaces the whole `await ...`.
    if (!awaitNode) return notAwaited(f, outer, body);
    const qsNode = callArguments(body)[0];
    return listConversion(f, awaitNode, qsNode, outer);
  }
  // A chain over several lines continued inside the wrapper's brackets keeps brackets of its own.
  const spans = body.startPosition.row !== body.endPosition.row;
  return {
    ...inner,
    node: outer,
    edits: [
      { start: outer.startIndex, end: body.startIndex, text: spans ? "(" : "" },
      ...inner.edits,
      { start: body.endIndex, end: outer.endIndex, text: spans ? ")" : "" },
    ],
  };
}

/**
 * orm-human-7 K3: `x = await sync_to_async(lambda: feedback.bot_user)()`, a forward relation read
 * in a statement of its own: the fetch, then the plain read (relation-fetch.ts); or why not.
 */
function relationFetchConversion(
  f: OrmFile,
  outer: SyntaxNode,
  body: SyntaxNode,
  awaitNode: SyntaxNode | undefined,
): Conversion | Problem | undefined {
  const fetch = body.type === "attribute" ? relationFetch(f, body) : undefined;
  if (!fetch) return undefined;
  const statement = awaitNode && statementOfAwait(f, awaitNode);
  const why =
    "why" in fetch
      ? fetch.why
      : !statement
        ? `the read stands inside an expression, and the native fetch is a statement of its own (it caches the row on ${fetch.object}, as the read does)`
        : undefined;
  if (why || "why" in fetch)
    return {
      code: "AS208",
      node: outer,
      message: `the lambda reads ${body.text}, which loads a related row (a query) whose native form is an aget() by its key column, but ${why}: rewrite by hand`,
    };
  const tail =
    statement!.type === "expression_statement" && statement!.namedChildren[0]?.id === awaitNode!.id
      ? ""
      : rewrittenText(f.source, statement!, [
          { start: awaitNode!.startIndex, end: awaitNode!.endIndex, text: body.text },
        ]);
  return {
    ...fetchConversion(f, fetch, statement!, tail),
    replaced: outer.childForFieldName("function")!.childForFieldName("function")!,
  };
}

/**
 * orm-human-8 K1 (`await database_sync_to_async(user.asave)()`): Django's a-method of a proven
 * instance or queryset is a coroutine function, which asgiref refuses to wrap (TypeError: "can
 * only be applied to sync functions"): the call unwrapped is what the line meant, whatever the
 * wrapper (the original never ran, so no connection or thread behaviour is lost).
 */
function coroutineMethodConversion(
  f: OrmFile,
  outer: SyntaxNode,
  wrap: SyntaxNode,
  target: SyntaxNode,
): Conversion | undefined {
  const method = target.childForFieldName("attribute")!.text;
  if (!/^a[a-z]/.test(method)) return undefined;
  const known = asyncTwinOfOrmCall(f.proofs, target.childForFieldName("object")!, method.slice(1));
  if (!known?.certain || known.twin?.async !== method) return undefined;
  const conversion: Conversion = {
    node: outer,
    edits: [],
    proven: true,
    since: known.twin.since,
    awaited: false,
    failing: true,
    note: `${target.text}() is Django's async method, a coroutine function: sync_to_async() of it raises TypeError, so the wrapper is dropped and the coroutine awaited where it stands`,
  };
  return unwrapped(outer, wrap, target, conversion) as Conversion;
}

function parenthesisedAwait(call: SyntaxNode): SyntaxNode | undefined {
  let up = call.parent;
  while (up?.type === "parenthesized_expression") up = up.parent;
  return up?.type === "await" && up.namedChildren.length === 1 ? up : undefined;
}

function notAwaited(f: OrmFile, outer: SyntaxNode, qsNode: SyntaxNode): Problem | undefined {
  if (!f.proofs.querysetOf(qsNode) && !looksLikeQueryset(qsNode)) return undefined;
  return {
    code: "AS208",
    node: outer,
    message:
      "the wrapped list() is not awaited where it is called, so it cannot become an async comprehension here: rewrite by hand",
    suggestion: `[obj async for obj in ${qsNode.text}]`,
  };
}

/**
 * `sync_to_async((await sync_to_async(<qs>.<chain>)(<args>)).<m>)(<outer args>)`: the inner
 * wrapper runs a queryset-returning method, which makes no query, so the whole is one native call
 * `<qs>.<chain>(<args>).a<m>(<outer args>)` when `<qs>` is a proven queryset or manager.
 */
function nestedConversion(
  f: OrmFile,
  outer: SyntaxNode,
  wrap: SyntaxNode,
  target: SyntaxNode,
): Conversion | undefined {
  const inner = innerWrappedChain(f, target.childForFieldName("object")!);
  const method = target.childForFieldName("attribute")!;
  const m = asyncMethodFor("queryset", method.text);
  if (!inner || !m || method.text === "iterator") return undefined;
  const { call, chain, args } = inner;
  const qs = f.proofs.querysetOf(chain.childForFieldName("object")!);
  if (!qs || qs.locksRows) return undefined;
  const outerArgs = outer.childForFieldName("arguments")!;
  return {
    node: outer,
    edits: [
      { start: outer.startIndex, end: chain.startIndex, text: "" },
      { start: chain.endIndex, end: args.startIndex, text: "" },
      { start: args.endIndex, end: outerArgs.startIndex, text: `.${m.async}` },
    ],
    proven: true,
    since: m.since,
    awaited: true,
    // The inner wrapper's name goes with the outer one's (dropped by the site).
    replaced: call.childForFieldName("function")!.childForFieldName("function")!,
  };
}

/** `(await sync_to_async(<recv>.<queryset-returning method>)(<args>))`, taken apart. */
function innerWrappedChain(
  f: OrmFile,
  expr: SyntaxNode,
): { call: SyntaxNode; chain: SyntaxNode; args: SyntaxNode } | undefined {
  const parts = expr.type === "parenthesized_expression" ? expr.namedChildren : [];
  const awaited = parts.length === 1 && parts[0].type === "await" ? parts[0] : undefined;
  const call = awaited?.namedChildren[0];
  const wrapCall = call?.type === "call" ? call.childForFieldName("function") : undefined;
  const wrapper = wrapCall?.type === "call" ? wrapCall.childForFieldName("function") : undefined;
  if (!call || !wrapCall || !wrapper || wrapperKind(f, wrapper) !== "sync") return undefined;
  const wrapped = callArguments(wrapCall);
  const chain = wrapped[0];
  const args = call.childForFieldName("arguments");
  if (wrapped.length !== 1 || chain?.type !== "attribute" || args?.type !== "argument_list")
    return undefined;
  const name = chain.childForFieldName("attribute")!.text;
  if (!QUERYSET_RETURNING.has(name) || name === "raw" || name === "select_for_update")
    return undefined;
  return { call, chain, args };
}
