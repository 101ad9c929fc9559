import { absoluteName } from "../../src/python/relative-imports.js";
import { lastSegment } from "../../src/python/lookup.js";
import type { FileSemantics, SyntaxNode } from "../../src/model/types.js";

/*
 * What annotations say, for missing-await's survey (typed.ts): an awaitable callable
 * (`Callable[..., Awaitable[bool]]`), the one class an annotation names, a module's type alias,
 * and the project key a name stands for.
 */

export const KEY = "py:";

/** `Callable[..., Awaitable[bool]]`, `Callable[[T], Coroutine[Any, Any, R]]`: an async callable. */
export function awaitableCallable(node: SyntaxNode): boolean {
  if (node.type !== "subscript") return false;
  const value = node.childForFieldName("value");
  if (!value || lastSegment(value.text) !== "Callable") return false;
  const result = node.childrenForFieldName("subscript").at(-1);
  const head = result?.type === "subscript" ? result.childForFieldName("value") : result;
  return !!head && ["Awaitable", "Coroutine"].includes(lastSegment(head.text));
}

/** `Workflow | None`, `Optional[Workflow]`, `"Workflow"`: the one class an annotation names. */
export function namedType(node: SyntaxNode): SyntaxNode | undefined {
  if (node.type === "type") return node.namedChildren[0] && namedType(node.namedChildren[0]);
  if (node.type === "identifier" || node.type === "attribute") return node;
  if (node.type === "binary_operator" && node.childForFieldName("operator")?.text === "|") {
    const sides = [node.childForFieldName("left"), node.childForFieldName("right")].filter(
      (s): s is SyntaxNode => s !== null && s.text !== "None",
    );
    return sides.length === 1 ? namedType(sides[0]) : undefined;
  }
  if (
    node.type === "subscript" &&
    lastSegment(node.childForFieldName("value")!.text) === "Optional"
  )
    return node.childrenForFieldName("subscript").length === 1
      ? namedType(node.childrenForFieldName("subscript")[0])
      : undefined;
  return undefined;
}

/** The project key of a name as this file means it: imported, or defined here. */
export function keyOf(file: FileSemantics, name: SyntaxNode): string | undefined {
  const root = name.type === "attribute" ? name.text.split(".")[0] : name.text;
  const binding = file.importBindingOf(root, name);
  const rest = name.type === "attribute" ? name.text.slice(root.length) : "";
  const qualified = binding
    ? `${binding.qualified}${rest}`
    : file.module && name.type === "identifier"
      ? `${file.module}.${name.text}`
      : undefined;
  const absolute = qualified && absoluteName(qualified, file.module, file.path);
  return absolute?.includes(".") ? `${KEY}${absolute}` : undefined;
}

export function moduleStatements(node: SyntaxNode): SyntaxNode[] {
  return (node.childForFieldName("body") ?? node).namedChildren.map((s) =>
    s.type === "decorated_definition" ? s.childForFieldName("definition")! : s,
  );
}

export function named(nodes: SyntaxNode[], type: string, name: string): SyntaxNode | undefined {
  return nodes.filter((n) => n.type === type && n.childForFieldName("name")?.text === name).at(-1);
}

/** `Authorizer = ...`, `Authorizer: TypeAlias = ...`, `type Authorizer = ...` at module level. */
export function aliasValue(file: FileSemantics, name: string): SyntaxNode | undefined {
  for (const s of file.root.namedChildren) {
    const inner = s.type === "expression_statement" ? s.namedChildren[0] : s;
    if (inner?.type === "assignment" && inner.childForFieldName("left")?.text === name)
      return inner.childForFieldName("right") ?? undefined;
    if (inner?.type === "type_alias_statement" && inner.namedChildren[0]?.text === name)
      return inner.namedChildren.at(-1);
  }
  return undefined;
}

/** What an annotation (or alias value) is: awaitable (a hit), another alias to ask, or nothing. */
export function judged(
  file: FileSemantics,
  node: SyntaxNode,
  what: string,
  depth = 0,
): { hit?: string; reaches?: string } {
  const at = `${file.path}:${node.startPosition.row + 1}`;
  if (awaitableCallable(node.type === "type" ? (node.namedChildren[0] ?? node) : node))
    return { hit: `${what} ${node.text} (${at})` };
  const name = namedType(node);
  if (!name || depth > 2) return {};
  if (name.type === "identifier" && !file.importBindingOf(name.text, name)) {
    const value = aliasValue(file, name.text);
    return value ? judged(file, value, `${what} ${name.text} =`, depth + 1) : {};
  }
  const key = keyOf(file, name);
  return key ? { reaches: `alias:${key}|${what} ${name.text} =` } : {};
}
