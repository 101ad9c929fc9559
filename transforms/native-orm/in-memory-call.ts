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
  // be loaded here, by a query that defers nothing.
  const scope = f.file.enclosingFunction(outer);
  if (instance.fromParameter || !scope || /\.(only|defer)\s*\(/.test(scope.text)) return undefined;
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
