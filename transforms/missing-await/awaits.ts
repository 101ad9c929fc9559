import { isAsyncFunction } from "../../src/python/shapes.js";
import type { Context, FileSemantics, Fix, SyntaxNode } from "../../src/model/types.js";
import type { Coroutine } from "./coroutines.js";
import { resultUse } from "./dropped.js";
import { valueParameter } from "./passed.js";
import type { ValueUse } from "./tested.js";
import type { Results } from "./results.js";
import { injectedSuggestion, injectedWords, omittedInjected } from "./injected.js";
import { handedToAsync, syncFormCall } from "./sync-forms.js";

const ASGIREF = "asgiref.sync";
const ASYNC_TO_SYNC = "async_to_sync";

const ORIGIN_WORDS: Record<Coroutine["origin"], string> = {
  project: "an async def of the project",
  asyncio: "a coroutine function of asyncio",
  orm: "a native async method of the Django ORM",
  twin: "a declared async twin",
  wrapped: "wrapped by sync_to_async (its call returns a coroutine)",
  typed: "typed as returning an awaitable",
};

/** `check() is an async def of the project`, or what the annotations say of it. */
function described(coroutine: Coroutine): string {
  const words = coroutine.detail
    ? `${ORIGIN_WORDS[coroutine.origin]} (${coroutine.detail})`
    : ORIGIN_WORDS[coroutine.origin];
  return `${coroutine.name}() is ${words}`;
}

/** A call in `async def` whose coroutine is dropped or used as its result: `await` added. */
export function asyncSite(
  file: FileSemantics,
  call: SyntaxNode,
  fn: SyntaxNode,
  coroutine: Coroutine,
  out: Results,
  ctx?: Context,
): void {
  const use = resultUse(file, call, fn, ctx);
  if (use.use === "other") return;
  const what = described(coroutine);
  out.site(call, "coroutine-not-awaited", "async", coroutine.origin);
  const held =
    use.use === "bound"
      ? {
          code: use.uses.some((u) => u.tested) ? ("AS406" as const) : ("AS401" as const),
          head: `${what}: ${use.name} holds the coroutine, not its result, where it is used (line ${use.uses[0].node.startPosition.row + 1})`,
        }
      : {
          code: "AS401" as const,
          head: `${what}: called without await, it returns a coroutine that never runs`,
        };
  if (unfixable(call, fn, coroutine, held.code, out, held.head)) return;
  const fix: Fix = {
    applicability: "safe",
    edits: [{ start: call.startIndex, end: call.startIndex, text: "await " }],
  };
  if (use.use === "dropped") {
    const message = `${what}: called without await, it returns a coroutine that never runs; await added`;
    out.report(call, "AS401", message, `await ${call.text}`, fix);
    return;
  }
  const line = (n: SyntaxNode) => n.startPosition.row + 1;
  const tested = use.uses.find((u) => u.tested);
  if (tested) {
    const message = `${what}: ${use.name} holds the coroutine, not its result, and is tested on line ${line(tested.node)} (a coroutine object is always true: the check never runs); await added`;
    out.report(call, "AS406", message, `await ${call.text}`, fix);
    return;
  }
  const passed = use.uses
    .map((u) => ({ node: u.node, to: valueParameter(file, u.node, ctx) }))
    .find((u) => u.to);
  if (passed) {
    const message = `${what}: ${use.name} holds the coroutine, not its result, and is passed on line ${line(passed.node)} to ${passed.to}, which wants a value; await added`;
    out.report(call, "AS406", message, `await ${call.text}`, fix);
    return;
  }
  const message = `${what}: ${use.name} holds the coroutine, not its result, where it is used (line ${line(use.uses[0].node)}${nestedIn(file, use.uses[0].node, fn)}); await added`;
  out.report(call, "AS401", message, `await ${call.text}`, fix);
}

