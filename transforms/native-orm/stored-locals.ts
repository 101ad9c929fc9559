import { versionAtLeast } from "../../src/django/orm.js";
import { QUERYSET_RETURNING } from "../../src/django/api.js";
import { isTestCode } from "../../src/project/test-case-classes.js";
import type { SyntaxNode } from "../../src/model/types.js";
import { methodConversion, unsafeNote } from "./conversions.js";
import { CONNECTION_ASSUMPTION } from "./decorated.js";
import { rewrittenText } from "./rewrite.js";
import { scan } from "./scan.js";
import { fixOf, recordSite, report } from "./state.js";
import { isThreadInsensitive, wrapperKind } from "./wrappers.js";
import type { OrmFile } from "./types.js";

// A wrapper stored in a name that is only called (orm-review-7 S13, bedah-kym: `get_user =
// sync_to_async(User.objects.filter(...).first)` then `member_user = await get_user()`;
// orm-human-8 K11, django-telegram-bot: `bcast_create = sync_to_async(BroadcastTask.objects.create)`
// awaited once, and `bcast_filter = sync_to_async(BroadcastTask.objects.filter)` iterated by
// `async for task in bcast_filter(executed=False)`, a TypeError today). Every call of the name
// gives an awaitable either way: the native a-method is stored instead (`get_user =
// User.objects.filter(...).afirst`). A queryset-building method stored for `async for` loops is
// stored as it is (`bcast_filter = BroadcastTask.objects.filter`): the loop then iterates the
// queryset natively, as the human wrote it.

/** The name `wrap` is assigned to, when every other reference of it is the callee of a call. */
function onlyCalledName(f: OrmFile, wrap: SyntaxNode): SyntaxNode[] | undefined {
  const assignment = wrap.parent;
  const left = assignment?.type === "assignment" ? assignment.childForFieldName("left") : null;
  if (left?.type !== "identifier" || assignment!.parent?.type !== "expression_statement")
    return undefined;
  if (assignment!.childForFieldName("type")) return undefined;
  const scope = f.file.enclosingScope(wrap);
  // A class attribute is a method of its instances (stored-twins.ts, stored-methods.ts).
  if (scope.type === "class_definition") return undefined;
  const bound = f.file.bindingsNamed(scope, left.text);
  if (bound.length !== 1 || bound[0].node.id !== left.id) return undefined;
  if (scope.type === "module") return undefined; // other modules may import it
  const calls: SyntaxNode[] = [];
  for (const use of f.file.referencesInScope(scope, left.text)) {
    if (use.id === left.id) continue;
    const call = use.parent;
    if (call?.type !== "call" || call.childForFieldName("function")?.id !== use.id)
      return undefined;
    calls.push(call);
  }
  return calls.length > 0 ? calls : undefined;
}

/** `async for x in <call>` (or `<call>.order_by(...)`): the call is iterated, not awaited. */
function iteratedAsync(call: SyntaxNode): boolean {
  let iterated = call;
  while (
    iterated.parent?.type === "attribute" &&
    QUERYSET_RETURNING.has(iterated.parent.childForFieldName("attribute")?.text ?? "") &&
    iterated.parent.parent?.type === "call"
  )
    iterated = iterated.parent.parent;
  const loop = iterated.parent;
  return (
    (loop?.type === "for_statement" || loop?.type === "for_in_clause") &&
    loop.childForFieldName("right")?.id === iterated.id &&
    loop.children.some((c) => c.type === "async")
  );
}

/**
 * Reports `name = sync_to_async(<ORM method>)` in a function whose every use of `name` is a call:
 * the native method stored instead (AS210), or why not. False when it is no such statement.
 */
