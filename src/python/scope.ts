import { walkNamed, type WalkStep } from "../syntax/tree.js";
import type { Binding, BindingKind, SyntaxNode } from "../model/types.js";

/** Node types that open a new Python scope (names bound inside do not leak out). */
const SCOPE_TYPES = new Set([
  "function_definition",
  "class_definition",
  "lambda",
  "list_comprehension",
  "set_comprehension",
  "dictionary_comprehension",
  "generator_expression",
]);

/** A function-like scope: where `asyncio.run` runs when the code runs. */
const FUNCTION_TYPES = new Set(["function_definition", "lambda"]);

export function isScope(node: SyntaxNode): boolean {
  return node.type === "module" || SCOPE_TYPES.has(node.type);
}

/** The nearest enclosing `def`/`async def` (or lambda), or undefined at module level. */
export function enclosingFunction(node: SyntaxNode): SyntaxNode | undefined {
  for (let n = node.parent; n; n = n.parent) if (FUNCTION_TYPES.has(n.type)) return n;
  return undefined;
}

/** The nearest `def`/`async def` (lambdas skipped). */
export function enclosingDef(node: SyntaxNode): SyntaxNode | undefined {
  for (let n = node.parent; n; n = n.parent) if (n.type === "function_definition") return n;
  return undefined;
}

export function enclosingClass(node: SyntaxNode): SyntaxNode | undefined {
  for (let n = node.parent; n; n = n.parent) if (n.type === "class_definition") return n;
  return undefined;
}

/** The innermost scope that holds `node` (not `node` itself). */
export function enclosingScope(node: SyntaxNode): SyntaxNode {
  // Name lookups ask this for every reference, and tree-sitter's `parent` descends from the root
  // each time: the answer is remembered for every node walked through (trees never change).
  const perTree = node.tree.memoized("enclosingScope", () => new Map<number, SyntaxNode>());
  const own = node.id;
  const hit = perTree.get(own);
  if (hit) return hit;
  const walked = [own];
  let found: SyntaxNode | undefined;
  for (let n = node.parent; n; n = n.parent) {
    if (isScope(n)) {
      found = n;
      break;
    }
    const id = n.id;
    found = perTree.get(id);
    if (found) break;
    walked.push(id);
  }
  // Every node but the root has a module above it.
  found ??= node.tree.rootNode;
  for (const id of walked) perTree.set(id, found);
  return found;
}

/** Identifiers bound by an assignment-like target (`a`, `a, (b, *c)`); attributes and subscripts bind nothing. */
function targetNames(target: SyntaxNode, out: SyntaxNode[]): void {
  switch (target.type) {
    case "identifier":
      out.push(target);
      return;
    case "attribute":
    case "subscript":
      return;
    default:
      for (const c of target.namedChildren) targetNames(c, out);
  }
}

function parameterNames(parameters: SyntaxNode, out: SyntaxNode[]): void {
  for (const p of parameters.namedChildren) {
    if (p.type === "identifier") out.push(p);
    else if (p.type === "default_parameter" || p.type === "typed_default_parameter") {
      const name = p.childForFieldName("name");
      if (name) out.push(name);
    } else if (
      p.type === "typed_parameter" ||
      p.type === "list_splat_pattern" ||
      p.type === "dictionary_splat_pattern"
    ) {
      const first = p.namedChildren[0];
      if (first?.type === "identifier") out.push(first);
      else if (first) parameterNames(first, out);
    }
  }
}

export type { Binding, BindingKind };

/** Names bound directly in `scope` (module, def, class, lambda or comprehension), nested scopes excluded. */
export function bindingsInScope(scope: SyntaxNode): readonly Binding[] {
  // Name lookups ask for the module's bindings once per reference: without the cache a large
  // file costs time quadratic in its length. Trees never change once parsed.
  const perTree = scope.tree.memoized("bindings", () => new Map<number, readonly Binding[]>());
  const cached = perTree.get(scope.id);
  if (cached) return cached;
  const result = computeBindingsInScope(scope);
  perTree.set(scope.id, result);
  return result;
}

/**
 * The bindings `name` has where `at` reads it: those of the nearest enclosing scope that binds it
 * (the module's, possibly none, when no scope does), with that scope.
 */
