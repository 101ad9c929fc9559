import { RUN_TIME_LOOKUP } from "../../src/django/proof-parts.js";
import {
  DJANGO_MODEL_PLAIN_ATTRIBUTES,
  LIBRARY_MODEL_PLAIN_ATTRIBUTES,
} from "../../src/django/api.js";
import { COMMON_RELATION_NAMES, LIBRARY_MODEL_RELATIONS } from "../../src/django/library-models.js";
import type { SyntaxNode } from "../../src/model/types.js";
import { callArguments } from "../../src/python/calls.js";
import { stringLiteralValue } from "../../src/python/shapes.js";
import type { Conversion, OrmFile, Problem } from "./types.js";
import { indexedFunctionsNamed } from "./cross-calls.js";
import { isWrapperCall } from "./wrappers.js";
import { relatedPathModel } from "./related-paths.js";

// Reading a ForeignKey or OneToOne attribute the loading queryset did not select_related runs a
// sync query, which raises SynchronousOnlyOperation in async code (AS202).

/**
 * A read of an attribute: `node` is `object.attribute`, or a call that reads it by its literal
 * name (`getattr(user, "profile", None)`, `hasattr(user, "profile")`: orm-human-9 H4).
 */
export interface AttributeRead {
  node: SyntaxNode;
  object: SyntaxNode | null;
  attribute: string;
}

/** `x.attr` as a read. */
export function attributeRead(node: SyntaxNode): AttributeRead {
  const attribute = node.childForFieldName("attribute")?.text ?? "";
  return { node, object: node.childForFieldName("object"), attribute };
}

/**
 * `getattr(user, "profile", None)`, `hasattr(user, "profile")`: Python's builtins reading the
 * attribute named by a literal, as `user.profile` would (a relation loads its row there too).
 */
export function readByName(f: OrmFile, call: SyntaxNode): AttributeRead | undefined {
  const callee = call.childForFieldName("function");
  if (callee?.type !== "identifier" || !/^(getattr|hasattr)$/.test(callee.text)) return undefined;
  if (!f.file.isBuiltin(callee.text, callee)) return undefined;
  const [object, name] = callArguments(call);
  const attribute = name ? stringLiteralValue(name) : undefined;
  if (!object || object.type === "keyword_argument" || !attribute) return undefined;
  return /^[A-Za-z_]\w*$/.test(attribute) ? { node: call, object, attribute } : undefined;
}

/** Reading a ForeignKey/OneToOne attribute the loading queryset did not select_related. */
export function relationReadProblem(f: OrmFile, read: AttributeRead): Problem | undefined {
  const { node, object, attribute } = read;
  // `card.account`, `Card.objects.get(pk=pk).account` read off the call itself, or
  // `self.secret.tenant` where the class body annotates `secret` with a model (loaded elsewhere,
  // like a parameter: its queryset is out of sight).
  if (object?.type !== "identifier" && object?.type !== "call" && object?.type !== "attribute")
    return undefined;
  const parent = node.parent;
  // Writes and method calls on the instance are not reads of the relation.
  if (parent?.type === "assignment" && parent.childForFieldName("left")?.id === node.id)
    return undefined;
  if (parent?.type === "call" && parent.childForFieldName("function")?.id === node.id)
    return undefined;
  // `order_item.order.client`, a path of relations from a proven instance: attribute-reads.ts
  // says it whole (`select_related("order__client")`).
  if (object.type === "attribute" && relatedPathModel(f, object)) return undefined;
  const instance =
    object.type === "call" ? f.proofs.instanceReturned(object) : f.proofs.instanceOf(object);
  if (!instance) return undefined;
  // Loaded with the query that made the instance: no lazy load, whatever the field is.
  const selected = instance.selected === "all" || instance.selected.has(attribute);
  if (!f.proofs.knowsFieldsOf(instance.model))
    return selected || definedByClass(f, instance.model, attribute)
      ? undefined
      : unknownFieldRead(f, read, instance.model, instance.fromParameter);
  if (!f.proofs.relationsOf(instance.model).includes(attribute)) return undefined;
  if (instance.selected === "all" || instance.selected.has(attribute)) return undefined;
  if (object.type === "identifier" && loadedInThreadBefore(f, node, object.text, attribute))
    return undefined;
  // orm-review-6 R14: read before on every path here, the related row is cached on the instance.
  if (object.type === "identifier" && readBefore(f, node, object.text, attribute)) return undefined;
  if (object.type === "identifier" && fetchedBefore(f, node, object.text, attribute))
    return undefined;
  if (instance.selected.has(RUN_TIME_LOOKUP))
    return {
      code: "AS202",
      node,
      message: `${node.text} may load the related ${attribute} lazily, a sync query: the queryset that loads ${object.text} names a select_related or prefetch_related lookup known only at run time, which may or may not be ${attribute}`,
      severity: "info",
    };
  if (instance.fromParameter && object.type === "identifier" && isRebound(f, object))
    return {
      code: "AS202",
      node,
      message: `${node.text} may load the related ${attribute} lazily, a sync query: ${object.text} is a parameter bound again in this function, and not every binding that may reach this read loads ${attribute} with select_related("${attribute}") (the caller's queryset is not visible here)`,
      severity: "info",
    };
  if (instance.fromParameter)
    return {
      code: "AS202",
      node,
      message: `${node.text} may load the related ${attribute} lazily, a sync query, unless the caller used select_related("${attribute}"): ${object.text} is ${loadedOutOfSight(f, object)}, and the queryset that loaded it is not visible here`,
      severity: "info",
    };
  return {
    code: "AS202",
    node,
    message: `${node.text} loads the related ${attribute} lazily, a sync query: add select_related("${attribute}") to the queryset that loads ${object.text}`,
  };
}

