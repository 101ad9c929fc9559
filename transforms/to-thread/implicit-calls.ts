import { absoluteName } from "../../src/python/relative-imports.js";
import { methodResolutionOrder, ownMethod } from "../../src/python/mro.js";
import { functionsNamed, modulePaths, projectTopModules } from "../../src/project/index-lookup.js";
import { dottedName } from "../../src/python/module-names.js";
import type { FileSemantics, ProjectFacts, SyntaxNode } from "../../src/model/types.js";
import { lacksMethod, overridesOf } from "./alternatives.js";
import { classOfMethod } from "./class-attributes.js";
import { classMethodKey } from "./entered-values.js";
import { memberClass } from "./member-classes.js";
import { moduleClass, enclosingDef } from "./receivers.js";
import { PROJECT_KEY, type CallFact, type FunctionFacts } from "./loop-hazards.js";
import type { CallableReader } from "./returned-callables.js";

/*
 * Project methods a body runs with no call written: `len(m)` runs `m.__len__`, `m[k]`
 * `__getitem__`, `m[k] = v` `__setitem__`, `k in m` `__contains__`, `for k in m` and `list(m)`
 * `__iter__`, `if m:` `__bool__` (else `__len__`), `m.closed = True` the property's setter. When
 * the value's class is known (an annotation, a constructor, a module singleton) and the project
 * defines the method, it is read like a call of it: crewAI's `_AuthStore.__getitem__` and
 * `EventRecord.__len__` take a lock (hazard-review-9 Z18, unwrapped in the SAFE run).
 */

/** Builtins whose call runs a method of their argument, by the methods tried in turn. */
const BUILTIN_PROTOCOLS: Record<string, string[]> = {
  len: ["__len__"],
  bool: ["__bool__", "__len__"],
  next: ["__next__"],
  reversed: ["__reversed__", "__len__"],
  iter: ["__iter__", "__getitem__"],
  ...Object.fromEntries(
    ["list", "tuple", "set", "frozenset", "sorted", "sum", "any", "all", "min", "max", "dict"].map(
      (name) => [name, ["__iter__", "__getitem__"]],
    ),
  ),
  enumerate: ["__iter__", "__getitem__"],
  zip: ["__iter__", "__getitem__"],
};

const ITERATING = ["__iter__", "__getitem__"];
const TRUTH = ["__bool__", "__len__"];

/** Nodes whose condition is tested for truth. */
const CONDITIONS = new Set([
  "if_statement",
  "elif_clause",
  "while_statement",
  "assert_statement",
  "if_clause",
]);

/** What reading implicit calls needs of the file's functions (callees.ts). */
export interface ImplicitReader extends CallableReader {
  defOf(key: string): SyntaxNode | undefined;
}

/** The project methods `node` runs without a call written (each a call fact). */
export function implicitCalls(reader: ImplicitReader, node: SyntaxNode): CallFact[] {
  if (!reader.project?.index) return [];
  if (node.type === "attribute") return propertyWrites(reader, node);
  return usedValues(reader.file, node).flatMap(({ value, methods, text }) =>
    methodFact(reader, value, node, methods, text),
  );
}

interface Use {
  value: SyntaxNode;
  methods: string[];
  text: string;
}

