import { functionKey } from "../../src/model/function-key.js";
import { dottedName } from "../../src/python/module-names.js";
import type { ImportBinding } from "../../src/model/types.js";
import { isUnderMainGuard, needsParenthesesForAwait } from "../../src/python/shapes.js";
import { FindingsReporter } from "../../src/model/findings.js";
import { callArguments, chainRoot } from "../../src/python/calls.js";
import { movedLineEdits } from "./reindent.js";
import { ASYNCIO_RUN_CODES, type AsyncioRunOut } from "./codes.js";
import { threadLocalReached, threadStateSurvey } from "./thread-state.js";
import {
  appliesNestAsyncio,
  ASYNC_TO_SYNC,
  calledOnLoop,
  runUntilCompleteFindings,
  suggestionFor,
} from "./on-loop.js";
import { diagnosticAt } from "../../src/model/diagnostic.js";
import type {
  Context,
  FileSemantics,
  Finding,
  SyntaxNode,
  TransformMeta,
  TransformResult,
} from "../../src/model/types.js";

export const meta: TransformMeta = {
  id: "asyncio-run",
  summary: "asyncio.run(f(x)) in sync code -> async_to_sync(f)(x)",
  needsDjango: true,
  alsoWithAsgiref:
    "only calls whose coroutine reaches sync_to_async through the project's functions are rewritten",
  withoutDjango:
    "only asyncio.run() and run_until_complete() inside async def are reported (a RuntimeError in any project)",
  siteKinds: [
    {
      kind: "asyncio.run",
      group: "asyncio.run",
      columns: [
        { context: "sync", header: "sync" },
        { context: "async", header: "async" },
        { context: "entry-point", header: "entry" },
        { context: "test/command", header: "test/cmd" },
        { context: "module", header: "module" },
      ],
    },
  ],
  triggers: ["asyncio", "run_until_complete"],
  // Fresh processes (tests, management commands, migrations, seed scripts) own their event loop:
  // asyncio.run is correct there.
  defaultSkip: [
    "**/tests/**",
    "**/test_*.py",
    "**/*_test.py",
    "**/conftest.py",
    "**/management/commands/**",
    "**/migrations/**",
    "**/seeding/**",
  ],
  codes: ASYNCIO_RUN_CODES,
};

const ASGIREF = "asgiref.sync";

interface Site {
  /** The `asyncio.run(...)` call. */
  call: SyntaxNode;
  /** The name through which asyncio's run was reached (`asyncio`, `aio`, `run`, `r`). */
  binding: ImportBinding;
  /** The identifier of that name in the callee. */
  reference: SyntaxNode;
}

function asyncioRunSites(file: FileSemantics): Site[] {
  const sites: Site[] = [];
  for (const call of file.root.descendantsOfType("call")) {
    const callee = call.childForFieldName("function");
    if (!callee || (callee.type !== "identifier" && callee.type !== "attribute")) continue;
    // A cheap look at the names first: `<asyncio>.run`, or a name imported as asyncio.run.
    if (!mayBeAsyncioRun(file, callee)) continue;
    if (file.qualifiedName(callee) !== "asyncio.run") continue;
    const reference = callee.type === "identifier" ? callee : chainRoot(callee);
    const binding = reference && file.importBindingOf(reference.text, reference);
    if (binding && reference) sites.push({ call, binding, reference });
  }
  return sites;
}

/** Could `callee` be asyncio.run, judging by names alone (no scope walked)? */
function mayBeAsyncioRun(file: FileSemantics, callee: SyntaxNode): boolean {
  if (callee.type === "identifier") return file.namesImportedAs("asyncio.run").has(callee.text);
  if (callee.childForFieldName("attribute")?.text !== "run") return false;
  const object = callee.childForFieldName("object");
  return object?.type === "identifier" && file.namesImportedAs("asyncio").has(object.text);
}

/**
 * Why rewriting `outer` would lose or break text, if it would: comments inside the outer call are
 * dropped, and a line break between the coroutine function and its arguments would end the
 * statement once the outer parentheses are gone.
 */
