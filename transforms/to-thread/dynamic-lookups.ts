import type { FileSemantics, SyntaxNode } from "../../src/model/types.js";

/*
 * A function looked up by name at run time (hazard-review-6 V21, tracecat's runners: `mod =
 * importlib.import_module(module_path)`, `fn = getattr(mod, function_name)`, then
 * `await asyncio.to_thread(fn, **args)`): it may be any function of any module, the project's own
 * registry of actions included, where the locks are. Unread project code refuses an unwrap even
 * with --unsafe-fixes (unread-refusal.ts), and nothing here says the lookup stays in a library.
 */

const IMPORTERS = new Set(["importlib.import_module", "__import__"]);

/**
 * `getattr(mod, name)` as written where `fn` is bound, when every binding of `fn` there is such a
 * lookup whose name is not a string literal and whose object is not an imported library module
 * (`getattr(requests, method)` stays the library's: taken on trust with --unsafe-fixes).
 */
export function dynamicLookupOf(
  file: FileSemantics,
  fn: SyntaxNode,
  isLibrary: (qualified: string) => boolean,
): string | undefined {
  if (fn.type !== "identifier") return undefined;
  const bindings = file.visibleBindings(fn, fn.text);
  if (bindings.length === 0) return undefined;
  let written: string | undefined;
  for (const binding of bindings) {
    const assignment = binding.node.parent;
    const right = assignment?.type === "assignment" ? assignment.childForFieldName("right") : null;
    const lookup = right && lookedUp(file, right, isLibrary);
    if (!lookup) return undefined;
    written ??= lookup;
  }
  return written;
}

/** `getattr(obj, name[, default])` with a computed name, or `import_module(x).name`. */
export function lookedUp(
  file: FileSemantics,
  value: SyntaxNode,
  isLibrary: (qualified: string) => boolean,
): string | undefined {
  if (value.type === "attribute") {
    const object = value.childForFieldName("object");
    return object && importedAtRunTime(file, object) ? value.text : undefined;
  }
  // `self._methods[name]` with `self._methods = {n: getattr(self, n) for n in dir(...)}`
  // (hazard-review-8 Y18: crewAI's flow methods, run by `ctx.run(method, ...)`).
  if (value.type === "subscript" || containerGet(value)) {
    const container =
      value.type === "subscript" ? value.childForFieldName("value") : containerGet(value)!;
    const values = storedLookups(container);
    const found = values.map((v) => lookedUp(file, v, isLibrary));
    return found.length > 0 && found.every((f) => f !== undefined) ? found[0] : undefined;
  }
  const callee = value.type === "call" ? value.childForFieldName("function") : null;
  if (callee?.text !== "getattr" || !file.isBuiltin("getattr", callee)) return undefined;
  const [object, name] = value.childForFieldName("arguments")?.namedChildren ?? [];
  if (!object || !name || name.type === "string") return undefined;
  const qualified = file.qualifiedName(object);
  if (qualified && isLibrary(qualified)) return undefined;
  return value.text;
}

/** A call of `importlib.import_module(path)` (or `__import__(...)`) written right there. */
function importedAtRunTime(file: FileSemantics, value: SyntaxNode): boolean {
  const callee = value.type === "call" ? value.childForFieldName("function") : null;
  return !!callee && IMPORTERS.has(file.qualifiedName(callee) ?? callee.text);
}

/** `self._methods.get(name)` (or `.get(name, default)`): the container, else undefined. */
function containerGet(value: SyntaxNode): SyntaxNode | undefined {
  const callee = value.type === "call" ? value.childForFieldName("function") : null;
  if (callee?.type !== "attribute" || callee.childForFieldName("attribute")?.text !== "get")
    return undefined;
  return callee.childForFieldName("object") ?? undefined;
}

/**
 * The values a dict built by comprehension holds (`{n: getattr(self, n) for n in names}`), read
 * where `container` (`self._methods`, or a name) is assigned in its class or function; for an
 * instance's dict filled another way, the class's own lookups by name (selfLookups).
 */
function storedLookups(container: SyntaxNode | null): SyntaxNode[] {
  if (container?.type !== "attribute" && container?.type !== "identifier") return [];
  let scope: SyntaxNode | null = container.parent;
  const kind = container.type === "attribute" ? "class_definition" : "function_definition";
  while (scope && scope.type !== kind) scope = scope.parent;
  if (!scope) return [];
  const built = scope
    .descendantsOfType("assignment")
    .filter((a) => a.childForFieldName("left")?.text === container.text)
    .map((a) => a.childForFieldName("right"))
    .filter((r): r is SyntaxNode => r?.type === "dictionary_comprehension")
    .map((r) => r.childForFieldName("body")?.childForFieldName("value"))
    .filter((v): v is SyntaxNode => v !== null && v !== undefined);
  return built.length > 0 || kind !== "class_definition" ? built : selfLookups(scope, container);
}

/**
 * `self._methods[name]` in a class that fills `self._methods` out of a comprehension
 * (`self._methods.update(methods)`, `self._methods[k] = v`) and looks its own methods up by a
 * computed name (`getattr(self, name)`): the dict may hold any method of the class or of a
 * subclass (hazard-review-8 Y18f: crewAI's flow methods, gathered by a helper method into a
 * local dict first, which was read as a value of unknown class and unwrapped with
 * --unsafe-fixes; one of those methods takes a `threading.Lock` in another file).
 */
function selfLookups(cls: SyntaxNode, container: SyntaxNode): SyntaxNode[] {
  if (container.childForFieldName("object")?.text !== "self") return [];
  const filled = cls.descendantsOfType(["call", "assignment"]).some((node) => {
    if (node.type === "assignment") {
      const left = node.childForFieldName("left");
      return left?.type === "subscript" && left.childForFieldName("value")?.text === container.text;
    }
    const callee = node.childForFieldName("function");
    return (
      callee?.type === "attribute" &&
      callee.childForFieldName("object")?.text === container.text &&
      ["update", "setdefault"].includes(callee.childForFieldName("attribute")?.text ?? "")
    );
  });
  if (!filled) return [];
  return cls.descendantsOfType("call").filter((call) => {
    if (call.childForFieldName("function")?.text !== "getattr") return false;
    const [object, name] = (call.childForFieldName("arguments")?.namedChildren ?? []).filter(
      (a) => a.type !== "comment",
    );
    return object?.text === "self" && name !== undefined && name.type !== "string";
  });
}