/** The values `node` uses through a protocol method, with the methods tried in turn. */
function usedValues(file: FileSemantics, node: SyntaxNode): Use[] {
  const use = (value: SyntaxNode | null | undefined, methods: string[], text?: string): Use[] =>
    value ? [{ value, methods, text: text ?? `${value.text}.${methods[0]}` }] : [];
  switch (node.type) {
    case "subscript": {
      const value = node.childForFieldName("value");
      const parent = node.parent;
      const target = parent?.childForFieldName("left")?.id === node.id;
      if (parent?.type === "assignment" && target) return use(value, ["__setitem__"]);
      if (parent?.type === "augmented_assignment" && target)
        return [...use(value, ["__getitem__"]), ...use(value, ["__setitem__"])];
      const deleted =
        parent?.type === "delete_statement" ||
        (parent?.type === "expression_list" && parent.parent?.type === "delete_statement");
      return use(value, [deleted ? "__delitem__" : "__getitem__"]);
    }
    case "comparison_operator": {
      const found: Use[] = [];
      node.children.forEach((child, i) => {
        if (child.isNamed || (child.type !== "in" && child.type !== "not in")) return;
        const container = node.children.slice(i + 1).find((c) => c.isNamed);
        found.push(...use(container, ["__contains__", ...ITERATING]));
      });
      return found;
    }
    case "for_statement":
    case "for_in_clause":
      return use(node.childForFieldName("right"), ITERATING);
    case "conditional_expression":
      return tested(node.namedChildren[1]).flatMap((v) => use(v, TRUTH));
    case "call": {
      const fn = node.childForFieldName("function");
      const args = (node.childForFieldName("arguments")?.namedChildren ?? []).filter(
        (a) => a.type !== "comment" && a.type !== "keyword_argument",
      );
      if (fn?.type === "identifier" && Object.hasOwn(BUILTIN_PROTOCOLS, fn.text)) {
        if (!file.isBuiltin(fn.text, node)) return [];
        const methods = BUILTIN_PROTOCOLS[fn.text];
        // `zip(a, b)` iterates each; the others their first argument.
        const used = fn.text === "zip" ? args : args.slice(0, 1);
        return used.flatMap((a) => use(a, methods));
      }
      // `", ".join(items)`: a string's join iterates its argument.
      const object = fn?.type === "attribute" ? fn.childForFieldName("object") : null;
      if (object?.type === "string" && fn!.childForFieldName("attribute")?.text === "join")
        return use(args[0], ITERATING);
      return [];
    }
    case "boolean_operator":
    case "not_operator":
      // Inside a condition, the condition's own case reads it.
      return inCondition(node) ? [] : tested(node).flatMap((v) => use(v, TRUTH));
    default:
      if (CONDITIONS.has(node.type)) {
        const condition =
          node.childForFieldName("condition") ??
          (node.type === "assert_statement" || node.type === "if_clause"
            ? node.namedChildren[0]
            : null);
        return condition ? tested(condition).flatMap((v) => use(v, TRUTH)) : [];
      }
      return [];
  }
}

/** The values a condition tests for truth: `a and not b` tests a and b. */
function tested(condition: SyntaxNode | undefined): SyntaxNode[] {
  if (!condition) return [];
  switch (condition.type) {
    case "parenthesized_expression":
      return condition.namedChildren.length === 1 ? tested(condition.namedChildren[0]) : [];
    case "not_operator":
      return tested(condition.childForFieldName("argument") ?? undefined);
    case "boolean_operator": {
      // `a or b` used as a value tests a; as a condition, both.
      const left = tested(condition.childForFieldName("left") ?? undefined);
      const right = inCondition(condition) || condition.parent?.type === "not_operator";
      return right ? [...left, ...tested(condition.childForFieldName("right") ?? undefined)] : left;
    }
    case "identifier":
    case "attribute":
    case "subscript":
    case "call":
      return [condition];
    default:
      return [];
  }
}

/** Is `node` (a boolean or not operator) part of a condition some other node tests? */
function inCondition(node: SyntaxNode): boolean {
  let child = node;
  for (let parent = node.parent; parent; child = parent, parent = parent.parent) {
    if (["boolean_operator", "not_operator", "parenthesized_expression"].includes(parent.type))
      continue;
    if (CONDITIONS.has(parent.type))
      return (parent.childForFieldName("condition") ?? parent.namedChildren[0])?.id === child.id;
    if (parent.type === "conditional_expression") return parent.namedChildren[1]?.id === child.id;
    return false;
  }
  return false;
}

/** Expressions whose class `madeBy` may tell. */
const VALUE_TYPES = new Set(["identifier", "attribute", "subscript", "call"]);