export function visibleBindings(
  at: SyntaxNode,
  name: string,
): { scope: SyntaxNode; bound: readonly Binding[] } {
  for (let scope = enclosingScope(at); ; scope = enclosingScope(scope)) {
    const bound = bindingsNamed(scope, name);
    if (bound.length > 0 || scope.type === "module") return { scope, bound };
  }
}

/**
 * The values a name's bindings assign, when every one is a plain `name = value` (not a loop
 * target, a parameter, an import or a tuple's item); undefined when one is not, or there is none.
 */
export function assignedValues(bound: readonly Binding[]): SyntaxNode[] | undefined {
  if (bound.length === 0) return undefined;
  const values: SyntaxNode[] = [];
  for (const b of bound) {
    const assignment = b.node.parent;
    const value =
      assignment?.type === "assignment" && assignment.childForFieldName("left")?.id === b.node.id
        ? assignment.childForFieldName("right")
        : null;
    if (!value) return undefined;
    values.push(value);
  }
  return values;
}

/** The bindings of one name in `scope` (as bindingsInScope, looked up by name). */
export function bindingsNamed(scope: SyntaxNode, name: string): readonly Binding[] {
  const perTree = scope.tree.memoized("byName", () => new Map<number, Map<string, Binding[]>>());
  let index = perTree.get(scope.id);
  if (!index) {
    index = new Map();
    for (const b of bindingsInScope(scope)) {
      const list = index.get(b.name);
      if (list) list.push(b);
      else index.set(b.name, [b]);
    }
    perTree.set(scope.id, index);
  }
  return index.get(name) ?? [];
}

function computeBindingsInScope(scope: SyntaxNode): Binding[] {
  const result: Binding[] = [];
  const add = (kind: BindingKind, nodes: SyntaxNode[]) => {
    for (const node of nodes) result.push({ name: node.text, kind, node });
  };
  const params = scope.childForFieldName("parameters");
  if (params) {
    const names: SyntaxNode[] = [];
    parameterNames(params, names);
    add("parameter", names);
  }
  const visit = (node: SyntaxNode): WalkStep => {
    switch (node.type) {
      case "function_definition":
      case "class_definition": {
        const name = node.childForFieldName("name");
        if (name) add("definition", [name]);
        return false;
      }
      case "lambda":
      case "list_comprehension":
      case "set_comprehension":
      case "dictionary_comprehension":
      case "generator_expression":
        return false;
      case "import_statement":
      case "import_from_statement":
        add("import", importedNameNodes(node));
        return false;
      case "global_statement":
      case "nonlocal_statement":
        add("global", node.namedChildren);
        return false;
      case "assignment":
      case "augmented_assignment":
      case "for_statement":
      case "for_in_clause": {
        const left = node.childForFieldName("left");
        // `order_item: OrderItem` alone assigns nothing (orm-review-6 R7): the loop above binds it.
        const annotationOnly = node.type === "assignment" && !node.childForFieldName("right");
        if (left && !annotationOnly) {
          const names: SyntaxNode[] = [];
          targetNames(left, names);
          add("assignment", names);
        }
        return true;
      }
      case "as_pattern_target":
      case "delete_statement": {
        const names: SyntaxNode[] = [];
        targetNames(node, names);
        add("assignment", names);
        return true;
      }
      case "named_expression": {
        const name = node.childForFieldName("name");
        if (name) add("assignment", [name]);
        return true;
      }
    }
    return true;
  };
  const body =
    FUNCTION_TYPES.has(scope.type) || scope.type === "class_definition"
      ? scope.childForFieldName("body")
      : scope; // modules, and comprehensions, which bind their loop targets
  if (body) walkNamed(body, visit);
  return result;
}

/** The identifier nodes an import statement binds (`import a.b` binds `a`). */
export function importedNameNodes(statement: SyntaxNode): SyntaxNode[] {
  const out: SyntaxNode[] = [];
  for (const name of statement.childrenForFieldName("name")) {
    if (name.type === "aliased_import") {
      const alias = name.childForFieldName("alias");
      if (alias) out.push(alias);
    } else if (name.type === "dotted_name") {
      const first = name.namedChildren[0];
      if (first) out.push(first);
    }
  }
  return out;
}

