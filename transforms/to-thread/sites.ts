import { callArguments } from "../../src/python/calls.js";
import { callsByLastName, localNamesOf } from "../../src/python/lookup.js";
import type { FileSemantics, SyntaxNode } from "../../src/model/types.js";

/** A thread wrapper call: `asyncio.to_thread(fn, ...)` or `loop.run_in_executor(None, fn, ...)`. */
export interface Site {
  kind: "to_thread" | "executor";
  call: SyntaxNode;
  /** `await <call>`, when the call is awaited on the spot. */
  awaited?: SyntaxNode;
  /** Arguments of the wrapper, comments left out. */
  args: SyntaxNode[];
  /** Index of the function argument: 0 for to_thread, 1 for run_in_executor. */
  fnIndex: number;
  /** Identifiers the rewrite removes, for finding imports left unused. */
  gone: SyntaxNode[];
}

/** The call a site runs in its thread: `fn(rest)`, `partial(fn, a)(rest)` or `(lambda: fn(a))()`. */
export interface Target {
  shape: "direct" | "partial" | "lambda";
  /** The function called. */
  fn: SyntaxNode;
  /** The partial(...) call or the lambda's body call. */
  inner?: SyntaxNode;
}

export type Problem = { problem: string };

/** A call's arguments; none for a bare generator argument, which no thread wrapper takes. */
export function argumentsOf(call: SyntaxNode): SyntaxNode[] {
  return call.childForFieldName("arguments")?.type === "argument_list" ? callArguments(call) : [];
}

/**
 * What a site hands the callable it names: the argument after it (`to_thread(next, it)`,
 * `to_thread(list, rows())`), else the inner call's first (`lambda: next(it)`).
 */
export function argumentAfterTarget(target: Target, call: SyntaxNode): SyntaxNode | undefined {
  const args = argumentsOf(target.inner ?? call);
  const at = args.findIndex((a) => a.id === target.fn.id);
  return at >= 0 ? args[at + 1] : args[0];
}

export function commentsOf(call: SyntaxNode): SyntaxNode[] {
  return (
    call.childForFieldName("arguments")?.namedChildren.filter((c) => c.type === "comment") ?? []
  );
}

export function leftmostIdentifier(expr: SyntaxNode): SyntaxNode | undefined {
  let n: SyntaxNode | null = expr;
  while (n?.type === "attribute" || n?.type === "call") {
    n = n.type === "attribute" ? n.childForFieldName("object") : n.childForFieldName("function");
  }
  return n?.type === "identifier" ? n : undefined;
}

export function isPositional(arg: SyntaxNode): boolean {
  return arg.type !== "keyword_argument" && arg.type !== "dictionary_splat";
}

/** Expressions that can be called without parentheses around them. */
export function isPrimary(expr: SyntaxNode): boolean {
  return ["identifier", "attribute", "call", "subscript", "parenthesized_expression"].includes(
    expr.type,
  );
}

const LOOP_GETTERS = new Set(["asyncio.get_running_loop", "asyncio.get_event_loop"]);

/** Python's thread wrapper; run_in_executor is a method of any loop, found by its name. */
const WRAPPERS: ReadonlySet<string> = new Set(["asyncio.to_thread"]);

/**
 * Before the parse: a site calls run_in_executor, or asyncio.to_thread, which spells its module
 * (in its import) and its name (in the call, or in the import that aliases it).
 */
export function mayHoldSite(source: string): boolean {
  return (
    source.includes("run_in_executor") ||
    (/\basyncio\b/.test(source) && /\bto_thread\b/.test(source))
  );
}

/** Calls that may be thread wrappers (by their last name), in tree order. */
export function wrapperCalls(root: SyntaxNode, source: string): SyntaxNode[] {
  return callsByLastName(root, source, localNamesOf(root, WRAPPERS).add("run_in_executor"));
}

export function threadSites(file: FileSemantics, calls: SyntaxNode[]): Site[] {
  const sites: Site[] = [];
  for (const call of calls) {
    const callee = call.childForFieldName("function");
    if (!callee) continue;
    const awaited = call.parent?.type === "await" ? call.parent : undefined;
    const args = argumentsOf(call);
    if (file.qualifiedName(callee) === "asyncio.to_thread") {
      sites.push({
        kind: "to_thread",
        call,
        awaited,
        args,
        fnIndex: 0,
        gone: [leftmostIdentifier(callee)!],
      });
      continue;
    }
    if (
      callee.type === "attribute" &&
      callee.childForFieldName("attribute")?.text === "run_in_executor"
    ) {
      const object = callee.childForFieldName("object")!;
      // A loop reached through a call other than asyncio's loop getters: dropping the call could
      // drop its effects.
      const getter =
        object.type === "call"
          ? file.qualifiedName(object.childForFieldName("function")!)
          : undefined;
      if (object.type === "call" && !LOOP_GETTERS.has(getter ?? "")) continue;
      // `loop.run_in_executor`: the loop variable's read goes too (its binding may go with it).
      const gone =
        object.type === "call"
          ? [leftmostIdentifier(object)].filter((n) => n !== undefined)
          : object.type === "identifier"
            ? [object]
            : [];
      sites.push({ kind: "executor", call, awaited, args, fnIndex: 1, gone });
    }
  }
  return sites;
}

/** The call a site runs, or undefined when the function argument is not a plain expression. */
export function targetOf(file: FileSemantics, site: Site): Target | Problem | undefined {
  const fnArg = site.args[site.fnIndex];
  if (!fnArg) return undefined;
  if (!isPositional(fnArg) || fnArg.type === "list_splat")
    return { problem: "an unpacked function argument" };
  if (fnArg.type === "call") {
    const callee = fnArg.childForFieldName("function");
    if (callee && file.qualifiedName(callee) === "functools.partial") {
      const first = argumentsOf(fnArg)[0];
      if (!first || !isPositional(first) || first.type === "list_splat")
        return { problem: "functools.partial without a plain function argument" };
      return { shape: "partial", fn: first, inner: fnArg };
    }
  }
  if (fnArg.type === "lambda") {
    const body = fnArg.childForFieldName("body");
    if (
      fnArg.childForFieldName("parameters") ||
      body?.type !== "call" ||
      site.args.length > site.fnIndex + 1
    )
      return { problem: "a lambda with parameters or whose body is not one call" };
    return { shape: "lambda", fn: body.childForFieldName("function")!, inner: body };
  }
  return { shape: "direct", fn: fnArg };
}
