import {
  allImportStatements,
  importBindingOf,
  importBindings,
  importEditsToAdd,
  importEditsToRemove,
  isImportStillUsed,
  lineEnding,
  namesImportedAs,
  qualifiedName,
  type ImportBinding,
} from "../../src/python/imports.js";
import {
  enclosingDef,
  enclosingFunction,
  isAsyncFunction,
  isUnderMainGuard,
  needsParenthesesForAwait,
} from "../../src/python/scope.js";
import { callArguments, chainRoot } from "../../src/python/calls.js";
import { movedLineEdits } from "./reindent.js";
import { diagnosticAt } from "../../src/model/diagnostic.js";
import type {
  Context,
  Diagnostic,
  Edit,
  ParsedFile,
  SyntaxNode,
  TransformMeta,
  TransformResult,
  TransformSite,
} from "../../src/model/types.js";

export const meta: TransformMeta = {
  id: "asyncio-run",
  summary: "asyncio.run(f(x)) in sync code -> async_to_sync(f)(x)",
  needsDjango: true,
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
  codes: {
    AS101: {
      severity: "warning",
      title: "asyncio.run() called from sync code",
      explanation:
        "asyncio.run() starts a new event loop with no async_to_sync above it. Inside a Django or " +
        "Celery process, code wrapped in sync_to_async(thread_sensitive=True) then runs in one " +
        "shared global thread instead of the caller's: database connections opened there are not " +
        "the request's or task's, an outer transaction.atomic() does not apply, Django's " +
        "connection clean-up never sees them, and writes can silently go missing. asgiref's " +
        "async_to_sync() runs the coroutine with the caller's thread as the sync thread. The fix " +
        "is safe and applied automatically; the argument list is kept byte for byte.",
      before: "@shared_task\ndef sync_batch(batch_id):\n    asyncio.run(sync_remote(batch_id))",
      after: "@shared_task\ndef sync_batch(batch_id):\n    async_to_sync(sync_remote)(batch_id)",
    },
    AS102: {
      severity: "error",
      title: "asyncio.run() inside async def",
      explanation:
        "asyncio.run() cannot be called while an event loop is running in the same thread: it " +
        "raises RuntimeError. Inside async def, await the coroutine instead. The rewrite to " +
        "`await f(x)` is applied only with --unsafe-fixes, because the function's callers may rely " +
        "on the call blocking (for example when it is handed to a thread).",
      before: "async def handler():\n    asyncio.run(notify(user))",
      after: "async def handler():\n    await notify(user)",
    },
    AS103: {
      severity: "warning",
      title: "asyncio.run() of something other than a call",
      explanation:
        "asyncio.run(coro) with a coroutine object made elsewhere cannot be rewritten to " +
        "async_to_sync(f)(args): the function and its arguments are not visible at the site. The " +
        "same goes for asyncio.gather(...) and other calls that return a future, not a coroutine: " +
        "async_to_sync expects an async function. " +
        "Rewrite it by hand: pass the async function and its arguments to async_to_sync.",
      before: "coro = fetch(url)\nasyncio.run(coro)",
      after: "async_to_sync(fetch)(url)",
    },
    AS104: {
      severity: "warning",
      title: "asyncio.run() with extra arguments",
      explanation:
        "asyncio.run(..., debug=True) or loop_factory= configure the new event loop; " +
        "async_to_sync has no equivalent, so the call is left for you to decide. Drop the extra " +
        "arguments and use async_to_sync(f)(args) when they were not essential.",
      before: "asyncio.run(fetch(url), debug=True)",
      after: "async_to_sync(fetch)(url)",
    },
    AS105: {
      severity: "warning",
      title: "run_until_complete() in sync code",
      explanation:
        "loop.run_until_complete() and asyncio.get_event_loop().run_until_complete() drive an " +
        "event loop from sync code with no async_to_sync above it: the same thread-handling bug " +
        "as asyncio.run (AS101). The loop object may be shared or configured, so the call is " +
        "reported, not rewritten: replace it with async_to_sync(f)(args).",
      before: "loop = asyncio.get_event_loop()\nloop.run_until_complete(fetch(url))",
      after: "async_to_sync(fetch)(url)",
    },
    AS106: {
      severity: "info",
      title: "asyncio.run() at module level",
      explanation:
        "asyncio.run() at module level runs when the module is imported. In a script that is " +
        "correct; in a module Django or Celery imports, it blocks start-up and runs outside any " +
        'request or task. Move it under `if __name__ == "__main__":` or into a function. Not ' +
        "rewritten.",
      before: "asyncio.run(main())",
      after: 'if __name__ == "__main__":\n    asyncio.run(main())',
    },
    AS107: {
      severity: "warning",
      title: "asyncio.run() that cannot be rewritten without losing text",
      explanation:
        "The call has comments between `asyncio.run(` and the coroutine call, a line break between " +
        "the coroutine function and its argument list (which would end the statement once the " +
        "outer parentheses are gone), or the name " +
        "async_to_sync already means something else in this file; a rewrite would drop the " +
        "comments or call the wrong function. Apply the suggested rewrite by hand.",
      before: "asyncio.run(  # refresh\n    refresh(repo)\n)",
      after: "# refresh\nasync_to_sync(refresh)(repo)",
    },
  },
};

