import type { SyntaxNode } from "../../src/model/types.js";
import type { OrmFile, Problem } from "./types.js";

// orm-human-7 K7b (openwisp's `CreateGraphObjectsMixin._create_node`: `n = self.node_model(
// **options); n.full_clean(); n.save()`, where `node_model = Node` is bound by each test class
// using the mixin): a function's first problem may be a call of `self.<name>` that its class
// defines no method for, a class attribute its users bind (a model class, there), which the
// function's own file cannot say. Named as the blocker, it reads as "a method ... not followed";
// a later problem that holds whatever that attribute is (`n.full_clean()`, no async form) is the
// one said. Every problem blocks: which one is named changes no decision.

/** The problem a kept function is said to stop at: the first that is no such attribute call. */
export function namedBlocker<P extends Pick<Problem, "node" | "code">>(
  f: OrmFile,
  problems: readonly P[],
): P | undefined {
  return (
    problems.find((p) => !(p.code === "AS205" && calledClassAttribute(f, p.node))) ?? problems[0]
  );
}

/** `self.node_model(...)` in a class whose body defines no `node_model`. */
function calledClassAttribute(f: OrmFile, node: SyntaxNode): boolean {
  const callee = node.type === "call" ? node.childForFieldName("function") : undefined;
  const receiver = callee?.type === "attribute" ? callee.childForFieldName("object") : undefined;
  if (receiver?.type !== "identifier" || receiver.text !== "self") return false;
  const name = callee!.childForFieldName("attribute")?.text;
  const body = f.file.enclosingClass(node)?.childForFieldName("body");
  // `self.model()` of a manager is said for itself (which model the manager's is).
  if (!body || !name || name === "model") return false;
  return !body.namedChildren.some((statement) => {
    const def =
      statement.type === "decorated_definition" ? statement.namedChildren.at(-1) : statement;
    return def?.type === "function_definition" && def.childForFieldName("name")?.text === name;
  });
}