/**
 * Was `<name>.<attribute>` read by a thread wrapper awaited before `node` in the same function
 * (`await sync_to_async(lambda: order.customer)()`, `sync_to_async(getattr)(order, "customer")`),
 * on a statement that runs before it, with `name` not bound again in between? The instance
 * caches the related object it loaded there: the read here runs no query.
 */
function loadedInThreadBefore(
  f: OrmFile,
  node: SyntaxNode,
  name: string,
  attribute: string,
): boolean {
  const def = f.file.enclosingDef(node);
  if (!def) return false;
  const read = new RegExp(
    `(^|[^\\w.])${name}\\s*\\.\\s*${attribute}\\b|getattr\\)\\(\\s*${name}\\s*,\\s*["']${attribute}["']`,
  );
  const rebound = f.file.bindingsNamed(def, name).map((b) => b.node.startIndex);
  return def.descendantsOfType("await").some((awaited) => {
    const call = awaited.namedChildren[0];
    if (call?.type !== "call" || !isWrapperCall(f, call) || !read.test(call.text)) return false;
    if (f.file.enclosingDef(call)?.id !== def.id) return false;
    return (
      statementRunsBefore(call, node) &&
      !rebound.some((at) => at > call.startIndex && at < node.startIndex)
    );
  });
}

/**
 * Was `<name>.<attribute>` read before `node` on every path to it, with `name` not bound again in
 * between: in a statement that ends before it, or in the condition of an `if`/`elif`/`while`
 * whose branches hold it (Ghostwriter: `if entry.oplog_id.project...: ... else: ...
 * entry.oplog_id.id`). The first read loaded the row; the instance caches it.
 */
function readBefore(f: OrmFile, node: SyntaxNode, name: string, attribute: string): boolean {
  const def = f.file.enclosingDef(node);
  if (!def) return false;
  const rebound = f.file.bindingsNamed(def, name).map((b) => b.node.startIndex);
  return def.descendantsOfType("attribute").some((read) => {
    if (read.startIndex >= node.startIndex || read.id === node.id) return false;
    if (read.childForFieldName("attribute")?.text !== attribute) return false;
    if (read.childForFieldName("object")?.text !== name) return false;
    if (f.file.enclosingDef(read)?.id !== def.id) return false;
    if (rebound.some((at) => at > read.startIndex && at < node.startIndex)) return false;
    return (
      (statementRunsBefore(read, node) && alwaysRuns(read, statementOf(read))) ||
      inConditionAbove(read, node)
    );
  });
}

/**
 * orm-human-7 K3: the native fetch relation-fetch.ts writes (`if order.customer_id is not None and
 * not Order.customer.is_cached(order): order.customer = await ...`) on a statement that runs
 * before `node`, `name` not bound again in between: the row is cached (or the key is None, which
 * the read answers without a query).
 */
function fetchedBefore(f: OrmFile, node: SyntaxNode, name: string, attribute: string): boolean {
  const def = f.file.enclosingDef(node);
  if (!def) return false;
  const idiom = new RegExp(
    `^${name}\\.${attribute}_id is not None and not \\w+\\.${attribute}\\.is_cached\\(${name}\\)$`,
  );
  const rebound = f.file.bindingsNamed(def, name).map((b) => b.node.startIndex);
  return def.descendantsOfType("if_statement").some((fetch) => {
    if (!idiom.test(fetch.childForFieldName("condition")?.text ?? "")) return false;
    if (f.file.enclosingDef(fetch)?.id !== def.id) return false;
    return (
      statementRunsBefore(fetch, node) &&
      !rebound.some((at) => at > fetch.startIndex && at < node.startIndex)
    );
  });
}

/**
 * Is `earlier` in the condition of an `if`/`elif`/`while` that holds `later` in a branch, and
 * evaluated whenever that branch runs (`if a and x.fk:` runs `x.fk` before its body, not its
 * `else`)?
 */
