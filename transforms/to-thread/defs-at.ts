import type { FileSemantics, SyntaxNode } from "../../src/model/types.js";

/**
 * The def or class statement `name` stands for at `at`: the last binding in the nearest scope
 * binding it, when every binding there is a statement of that kind (a class body's names are
 * not visible from its methods).
 */
export function defAt(
  file: FileSemantics,
  name: string,
  at: SyntaxNode,
  type: "function_definition" | "class_definition" = "function_definition",
): SyntaxNode | undefined {
  for (let scope = file.enclosingScope(at); ; scope = file.enclosingScope(scope)) {
    if (scope.type !== "class_definition") {
      const bindings = file.bindingsNamed(scope, name);
      if (bindings.length > 0) {
        const defs = bindings.map((b) => b.node.parent);
        const all = bindings.every((b, k) => b.kind === "definition" && defs[k]?.type === type);
        return all ? (defs[defs.length - 1] ?? undefined) : undefined;
      }
    }
    if (scope.type === "module") return undefined;
  }
}