export function storedLocalWrapper(f: OrmFile, wrap: SyntaxNode, target: SyntaxNode): boolean {
  if (target.type === "lambda") return storedLambda(f, wrap, target);
  if (target.type !== "attribute") return false;
  const calls = onlyCalledName(f, wrap);
  const ref = wrap.childForFieldName("function");
  if (!calls || !ref) return false;
  const method = target.childForFieldName("attribute")?.text ?? "";
  const receiver = target.childForFieldName("object")!;
  const written = wrap.text.split("\n")[0];
  // A queryset-building method only iterated by `async for`: the wrapper made the loop fail.
  if (QUERYSET_RETURNING.has(method) && f.proofs.querysetOf(receiver)) {
    if (!calls.every(iteratedAsync)) return false;
    recordSite(f, "sync_to_async", wrap);
    report(
      f,
      wrap,
      "AS210",
      `${written} stores a coroutine function, and each call of it is iterated by \`async for\` (a TypeError: a coroutine is no async iterable): ${method}() builds a lazy queryset, which \`async for\` iterates natively, so it is stored as it is`,
      target.text,
      fixOf("safe", [{ start: wrap.startIndex, end: wrap.endIndex, text: target.text }], [], [ref]),
    );
    return true;
  }
  const conversion = methodConversion(f, target, target, "wrapper");
  if (!conversion || "code" in conversion || !conversion.awaited) return false;
  const native = rewrittenText(f.source, target, conversion.edits);
  const why = !versionAtLeast(f.target, conversion.since)
    ? `the native method needs Django ${conversion.since} (target is ${f.target})`
    : isThreadInsensitive(wrap)
      ? "it runs outside the shared thread (thread_sensitive=False), which the native method does not"
      : undefined;
  recordSite(f, "sync_to_async", wrap, why ? "AS207" : undefined);
  if (why) {
    report(f, wrap, "AS207", `${written} kept: ${why}`, native);
    return true;
  }
  const kind = wrapperKind(f, ref);
  const unsafe =
    kind === "database" && !isTestCode(f.file.path, wrap)
      ? { code: "AS206" as const, note: unsafeNote(CONNECTION_ASSUMPTION) }
      : !conversion.proven
        ? {
            code: "AS201" as const,
            note: unsafeNote(`${receiver.text} is a queryset or a model instance`),
          }
        : undefined;
  const fix = fixOf(
    unsafe ? "unsafe" : "safe",
    [{ start: wrap.startIndex, end: wrap.endIndex, text: native }],
    [conversion],
    [ref],
  );
  report(
    f,
    wrap,
    unsafe?.code ?? "AS210",
    `${written} is stored and only called, and each call gives an awaitable: so does the native async method ${native}, stored instead${unsafe ? ` (${unsafe.note})` : ""}`,
    native,
    fix,
  );
  return true;
}

/**
 * `get_member = sync_to_async(lambda: Member.objects.filter(user=u).first())`, only called: the
 * lambda with its one ORM call in native form (`lambda: Member.objects.filter(user=u).afirst()`),
 * whose call gives the awaitable. Its names are read when it is called, as before.
 */
function storedLambda(f: OrmFile, wrap: SyntaxNode, lambda: SyntaxNode): boolean {
  const body = lambda.childForFieldName("body");
  const ref = wrap.childForFieldName("function");
  if (lambda.childForFieldName("parameters") || body?.type !== "call" || !ref) return false;
  if (isThreadInsensitive(wrap) || !onlyCalledName(f, wrap)) return false;
  const findings = scan(f, body, "wrapper");
  const [conversion] = findings.conversions;
  if (findings.problems.length > 0 || findings.conversions.length !== 1) return false;
  if (conversion.node.id !== body.id || !conversion.awaited || !conversion.proven) return false;
  if (!versionAtLeast(f.target, conversion.since)) return false;
  if (wrapperKind(f, ref) === "database" && !isTestCode(f.file.path, wrap)) return false;
  const native = `lambda: ${rewrittenText(f.source, body, conversion.edits)}`;
  recordSite(f, "sync_to_async", wrap);
  report(
    f,
    wrap,
    "AS210",
    `${wrap.text.split("\n")[0]} is stored and only called, and each call gives an awaitable: so does the lambda calling the native async method, stored instead`,
    native,
    fixOf(
      "safe",
      [{ start: wrap.startIndex, end: wrap.endIndex, text: native }],
      [conversion],
      [ref],
    ),
  );
  return true;
}
