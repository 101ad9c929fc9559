import { isAsyncFunction } from "../../src/python/shapes.js";
import type { FileSemantics, Fix, SyntaxNode } from "../../src/model/types.js";
import type { Coroutine } from "./coroutines.js";
import { resultUse } from "./dropped.js";
import type { Results } from "./results.js";

const ASGIREF = "asgiref.sync";
const ASYNC_TO_SYNC = "async_to_sync";

const ORIGIN_WORDS: Record<Coroutine["origin"], string> = {
  project: "an async def of the project",
  asyncio: "a coroutine function of asyncio",
  orm: "a native async method of the Django ORM",
  twin: "a declared async twin",
};

/**
 * The calls that may drop a coroutine: a call statement, or the value of a plain assignment
 * statement (`status = fetch_status(job)`). An awaited call is an `await` node, not a call.
 */
export function candidateCalls(root: SyntaxNode): SyntaxNode[] {
  const calls: SyntaxNode[] = [];
  for (const statement of root.descendantsOfType("expression_statement")) {
    const only = statement.namedChildren.length === 1 ? statement.namedChildren[0] : undefined;
    if (only?.type === "call") calls.push(only);
    const value = only?.type === "assignment" ? only.childForFieldName("right") : undefined;
    if (value?.type === "call") calls.push(value);
  }
  return calls;
}

/** A call in `async def` whose coroutine is dropped or used as its result: `await` added. */
export function asyncSite(
  file: FileSemantics,
  call: SyntaxNode,
  fn: SyntaxNode,
  coroutine: Coroutine,
  out: Results,
): void {
  const use = resultUse(file, call, fn);
  if (use.use === "other") return;
  const what = `${coroutine.name}() is ${ORIGIN_WORDS[coroutine.origin]}`;
  const message =
    use.use === "dropped"
      ? `${what}: called without await, it returns a coroutine that never runs; await added`
      : `${what}: ${use.name} holds the coroutine, not its result, where it is used (line ${use.uses[0].startPosition.row + 1}); await added`;
  out.site(call, "coroutine-not-awaited", "async", coroutine.origin);
  const fix: Fix = {
    applicability: "safe",
    edits: [{ start: call.startIndex, end: call.startIndex, text: "await " }],
  };
  out.report(call, "AS401", message, `await ${call.text}`, fix);
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
): void {
  if (resultUse(file, call, file.enclosingFunction(call)!).use !== "dropped") return;
  const callee = call.childForFieldName("function")!;
  const args = call.childForFieldName("arguments")!;
  const access = asyncToSyncAt(file, call);
  const name = access?.name ?? ASYNC_TO_SYNC;
  const suggestion = `${name}(${callee.text})${args.text}`;
  out.site(call, "coroutine-not-awaited", "sync", coroutine.origin);
  const base = `${coroutine.name}() is ${ORIGIN_WORDS[coroutine.origin]} called from a sync def without await: its body never runs`;
  if (inTests || !access) {
    const why = inTests
      ? "in a test, decide by hand (or make the test async)"
      : `the name ${ASYNC_TO_SYNC} is used otherwise in this file (another binding, or an import out of reach here), so a new import could clash: rewrite by hand`;
    out.report(call, "AS402", `${base}; ${why}`, suggestion);
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
    `${base}; run it with ${name}(...) (applied with --unsafe-fixes: not where this def is itself called on an event loop)`,
    suggestion,
    fix,
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