function isParameterName(identifier: SyntaxNode): boolean {
  let parent = identifier.parent;
  if (!parent) return false;
  if (parent.type === "parameters" || parent.type === "lambda_parameters") return true;
  if (parent.type === "default_parameter" || parent.type === "typed_default_parameter")
    return parent.childForFieldName("name")?.id === identifier.id;
  if (parent.type === "list_splat_pattern" || parent.type === "dictionary_splat_pattern") {
    parent = parent.parent;
    if (parent?.type === "typed_parameter") parent = parent.parent;
    return parent?.type === "parameters" || parent?.type === "lambda_parameters";
  }
  if (parent.type === "typed_parameter") return parent.namedChildren[0]?.id === identifier.id;
  return false;
}

/** Is this identifier a read of a variable (not an attribute name, keyword name or import part)? */
export function isNameReference(identifier: SyntaxNode): boolean {
  const parent = identifier.parent;
  if (!parent) return false;
  if (parent.type === "attribute" && parent.childForFieldName("attribute")?.id === identifier.id)
    return false;
  if (parent.type === "keyword_argument" && parent.childForFieldName("name")?.id === identifier.id)
    return false;
  if (isParameterName(identifier)) return false;
  if (
    (parent.type === "function_definition" || parent.type === "class_definition") &&
    parent.childForFieldName("name")?.id === identifier.id
  )
    return false;
  for (let n: SyntaxNode | null = parent; n; n = n.parent) {
    if (n.type === "import_statement" || n.type === "import_from_statement") return false;
    if (n.type === "block" || n.type === "expression_statement") break;
  }
  return true;
}

/**
 * Every read of `name` that resolves to `scope`'s binding: references in `scope` itself and in
 * nested scopes that do not bind `name` again.
 */
export function referencesInScope(scope: SyntaxNode, name: string): readonly SyntaxNode[] {
  // Asked again for each binding and use of a name (value kinds, mapping uses): walked once.
  const perTree = scope.tree.memoized(
    "referencesInScope",
    () => new Map<string, readonly SyntaxNode[]>(),
  );
  const key = `${scope.id}:${name}`;
  let found = perTree.get(key);
  if (!found) perTree.set(key, (found = referencesWalked(scope, name)));
  return found;
}

function referencesWalked(scope: SyntaxNode, name: string): SyntaxNode[] {
  const result: SyntaxNode[] = [];
  // `countHere` is false inside a class body that rebinds the name: its own reads see the class
  // attribute, but functions and comprehensions nested in it skip class scope and see ours.
  const visit = (node: SyntaxNode, countHere = true): void =>
    walkNamed(node, (child) => {
      const type = child.type;
      if (type === "identifier") {
        if (
          countHere &&
          child.endIndex - child.startIndex === name.length &&
          child.text === name &&
          isNameReference(child)
        )
          result.push(child);
        return false;
      }
      if (!SCOPE_TYPES.has(type)) return true;
      const body = child.childForFieldName("body");
      const rebinds = bindingsInScope(child).some((b) => b.name === name && b.kind !== "global");
      if (type === "function_definition" || type === "class_definition") {
        // Default values, annotations and base classes run in the outer scope.
        for (const part of child.namedChildren) if (part.id !== body?.id) visit(part, countHere);
        if (body && !rebinds) visit(body);
        else if (body && type === "class_definition") visit(body, false);
      } else if (!rebinds) {
        visit(child);
      }
      return false;
    });
  const body =
    FUNCTION_TYPES.has(scope.type) || scope.type === "class_definition"
      ? scope.childForFieldName("body")
      : scope;
  if (body) visit(body);
  return result;
}

/** Names used anywhere in `node`'s text as identifiers, for picking a fresh name. */
export function identifiersUsedIn(node: SyntaxNode): Set<string> {
  return new Set(node.descendantsOfType("identifier").map((n) => n.text));
}

/** A short name not used in `node`: preferred first, then preferred + 1, 2, ... */
export function freshName(node: SyntaxNode, preferred: string[]): string {
  const used = identifiersUsedIn(node);
  for (const name of preferred) if (!used.has(name)) return name;
  const base = preferred[0] ?? "item";
  for (let i = 1; ; i++) if (!used.has(`${base}${i}`)) return `${base}${i}`;
}