/** The fact of running the first of `methods` the class of `value` defines, if it is known. */
function methodFact(
  reader: ImplicitReader,
  value: SyntaxNode,
  at: SyntaxNode,
  methods: string[],
  text: string,
): CallFact[] {
  const index = reader.project!.index!;
  // Only a name some class of the project or of this file defines is worth the value's class.
  const defined = methods.filter(
    (m) =>
      functionsNamed(index, m).some((f) => f.className && !f.nested) ||
      localClassDefines(reader.file, m),
  );
  if (defined.length === 0 || !VALUE_TYPES.has(value.type)) return [];
  const made = reader.madeBy(value, at) ?? memberClass(reader, value, at);
  const line = at.startPosition.row + 1;
  // `registry[key] = value` with `registry = SafeMap()` in another module: the survey reads
  // what made it there, as for a method called on it (project-callees.ts, moduleValueMethod).
  const imported = made ? undefined : importedValue(reader, value);
  if (imported) return defined.map((m) => ({ text, reaches: `${imported}.${m}`, line }));
  if (!made) return [];
  for (const method of defined) {
    const key = methodOf(reader, made, method);
    if (!key) continue;
    const overrides = key.startsWith(PROJECT_KEY) ? overridesOf(reader.project, key) : [];
    return [{ text, reaches: key, line, ...(overrides.length ? { alternatives: overrides } : {}) }];
  }
  return [];
}

/** `py:pkg.store.registry` for a lower-case name imported from a module of the project. */
function importedValue(reader: ImplicitReader, value: SyntaxNode): string | undefined {
  if (value.type !== "identifier" && value.type !== "attribute") return undefined;
  const qualified = reader.file.qualifiedName(value);
  const absolute = qualified && absoluteName(qualified, reader.file.module, reader.file.path);
  const index = reader.project!.index!;
  const name = absolute?.slice(absolute.lastIndexOf(".") + 1);
  // Not a class (`Registry`), a module or a function of the project: a module-level value.
  if (!absolute?.includes(".") || !name || /^[A-Z][a-z]/.test(name)) return undefined;
  if (!projectTopModules(index).has(absolute.split(".")[0])) return undefined;
  const module = absolute.slice(0, absolute.lastIndexOf("."));
  const isFunction = functionsNamed(index, name).some(
    (f) => !f.className && dottedName(f.module) === dottedName(module),
  );
  return isFunction || modulePaths(index, absolute).length > 0
    ? undefined
    : `${PROJECT_KEY}${absolute}`;
}

/**
 * An implicit method (`__getitem__`, not `__enter__`, which a lock's wait is) of a value a
 * library class made: a module value asked of another file is judged as one of this file is.
 */
export function isLibraryDunder(
  project: ProjectFacts | undefined,
  cls: string,
  method: string,
): boolean {
  const index = project?.index;
  if (!index || method === "__enter__" || !/^__\w+__$/.test(method)) return false;
  return !projectTopModules(index).has(dottedName(cls).split(".")[0]);
}

/** Does some module-level class of this file define `method`? */
function localClassDefines(file: FileSemantics, method: string): boolean {
  return file.root.namedChildren.some((s) => {
    const def = s.type === "decorated_definition" ? s.childForFieldName("definition") : s;
    return def?.type === "class_definition" && ownMethod(def, method) !== undefined;
  });
}

/** The key of `method` of the class `made` names, when that class (or a base) defines it. */
function methodOf(reader: ImplicitReader, made: string, method: string): string | undefined {
  const local = made.includes(".") ? undefined : moduleClass(reader.file, made);
  if (local) return classMethodKey(reader, made, method);
  // A class's instance only: a function's product (`flatten(tools)`) is known by its maker.
  if (!/^[A-Z]/.test(made.slice(made.lastIndexOf(".") + 1))) return undefined;
  const index = reader.project!.index!;
  if (!made.includes("."))
    return functionsNamed(index, method).some((f) => f.className === made && !f.nested)
      ? classMethodKey(reader, made, method)
      : undefined;
  const absolute = absoluteName(made, reader.file.module, reader.file.path);
  if (!absolute || !projectTopModules(index).has(absolute.split(".")[0])) return undefined;
  return lacksMethod(reader.project, absolute, method)
    ? undefined
    : classMethodKey(reader, made, method);
}

