import { isAsyncFunction } from "../../src/python/shapes.js";
import type { FileSemantics, SyntaxNode } from "../../src/model/types.js";

/*
 * What AS402 (a coroutine dropped in a sync def) should offer instead of `asyncio.run(...)`
 * (hazard-review-5 J15): the sync form the class or module already has
 * (`update_alive_nodes_sync()` beside `async def update_alive_nodes`, bisheng's stateful worker),
 * and nothing at all when the sync def is a callback handed to async code, where `asyncio.run`
 * raises (gpt-researcher's `add_costs`, passed as `cost_callback=self.add_costs`).
 */

/** The names a sync form of `name` goes by. */
function syncNames(name: string): string[] {
  const bare = name.replace(/^a(?=[a-z_])/, "").replace(/^async_/, "");
  return [`${name}_sync`, `sync_${name}`, ...(bare !== name ? [bare] : [])];
}

/** The sync defs of the class body (or module) the def holding `call` is in, by name. */
function siblingDefs(file: FileSemantics, call: SyntaxNode): Map<string, SyntaxNode> {
  const fn = file.enclosingFunction(call);
  const statement = fn?.parent?.type === "decorated_definition" ? fn.parent : fn;
  const body = statement?.parent;
  const defs = new Map<string, SyntaxNode>();
  for (const member of body?.namedChildren ?? []) {
    const def =
      member.type === "decorated_definition" ? member.childForFieldName("definition") : member;
    if (def?.type === "function_definition" && !isAsyncFunction(def))
      defs.set(def.childForFieldName("name")!.text, def);
  }
  return defs;
}

/**
 * `self.update_alive_nodes()` dropped in a sync method, the class defining
 * `update_alive_nodes_sync`: the call of that sync form, as the site would write it.
 */
export function syncFormCall(file: FileSemantics, call: SyntaxNode): string | undefined {
  const callee = call.childForFieldName("function");
  const name =
    callee?.type === "attribute"
      ? callee.childForFieldName("attribute")!.text
      : callee?.type === "identifier"
        ? callee.text
        : undefined;
  if (!name) return undefined;
  const defs = siblingDefs(file, call);
  const form = syncNames(name).find((n) => defs.has(n));
  if (!form) return undefined;
  const prefix = callee!.text.slice(0, callee!.text.length - name.length);
  return `${prefix}${form}${call.childForFieldName("arguments")!.text}`;
}

/**
 * The line where the sync def holding `call` is handed, uncalled, to code in an `async def`
 * (`cost_callback=self.add_costs`): a callback that may run on the loop.
 */
export function handedToAsync(file: FileSemantics, call: SyntaxNode): number | undefined {
  const fn = file.enclosingFunction(call);
  const name = fn?.childForFieldName("name")?.text;
  if (!fn || !name) return undefined;
  const refs = file.root
    .descendantsOfType(["identifier", "attribute"])
    .filter(
      (n) =>
        (n.type === "identifier" ? n.text === name : n.text === `self.${name}`) &&
        n.parent?.type !== "attribute" &&
        !(n.parent?.type === "call" && n.parent.childForFieldName("function")?.id === n.id) &&
        (n.parent?.type === "keyword_argument" || n.parent?.type === "argument_list"),
    );
  const handed = refs.find((n) => {
    const holder = file.enclosingFunction(n);
    return holder && isAsyncFunction(holder);
  });
  return handed ? handed.startPosition.row + 1 : undefined;
}
