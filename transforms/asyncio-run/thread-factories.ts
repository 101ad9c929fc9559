import { absoluteName } from "../../src/python/relative-imports.js";
import { definitionNamed, moduleNameAssignments } from "../../src/python/shapes.js";
import type { FileSemantics, SyntaxNode } from "../../src/model/types.js";
import { makerCall } from "./thread-local-names.js";

/**
 * Thread-local state made by a factory of another module (hazard-review-3, item 10's last hole):
 *
 *     # app/models.py
 *     from app.db import make_registry          # app/db/__init__.py re-exports it
 *     Session = make_registry(DB_URL)            # app/db/factories.py: return scoped_session(...)
 *
 * `threadLocals` sees only what this file makes, so a name bound to an imported factory's result
 * is asked of the factory's module: does that function make a thread-local registry? The survey
 * follows re-exports (a `try/except ImportError` pair too: every arm is asked) and factories
 * that return another factory's result, module by module.
 */

/** The key of a name of another module: `py:app.db.Session`. */
export const KEY = "py:";

/** The key asking whether a function makes thread-local state: `maker:py:app.db.make_registry`. */
export const MAKER = "maker:";

/** `db.Session` -> `py:app.db.Session`, `save_name` -> `py:app.db.save_name`, when imported. */
export function importedKey(
  file: FileSemantics,
  id: SyntaxNode,
  withAttribute = true,
): string | undefined {
  const binding = file.importBindingOf(id.text, id);
  if (!binding) return undefined;
  const parent = id.parent;
  const attribute =
    withAttribute &&
    parent?.type === "attribute" &&
    parent.childForFieldName("object")?.id === id.id
      ? `.${parent.childForFieldName("attribute")!.text}`
      : "";
  const absolute = absoluteName(`${binding.qualified}${attribute}`, file.module, file.path);
  return absolute?.includes(".") ? `${KEY}${absolute}` : undefined;
}

/**
 * The key of an imported callee: `make_registry(...)`, `db.make_registry(...)`, and a method of
 * an imported class's instance, `SessionFactory(url).create_session()` or `factory.create_session()`
 * after `factory = SessionFactory(url)` (`instances`: such names, by the class's key).
 */
function importedCalleeKey(
  file: FileSemantics,
  callee: SyntaxNode,
  instances: ReadonlyMap<string, string> = new Map(),
): string | undefined {
  if (callee.type === "identifier") return importedKey(file, callee, false);
  const object = callee.type === "attribute" ? callee.childForFieldName("object") : null;
  const method = callee.childForFieldName("attribute")?.text;
  if (object?.type === "identifier")
    return instances.has(object.text)
      ? `${instances.get(object.text)}.${method}`
      : importedKey(file, object);
  const ctor = object?.type === "call" ? object.childForFieldName("function") : null;
  const cls = ctor ? importedClassKey(file, ctor) : undefined;
  return cls ? `${cls}.${method}` : undefined;
}

/** `SessionFactory` or `db.SessionFactory`, imported: the class's key (named with a capital). */
function importedClassKey(file: FileSemantics, ctor: SyntaxNode): string | undefined {
  const name = ctor.type === "attribute" ? ctor.childForFieldName("attribute") : ctor;
  if (!name || !/^[A-Z]/.test(name.text)) return undefined;
  return importedCalleeKey(file, ctor);
}

/** A module-level name bound to an imported factory's result, asked of the factory's module. */
export interface FactoryBound {
  /** `maker:py:app.db.make_registry`. */
  maker: string;
  line: number;
}

/**
 * Module-level names bound to what an imported function returns (`Session = make_registry(url)`,
 * `state = thread_state.make_request_state()`), and names bound to such a name.
 */
export function factoryBound(file: FileSemantics): Map<string, FactoryBound> {
  const found = new Map<string, FactoryBound>();
  const instances = new Map<string, string>();
  for (const { left, right, line } of moduleNameAssignments(file.root)) {
    const alias = right.type === "identifier" ? found.get(right.text) : undefined;
    const callee = right.type === "call" ? right.childForFieldName("function") : null;
    const cls = callee ? importedClassKey(file, callee) : undefined;
    const key = callee && !cls ? importedCalleeKey(file, callee, instances) : undefined;
    if (cls) instances.set(left.text, cls);
    else instances.delete(left.text);
    if (alias) found.set(left.text, alias);
    else if (key) found.set(left.text, { maker: `${MAKER}${key}`, line });
    else found.delete(left.text);
  }
  return found;
}

/** What asking a function whether it makes thread-local state finds in its module. */
export interface MakerAnswer {
  /** `sqlalchemy.orm.scoped_session made by make_registry() at app/db/factories.py:8`. */
  hit?: string;
  /** Where else to ask: the modules a re-export names, or the factory the function returns. */
  reaches: string[];
}

/** The def `Class.method` or `function` of the module. */
function defOf(file: FileSemantics, name: string): SyntaxNode | undefined {
  const [first, method] = name.split(".");
  if (!method) return definitionNamed(file.root, "function_definition", first);
  const cls = definitionNamed(file.root, "class_definition", first);
  const body = cls?.childForFieldName("body") ?? null;
  return body ? definitionNamed(body, "function_definition", method) : undefined;
}

/**
 * Whether the function `name` of this module makes thread-local state: it calls a maker itself
 * (taken to return it: the check only ever makes a fix unsafe), or a function of the module that
 * does, or returns an imported function's result; a name only imported here is a re-export.
 */
export function makerAnswer(file: FileSemantics, name: string): MakerAnswer {
  const reaches: string[] = [];
  const def = defOf(file, name);
  if (!def) {
    // `from app.db.factories import make_registry` in a package's __init__, perhaps in both
    // arms of a try/except ImportError: every arm may be the one that runs.
    const [first, method] = name.split(".");
    for (const binding of file.importBindings())
      if (binding.local === first && binding.scope.id === file.root.id) {
        const qualified = method ? `${binding.qualified}.${method}` : binding.qualified;
        const absolute = absoluteName(qualified, file.module, file.path);
        if (absolute?.includes(".")) reaches.push(`${MAKER}${KEY}${absolute}`);
      }
    return { reaches };
  }
  const seen = new Set<string>([name]);
  let defs = [def];
  for (let depth = 0; depth < 3 && defs.length > 0; depth++) {
    const next: SyntaxNode[] = [];
    for (const current of defs) {
      const call = makerCall(file, current);
      if (call) {
        const made = file.qualifiedName(call.childForFieldName("function")!)!;
        const by = current === def ? name : current.childForFieldName("name")!.text;
        const line = call.startPosition.row + 1;
        return { hit: `${made} made by ${by}() at ${file.path}:${line}`, reaches };
      }
      for (const ret of current.descendantsOfType("return_statement")) {
        const value = ret.namedChildren[0];
        const callee = value?.type === "call" ? value.childForFieldName("function") : null;
        const key = callee ? importedCalleeKey(file, callee) : undefined;
        if (key) reaches.push(`${MAKER}${key}`);
        const local = callee?.type === "identifier" ? callee.text : undefined;
        const localDef = local && !seen.has(local) ? defOf(file, local) : undefined;
        if (localDef) next.push(localDef);
        if (local) seen.add(local);
      }
    }
    defs = next;
  }
  return { reaches };
}