/**
 * `m.closed = True` (or `+=`) where `closed` is a property of the class of `m` with a setter:
 * the setter runs (and the getter too for `+=`). `self.closed = v` in the class's own methods too.
 */
function propertyWrites(reader: ImplicitReader, node: SyntaxNode): CallFact[] {
  const index = reader.project?.index;
  const parent = node.parent;
  const name = node.childForFieldName("attribute")?.text;
  if (!index || !name || node.type !== "attribute" || !parent) return [];
  const isTarget =
    (parent.type === "assignment" || parent.type === "augmented_assignment") &&
    parent.childForFieldName("left")?.id === node.id;
  if (!isTarget) return [];
  const setter = `${name}.setter`;
  const hasSetter = (f: { decorators: string[] }) => f.decorators.includes(setter);
  const anywhere =
    functionsNamed(index, name).some((f) => f.className && hasSetter(f)) ||
    localClassDefines(reader.file, name);
  if (!anywhere) return [];
  const object = node.childForFieldName("object")!;
  const line = node.startPosition.row + 1;
  const method = enclosingDef(node);
  const own = method && object.text === "self" ? classOfMethod(method) : undefined;
  const made = own ? undefined : reader.madeBy(object, node);
  const local = own ?? (made && !made.includes(".") ? moduleClass(reader.file, made) : undefined);
  if (local) {
    const def = setterDef(local, name);
    return def ? [{ text: `${node.text} =`, reaches: reader.keyOf(def), line }] : [];
  }
  if (!made) return [];
  const key = classMethodKey(reader, made, name);
  const className = made.slice(made.lastIndexOf(".") + 1);
  const declared = functionsNamed(index, name).some(
    (f) => f.className === className && hasSetter(f),
  );
  return key && declared ? [{ text: `${node.text} =`, reaches: key, line }] : [];
}

/** The def decorated `@<name>.setter` along a class's order (this file's classes). */
function setterDef(cls: SyntaxNode, name: string): SyntaxNode | undefined {
  for (const c of methodResolutionOrder(cls) ?? [{ kind: "local" as const, node: cls }]) {
    if (c.kind !== "local") return undefined;
    for (const statement of c.node.childForFieldName("body")?.namedChildren ?? []) {
      if (statement.type !== "decorated_definition") continue;
      const def = statement.childForFieldName("definition");
      const decorators = statement.namedChildren.filter((d) => d.type === "decorator");
      if (
        def?.childForFieldName("name")?.text === name &&
        decorators.some((d) => d.text.slice(1).trim() === `${name}.setter`)
      )
        return def;
    }
  }
  return undefined;
}

/**
 * A property's accessors asked of the file that defines them (`SafeMap.closed`): the getter,
 * the setter and the deleter share the name, and a key cannot say which one runs, so all are
 * read (a hop to each).
 */
export function propertyAccessors(
  reader: ImplicitReader,
  file: FileSemantics,
  qualname: string,
): { facts: FunctionFacts; defs: SyntaxNode[] } | undefined {
  const [className, name, more] = qualname.split(".");
  const cls = name && more === undefined ? moduleClass(file, className) : undefined;
  if (!cls) return undefined;
  const defs = (cls.childForFieldName("body")?.namedChildren ?? [])
    .map((s) => (s.type === "decorated_definition" ? s.childForFieldName("definition") : s))
    .filter(
      (d): d is SyntaxNode =>
        d?.type === "function_definition" && d.childForFieldName("name")?.text === name,
    );
  if (defs.length < 2) return undefined;
  const calls = defs.map((d) => ({ text: qualname, reaches: reader.keyOf(d) }));
  return { facts: { name: qualname, hop: true, calls, path: file.path }, defs };
}
