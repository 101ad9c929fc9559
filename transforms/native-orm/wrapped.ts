import { ASYNC_FUNCTIONS } from "../../src/django/orm.js";
import { callArguments } from "../../src/python/calls.js";
import type { SyntaxNode } from "../../src/model/types.js";
import { functionConversion, listConversion, methodConversion } from "./conversions.js";
import { looksLikeQueryset } from "./proofs.js";
import { scan } from "./scan.js";
import type { Conversion, OrmFile, Problem } from "./state.js";

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
  // c. sync_to_async(list)(qs)
  if (target.type === "identifier" && target.text === "list" && f.file.isBuiltin("list", target)) {
    const args = callArguments(outer);
    if (args.length !== 1 || outerArgs.type !== "argument_list") return undefined;
    if (!awaitNode) return notAwaited(f, outer, args[0]);
    return listConversion(f, awaitNode, args[0], outer);
  }
  // sync_to_async(get_object_or_404)(...), sync_to_async(auth.login)(...)
  const qualified =
    target.type === "identifier" || target.type === "attribute"
      ? f.file.qualifiedName(target)
      : undefined;
  const fn = ASYNC_FUNCTIONS.find((candidate) => candidate.qualified === qualified);
  if (fn) return unwrapped(outer, wrap, target, functionConversion(f, outer, target, fn));
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
  return {
    ...conversion,
    edits: [
      { start: outer.startIndex, end: target.startIndex, text: "" },
      ...conversion.edits,
      { start: target.endIndex, end: wrap.endIndex, text: "" },
    ],
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
  const findings = scan(f, body, "wrapper");
  if (findings.ormSites === 0) return undefined;
  const blocker = findings.problems[0];
  if (blocker) return blocker;
  if (findings.conversions.length > 1 || findings.conversions[0].node.id !== body.id) {
    return {
      code: "AS208",
      node: outer,
      message:
        "the lambda holds more than one ORM call or uses its result: rewrite by hand with one awaited native call per query",
    };
  }
  const inner = findings.conversions[0];
  if (!inner.awaited) {
    // list(qs) inside the lambda: the comprehension replaces the whole `await ...`.
    if (!awaitNode) return notAwaited(f, outer, body);
    const qsNode = callArguments(body)[0];
    return listConversion(f, awaitNode, qsNode, outer);
  }
  return {
    ...inner,
    node: outer,
    edits: [
      { start: outer.startIndex, end: body.startIndex, text: "" },
      ...inner.edits,
      { start: body.endIndex, end: outer.endIndex, text: "" },
    ],
  };
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
