import type { Context, FileSemantics, SyntaxNode } from "../../src/model/types.js";
import { valueParameter } from "./passed.js";

/**
 * Where a coroutine object is consumed as a value: a truth test (`if coro()`, `not coro()`, the
 * left side of `and`/`or`, `assert`, a `while` or a comprehension's `if`), a comparison, an
 * attribute or item read, a `for` loop, an f-string, or a builtin that reads its argument
 * (`bool`, `len`, `str`, ...). A coroutine object is always truthy and never equal to a result,
 * so a permission check written `if not has_access(user):` never runs and never refuses.
 */
export interface ValueUse {
  /** What the site does with the coroutine, for the message: "tested by `if not`". */
  how: string;
  /** The truth of the test never depends on the coroutine: the branch is decided in advance. */
  tested: boolean;
  /** `await` must be parenthesised: the call is the object of an attribute, item or call. */
  parenthesise: boolean;
}

/** Builtins that read their argument's value; a coroutine object gives them nonsense. */
const READING_BUILTINS = new Set([
  "bool",
  "str",
  "int",
  "float",
  "len",
  "list",
  "tuple",
  "set",
  "dict",
  "sorted",
  "sum",
  "any",
  "all",
  "min",
  "max",
  "repr",
  "print",
]);

/**
 * The coroutine object's own protocol: `return self._run().__await__()` in an `__await__` is how a
 * class becomes awaitable (hazard-review-5 J8, cognee), and `send`/`throw`/`close` drive or drop
 * a coroutine on purpose. Reading these is using the coroutine, not mistaking it for a result.
 */
const COROUTINE_PROTOCOL = new Set([
  "__await__",
  "send",
  "throw",
  "close",
  "cr_await",
  "cr_code",
  "cr_frame",
  "cr_running",
  "cr_suspended",
]);

/** The node's parent, skipping parentheses around it. */
function outer(node: SyntaxNode): { parent: SyntaxNode | null; node: SyntaxNode } {
  let n = node;
  while (n.parent?.type === "parenthesized_expression") n = n.parent;
  return { parent: n.parent, node: n };
}

/** Is `node`'s truth value read: a condition, `not`, an `and`/`or` operand read as a test? */
function testOf(node: SyntaxNode): string | undefined {
  const { parent, node: at } = outer(node);
  if (!parent) return undefined;
  const field = (name: string) => parent.childForFieldName(name)?.id === at.id;
  switch (parent.type) {
    case "if_statement":
    case "elif_clause":
      return field("condition") ? (parent.type === "if_statement" ? "if" : "elif") : undefined;
    case "while_statement":
      return field("condition") ? "while" : undefined;
    case "conditional_expression":
      // `a if cond else b`: the condition is the middle operand.
      return parent.namedChildren[1]?.id === at.id ? "a conditional expression" : undefined;
    case "not_operator": {
      const whole = testOf(parent);
      return whole ? `${whole} not` : "not";
    }
    case "assert_statement":
      return parent.namedChildren[0]?.id === at.id ? "assert" : undefined;
    case "if_clause":
      return "a comprehension's if";
    case "boolean_operator": {
      const op = parent.childForFieldName("operator")?.text ?? "and";
      // The left operand is always tested; the right one only when the whole is.
      if (field("left")) return op;
      const whole = testOf(parent);
      return whole ? `${op} (in ${whole})` : undefined;
    }
    default:
      return undefined;
  }
}

/** How the value of `call`, a coroutine object, is consumed right where it is made, if it is. */
export function valueUse(
  file: FileSemantics,
  call: SyntaxNode,
  ctx?: Context,
): ValueUse | undefined {
  const test = testOf(call);
  if (test) return { how: `tested by \`${test}\``, tested: true, parenthesise: false };
  const { parent, node: at } = outer(call);
  if (!parent) return undefined;
  if (parent.type === "comparison_operator")
    return { how: "compared", tested: false, parenthesise: false };
  // `progression, metrics = start()`: a coroutine cannot be unpacked (TypeError).
  const target = parent.type === "assignment" ? parent.childForFieldName("left") : null;
  if (
    parent.childForFieldName("right")?.id === at.id &&
    (target?.type === "pattern_list" || target?.type === "tuple_pattern")
  )
    return { how: "unpacked", tested: false, parenthesise: false };
  if (
    parent.type === "attribute" &&
    parent.childForFieldName("object")?.id === at.id &&
    !COROUTINE_PROTOCOL.has(parent.childForFieldName("attribute")?.text ?? "")
  )
    return {
      how: `read as .${parent.childForFieldName("attribute")?.text}`,
      tested: false,
      parenthesise: true,
    };
  if (parent.type === "subscript" && parent.childForFieldName("value")?.id === at.id)
    return { how: "indexed", tested: false, parenthesise: true };
  if (
    parent.type === "for_statement" &&
    parent.childForFieldName("right")?.id === at.id &&
    parent.firstChild?.type !== "async"
  )
    return { how: "looped over", tested: false, parenthesise: false };
  if (parent.type === "interpolation")
    return { how: "formatted", tested: false, parenthesise: false };
  if (parent.type === "generator_expression" && parent.childForFieldName("body")?.id === at.id) {
    // `any(check(u) for u in users)`: each element's truth is read.
    const reader = parent.parent?.type === "call" ? readingBuiltin(file, parent) : undefined;
    if (reader) return { how: `tested by ${reader}()`, tested: true, parenthesise: false };
  }
  const reader = readingBuiltin(file, parent);
  if (reader) return { how: `passed to ${reader}()`, tested: false, parenthesise: false };
  // `get_instance(config, get_user_id(request))` with `user_id: str | None` (passed.ts).
  const param =
    parent.type === "argument_list" || parent.type === "keyword_argument"
      ? valueParameter(file, at, ctx)
      : undefined;
  if (param) return { how: `passed to ${param}`, tested: false, parenthesise: false };
  return undefined;
}

/**
 * `bool(x)`, `len(x)`: the builtin's name when `list` is the sole argument list of one (or the
 * generator expression that is its only argument).
 */
function readingBuiltin(file: FileSemantics, list: SyntaxNode): string | undefined {
  const sole =
    list.type === "generator_expression" ||
    (list.type === "argument_list" && list.namedChildren.length === 1);
  if (!sole) return undefined;
  const call = list.parent;
  const callee = call?.childForFieldName("function");
  if (call?.type !== "call" || callee?.type !== "identifier") return undefined;
  return READING_BUILTINS.has(callee.text) && file.isBuiltin(callee.text, callee)
    ? callee.text
    : undefined;
}

/** Is the truth of a bound name read at `reference` (`ok = check(); if not ok:`)? */
export function testedReference(reference: SyntaxNode): boolean {
  return testOf(reference) !== undefined || outer(reference).parent?.type === "comparison_operator";
}
