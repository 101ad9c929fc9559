import type { SyntaxNode } from "../model/types.js";
import { isInMemory } from "../python/effects.js";
import { columnKindOf } from "./model-columns.js";

// orm-review-4 P15: `@property def slug(self): return slugify(self.name)` reads a column the
// row loaded and computes in memory: reading `cat.slug` runs no query. The pre-pass names such
// properties of each model class, read from the class body: the body is one `return` over the
// instance's plain columns (Django's own plain fields, `pk`, `<relation>_id`), literals, f-strings,
// class constants, builtins and functions of modules known to compute in memory (`slugify`,
// `gettext`), and the methods of those plain values. No other attribute of `self` (a relation,
// a property, a method), no call of the project.

const PROPERTY_DECORATORS =
  /^@\s*(?:(?:functools|django\.utils\.functional)\s*\.\s*)?(?:property|cached_property)\s*$/;

/** Builtins that compute a value from plain values. */
const PURE_BUILTINS = new Set([
  "str",
  "int",
  "float",
  "bool",
  "len",
  "round",
  "abs",
  "min",
  "max",
  "sum",
  "sorted",
  "repr",
  "format",
  "tuple",
  "list",
  "dict",
  "set",
]);

/** Expression nodes that compute in memory, given their children do. */
const PURE_NODES = new Set([
  "comparison_operator",
  "boolean_operator",
  "not_operator",
  "binary_operator",
  "unary_operator",
  "parenthesized_expression",
  "conditional_expression",
  "tuple",
  "list",
  "set",
  "dictionary",
  "pair",
  "integer",
  "float",
  "true",
  "false",
  "none",
  "argument_list",
  "keyword_argument",
  "subscript",
  "slice",
]);

/** Modules whose functions compute in memory but whose values' methods may not (files). */
const NOT_PURE_MODULES = /^(pathlib|django\.db\.models)(\.|$)/;

/** The plain columns of a model body (Django's own plain fields), `pk`, `id`, `<relation>_id`. */
function plainColumnsOf(body: SyntaxNode | null, imports?: Map<string, string>): Set<string> {
  const columns = new Set(["pk", "id"]);
  for (const statement of body?.namedChildren ?? []) {
    const assignment =
      statement.type === "expression_statement" ? statement.namedChildren[0] : null;
    const target = assignment?.childForFieldName("left");
    const value = assignment?.childForFieldName("right");
    if (target?.type !== "identifier" || value?.type !== "call") continue;
    const kind = columnKindOf(value, imports);
    if (kind === "scalar" || kind === "json") columns.add(target.text);
    const callee = value.childForFieldName("function")?.text ?? "";
    if (/(^|\.)(ForeignKey|OneToOneField)$/.test(callee)) columns.add(`${target.text}_id`);
  }
  return columns;
}

/** The names of a model body's properties whose whole work is a pure `return` (see above). */
export function purePropertiesOf(body: SyntaxNode | null, imports?: Map<string, string>): string[] {
  const columns = plainColumnsOf(body, imports);
  const pure = (expr: SyntaxNode): boolean => isPure(expr, columns, imports);
  return (body?.namedChildren ?? []).flatMap((member) => {
    if (member.type !== "decorated_definition") return [];
    const def = member.childForFieldName("definition");
    const decorators = member.namedChildren.filter((c) => c.type === "decorator");
    if (def?.type !== "function_definition" || def.children.some((c) => c.type === "async"))
      return [];
    if (decorators.length !== 1 || !PROPERTY_DECORATORS.test(decorators[0].text)) return [];
    const parameters = def.childForFieldName("parameters")?.namedChildren ?? [];
    if (parameters.length !== 1 || parameters[0].text !== "self") return [];
    const parts = guardedReturns(def.childForFieldName("body"));
    return parts && parts.every(pure) ? [def.childForFieldName("name")!.text] : [];
  });
}

/**
 * orm-human-6 G3c: the expressions a body computes when it is only guards and returns (`if
 * self.expires_at is None: return False` then `return timezone.now() > self.expires_at`): each
 * `if`/`elif` condition and each returned value. Undefined for any other statement.
 */