/** `, in the nested add_data_points()`: a use inside a def nested in `fn` (J12). */
function nestedIn(file: FileSemantics, node: SyntaxNode, fn: SyntaxNode): string {
  const inner = file.enclosingFunction(node);
  const name = inner?.id !== fn.id ? inner?.childForFieldName("name")?.text : undefined;
  return inner && inner.id !== fn.id ? `, in the nested ${name ? `${name}()` : "lambda"}` : "";
}

/**
 * A coroutine consumed as a value where it is made: `if not has_access(user):` (always false),
 * `check() == True`, `fetch().items`. In `async def` `await` is added (a safe fix: the value
 * was meant), except inside a generator expression, where `await` would make an async generator
 * its consumer cannot iterate. In a sync def the call is only reported.
 */
export function valueSite(
  call: SyntaxNode,
  fn: SyntaxNode,
  coroutine: Coroutine,
  use: ValueUse,
  out: Results,
): void {
  const what = described(coroutine);
  const effect = use.tested
    ? "a coroutine object is always true, so this test never depends on the call and its body never runs"
    : "the coroutine object is used, not its result, and its body never runs";
  const awaited = use.parenthesise ? `(await ${call.text})` : `await ${call.text}`;
  out.site(call, "coroutine-not-awaited", isAsyncFunction(fn) ? "async" : "sync", coroutine.origin);
  if (!isAsyncFunction(fn)) {
    const message = `${what}, ${use.how} without await in a sync def: ${effect}; make this function async and await it, or run it with async_to_sync`;
    out.report(call, "AS406", message);
    return;
  }
  if (insideGenerator(call, fn)) {
    const message = `${what}, ${use.how} without await: ${effect}; not rewritten inside a generator expression (await there makes an async generator): restructure by hand`;
    out.report(call, "AS406", message, awaited);
    return;
  }
  if (unfixable(call, fn, coroutine, "AS406", out, `${what}, ${use.how} without await: ${effect}`))
    return;
  const outer = use.parenthesise ? awaitAbove(call) : undefined;
  if (outer) {
    // `await sync_to_async(get)(pk=1).parent_commit`: the `await` is on what is read from the
    // coroutine. Whether it was meant for the call alone (`(await get(...)).parent_commit`) or
    // for both (`await (await session.get(url)).json()`, aiohttp) the code does not say
    // (orm-human-8 K5: adding the inner one kept the outer on a model instance).
    const read = outer.text.slice(call.endIndex - outer.startIndex).replace(/\s+/g, " ");
    const short = `${call.childForFieldName("function")!.text.replace(/\s+/g, " ")}(...)`;
    out.report(
      call,
      "AS406",
      `${what}, ${use.how} without await: ${effect}; the await in front applies to ${read.trim()}, not to the call: write (await ${short})${read}, and keep an await in front only if that gives an awaitable; not rewritten`,
    );
    return;
  }
  const [open, close] = use.parenthesise ? ["(await ", ")"] : ["await ", ""];
  const fix: Fix = {
    applicability: "safe",
    edits: [
      { start: call.startIndex, end: call.startIndex, text: open },
      ...(close ? [{ start: call.endIndex, end: call.endIndex, text: close }] : []),
    ],
  };
  out.report(
    call,
    "AS406",
    `${what}, ${use.how} without await: ${effect}; await added`,
    awaited,
    fix,
  );
}

/**
 * A call that omits a parameter FastAPI injects (`current_user = Depends(...)`): awaiting it as
 * written fails, so the finding names what to pass and makes no fix (injected.ts).
 */
function unfixable(
  call: SyntaxNode,
  fn: SyntaxNode,
  coroutine: Coroutine,
  code: "AS401" | "AS406",
  out: Results,
  head: string,
): boolean {
  const omitted = omittedInjected(call, coroutine.markers ?? []);
  if (omitted.length === 0) return false;
  const callee = call.childForFieldName("function")!.text;
  const suggestion = injectedSuggestion(call, fn, omitted);
  out.report(call, code, `${head}; ${injectedWords(callee, omitted)}`, suggestion);
  return true;
}

