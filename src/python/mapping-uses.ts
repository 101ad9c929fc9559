import type { SyntaxNode } from "../model/types.js";
import { bindingsNamed, referencesInScope, visibleBindings } from "./scope.js";
import { stringLiteralValue } from "./shapes.js";

// Names whose uses show what they hold: a parameter or loop item read only with string keys is a
// mapping (value-kinds.ts), and what a diagnostic says when a name's kind is not known.

/**
 * A parameter or loop item with no annotation, every use of which is a mapping's: string keys
 * read with `x["key"]`, `x.get("key")`, `x.pop("key")`, `x.setdefault("key", ...)`, `"key" in
 * x`, and `x` handed on whole (to a call, a loop, a return). No database object takes these: a
 * QuerySet's `get` takes no positional string, a manager or a model instance has no `pop`.
 */
export function usedAsMapping(name: SyntaxNode, scope: SyntaxNode): "json" | undefined {
  if (STORE_NAME.test(name.text)) return undefined;
  let keyed = false;
  // The loop targets and assignments that bind the name are no uses (each binding is judged).
  const binds = new Set(bindingsNamed(scope, name.text).map((b) => b.node.id));
  for (const use of referencesInScope(scope, name.text)) {
    if (binds.has(use.id)) continue;
    const how = mappingUse(use);
    if (how === "no") return undefined;
    if (how === "key") keyed = true;
  }
  return keyed ? "json" : undefined;
}

/**
 * orm-review-5 Q17 (BLT `username.startswith("anon_")`, `username.split("_")`): a parameter with no
 * annotation whose uses are a string's: methods only `str` has among the objects a wrapper may
 * hold (no QuerySet, manager or model has `startswith`), called with literal arguments or none,
 * comparisons with a string literal, and the name handed on whole. A scalar held in memory.
 */
export function usedAsString(name: SyntaxNode, scope: SyntaxNode): "scalar" | undefined {
  if (STORE_NAME.test(name.text)) return undefined;
  let stringy = false;
  const binds = new Set(bindingsNamed(scope, name.text).map((b) => b.node.id));
  for (const use of referencesInScope(scope, name.text)) {
    if (binds.has(use.id)) continue;
    const how = stringUse(use);
    if (how === "no") return undefined;
    if (how === "str") stringy = true;
  }
  return stringy ? "scalar" : undefined;
}

/** Methods of `str` that no Django object (queryset, manager, model, form, file) has. */
const STR_ONLY_METHODS = new Set([
  "startswith",
  "endswith",
  "lower",
  "upper",
  "casefold",
  "strip",
  "lstrip",
  "rstrip",
  "split",
  "rsplit",
  "splitlines",
  "partition",
  "rpartition",
  "removeprefix",
  "removesuffix",
  "isdigit",
  "isalpha",
  "isalnum",
  "isspace",
  "isnumeric",
  "isdecimal",
  "zfill",
  "capitalize",
  "swapcase",
  "replace",
  "encode",
]);

/** An upper-case name the module binds once, at module level, to a string or a number. */
function isModuleConstant(arg: SyntaxNode): boolean {
  if (arg.type !== "identifier" || !/^[A-Z][A-Z0-9_]*$/.test(arg.text)) return false;
  const bound = bindingsNamed(arg.tree.rootNode, arg.text);
  const value = bound.length === 1 ? bound[0].node.parent : undefined;
  const right = value?.type === "assignment" ? value.childForFieldName("right") : undefined;
  return !!right && ["string", "integer", "float"].includes(right.type);
}

/** `(x or "")` as the receiver of a str-only method called with literal arguments. */
function isStrOnlyReceiver(or: SyntaxNode): boolean {
  const other = or.childForFieldName("right");
  if (or.children.find((c) => !c.isNamed)?.type !== "or" || other?.type !== "string") return false;
  let receiver = or;
  while (receiver.parent?.type === "parenthesized_expression") receiver = receiver.parent;
  const attribute = receiver.parent;
  if (attribute?.type !== "attribute" || attribute.childForFieldName("object")?.id !== receiver.id)
    return false;
  const method = attribute.childForFieldName("attribute")!.text;
  return attribute.parent?.type === "call" && STR_ONLY_METHODS.has(method);
}