function inConditionAbove(earlier: SyntaxNode, later: SyntaxNode): boolean {
  for (let n = later.parent; n; n = n.parent) {
    if (!/^(if_statement|elif_clause|while_statement)$/.test(n.type)) continue;
    const condition = n.childForFieldName("condition");
    if (!condition || earlier.startIndex < condition.startIndex) continue;
    if (earlier.endIndex > condition.endIndex || later.startIndex < condition.endIndex) continue;
    const body = n.childForFieldName("consequence") ?? n.childForFieldName("body");
    const inBody = !!body && later.startIndex >= body.startIndex && later.endIndex <= body.endIndex;
    return alwaysRuns(earlier, condition) || (inBody && runsWhenTrue(earlier, condition));
  }
  return false;
}

/** The statement holding `node` directly in a block. */
function statementOf(node: SyntaxNode): SyntaxNode {
  let statement = node;
  while (statement.parent && statement.parent.type !== "block") statement = statement.parent;
  return statement;
}

/** Does evaluating `top` always evaluate `node` (no short-circuit, branch, lambda or loop on the way)? */
function alwaysRuns(node: SyntaxNode, top: SyntaxNode): boolean {
  for (let n = node; n.id !== top.id && n.parent; n = n.parent) {
    const parent = n.parent;
    if (/lambda|comprehension|generator_expression|function_definition|block/.test(parent.type))
      return false;
    if (parent.type === "boolean_operator" && parent.namedChildren[0]?.id !== n.id) return false;
    if (parent.type === "conditional_expression" && parent.namedChildren[1]?.id !== n.id)
      return false;
  }
  return true;
}

/** Is `node` evaluated whenever `condition` is true: reached only through `and`, `not` aside? */
function runsWhenTrue(node: SyntaxNode, condition: SyntaxNode): boolean {
  for (let n = node; n.id !== condition.id && n.parent; n = n.parent) {
    const parent = n.parent;
    const and =
      parent.type === "boolean_operator" && parent.childForFieldName("operator")?.text === "and";
    if (parent.type === "boolean_operator" && !and) return false;
    if (
      parent.type !== "boolean_operator" &&
      parent.type !== "parenthesized_expression" &&
      !alwaysRuns(n, parent)
    )
      return false;
  }
  return true;
}

/** Does the statement holding `earlier` end before `later`, in a block that holds `later` too? */
function statementRunsBefore(earlier: SyntaxNode, later: SyntaxNode): boolean {
  let statement: SyntaxNode | null = earlier;
  while (statement && statement.parent?.type !== "block") statement = statement.parent;
  if (!statement?.parent) return false;
  for (let n: SyntaxNode | null = later; n; n = n.parent)
    if (n.parent?.id === statement.parent.id) return statement.endIndex <= n.startIndex;
  return false;
}

/**
 * The project's class `model` defines `attribute` with a def (a property, a method): no field,
 * so no ForeignKey (issue 23 item 8). A property that queries is attribute-reads.ts's (AS205).
 */
function definedByClass(f: OrmFile, model: string, attribute: string): boolean {
  return indexedFunctionsNamed(f.ctx.project.index, attribute).some(
    (fn) => fn.className === model && !fn.nested,
  );
}

/** Attributes that never load a related object: the key and a foreign key's column. */
const NEVER_RELATED = /^(pk|id|\w+_id)$/;

/**
 * A read of an instance whose model is declared outside the project (an installed package, or
 * a `models` module not scanned): its fields are unknown, so whether the attribute is a
 * ForeignKey that loads lazily is not known; said as that, not as a relation (orm-review-3 N6).
 * Installed apps' columns we know of (waffle's `Flag.everyone`) are no relation.
 */
