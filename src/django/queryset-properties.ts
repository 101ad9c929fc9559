import type { ProjectFacts, QuerysetPropertyFacts, SyntaxNode } from "../model/types.js";
import type { InstanceProof, QuerysetProof } from "./proof-types.js";
import { QUERYSET_RETURNING } from "./api.js";
import { onlyReturned } from "../python/shapes.js";

// Issue 23 item 8: a model's `@property` whose body only builds a queryset
// (`return self.orders.filter(closed=False).order_by("-created")`) makes no query when read: it is
// a queryset, evaluated with `async for` or an `a*` terminal, not a relation loaded lazily. The
// pre-pass names such properties of each model class body, with the root of their chain.

/** Chain steps that would lock rows or leave the QuerySet class: not a plain lazy queryset. */
const NOT_LAZY = new Set(["select_for_update", "raw"]);

/** Steps after which iteration yields dicts or tuples, not instances. */
const VALUES = new Set(["values", "values_list", "dates", "datetimes"]);

/** Names of a class body's `@property` / `@cached_property` defs that return a queryset chain. */
export function querysetPropertiesOf(
  body: SyntaxNode | null,
): Record<string, QuerysetPropertyFacts> {
  const found: Record<string, QuerysetPropertyFacts> = {};
  for (const member of body?.namedChildren ?? []) {
    if (member.type !== "decorated_definition") continue;
    const decorators = member.namedChildren.filter((d) => d.type === "decorator");
    const def = member.childForFieldName("definition");
    if (
      decorators.length !== 1 ||
      !/^@\s*(functools\.)?(property|cached_property)\s*$/.test(decorators[0].text)
    )
      continue;
    if (def?.type !== "function_definition" || def.children.some((c) => c.type === "async"))
      continue;
    const parameters = def.childForFieldName("parameters")?.namedChildren ?? [];
    if (parameters.length !== 1 || parameters[0].text !== "self") continue;
    const returned = onlyReturned(def.childForFieldName("body"));
    const chain = returned && querysetChain(returned);
    if (chain) found[def.childForFieldName("name")!.text] = chain;
  }
  return found;
}

/**
 * `self.<name>.<step>(...)...` or `<Model>.objects.<step>(...)...`: at least one step, each one
 * of Django's queryset-returning methods, every argument computed in memory (see inMemory).
 */
function querysetChain(expr: SyntaxNode): QuerysetPropertyFacts | undefined {
  let values = false;
  let steps = 0;
  let node = expr;
  while (node.type === "call" || node.type === "subscript") {
    // `qs[:50]`: LIMIT, still lazy; `qs[0]` would run the query.
    if (node.type === "subscript") {
      const slice = node.childForFieldName("subscript");
      if (slice?.type !== "slice" || !slice.namedChildren.every(inMemory)) return undefined;
      node = node.childForFieldName("value")!;
      continue;
    }
    const callee = node.childForFieldName("function");
    const method = callee?.type === "attribute" ? callee.childForFieldName("attribute")?.text : "";
    if (!method || !QUERYSET_RETURNING.has(method) || NOT_LAZY.has(method)) return undefined;
    const args = node.childForFieldName("arguments");
    if (args?.type !== "argument_list" || !args.namedChildren.every(inMemory)) return undefined;
    if (VALUES.has(method)) values = true;
    steps++;
    node = callee!.childForFieldName("object")!;
  }
  if (steps === 0 || node.type !== "attribute") return undefined;
  const owner = node.childForFieldName("object");
  const name = node.childForFieldName("attribute")?.text ?? "";
  if (owner?.type !== "identifier") return undefined;
  const root = owner.text === "self" ? `self.${name}` : name === "objects" ? owner.text : undefined;
  return root ? { root, ...(values ? { values: true } : {}) } : undefined;
}

/**
 * An argument that reads nothing lazily: literals, `self` (its key), `self.pk`/`id`/`<fk>_id`,
 * class constants (`Status.OPEN`), `F("x")`/`Q(...)`/`Value(...)` of such, keywords of such.
 */
function inMemory(arg: SyntaxNode): boolean {
  switch (arg.type) {
    case "comment":
    case "string":
    case "integer":
    case "float":
    case "true":
    case "false":
    case "none":
      return arg.type !== "string" || arg.descendantsOfType("interpolation").length === 0;
    case "identifier":
      return arg.text === "self";
    case "keyword_argument":
    case "list_splat":
    case "dictionary_splat":
      return inMemory(arg.childForFieldName("value") ?? arg.namedChildren.at(-1)!);
    case "list":
    case "tuple":
    case "unary_operator":
    case "binary_operator":
      return arg.namedChildren.every(inMemory);
    case "attribute": {
      const owner = arg.childForFieldName("object");
      const name = arg.childForFieldName("attribute")?.text ?? "";
      if (owner?.text === "self") return /^(pk|id|\w+_id)$/.test(name);
      return /^[A-Z]\w*(\.[A-Z]\w*)*$/.test(owner?.text ?? "") && /^[A-Z][A-Z0-9_]*$/.test(name);
    }
    case "call": {
      const callee = arg.childForFieldName("function")?.text ?? "";
      const args = arg.childForFieldName("arguments");
      return (
        /^(models\.)?(F|Q|Value)$/.test(callee) &&
        args?.type === "argument_list" &&
        args.namedChildren.every(inMemory)
      );
    }
  }
  return false;
}

/**
 * `shop.open_orders` where `shop` is a proven instance whose model's property `open_orders` only
 * builds a queryset on one of its related managers or on a project model's `objects`.
 */
export function querysetPropertyProof(
  project: ProjectFacts,
  expr: SyntaxNode,
  instanceOf: (owner: SyntaxNode) => InstanceProof | undefined,
): QuerysetProof | undefined {
  const owner = expr.childForFieldName("object");
  const attribute = expr.childForFieldName("attribute")?.text ?? "";
  const instance = owner?.type === "identifier" ? instanceOf(owner) : undefined;
  const facts = instance && project.models[instance.model];
  const property = facts?.querysetProperties?.[attribute];
  if (!facts || !property) return undefined;
  const proof = {
    selected: new Set<string>(),
    locksRows: false,
    yieldsInstances: !property.values,
  };
  if (!property.root.startsWith("self.")) {
    return project.models[property.root] ? { model: property.root, ...proof } : undefined;
  }
  // `self.orders`: a manager only when the pre-pass knows it as one (not a ForeignKey's read).
  const name = property.root.slice("self.".length);
  const related = [...(facts.manyToMany ?? []), ...(facts.reverse ?? [])];
  return related.includes(name) || /^[a-z_][a-z0-9_]*_set$/.test(name)
    ? { model: "", ...proof }
    : undefined;
}
