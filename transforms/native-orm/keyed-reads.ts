import type { SyntaxNode } from "../../src/model/types.js";
import {
  isKeywordArguments,
  plainKindOf,
  unknownKindReason,
} from "../../src/python/value-kinds.js";
import { isClassConstant, isInMemoryValue, shortened } from "./no-async-api.js";
import type { OrmFile, Problem } from "./types.js";
import { isImportedContainer } from "../../src/python/imported-constants.js";

// In a wrapper to convert, a read by key or a membership test must run no query: a plain mapping
// or a local container, not a database-backed session or a cache (AS205).

/**
 * Attributes that hold a plain mapping or sequence built in memory before the wrapper runs: an
 * HttpRequest's parsed query, form, headers and cookies (DRF's `data` and `query_params`), a
 * form's or serializer's cleaned values, a view's URL arguments, a Channels consumer's scope.
 * Not `session` (a database-backed session loads with a query at its first read by key).
 */
const IN_MEMORY_ATTRIBUTES = new Set([
  "GET",
  "POST",
  "META",
  "COOKIES",
  "FILES",
  "headers",
  "query_params",
  "data",
  "cleaned_data",
  "validated_data",
  "initial_data",
  "kwargs",
  "args",
  "scope",
]);

/** Modules whose attributes read by key are plain values: settings, the environment. */
const IN_MEMORY_KEYED = /^(django\.conf\.settings|os\.environ|sys\.argv)(\.|$)/;

/**
 * Is reading `value` by key or membership known to run no query? A value proven plain or held
 * in memory, `**kwargs`, a call (whose own check says whether it stays off the database), a
 * queryset (its indexing is AS204's), a model instance, or a request's parsed data.
 */
function isKeyedInMemory(f: OrmFile, value: SyntaxNode): boolean {
  if (value.type === "call" || value.type === "subscript") return true;
  // `status not in (Turn.CLAIMED, Turn.RUNNING)`: a container written out compares its items
  // with ==, which runs no query whatever they are (orm-review-5 Q24).
  if (["tuple", "list", "set"].includes(value.type)) return true;
  if (isClassConstant(f, value)) return true;
  if (value.type === "parenthesized_expression")
    return value.namedChildren.length !== 1 || isKeyedInMemory(f, value.namedChildren[0]);
  if (isInMemoryValue(f, value) || plainKindOf(value) || isKeywordArguments(value)) return true;
  if (isImportedContainer(value)) return true;
  if (f.proofs.querysetOf(value)) return true;
  if (value.type === "identifier") return !!f.proofs.instanceOf(value);
  if (value.type !== "attribute") return false;
  const qualified = f.file.qualifiedName(value);
  if (qualified && IN_MEMORY_KEYED.test(qualified)) return true;
  const attribute = value.childForFieldName("attribute")!.text;
  return IN_MEMORY_ATTRIBUTES.has(attribute);
}

/**
 * In a wrapper to convert, `x["key"]`, `x["key"] = v`, `del x["key"]` and `"key" in x` on a value
 * not proven held in memory: `request.session["cart_id"]` loads a database-backed session with
 * a query, and a cache's or a lazy object's read by key may too (AS205).
 */
export function keyedReadProblem(f: OrmFile, node: SyntaxNode): Problem | undefined {
  const value =
    node.type === "subscript" ? node.childForFieldName("value") : membershipContainer(node);
  if (!value || isKeyedInMemory(f, value)) return undefined;
  const why = unknownKindReason(value);
  return {
    code: "AS205",
    node,
    message: `${shortened(node)} ${keyedUse(node)} ${value.text}, which is not known to stay off the database: ${value.text} is not proven a mapping held in memory (a database-backed session loads with a query at its first read, a cache goes over the network)${why ? `: ${why}` : ""}`,
  };
}

/** What `x[k]` or `k in x` does with `x`: reads, writes or deletes by key, or tests membership. */
function keyedUse(node: SyntaxNode): string {
  if (node.type !== "subscript") return "tests membership in";
  const parent = node.parent;
  if (parent?.type === "delete_statement" || parent?.parent?.type === "delete_statement")
    return "deletes a key of";
  const written =
    (parent?.type === "assignment" || parent?.type === "augmented_assignment") &&
    parent.childForFieldName("left")?.id === node.id;
  return written ? "writes a key of" : "reads a key of";
}

/** The container of `x in c` / `x not in c`. */
function membershipContainer(node: SyntaxNode): SyntaxNode | undefined {
  if (node.type !== "comparison_operator") return undefined;
  const ops = node.children.filter((c) => !c.isNamed).map((c) => c.type);
  if (ops.length !== 1 || (ops[0] !== "in" && ops[0] !== "not in")) return undefined;
  return node.namedChildren[1];
}