/**
 * The `await` expression whose operand reads through the call's value (`await c().x`,
 * `await c()[0].y()`): the operand, from `await`'s own operand down to the call.
 */
function awaitAbove(call: SyntaxNode): SyntaxNode | undefined {
  let node = call;
  for (;;) {
    const parent = node.parent;
    if (!parent) return undefined;
    const through =
      (parent.type === "attribute" && parent.childForFieldName("object")?.id === node.id) ||
      (parent.type === "subscript" && parent.childForFieldName("value")?.id === node.id) ||
      (parent.type === "call" && parent.childForFieldName("function")?.id === node.id) ||
      parent.type === "parenthesized_expression";
    if (parent.type === "await") return node.id === call.id ? undefined : node;
    if (!through) return undefined;
    node = parent;
  }
}

/** Is the call inside a generator expression within `fn`? */
function insideGenerator(call: SyntaxNode, fn: SyntaxNode): boolean {
  for (let n = call.parent; n && n.id !== fn.id; n = n.parent)
    if (n.type === "generator_expression") return true;
  return false;
}

/**
 * A project coroutine function called from a sync `def`, its result dropped: the body never
 * runs. `async_to_sync(f)(args)` runs it, an unsafe fix (the caller may itself run on a loop,
 * where async_to_sync raises); in tests it is only suggested.
 */
export function syncSite(
  file: FileSemantics,
  call: SyntaxNode,
  coroutine: Coroutine,
  inTests: boolean,
  out: Results,
  ctx?: Context,
): void {
  if (resultUse(file, call, file.enclosingFunction(call)!, ctx).use !== "dropped") return;
  const callee = call.childForFieldName("function")!;
  const args = call.childForFieldName("arguments")!;
  const access = asyncToSyncAt(file, call);
  const name = access?.name ?? ASYNC_TO_SYNC;
  const suggestion = `${name}(${callee.text})${args.text}`;
  out.site(call, "coroutine-not-awaited", "sync", coroutine.origin);
  const base = `${described(coroutine)} called from a sync def without await: its body never runs`;
  // The sync form beside it, or a callback that async code calls (J15): no loop-starting advice.
  const form = inTests ? undefined : syncFormCall(file, call);
  const handed = inTests || form ? undefined : handedToAsync(file, call);
  if (form || handed) {
    const fnName = file.enclosingFunction(call)!.childForFieldName("name")!.text;
    const why = form
      ? `its sync form is defined beside it: call ${form}`
      : `${fnName} is handed to async code as a callback (line ${handed}), where asyncio.run() and async_to_sync() raise: make ${fnName} async and await it there, or schedule the coroutine on the running loop (asyncio.get_running_loop().create_task(...))`;
    out.report(call, "AS402", `${base}; ${why}`, form);
    return;
  }
  if (inTests || !access) {
    const why = inTests
      ? "in a test, decide by hand (or make the test async)"
      : `the name ${ASYNC_TO_SYNC} is used otherwise in this file (another binding, or an import out of reach here), so a new import could clash: rewrite by hand`;
    out.report(call, "AS402", `${base}; ${why}`, suggestion);
    return;
  }
  // hazard-review-4 K4 (frigate): a project without asgiref would fail to import it.
  if (!access.imported && ctx && !ctx.project.usesAsgiref && !ctx.project.usesDjango) {
    const loop = threadsafeLoop(file, call);
    const instead = loop
      ? `asyncio.run_coroutine_threadsafe(${call.text}, ${loop}).result()`
      : `asyncio.run(${call.text})`;
    const how = loop
      ? `hand it to the loop this file already runs coroutines on (${loop}), or run it with asyncio.run(...) where no event loop runs`
      : "run it with asyncio.run(...) where no event loop runs in this thread, or hand it to the loop that owns its objects (asyncio.run_coroutine_threadsafe(coro, loop).result())";
    out.report(
      call,
      "AS402",
      `${base}; this project does not depend on asgiref (nor Django), so ${ASYNC_TO_SYNC} is not offered: ${how}`,
      instead,
    );
    return;
  }
  const fix: Fix = {
    applicability: "unsafe",
    edits: [
      { start: callee.startIndex, end: callee.startIndex, text: `${name}(` },
      { start: callee.endIndex, end: callee.endIndex, text: ")" },
    ],
    ...(access.imported ? {} : { imports: [{ module: ASGIREF, name: ASYNC_TO_SYNC, at: call }] }),
  };
  out.report(
    call,
    "AS402",
    `${base}; run it with ${name}(...) (applied with --unsafe-fixes; assumes this def is never called from a thread running an event loop, where ${name} raises)`,
    suggestion,
    fix,
  );
}