/** `if x:`, `while x:`, `x and ...`: `use` is the condition tested for truth. */
function isTestOf(parent: SyntaxNode, use: SyntaxNode): boolean {
  if (parent.type === "boolean_operator") return true;
  const condition = parent.childForFieldName("condition");
  return (
    condition?.id === use.id &&
    ["if_statement", "elif_clause", "while_statement"].includes(parent.type)
  );
}

function stringUse(use: SyntaxNode): "str" | "whole" | "no" {
  const parent = use.parent;
  if (!parent) return "no";
  if (parent.type === "attribute" && parent.childForFieldName("object")?.id === use.id) {
    const call = parent.parent;
    const method = parent.childForFieldName("attribute")!.text;
    if (call?.type !== "call" || !STR_ONLY_METHODS.has(method)) return "no";
    const args = call.childForFieldName("arguments")?.namedChildren ?? [];
    // orm-human-7 K2: `text.replace(ANSWER_MARKER, "")`, a constant of the module as argument.
    return args.every((a) => ["string", "integer"].includes(a.type) || isModuleConstant(a))
      ? "str"
      : "no";
  }
  // orm-human-7 K1: `(deal_id or "").strip()`: a str method on `x or "<str>"`.
  if (parent.type === "boolean_operator" && isStrOnlyReceiver(parent)) return "str";
  // `if not text: return ""`: a test of truth, which a string passes or fails like any value.
  if (parent.type === "not_operator" || isTestOf(parent, use)) return "whole";
  if (parent.type === "comparison_operator") {
    const other = parent.namedChildren.find((n) => n.id !== use.id);
    return parent.namedChildren.length === 2 && other && stringLiteralValue(other) !== undefined
      ? "str"
      : "no";
  }
  if (parent.type === "interpolation") return "whole";
  if (parent.type === "argument_list" || parent.type === "keyword_argument") return "whole";
  return parent.type === "return_statement" ? "whole" : "no";
}

/**
 * Names of key-value stores read with string keys like a mapping, whose reads are I/O: Django's
 * `request.session` (a database-backed session loads with a query), a cache, a redis client.
 */
const STORE_NAME =
  /(^|_)(sessions?|caches?|redis|client|store|storage|kv|conn|connection|db)($|_)/i;

/** A key that names a field, not a URL or a path (`session.get("/api")` is a request). */
const KEY = /^[A-Za-z_][\w\- .]*$/;

function mappingUse(use: SyntaxNode): "key" | "whole" | "no" {
  const parent = use.parent;
  if (!parent) return "no";
  if (parent.type === "subscript" && parent.childForFieldName("value")?.id === use.id) {
    const index = parent.childForFieldName("subscript");
    const key = index ? stringLiteralValue(index) : undefined;
    return key !== undefined && KEY.test(key) ? "key" : "no";
  }
  if (parent.type === "attribute" && parent.childForFieldName("object")?.id === use.id) {
    const method = parent.childForFieldName("attribute")!.text;
    const call = parent.parent;
    if (call?.type !== "call" || !["get", "pop", "setdefault"].includes(method)) return "no";
    const first = call.childForFieldName("arguments")?.namedChildren[0];
    const key = first ? stringLiteralValue(first) : undefined;
    return key !== undefined && KEY.test(key) ? "key" : "no";
  }
  if (parent.type === "comparison_operator") {
    const ops = parent.children.filter((c) => !c.isNamed).map((c) => c.text);
    const first = parent.namedChildren[0];
    const key = first ? stringLiteralValue(first) : undefined;
    const membership = ops.length === 1 && (ops[0] === "in" || ops[0] === "not in");
    return membership && key !== undefined && parent.namedChildren[1]?.id === use.id ? "key" : "no";
  }
  if (parent.type === "argument_list" || parent.type === "keyword_argument") return "whole";
  if (parent.type === "return_statement") return "whole";
  // orm-review-9 R4 (codecov `if filters and filters.get("components"):`): a test of truth, which
  // any value takes; the string keys read elsewhere prove the mapping (a queryset's truth test
  // would query, but a queryset's get() takes no positional string).
  if (parent.type === "not_operator" || isTestOf(parent, use)) return "whole";
  if (
    (parent.type === "for_statement" || parent.type === "for_in_clause") &&
    parent.childForFieldName("right")?.id === use.id
  )
    return "whole";
  return "no";
}

