import { assignedValues } from "../../src/python/scope.js";
import type { SyntaxNode } from "../../src/model/types.js";
import { callArguments } from "../../src/python/calls.js";
import type { Conversion, OrmFile } from "./types.js";

// orm-review M6: `await database_sync_to_async(chat.is_professional)()` where `chat` is a model
// instance loaded here and `Chat.is_professional` only reads the instance's own columns: no query
// can run, so the wrapper goes and the method is called (`chat.is_professional()`).

/** The call without its wrapper and its `await`, when the wrapped method runs in memory. */
export function inMemoryConversion(
  f: OrmFile,
  outer: SyntaxNode,
  target: SyntaxNode,
  awaitNode: SyntaxNode | undefined,
): Conversion | undefined {
  const receiver = target.childForFieldName("object");
  const method = target.childForFieldName("attribute")?.text ?? "";
  if (!awaitNode || receiver?.type !== "identifier" || callArguments(outer).length > 0)
    return undefined;
  const instance = f.proofs.instanceOf(receiver);
  if (!instance || !f.ctx.project.models[instance.model]?.inMemoryMethods?.includes(method))
    return undefined;
  // A column deferred with only()/defer() is loaded on first read, a query: the instance must
  // be loaded here, by Django's own query methods on a manager that does not override
  // get_queryset (a project method or manager may defer columns).
  if (instance.fromParameter || !loadedWhole(f, receiver, instance.model)) return undefined;
  return {
    node: awaitNode,
    edits: [
      { start: awaitNode.startIndex, end: target.startIndex, text: "" },
      { start: target.endIndex, end: outer.endIndex, text: "()" },
    ],
    proven: true,
    since: "3.0",
    awaited: false,
    note: `${target.text}() only reads ${receiver.text}'s own columns (${instance.model}.${method}), a call in memory with no query: the thread wrapper is removed`,
  };
}

/** Query steps that load whole rows (no only(), defer(), values(), raw()). */
const WHOLE_ROWS = new Set(
  "objects all filter exclude order_by select_related prefetch_related get first last latest earliest create get_or_create update_or_create"
    .split(" ")
    .flatMap((m) => [m, `a${m}`]),
);

/** Every binding of `name` in its function is `[await] <Model>.objects.<whole-row steps>(...)`. */
function loadedWhole(f: OrmFile, name: SyntaxNode, model: string): boolean {
  const scope = f.file.enclosingFunction(name);
  if (!scope || f.ctx.project.models[model]?.managerOverrides?.objects?.includes("get_queryset"))
    return false;
  const values = assignedValues(f.file.bindingsNamed(scope, name.text));
  return !!values?.every((value) => {
    const awaited = value.type === "await" ? value.namedChildren[0] : value;
    return !!awaited && wholeRowChain(awaited, model);
  });
}

function wholeRowChain(value: SyntaxNode, model: string): boolean {
  let node: SyntaxNode | null = value;
  while (node) {
    if (node.type === "call") node = node.childForFieldName("function");
    else if (node.type === "attribute") {
      if (!WHOLE_ROWS.has(node.childForFieldName("attribute")?.text ?? "")) return false;
      node = node.childForFieldName("object");
    } else return node.type === "identifier" && node.text === model;
  }
  return false;
}