function unknownFieldRead(
  f: OrmFile,
  read: AttributeRead,
  model: string,
  fromParameter?: boolean,
): Problem | undefined {
  const { node, attribute } = read;
  const object = read.object!.text;
  if (NEVER_RELATED.test(attribute)) return undefined;
  if (DJANGO_MODEL_PLAIN_ATTRIBUTES[model]?.has(attribute)) return undefined;
  const imported = importedModel(f, model, node);
  if (imported && LIBRARY_MODEL_PLAIN_ATTRIBUTES[imported]?.has(attribute)) return undefined;
  if (imported && LIBRARY_MODEL_RELATIONS[imported]?.has(attribute))
    return {
      code: "AS202",
      node,
      message: `${node.text} loads the related ${attribute} lazily, a sync query: ${attribute} is a relation of ${imported}${fromParameter ? `, and ${object} is loaded out of sight: unless its queryset used select_related("${attribute}")` : `: add select_related("${attribute}") to the queryset that loads ${object}`}`,
      ...(fromParameter ? { severity: "info" as const } : {}),
    };
  // A class of a `models` module whose bases the pre-pass cannot follow (a package's base class).
  const why = f.ctx.project.modelsModuleClasses?.[model]
    ? `${model} is declared in the project, but its bases do not show whether it is a Django model, so its fields are not known`
    : `${model} is not declared in the project${imported && !imported.startsWith(".") ? ` (it is ${imported})` : ""}, so its fields are not known here`;
  const message = `${node.text}: whether ${attribute} is a ForeignKey or OneToOneField of ${model}, which would load its row lazily (a sync query), is not known: ${why}. If it is one, add select_related("${attribute}") where ${object} is loaded, by hand`;
  // orm-review-6 W1: `user` is a relation of so many library models that no rewrite takes it
  // for a plain field; nor a name that is a relation of one of the project's own models.
  const relationElsewhere = relationNameElsewhere(f, attribute);
  if (relationElsewhere)
    return {
      code: "AS202",
      node,
      message: `${message}: ${relationElsewhere}, so it is not taken for a plain field`,
      severity: "info",
    };
  return {
    code: "AS202",
    node,
    message,
    severity: "info",
    unsafe: true,
    assumes: `${attribute} is no ForeignKey of ${model}, or ${object} was loaded with it; no select_related is added`,
  };
}

/**
 * The qualified name of a model the file imports, under its own name or an alias (orm-review-6
 * R5b: `from oauth2_provider.models import AccessToken as OAuthAccessToken`).
 */
function importedModel(f: OrmFile, model: string, at: SyntaxNode): string | undefined {
  const direct = f.file.importBindingOf(model, at)?.qualified;
  if (direct) return direct;
  const found = [...f.file.importedNames()]
    .map((name) => f.file.importBindingOf(name, at)?.qualified)
    .filter((q) => q?.endsWith(`.${model}`));
  if (found.length === 1) return found[0];
  // R5c (daiv: `mcp.server.auth...AccessToken as MCPAccessToken` beside oauth2_provider's): the
  // one of them that is a library model known here.
  const known = found.filter(
    (q) => !!q && (LIBRARY_MODEL_RELATIONS[q] || LIBRARY_MODEL_PLAIN_ATTRIBUTES[q]),
  );
  return known.length === 1 ? known[0] : undefined;
}

/** Why an attribute name is likely a relation of a model whose fields are unknown, or undefined. */
function relationNameElsewhere(f: OrmFile, attribute: string): string | undefined {
  if (COMMON_RELATION_NAMES.has(attribute))
    return `${attribute} is a relation on many models of Django and its packages`;
  const owners = Object.entries(f.ctx.project.models).filter(([, m]) =>
    m.relations.includes(attribute),
  );
  if (owners.length > 0)
    return `${attribute} is a ForeignKey or OneToOneField of ${owners[0][0]} in this project`;
  return undefined;
}

/** How an instance proven by its annotation came here: a parameter, or a call's annotated result. */
function loadedOutOfSight(f: OrmFile, object: SyntaxNode): string {
  const bound =
    object.type === "identifier"
      ? f.file.bindingsNamed(f.file.enclosingScope(object), object.text)
      : [];
  if (object.type === "attribute") return "an attribute the class body annotates with its model";
  return bound.length === 1 && bound[0].kind === "assignment"
    ? `annotated with its model where a call returns it (line ${bound[0].node.startPosition.row + 1})`
    : "a parameter";
}

/** Is the name bound more than once where it is read (a parameter assigned again)? */
function isRebound(f: OrmFile, identifier: SyntaxNode): boolean {
  return f.file.bindingsNamed(f.file.enclosingScope(identifier), identifier.text).length > 1;
}

/**
 * Names the unsafe rewrites take for model instances without proof: if the wrapper reads
 * `<name>.<attr>.<...>`, `<attr>` may be a relation that loads lazily.
 */
export function unprovenChains(body: SyntaxNode, conversions: Conversion[]): Problem[] {
  const names = new Set<string>();
  for (const c of conversions) {
    if (c.proven || c.node.type !== "call") continue;
    const receiver = c.node.childForFieldName("function")?.childForFieldName("object");
    if (receiver?.type === "identifier") names.add(receiver.text);
  }
  return body
    .descendantsOfType("attribute")
    .filter((a) => {
      const object = a.childForFieldName("object");
      const inner = object?.type === "attribute" ? object.childForFieldName("object") : undefined;
      return inner?.type === "identifier" && names.has(inner.text);
    })
    .map((a) => ({
      code: "AS202",
      node: a.childForFieldName("object")!,
      message: `${a.childForFieldName("object")!.text} may be a relation that loads lazily (${
        a.childForFieldName("object")!.childForFieldName("object")!.text
      } is not proven a model instance)`,
    }));
}
