import type { SyntaxNode } from "../model/types.js";
import { bindingsNamed } from "./scope.js";

// A module's own thread-wrapper helper, as a plain def: read by native-orm (its sites are the
// wrapper's) and by the value proofs (a value made through it is the wrapped call's).

/**
 * orm-human-6 G1 (django-matt's `def _sync_to_async(func): from asgiref.sync import
 * sync_to_async; return sync_to_async(func, thread_sensitive=True)`): a plain def of one
 * parameter whose body (a docstring and imports aside) only returns a wrapper of it, with
 * literal keywords. `_sync_to_async(X)(args)` is then `sync_to_async(X, thread_sensitive=True)
 * (args)`: the call `sync_to_async(func, ...)` in its body is the alias's value.
 */
export function defAliasValue(def: SyntaxNode): SyntaxNode | undefined {
  if (def.children.some((c) => c.type === "async")) return undefined;
  const parameters = def.childForFieldName("parameters")?.namedChildren ?? [];
  if (parameters.length !== 1 || parameters[0].type !== "identifier") return undefined;
  const statements = (def.childForFieldName("body")?.namedChildren ?? []).filter(
    (s, i) =>
      s.type !== "comment" &&
      s.type !== "import_from_statement" &&
      s.type !== "import_statement" &&
      !(i === 0 && s.type === "expression_statement" && s.namedChildren[0]?.type === "string"),
  );
  const only = statements.length === 1 ? statements[0] : undefined;
  const value = only?.type === "return_statement" ? only.namedChildren[0] : undefined;
  return value && wrapsParameter(value) ? value : undefined;
}

/** `sync_to_async(func, thread_sensitive=True)` in a def of the one parameter `func`. */
export function wrapsParameter(value: SyntaxNode): boolean {
  const callee = value.type === "call" ? value.childForFieldName("function") : undefined;
  const args = value.childForFieldName("arguments")?.namedChildren ?? [];
  let def: SyntaxNode | null = value.parent;
  while (def && def.type !== "function_definition") def = def.parent;
  const parameter = def?.childForFieldName("parameters")?.namedChildren[0];
  if (!callee || !/(^|\.)\w*sync_to_async$/.test(callee.text) || args.length === 0) return false;
  const literal = (a: SyntaxNode) =>
    a.type === "keyword_argument" &&
    ["true", "false", "none", "string", "integer"].includes(
      a.childForFieldName("value")?.type ?? "",
    );
  return (
    args[0].type === "identifier" &&
    args[0].text === parameter?.text &&
    args.slice(1).every(literal)
  );
}

/**
 * `_sync_to_async` in `_sync_to_async(Model.objects.get)(...)`: a name bound once in its module,
 * to a def that only returns a wrapper of its parameter.
 */
export function isWrapperDefAlias(name: SyntaxNode): boolean {
  if (name.type !== "identifier") return false;
  const bound = bindingsNamed(name.tree.rootNode, name.text);
  const def = bound.length === 1 ? bound[0].node.parent : undefined;
  return (
    def?.type === "function_definition" && def.parent?.type === "module" && !!defAliasValue(def)
  );
}