function rewriteHazard(
  outer: SyntaxNode,
  inner: SyntaxNode,
  awaiting: boolean,
): string | undefined {
  const args = outer.childForFieldName("arguments");
  if (args?.namedChildren.some((c) => c.type === "comment"))
    return "comments inside asyncio.run( ... ) would be lost: rewrite by hand";
  const callee = inner.childForFieldName("function");
  const innerArgs = inner.childForFieldName("arguments");
  if (!callee || !innerArgs) return undefined;
  // `await f(x)` has no parentheses of its own, so a line break anywhere before the argument
  // list ends the statement; `async_to_sync(f)(x)` keeps the callee inside parentheses.
  const source = inner.tree.rootNode.text;
  const unprotected = source.slice(
    awaiting ? inner.startIndex : callee.endIndex,
    innerArgs.startIndex,
  );
  if ((awaiting ? /[\n#]/ : /[^ \t]/).test(unprotected))
    return "a line break or comment between the coroutine function and its arguments would end the statement without the outer parentheses: rewrite by hand";
  return undefined;
}

/** asyncio functions that return a future rather than being coroutine functions. */
const ASYNCIO_FUTURE_MAKERS = new Set([
  "asyncio.gather",
  "asyncio.shield",
  "asyncio.ensure_future",
  "asyncio.wrap_future",
]);

/** The dotted name (as written) of `inner`'s callee when it is one of ASYNCIO_FUTURE_MAKERS. */
function asyncioFutureMaker(file: FileSemantics, inner: SyntaxNode): string | undefined {
  const callee = inner.childForFieldName("function");
  if (!callee || (callee.type !== "identifier" && callee.type !== "attribute")) return undefined;
  const qualified = file.qualifiedName(callee);
  return qualified && ASYNCIO_FUTURE_MAKERS.has(qualified) ? callee.text : undefined;
}

function insideGeneratorExpression(node: SyntaxNode, fn: SyntaxNode): boolean {
  for (let n = node.parent; n && n.id !== fn.id; n = n.parent)
    if (n.type === "generator_expression") return true;
  return false;
}

/** The name `async_to_sync` is reachable by at module level, or undefined when it means something else. */
function asyncToSyncName(file: FileSemantics): { name: string; imported: boolean } | undefined {
  const imports = file.importBindings();
  const moduleLevel = imports.find(
    (b) => b.scope.type === "module" && b.qualified === `${ASGIREF}.${ASYNC_TO_SYNC}`,
  );
  if (moduleLevel) return { name: moduleLevel.local, imported: true };
  // The bare name must not already stand for something else anywhere in the file.
  const otherImport = imports.some(
    (b) => b.local === ASYNC_TO_SYNC && b.qualified !== `${ASGIREF}.${ASYNC_TO_SYNC}`,
  );
  const otherBinding =
    file.root.text.includes(ASYNC_TO_SYNC) &&
    file.root.descendantsOfType("identifier").some((id) => {
      if (id.text !== ASYNC_TO_SYNC) return false;
      const parent = id.parent;
      if (parent?.type === "function_definition" || parent?.type === "class_definition")
        return parent.childForFieldName("name")?.id === id.id;
      return parent?.type === "assignment" && parent.childForFieldName("left")?.id === id.id;
    });
  return otherImport || otherBinding ? undefined : { name: ASYNC_TO_SYNC, imported: false };
}

export function transform(file: FileSemantics, ctx: Context): TransformResult {
  const out: AsyncioRunOut = new FindingsReporter(ASYNCIO_RUN_CODES);
  const a2s = asyncToSyncName(file);
  // Without Django or asgiref only what fails in any project is looked at: a loop started
  // inside async def.
  const rewrites = usesDjango(ctx) || ctx.project.usesAsgiref;
  for (const site of asyncioRunSites(file)) {
    const { call } = site;
    const entryPoint = entryPointOf(file, call, ctx);
    const context = entryPoint ? "entry-point" : siteContext(file, call);
    out.site(call, "asyncio.run", context);
    if (isUnderMainGuard(call) || (!rewrites && context !== "async")) continue;
    if (entryPoint) {
      out.report(
        call,
        "AS108",
        `asyncio.run() in ${entryPoint}: the process owns its event loop here; left as is`,
      );
      continue;
    }
    const refusal = refusalOf(file, call);
    if (refusal) {
      const [code, message, inner] = refusal;
      out.report(call, code, message, inner && suggestionFor(inner, a2s?.name ?? ASYNC_TO_SYNC));
      continue;
    }
    const inner = callArguments(call)[0];
    if (file.inAsyncContext(call)) {
      // A RuntimeError in any project, Django or not.
      if (!appliesNestAsyncio(file)) out.findings.push(awaitFinding(site, inner));
      continue;
    }
    // Without Django, asyncio.run loses nothing unless the coroutine runs sync_to_async work.
    if (!usesDjango(ctx) && !reachesSyncToAsync(inner, ctx)) continue;
    const onLoop = calledOnLoop(file, call, ctx);
    if (onLoop) {
      const message = `not rewritten: ${onLoop}, where async_to_sync() raises RuntimeError just as asyncio.run() does (AS405); make the function async and await it there`;
      out.report(call, "AS107", message);
      continue;
    }
    out.findings.push(asyncToSyncFinding(file, ctx, site, inner, a2s));
  }
  runUntilCompleteFindings(file, a2s, out, rewrites);
  return out.result();
}

/** `asyncio.run(f(x))` in sync code -> `async_to_sync(f)(x)` (AS101), or why not (AS107). */
function asyncToSyncFinding(
  file: FileSemantics,
  ctx: Context,
  site: Site,
  inner: SyntaxNode,
  a2s: { name: string; imported: boolean } | undefined,
): Finding {
  const { call } = site;
  if (!a2s)
    return diagnosticAt(
      meta,
      call,
      "AS107",
      "the name async_to_sync already means something else in this file: rewrite by hand",
      suggestionFor(inner, "asgiref.sync.async_to_sync"),
    );
  const hazard = rewriteHazard(call, inner, false);
  if (hazard) return diagnosticAt(meta, call, "AS107", hazard, suggestionFor(inner, a2s.name));
  const callee = inner.childForFieldName("function")!;
  const innerArgs = inner.childForFieldName("arguments")!;
  // The coroutine moves to another thread: thread-local state it reads changes under it.
  const local = threadLocalReached(file, inner, ctx);
  const message = local
    ? `asyncio.run() in sync code: async_to_sync runs the coroutine with this thread as its sync thread, but the coroutine itself on another thread, where ${local} is another thread's (applied with --unsafe-fixes; assumes the coroutine does not depend on which thread's ${local.split(" ")[0]} it sees)`
    : "asyncio.run() in sync code: async_to_sync runs the coroutine with this thread as its sync thread";
  return {
    ...diagnosticAt(meta, call, "AS101", message, suggestionFor(inner, a2s.name)),
    fix: {
      applicability: local ? "unsafe" : "safe",
      edits: [
        { start: call.startIndex, end: callee.startIndex, text: `${a2s.name}(` },
        { start: callee.endIndex, end: callee.endIndex, text: ")" },
        { start: innerArgs.endIndex, end: call.endIndex, text: "" },
        ...movedLineEdits(file.source, call, inner),
      ],
      dropped: [site.reference],
      replaces: [{ qualified: "asyncio.run", local: calleeOf(call), by: a2s.name }],
      ...(a2s.imported ? {} : { imports: [{ module: ASGIREF, name: ASYNC_TO_SYNC, at: call }] }),
    },
  };
}

/** The callee of a call as written, spaces and line breaks removed: `aio.run`. */
function calleeOf(call: SyntaxNode): string {
  return call.childForFieldName("function")!.text.replace(/\s+/g, "");
}

type Refusal = [code: "AS102" | "AS103" | "AS104" | "AS106", message: string, inner?: SyntaxNode];

/** Why `asyncio.run(...)` cannot be rewritten whatever the context, if it cannot. */
function refusalOf(file: FileSemantics, call: SyntaxNode): Refusal | undefined {
  const fn = file.enclosingFunction(call);
  const args = callArguments(call);
  const inner = args[0];
  if (!fn)
    return [
      "AS106",
      'asyncio.run() at module level runs at import time: move it under `if __name__ == "__main__":` or into a function',
    ];
  const awaitable = awaitableHere(file, call, fn);
  if (awaitable) return awaitable;
  // Inside async def, `asyncio.run(coro)` of a coroutine held in a name (or of a future) is the
  // same RuntimeError as of a call, and `await coro` the same fix (hazard-review-6 V16, gpt4free).
  if (file.inAsyncContext(call) && args.length === 1 && AWAITABLE_AS_IS.has(inner.type))
    return undefined;
  if (file.inAsyncContext(call) && args.length === 1)
    return [
      "AS102",
      `asyncio.run() inside async def raises RuntimeError (an event loop is already running): await the value instead, in parentheses: await (${inner.text})`,
    ];
  if (args.length === 0 || inner.type !== "call")
    return [
      "AS103",
      "asyncio.run() of a value that is not a call: cannot rewrite to async_to_sync(f)(args); pass the async function and its arguments to async_to_sync by hand",
    ];
  const futureMaker = asyncioFutureMaker(file, inner);
  if (futureMaker)
    return [
      "AS103",
      `${futureMaker}() returns a future, not a coroutine: async_to_sync(${futureMaker}) would warn that it was passed a non-async callable; wrap the call in an async def and pass that to async_to_sync`,
    ];
  if (args.length > 1)
    return [
      "AS104",
      `asyncio.run() with extra arguments (${args
        .slice(1)
        .map((a) => a.text)
        .join(", ")}): async_to_sync has no equivalent; drop them and rewrite by hand`,
      inner,
    ];
  return undefined;
}

/** What `await <x>` takes as it is, with no parentheses: a name, an attribute, an item, a call. */
const AWAITABLE_AS_IS = new Set(["identifier", "attribute", "subscript", "call"]);

/**
 * Inside async def, where `await` cannot stand in for `asyncio.run(...)`: in a lambda (a syntax
 * error) or a generator expression (it would make an async generator the consumer cannot iterate).
 */
function awaitableHere(file: FileSemantics, call: SyntaxNode, fn: SyntaxNode): Refusal | undefined {
  if (!file.inAsyncContext(call)) return undefined;
  const noAwaitHere =
    fn.type === "lambda"
      ? "a lambda"
      : insideGeneratorExpression(call, fn)
        ? "a generator expression"
        : undefined;
  return noAwaitHere
    ? [
        "AS102",
        `asyncio.run() inside async def raises RuntimeError (an event loop is already running); \`await\` cannot replace it inside ${noAwaitHere}: restructure by hand`,
      ]
    : undefined;
}

/** `asyncio.run(f(x))` inside `async def` -> `await f(x)`: unsafe (the caller may rely on a new loop). */
function awaitFinding(site: Site, inner: SyntaxNode): Finding {
  const { call } = site;
  const parenthesised = needsParenthesesForAwait(call);
  const awaited = parenthesised ? `(await ${inner.text})` : `await ${inner.text}`;
  const hazard = rewriteHazard(call, inner, true);
  if (hazard)
    return diagnosticAt(
      meta,
      call,
      "AS102",
      `asyncio.run() inside async def raises RuntimeError (an event loop is already running): await the coroutine instead; not rewritten: ${hazard}`,
      awaited,
    );
  const [open, close] = parenthesised ? ["(await ", ")"] : ["await ", ""];
  return {
    ...diagnosticAt(
      meta,
      call,
      "AS102",
      "asyncio.run() inside async def raises RuntimeError (an event loop is already running): await the coroutine instead (applied with --unsafe-fixes; assumes no caller relies on the call blocking until the coroutine is done, as one running this function in a thread would)",
      awaited,
    ),
    fix: {
      applicability: "unsafe",
      edits: [
        { start: call.startIndex, end: inner.startIndex, text: open },
        { start: inner.endIndex, end: call.endIndex, text: close },
        ...movedLineEdits(call.tree.source, call, inner),
      ],
      dropped: [site.reference],
    },
  };
}

function usesDjango(ctx: Context): boolean {
  return ctx.options.django || ctx.project.usesDjango;
}

/** Names that run a callable in asgiref's thread-sensitive executor. */
const THREAD_WRAPPERS = new Set(["sync_to_async", "database_sync_to_async"]);

/**
 * Does the coroutine `inner` calls reach sync_to_async work, following the project's calls in
 * the index (a few levels, by function name)? That is where asyncio.run loses the caller's thread.
 */
function reachesSyncToAsync(inner: SyntaxNode, ctx: Context): boolean {
  const index = ctx.project.index;
  const callee = inner.childForFieldName("function")?.text.replace(/\s+/g, "");
  if (!index || !callee) return false;
  const seen = new Set<string>();
  let names = [callee.split(".").at(-1)!];
  for (let depth = 0; depth < 6 && names.length > 0; depth++) {
    const next: string[] = [];
    for (const name of names) {
      if (seen.has(name)) continue;
      seen.add(name);
      for (const fn of index.functions.filter((f) => f.name === name)) {
        if (fn.decorators.some((d) => THREAD_WRAPPERS.has(d.split(".").at(-1)!))) return true;
        const within = fn.className ? `${fn.className}.${fn.name}` : fn.name;
        for (const call of index.calls)
          if (call.path === fn.path && call.within === within)
            next.push(call.callee.split(".").at(-1)!);
      }
    }
    if (next.some((n) => THREAD_WRAPPERS.has(n))) return true;
    names = next;
  }
  return false;
}

/** Files that are a process's start whatever they call (Django's, Alembic's). */
const ENTRY_FILES: [RegExp, string][] = [
  [/(^|\/)manage\.py$/, "manage.py, a process's entry point"],
  [/(^|\/)alembic\/env\.py$/, "Alembic's env.py, run as its own process"],
];
/** Files whose module level runs once as a server process starts. */
const SERVER_ENTRY_FILES = /(^|\/)[aw]sgi\.py$/;

/**
 * Why the call runs in a process's entry point, if it does: an entry-point file, a console script
 * the project declares, or a function the module itself calls under `if __name__ == "__main__":`.
 */
function entryPointOf(file: FileSemantics, call: SyntaxNode, ctx: Context): string | undefined {
  for (const [pattern, why] of ENTRY_FILES) if (pattern.test(file.path)) return why;
  const def = outermostDef(call);
  if (!def)
    return SERVER_ENTRY_FILES.test(file.path)
      ? "the module level of a server's entry file"
      : undefined;
  const name = def.childForFieldName("name")?.text;
  if (!name || file.enclosingClass(def)) return undefined;
  if (file.module && ctx.project.entryPoints?.includes(functionKey(dottedName(file.module), name)))
    return `${name}(), a console script the project declares`;
  // A decorated function (a Celery task, a signal receiver) also runs inside the framework.
  const decorated = def.parent?.type === "decorated_definition";
  return !decorated && calledUnderMainGuard(file, name)
    ? `${name}(), which the module runs as a script`
    : undefined;
}

function outermostDef(node: SyntaxNode): SyntaxNode | undefined {
  let found: SyntaxNode | undefined;
  for (let n = node.parent; n; n = n.parent) if (n.type === "function_definition") found = n;
  return found;
}

/** Does the module call `name(...)` under `if __name__ == "__main__":`? */
function calledUnderMainGuard(file: FileSemantics, name: string): boolean {
  return file.tree
    .memoized(
      `mainGuardCalls`,
      () =>
        new Set(
          file.root
            .descendantsOfType("call")
            .filter((c) => isUnderMainGuard(c))
            .map((c) => c.childForFieldName("function"))
            .flatMap((f) => (f?.type === "identifier" ? [f.text] : [])),
        ),
    )
    .has(name);
}

/** Where a site runs, for `asyncshift report`: that decides whether it is the bug. */
function siteContext(
  file: FileSemantics,
  call: SyntaxNode,
): "entry-point" | "module" | "async" | "sync" {
  if (isUnderMainGuard(call)) return "entry-point";
  if (!file.enclosingFunction(call)) return "module";
  return file.inAsyncContext(call) ? "async" : "sync";
}

/** Thread-local state the coroutines reach in other files (thread-state.ts). */
export const survey = threadStateSurvey;