const ASGIREF = "asgiref.sync";
const ASYNC_TO_SYNC = "async_to_sync";

interface Site {
  /** The `asyncio.run(...)` call. */
  call: SyntaxNode;
  /** The name through which asyncio's run was reached (`asyncio`, `aio`, `run`, `r`). */
  binding: ImportBinding;
  /** The identifier of that name in the callee. */
  reference: SyntaxNode;
}

function asyncioRunSites(root: SyntaxNode): Site[] {
  const sites: Site[] = [];
  for (const call of root.descendantsOfType("call")) {
    const callee = call.childForFieldName("function");
    if (!callee || (callee.type !== "identifier" && callee.type !== "attribute")) continue;
    // A cheap look at the names first: `<asyncio>.run`, or a name imported as asyncio.run.
    if (!mayBeAsyncioRun(root, callee)) continue;
    if (qualifiedName(callee) !== "asyncio.run") continue;
    const reference = callee.type === "identifier" ? callee : chainRoot(callee);
    const binding = reference && importBindingOf(reference.text, reference);
    if (binding && reference) sites.push({ call, binding, reference });
  }
  return sites;
}

/** Could `callee` be asyncio.run, judging by names alone (no scope walked)? */
function mayBeAsyncioRun(root: SyntaxNode, callee: SyntaxNode): boolean {
  if (callee.type === "identifier") return namesImportedAs(root, "asyncio.run").has(callee.text);
  if (callee.childForFieldName("attribute")?.text !== "run") return false;
  const object = callee.childForFieldName("object");
  return object?.type === "identifier" && namesImportedAs(root, "asyncio").has(object.text);
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
function asyncioFutureMaker(inner: SyntaxNode): string | undefined {
  const callee = inner.childForFieldName("function");
  if (!callee || (callee.type !== "identifier" && callee.type !== "attribute")) return undefined;
  const qualified = qualifiedName(callee);
  return qualified && ASYNCIO_FUTURE_MAKERS.has(qualified) ? callee.text : undefined;
}

function insideGeneratorExpression(node: SyntaxNode, fn: SyntaxNode): boolean {
  for (let n = node.parent; n && n.id !== fn.id; n = n.parent)
    if (n.type === "generator_expression") return true;
  return false;
}

function suggestionFor(inner: SyntaxNode, name: string): string {
  const callee = inner.childForFieldName("function")!;
  const args = inner.childForFieldName("arguments")!;
  return `${name}(${callee.text})${args.text}`;
}

/** The name `async_to_sync` is reachable by at module level, or undefined when it means something else. */
function asyncToSyncName(root: SyntaxNode): { name: string; imported: boolean } | undefined {
  const imports = allImportStatements(root).flatMap(importBindings);
  const moduleLevel = imports.find(
    (b) => b.scope.type === "module" && b.qualified === `${ASGIREF}.${ASYNC_TO_SYNC}`,
  );
  if (moduleLevel) return { name: moduleLevel.local, imported: true };
  // The bare name must not already stand for something else anywhere in the file.
  const otherImport = imports.some(
    (b) => b.local === ASYNC_TO_SYNC && b.qualified !== `${ASGIREF}.${ASYNC_TO_SYNC}`,
  );
  const otherBinding =
    root.text.includes(ASYNC_TO_SYNC) &&
    root.descendantsOfType("identifier").some((id) => {
      if (id.text !== ASYNC_TO_SYNC) return false;
      const parent = id.parent;
      if (parent?.type === "function_definition" || parent?.type === "class_definition")
        return parent.childForFieldName("name")?.id === id.id;
      return parent?.type === "assignment" && parent.childForFieldName("left")?.id === id.id;
    });
  return otherImport || otherBinding ? undefined : { name: ASYNC_TO_SYNC, imported: false };
}

export function transform(file: ParsedFile, ctx: Context): TransformResult {
  const root = file.tree.rootNode;
  const edits: Edit[] = [];
  const diagnostics: Diagnostic[] = [];
  const sites: TransformSite[] = [];
  const report = (
    node: SyntaxNode,
    code: keyof typeof meta.codes & string,
    message: string,
    suggestion?: string,
  ) => diagnostics.push(diagnosticAt(meta, node, code, message, suggestion));

  const a2s = asyncToSyncName(root);
  /** Sites rewritten, by the def that holds them (module level: the root). */
  const rewritten: Site[] = [];
  let needsAsyncToSync = false;
  const rewrittenDefs = new Set<number>();

  for (const site of asyncioRunSites(root)) {
    const { call } = site;
    sites.push({ kind: "asyncio.run", context: siteContext(call), start: call.startIndex });
    if (isUnderMainGuard(call)) continue;
    const fn = enclosingFunction(call);
    const def = enclosingDef(call);
    const args = callArguments(call);
    const inner = args[0];
    const innerIsCall = args.length >= 1 && inner.type === "call";
    const asyncContext = def !== undefined && isAsyncFunction(def);

    if (!fn) {
      report(
        call,
        "AS106",
        'asyncio.run() at module level runs at import time: move it under `if __name__ == "__main__":` or into a function',
      );
      continue;
    }
    if (!innerIsCall) {
      report(
        call,
        "AS103",
        "asyncio.run() of a value that is not a call: cannot rewrite to async_to_sync(f)(args); pass the async function and its arguments to async_to_sync by hand",
      );
      continue;
    }
    const futureMaker = asyncioFutureMaker(inner);
    if (futureMaker) {
      report(
        call,
        "AS103",
        `${futureMaker}() returns a future, not a coroutine: async_to_sync(${futureMaker}) would warn that it was passed a non-async callable; wrap the call in an async def and pass that to async_to_sync`,
      );
      continue;
    }
    if (args.length > 1) {
      report(
        call,
        "AS104",
        `asyncio.run() with extra arguments (${args
          .slice(1)
          .map((a) => a.text)
          .join(", ")}): async_to_sync has no equivalent; drop them and rewrite by hand`,
        suggestionFor(inner, a2s?.name ?? ASYNC_TO_SYNC),
      );
      continue;
    }
    if (asyncContext) {
      const awaited = needsParenthesesForAwait(call)
        ? `(await ${inner.text})`
        : `await ${inner.text}`;
      // In a lambda, `await` is a syntax error; in a generator expression it makes an async
      // generator the consumer (`sum(...)`, `list(...)`) cannot iterate.
      const noAwaitHere =
        fn.type === "lambda"
          ? "a lambda"
          : insideGeneratorExpression(call, fn)
            ? "a generator expression"
            : undefined;
      if (noAwaitHere) {
        report(
          call,
          "AS102",
          `asyncio.run() inside async def raises RuntimeError (an event loop is already running); \`await\` cannot replace it inside ${noAwaitHere}: restructure by hand`,
        );
        continue;
      }
      if (!ctx.options.unsafeFixes) {
        report(
          call,
          "AS102",
          "asyncio.run() inside async def raises RuntimeError (an event loop is already running): await the coroutine instead (applied with --unsafe-fixes)",
          awaited,
        );
        continue;
      }
      const hazard = rewriteHazard(call, inner, true);
      if (hazard) {
        report(call, "AS107", hazard, awaited);
        continue;
      }
      const [open, close] = needsParenthesesForAwait(call) ? ["(await ", ")"] : ["await ", ""];
      edits.push({ start: call.startIndex, end: inner.startIndex, text: open });
      edits.push({ start: inner.endIndex, end: call.endIndex, text: close });
      edits.push(...movedLineEdits(file.source, call, inner));
      rewritten.push(site);
      continue;
    }
    if (!a2s) {
      report(
        call,
        "AS107",
        "the name async_to_sync already means something else in this file: rewrite by hand",
        suggestionFor(inner, "asgiref.sync.async_to_sync"),
      );
      continue;
    }
    const hazard = rewriteHazard(call, inner, false);
    if (hazard) {
      report(call, "AS107", hazard, suggestionFor(inner, a2s.name));
      continue;
    }
    const callee = inner.childForFieldName("function")!;
    const innerArgs = inner.childForFieldName("arguments")!;
    edits.push({ start: call.startIndex, end: callee.startIndex, text: `${a2s.name}(` });
    edits.push({ start: callee.endIndex, end: callee.endIndex, text: ")" });
    edits.push({ start: innerArgs.endIndex, end: call.endIndex, text: "" });
    edits.push(...movedLineEdits(file.source, call, inner));
    rewritten.push(site);
    needsAsyncToSync = true;
    if (def) rewrittenDefs.add(def.id);
  }

  for (const call of root.descendantsOfType("call")) {
    const callee = call.childForFieldName("function");
    if (
      callee?.type !== "attribute" ||
      callee.childForFieldName("attribute")?.text !== "run_until_complete"
    )
      continue;
    sites.push({ kind: "run_until_complete", context: siteContext(call), start: call.startIndex });
    const def = enclosingDef(call);
    if (!def || isAsyncFunction(def) || isUnderMainGuard(call)) continue;
    const inner = callArguments(call)[0];
    report(
      call,
      "AS105",
      "run_until_complete() in sync code drives an event loop with no async_to_sync above it (same bug as asyncio.run): use async_to_sync",
      inner?.type === "call" ? suggestionFor(inner, a2s?.name ?? ASYNC_TO_SYNC) : undefined,
    );
  }

  if (rewritten.length === 0) return { edits, diagnostics, sites };
  edits.push(...importEdits(file, rewritten, rewrittenDefs, needsAsyncToSync && !a2s?.imported));
  return { edits, diagnostics, sites };
}

/** Where a site runs, for `asyncshift report`: that decides whether it is the bug. */
function siteContext(call: SyntaxNode): "entry-point" | "module" | "async" | "sync" {
  if (isUnderMainGuard(call)) return "entry-point";
  if (!enclosingFunction(call)) return "module";
  const def = enclosingDef(call);
  return def !== undefined && isAsyncFunction(def) ? "async" : "sync";
}

/**
 * Imports after the rewrites: asyncio bindings nothing uses any more are removed; a local
 * `import asyncio` inside a rewritten function becomes a local `from asgiref.sync import
 * async_to_sync`; otherwise one module-level import is added.
 */
function importEdits(
  file: ParsedFile,
  rewritten: Site[],
  rewrittenDefs: Set<number>,
  needsModuleImport: boolean,
): Edit[] {
  const edits: Edit[] = [];
  const goneReferences = new Set(rewritten.map((s) => s.reference.id));
  const bindings = new Map<number, ImportBinding>();
  for (const site of rewritten) bindings.set(site.binding.item.id, site.binding);

  const eol = lineEnding(file.source);
  const coveredLocally = new Set<number>();
  /** Module-level statements removed whole: the new import may take the place of one. */
  const removedStatements: { statement: SyntaxNode; edits: Edit[] }[] = [];
  for (const binding of bindings.values()) {
    if (isImportStillUsed(binding, (ref) => goneReferences.has(ref.id))) continue;
    const scope = binding.scope;
    // When the module already imports async_to_sync, the local import simply goes.
    const isLocalToRewrittenDef =
      needsModuleImport && scope.type === "function_definition" && rewrittenDefs.has(scope.id);
    if (isLocalToRewrittenDef) {
      const statement = binding.statement;
      const replacement = `from ${ASGIREF} import ${ASYNC_TO_SYNC}`;
      if (statement.childrenForFieldName("name").length === 1) {
        edits.push({ start: statement.startIndex, end: statement.endIndex, text: replacement });
      } else {
        edits.push(...importEditsToRemove(file.source, binding));
        const indent = " ".repeat(statement.startPosition.column);
        edits.push({
          start: statement.endIndex,
          end: statement.endIndex,
          text: `${eol}${indent}${replacement}`,
        });
      }
      coveredLocally.add(scope.id);
      continue;
    }
    const removal = importEditsToRemove(file.source, binding);
    if (scope.type === "module" && binding.statement.childrenForFieldName("name").length === 1)
      removedStatements.push({ statement: binding.statement, edits: removal });
    edits.push(...removal);
  }

  const needsTopLevel =
    needsModuleImport &&
    rewritten.some((site) => {
      const def = enclosingDef(site.call);
      return !def || !coveredLocally.has(def.id);
    });
  if (!needsTopLevel) return edits;
  const additions = importEditsToAdd(file.tree.rootNode, ASGIREF, ASYNC_TO_SYNC);
  // The new line would go inside the lines of an asyncio import that is going away,
  // as when `import asyncio` is the only standard-library import: the new import replaces it.
  const displaced = removedStatements.find(({ edits: removal }) =>
    additions.some((a) => removal.some((r) => r.start < a.start && a.start < r.end)),
  );
  if (!displaced) return [...edits, ...additions];
  const { statement, edits: removal } = displaced;
  return [
    ...edits.filter((e) => !removal.includes(e)),
    {
      start: statement.startIndex,
      end: statement.endIndex,
      text: `from ${ASGIREF} import ${ASYNC_TO_SYNC}`,
    },
  ];
}