function guardedReturns(block: SyntaxNode | null, depth = 0): SyntaxNode[] | undefined {
  const statements = (block?.namedChildren ?? []).filter((s) => s.type !== "comment");
  const isDocstring = (s: SyntaxNode | undefined) =>
    s?.type === "expression_statement" && s.namedChildren[0]?.type === "string";
  const parts: SyntaxNode[] = [];
  for (const [i, statement] of statements.entries()) {
    if (i === 0 && depth === 0 && isDocstring(statement)) continue;
    if (statement.type === "return_statement") {
      const value = statement.namedChildren[0];
      if (value) parts.push(value);
    } else if (statement.type === "if_statement" && depth < 3) {
      const branches = [statement, ...statement.namedChildren.filter(isClause)];
      for (const branch of branches) {
        const condition = branch.childForFieldName("condition");
        if (condition) parts.push(condition);
        const body = branch.childForFieldName("consequence") ?? branch.childForFieldName("body");
        const inner = guardedReturns(body, depth + 1);
        if (!inner) return undefined;
        parts.push(...inner);
      }
    } else if (statement.type !== "pass_statement") return undefined;
  }
  return parts;
}

function isClause(node: SyntaxNode): boolean {
  return node.type === "elif_clause" || node.type === "else_clause";
}

function isPure(
  expr: SyntaxNode,
  columns: ReadonlySet<string>,
  imports?: Map<string, string>,
): boolean {
  const pure = (e: SyntaxNode): boolean => e.type === "comment" || isPure(e, columns, imports);
  switch (expr.type) {
    case "attribute": {
      const object = expr.childForFieldName("object");
      const attribute = expr.childForFieldName("attribute")?.text ?? "";
      if (object?.type !== "identifier") return false;
      if (object.text === "self") return columns.has(attribute);
      // `ChatType.PRO`: a constant of a class (an enum, a TextChoices).
      return /^[A-Z]/.test(object.text) && /^[A-Z][A-Z0-9_]*$/.test(attribute);
    }
    case "string":
      return expr.descendantsOfType("interpolation").every((i) => i.namedChildren.every(pure));
    case "concatenated_string":
      return expr.namedChildren.every(pure);
    case "call":
      return isPureCall(expr, pure, imports);
  }
  return PURE_NODES.has(expr.type) && expr.namedChildren.every(pure);
}

/**
 * `slugify(self.name)`, `str(self.pk)`, `self.name.lower()`, `"-".join(...)`: a pure builtin, a
 * function of an in-memory module, or a method of a plain value, on pure arguments.
 */
function isPureCall(
  call: SyntaxNode,
  pure: (e: SyntaxNode) => boolean,
  imports?: Map<string, string>,
): boolean {
  const callee = call.childForFieldName("function");
  const args = call.childForFieldName("arguments");
  if (!callee || !args || args.type !== "argument_list" || !pure(args)) return false;
  if (callee.type === "identifier") {
    const module = imports?.get(callee.text);
    if (module === undefined) return PURE_BUILTINS.has(callee.text);
    const qualified = `${module}.${callee.text}`;
    return isInMemory(qualified) && !NOT_PURE_MODULES.test(qualified);
  }
  if (callee.type !== "attribute") return false;
  const receiver = callee.childForFieldName("object")!;
  // `timezone.now()` (`from django.utils import timezone`), `datetime.date.today()`.
  const module = moduleCalled(callee, imports);
  if (module) return isInMemory(module) && !NOT_PURE_MODULES.test(module);
  // A method of a plain value: a column read, a string, or a builtin's str/number.
  const plainReceiver =
    receiver.type === "string" ||
    (receiver.type === "attribute" && pure(receiver)) ||
    (receiver.type === "call" &&
      receiver.childForFieldName("function")?.type === "identifier" &&
      PURE_BUILTINS.has(receiver.childForFieldName("function")!.text) &&
      imports?.get(receiver.childForFieldName("function")!.text) === undefined &&
      pure(receiver));
  return plainReceiver;
}

/** The qualified name of `module.function` through the file's imports, when its root is one. */
function moduleCalled(callee: SyntaxNode, imports?: Map<string, string>): string | undefined {
  let root = callee;
  while (root.type === "attribute") root = root.childForFieldName("object")!;
  const module = root.type === "identifier" ? imports?.get(root.text) : undefined;
  if (module === undefined) return undefined;
  // `import datetime` binds the module itself; `from django.utils import timezone` a submodule.
  return module === root.text ? callee.text : `${module}.${callee.text}`;
}