/**
 * The loop the file hands coroutines to with `asyncio.run_coroutine_threadsafe(coro, loop)`,
 * for `call`: the one it hands this same coroutine function to (frigate's
 * `self._autotracker_setup(...)`, `self.onvif.loop`), else the one its class uses, else the
 * file's only one.
 */
function threadsafeLoop(file: FileSemantics, call: SyntaxNode): string | undefined {
  if (!file.source.includes("run_coroutine_threadsafe")) return undefined;
  const callee = call.childForFieldName("function")?.text;
  const cls = file.enclosingClass(call)?.id;
  const handed: { coroutine?: string; loop: string; cls?: number }[] = [];
  for (const site of file.root.descendantsOfType("call")) {
    const fn = site.childForFieldName("function");
    if (!fn || file.qualifiedName(fn) !== "asyncio.run_coroutine_threadsafe") continue;
    const [coro, loop] = site.childForFieldName("arguments")?.namedChildren ?? [];
    if (!loop || loop.type === "keyword_argument") continue;
    const coroutine = coro?.type === "call" ? coro.childForFieldName("function")?.text : undefined;
    handed.push({ coroutine, loop: loop.text, cls: file.enclosingClass(site)?.id });
  }
  const only = (found: typeof handed) => {
    const loops = new Set(found.map((h) => h.loop));
    return loops.size === 1 ? [...loops][0] : undefined;
  };
  return (
    only(handed.filter((h) => h.coroutine === callee)) ??
    only(handed.filter((h) => cls !== undefined && h.cls === cls)) ??
    only(handed)
  );
}

/** The name async_to_sync is reached by at `at`, or undefined when a new import of it could clash. */
function asyncToSyncAt(
  file: FileSemantics,
  at: SyntaxNode,
): { name: string; imported: boolean } | undefined {
  const qualified = `${ASGIREF}.${ASYNC_TO_SYNC}`;
  const imports = file.importBindings();
  for (const candidate of imports.filter((b) => b.qualified === qualified))
    if (file.importBindingOf(candidate.local, at)?.qualified === qualified)
      return { name: candidate.local, imported: true };
  // A new module-level import must not shadow, or be shadowed by, another use of the name.
  const taken =
    file.source.includes(ASYNC_TO_SYNC) &&
    file.root.descendantsOfType("identifier").some((id) => id.text === ASYNC_TO_SYNC);
  return taken ? undefined : { name: ASYNC_TO_SYNC, imported: false };
}

/**
 * The `def` a call runs in, when it is a def (not a lambda) and the call is in its own body, not
 * in a class body inside it (where `await` is a syntax error).
 */
export function owningDef(file: FileSemantics, call: SyntaxNode): SyntaxNode | undefined {
  const fn = file.enclosingFunction(call);
  if (fn?.type !== "function_definition") return undefined;
  for (let n = call.parent; n && n.id !== fn.id; n = n.parent)
    if (n.type === "class_definition") return undefined;
  return fn;
}

export { isAsyncFunction };