/**
 * Why a name's kind is not known, for a diagnostic: what binds it and what that shows (`pr_data
 * is an unannotated parameter of save() and its use at line 12 (pr_data.refresh()) is not a
 * mapping's`). Undefined when there is nothing more to say than the name (an attribute, `self`).
 */
export function unknownKindReason(expr: SyntaxNode): string | undefined {
  if (expr.type !== "identifier") return undefined;
  const { scope, bound } = visibleBindings(expr, expr.text);
  const name = expr.text;
  if (bound.length === 0) return undefined;
  if (bound.length > 1)
    return `${name} is bound ${bound.length} times, not each time to a known value`;
  const b = bound[0].node;
  const parent = b.parent;
  const fn =
    scope.type === "function_definition" ? `${scope.childForFieldName("name")?.text}()` : "";
  if (parent?.type === "parameters" || parent?.type === "default_parameter") {
    // `self` and `cls`: the method's own object, which the message already names.
    if (parent.namedChildren[0]?.id === b.id && isMethod(scope)) return undefined;
    if (STORE_NAME.test(name))
      return `${name} is an unannotated parameter of ${fn} named like a session, cache or client, whose reads by key may query the database or the network`;
    const other = referencesInScope(scope, name).find((u) => mappingUse(u) === "no");
    if (!other)
      return `${name} is an unannotated parameter of ${fn} and no use of it reads a string key`;
    return `${name} is an unannotated parameter of ${fn} and its use at line ${other.startPosition.row + 1} (${useText(other)}) is not a mapping's`;
  }
  if (parent?.type === "typed_parameter" || parent?.type === "typed_default_parameter")
    return `${name} is a parameter of ${fn} annotated ${parent.childForFieldName("type")?.text}, not a known mapping, record or scalar`;
  if (parent?.type === "assignment" && parent.childForFieldName("left")?.id === b.id) {
    // Written on one line (orm-review-3 N11: a list over three lines printed as "[").
    const written = parent.childForFieldName("right")?.text.replace(/\s+/g, " ") ?? "";
    const right = written.length > 60 ? `${written.slice(0, 57)}...` : written;
    return `${name} is bound at line ${b.startPosition.row + 1} to ${right}, a result of unknown kind`;
  }
  return undefined;
}

/** A def in a class body (decorated or not). */
function isMethod(def: SyntaxNode): boolean {
  const statement = def.parent?.type === "decorated_definition" ? def.parent : def;
  return statement.parent?.type === "block" && statement.parent.parent?.type === "class_definition";
}

/** The expression a use of a name sits in, as written: `sym.lower()`, `qs[0]`. */
function useText(use: SyntaxNode): string {
  let n: SyntaxNode = use;
  while (
    n.parent &&
    (n.parent.type === "attribute" || n.parent.type === "call" || n.parent.type === "subscript") &&
    n.parent.startIndex === use.startIndex
  )
    n = n.parent;
  const text = n.text.split("\n")[0];
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

/**
 * `data` of `def f(**data)`: always a dict of the call's keyword arguments, whatever they hold.
 * Its own dict methods run in memory; its items are not known.
 */
export function isKeywordArguments(identifier: SyntaxNode): boolean {
  if (identifier.type !== "identifier") return false;
  const { bound } = visibleBindings(identifier, identifier.text);
  return bound.length === 1 && bound[0].node.parent?.type === "dictionary_splat_pattern";
}
