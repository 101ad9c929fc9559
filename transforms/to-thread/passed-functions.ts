import { callsNamed } from "../../src/project/index-lookup.js";
import type { FileSemantics, ProjectIndex, SyntaxNode } from "../../src/model/types.js";
import { classOfMethod } from "./class-attributes.js";

/*
 * `await loop.run_in_executor(None, func, *args)` in a helper `_run_in_executor(self, func,
 * *args)`: what runs is what its callers pass (hazard-review-6 V7, xinference's supervisor, whose
 * callers pass a store's methods that take a `threading.Lock`). When every call of the helper is
 * in this file, the functions they pass are read; a caller elsewhere leaves it unknown.
 */

/** The def and the position (and name) of the parameter `name` stands for at its use. */
function parameterOf(
  file: FileSemantics,
  name: SyntaxNode,
): { def: SyntaxNode; position: number } | undefined {
  if (name.type !== "identifier") return undefined;
  // Bound once, as a parameter of a def: never reassigned in its body. The def may enclose the
  // one reading it (`on_file_changed` in `watch_and_export(..., export_callback)`: Y27).
  const bindings = file.visibleBindings(name, name.text);
  let def: SyntaxNode | null = bindings.length === 1 ? bindings[0].node : null;
  while (def && def.type !== "function_definition") def = def.parent;
  const parameters = def?.childForFieldName("parameters");
  if (!def || !parameters) return undefined;
  let node: SyntaxNode | null = bindings[0].node;
  while (node && node.id !== parameters.id && node.id !== def.id) node = node.parent;
  if (node?.id !== parameters.id) return undefined;
  const names = parameters.namedChildren.map((p) =>
    p.type === "identifier" ? p.text : (p.childForFieldName("name") ?? p.namedChildren[0])?.text,
  );
  const at = names.indexOf(name.text);
  if (at < 0) return undefined;
  // `self`/`cls` is not passed at a call.
  return { def, position: classOfMethod(def) ? at - 1 : at };
}

/**
 * What the file's calls of the function holding the parameter `name` pass for it, when every
 * call of that function in the project is one of them; undefined otherwise.
 */
export function passedFunctions(
  file: FileSemantics,
  name: SyntaxNode,
  index: ProjectIndex | undefined,
): SyntaxNode[] | undefined {
  const parameter = parameterOf(file, name);
  const fnName = parameter?.def.childForFieldName("name")?.text;
  if (!parameter || parameter.position < 0 || !fnName || !index) return undefined;
  // A caller in another file (or none found): not all the functions are known.
  const callers = callsNamed(index, fnName);
  const here = (path: string) => path === file.path || file.path.endsWith(`/${path}`);
  if (callers.length === 0 || callers.some((c) => !here(c.path))) return undefined;
  // Handed on as a value (a callback, a registry): called where the index cannot see.
  const referenced = (index.references ?? []).some(
    (r) => r.target === fnName || r.target.endsWith(`.${fnName}`),
  );
  if (referenced) return undefined;
  // `@safe_async_db` on a def hands it over too, with no call the index lists.
  const decorator = new RegExp(`^@\\s*${fnName}\\b`);
  if (file.root.descendantsOfType("decorator").some((d) => decorator.test(d.text)))
    return undefined;
  const passed: SyntaxNode[] = [];
  for (const call of file.root.descendantsOfType("call")) {
    const callee = call.childForFieldName("function");
    const named =
      callee?.type === "identifier"
        ? callee.text
        : callee?.type === "attribute"
          ? callee.childForFieldName("attribute")?.text
          : undefined;
    if (named !== fnName) continue;
    const args = (call.childForFieldName("arguments")?.namedChildren ?? []).filter(
      (a) => a.type !== "comment",
    );
    const keyword = args.find(
      (a) => a.type === "keyword_argument" && a.childForFieldName("name")?.text === name.text,
    );
    // `self._execute(name, step, *args)`: a splat after the argument leaves its place known.
    const before = args.slice(0, parameter.position + 1);
    if (!keyword && before.some((a) => a.type === "list_splat" || a.type === "dictionary_splat"))
      return undefined;
    const arg = keyword?.childForFieldName("value") ?? args[parameter.position];
    if (!arg || arg.type === "keyword_argument") return undefined;
    passed.push(arg);
  }
  return passed.length > 0 ? passed : undefined;
}

/**
 * `safe_async_db(self._rpc._rpc_force_exit)` called for the function to run: the function a
 * wrapper factory was given (its first argument, a name or an attribute), which its wrapper runs.
 */
export function wrappedFunction(fn: SyntaxNode): SyntaxNode | undefined {
  if (fn.type !== "call") return undefined;
  const first = (fn.childForFieldName("arguments")?.namedChildren ?? []).find(
    (a) => a.type !== "comment",
  );
  return first?.type === "identifier" || first?.type === "attribute" ? first : undefined;
}
