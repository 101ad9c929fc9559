import { RUN_TIME_USER } from "./user-model.js";
import { isThreadWrapper } from "./thread-wrappers.js";
import type { InstanceProof, QuerysetProof, SelectedRelations } from "./proof-types.js";
import { QUERYSET_RETURNING } from "./api.js";

export type { SelectedRelations };
import { lastSegment } from "../python/lookup.js";
import type { ProjectFacts, SyntaxNode } from "../model/types.js";
import { qualifiedName } from "../python/imports.js";
import { bindingsNamed, enclosingScope } from "../python/scope.js";
import { stringLiteralValue } from "../python/shapes.js";

// Small readings the proofs are built from: string arguments, positional arguments, relation
// sets, and the statement that binds a name.

export function unquoted(node: SyntaxNode): string | undefined {
  const value = stringLiteralValue(node);
  return value === undefined ? undefined : value.trim();
}

export function intersect(a: SelectedRelations, b: SelectedRelations): SelectedRelations {
  if (a === "all") return b;
  if (b === "all") return a;
  return new Set([...a].filter((x) => b.has(x)));
}

/**
 * What `prefetch_related("a", Prefetch("b__c", ...))` adds to the loaded relations: the first
 * segment of each lookup (a lookup computed at run time adds RUN_TIME_LOOKUP; no argument, nothing).
 */
export function prefetchedBy(call: SyntaxNode, before: SelectedRelations): SelectedRelations {
  if (before === "all") return "all";
  const selected = new Set(before);
  for (const arg of positionalArguments(call)) {
    const prefetch = prefetchObject(arg.type === "identifier" ? (onlyValueOf(arg) ?? arg) : arg);
    const lookup = prefetch ? positionalArguments(prefetch)[0] : arg;
    const value = lookup ? unquoted(lookup) : undefined;
    for (const path of value === undefined ? [RUN_TIME_LOOKUP] : lookupPaths(value))
      selected.add(path);
  }
  return selected;
}

/**
 * What a select_related or prefetch_related lookup loads: `"docket_entry__docket"` loads
 * `docket_entry` and, on it, `docket` (kept as the path `docket_entry__docket`, which no
 * attribute name can be, for reads like `rd.docket_entry.docket`).
 */
export function lookupPaths(lookup: string): string[] {
  const parts = lookup.split("__");
  return parts.map((_, i) => parts.slice(0, i + 1).join("__"));
}

/**
 * In a set of loaded relations: a lookup known at run time only (`prefetch_related(p)` with `p`
 * a parameter) may have loaded any relation; no field is named `*`.
 */
export const RUN_TIME_LOOKUP = "*";

/** `Prefetch(...)` (or `models.Prefetch(...)`), the call itself. */
function prefetchObject(expr: SyntaxNode): SyntaxNode | undefined {
  const callee = expr.type === "call" ? expr.childForFieldName("function") : undefined;
  return callee && /(^|\.)Prefetch$/.test(callee.text) ? expr : undefined;
}

/** The value of `name = <value>` when that is the name's only binding where it is read. */
function onlyValueOf(identifier: SyntaxNode): SyntaxNode | undefined {
  for (let scope = enclosingScope(identifier); ; scope = enclosingScope(scope)) {
    const bound = bindingsNamed(scope, identifier.text);
    if (bound.length > 1) return undefined;
    if (bound.length === 1) {
      const site = bindingSite(bound[0].node);
      return site?.type === "assignment" && site.childForFieldName("left")?.id === bound[0].node.id
        ? (site.childForFieldName("right") ?? undefined)
        : undefined;
    }
    if (scope.type === "module") return undefined;
  }
}

/** The call arguments, comments and keyword arguments left out. */
export function positionalArguments(call: SyntaxNode): SyntaxNode[] {
  const args = call.childForFieldName("arguments");
  if (!args || args.type !== "argument_list") return [];
  return args.namedChildren.filter(
    (c) =>
      c.type !== "comment" &&
      c.type !== "keyword_argument" &&
      c.type !== "list_splat" &&
      c.type !== "dictionary_splat",
  );
}

/** The statement-level node that binds `identifier` (an assignment, a for loop, a parameter...). */
export function bindingSite(identifier: SyntaxNode): SyntaxNode | undefined {
  for (let n = identifier.parent; n; n = n.parent) {
    switch (n.type) {
      case "assignment":
      case "augmented_assignment":
      case "for_statement":
      case "for_in_clause":
      case "named_expression":
      case "typed_parameter":
      case "typed_default_parameter":
      case "default_parameter":
      case "parameters":
      case "lambda_parameters":
      case "with_statement":
      case "import_statement":
      case "import_from_statement":
      case "function_definition":
      case "class_definition":
      case "global_statement":
      case "nonlocal_statement":
      case "delete_statement":
      case "except_clause":
        return n;
    }
  }
  return undefined;
}

/** Nodes that run their body later, or again, than where they stand: flow stops at them. */
const DEFERRED = new Set([
  "function_definition",
  "lambda",
  "class_definition",
  "generator_expression",
  "list_comprehension",
  "set_comprehension",
  "dictionary_comprehension",
]);
const LOOPS = new Set(["for_statement", "while_statement"]);

/**
 * `[str(t) for t in list(team_ids)]`: a comprehension's first iterable runs at once, where the
 * comprehension stands (orm-review-4 P19); the rest of it runs later, per item.
 */
function inFirstIterable(comprehension: SyntaxNode, use: SyntaxNode): boolean {
  if (!/comprehension$|^generator_expression$/.test(comprehension.type)) return false;
  const first = comprehension.namedChildren.find((c) => c.type === "for_in_clause");
  const iterable = first?.childForFieldName("right");
  return !!iterable && iterable.startIndex <= use.startIndex && use.endIndex <= iterable.endIndex;
}

/** The statement of a plain `name = <value>` binding (tuple targets included), if it is one. */
function assignmentStatementOf(bound: SyntaxNode): SyntaxNode | undefined {
  const site = bindingSite(bound);
  if (site?.type !== "assignment" || site.parent?.type !== "expression_statement") return undefined;
  const left = site.childForFieldName("left");
  return left && left.startIndex <= bound.startIndex && bound.endIndex <= left.endIndex
    ? site.parent
    : undefined;
}

function contains(outer: SyntaxNode, inner: SyntaxNode): boolean {
  return outer.startIndex <= inner.startIndex && inner.endIndex <= outer.endIndex;
}

/**
 * The binding of a name that reaches the read `use` on every path, when the flow shows it: the
 * last binding before the read is an assignment statement of a block holding the read (so it ran
 * just before, not in a branch that may not have), and no binding in a loop around the read can
 * reach it from an earlier iteration. `bindings` are the name's binding identifiers in its scope;
 * an assignment whose right side holds the read binds only after it.
 */
export function reachingAssignment(
  use: SyntaxNode,
  bindings: readonly SyntaxNode[],
): SyntaxNode | undefined {
  let last: SyntaxNode | undefined;
  for (const bound of bindings) {
    if (bound.startIndex >= use.startIndex) continue;
    const statement = assignmentStatementOf(bound);
    if (statement && contains(statement, use)) continue;
    if (!last || bound.startIndex > last.startIndex) last = bound;
  }
  const statement = last && assignmentStatementOf(last);
  if (!last || !statement) return undefined;
  for (let n: SyntaxNode | null = use; n; n = n.parent) {
    if (DEFERRED.has(n.type) && n.id !== use.id && !inFirstIterable(n, use)) return undefined;
    // A loop around the read but not the assignment: a binding in it reaches the next iteration.
    if (LOOPS.has(n.type) && bindings.some((b) => b.id !== last!.id && contains(n!, b)))
      return undefined;
    if (n.parent?.id === statement.parent?.id)
      return statement.endIndex <= n.startIndex ? last : undefined;
  }
  return undefined;
}

/**
 * The binding of an instance's name that reaches `use`: the target of the loop whose body holds it
 * (orm-review-7 S1: in `for login in qs.select_related("client_session"): ... login.x`, whatever
 * an earlier loop bound `login` to, when the body binds it no more), or reachingAssignment's.
 */
export function reachingBinding(
  use: SyntaxNode,
  bindings: readonly SyntaxNode[],
): SyntaxNode | undefined {
  return loopTargetAround(use, bindings) ?? reachingAssignment(use, bindings);
}

function loopTargetAround(
  use: SyntaxNode,
  bindings: readonly SyntaxNode[],
): SyntaxNode | undefined {
  for (let n = use.parent; n; n = n.parent) {
    if (DEFERRED.has(n.type)) return undefined;
    if (n.type !== "for_statement") continue;
    const target = n.childForFieldName("left");
    const body = n.childForFieldName("body");
    if (!body || !contains(body, use)) continue;
    if (target?.type !== "identifier" || !bindings.some((b) => b.id === target.id)) continue;
    return bindings.some((b) => b.id !== target.id && contains(body, b)) ? undefined : target;
  }
  return undefined;
}

/**
 * A capitalised name from a module called `models` is taken for a model outside the scanned
 * paths, unless the pre-pass saw that class in a `models` module of the project and every base
 * of it lies outside the ORM (a pydantic `CardRequest(BaseModel)`).
 */
export function mayBeUnseenModel(project: ProjectFacts, module: string, name: string): boolean {
  return (
    lastSegment(module) === "models" &&
    /^[A-Z]/.test(name) &&
    project.modelsModuleClasses?.[name] !== "plain"
  );
}

/** Manager attributes every model has. */
export const DEFAULT_MANAGERS = new Set(["objects", "_default_manager", "_base_manager"]);

/**
 * The sync methods a model's manager class overrides with no async twin of its own: Django's
 * `Manager.acreate()` runs `QuerySet.create()` in a thread, never the manager's `create()`. For
 * `_default_manager` and `_base_manager`, any declared manager's. Also the sync methods whose
 * native name (`aget`) the manager class defines without them: the rewrite would call that one.
 */
export function bypassedMethods(project: ProjectFacts, model: string, manager: string): string[] {
  const overrides = project.models[model]?.managerOverrides ?? {};
  const methods =
    manager === "_default_manager" || manager === "_base_manager"
      ? Object.values(overrides).flat()
      : (overrides[manager] ?? []);
  const overridden = methods.filter((m) => !methods.includes(`a${m}`));
  // A manager defining `aget` and no `get`: Django's name for the native form of `get()` is taken
  // by the project's own method (one that returns None for a missing row, say).
  const shadowed = methods
    .filter((m) => /^a[a-z]/.test(m) && !methods.includes(m.slice(1)))
    .map((m) => m.slice(1));
  return [...overridden, ...shadowed];
}

/** Does the statement assigning `value` run, unconditionally, before `use` in the same block? */
export function runsBefore(value: SyntaxNode, use: SyntaxNode): boolean {
  const statement = value.parent?.parent;
  if (!statement) return false;
  for (let n: SyntaxNode | null = use; n; n = n.parent)
    if (n.parent?.id === statement.parent?.id) return statement.endIndex <= n.startIndex;
  return false;
}

/** The expression inside parentheses, comments left out (not a tuple, not a yield). */
export function onlyChild(parenthesized: SyntaxNode): SyntaxNode | undefined {
  const inner = parenthesized.namedChildren.filter((c) => c.type !== "comment");
  return inner.length === 1 ? inner[0] : undefined;
}

/**
 * The model class a call returns: `get_user_model()` is the project's user model (`userModel`, as
 * the file's Django project's settings name it, none when they compute it at run time; else named
 * `User` here, as Django's default is),
 * `apps.get_model("shop", "Order")` and `apps.get_model("shop.Order")` name theirs, on the app
 * registry or on a migration's `apps` parameter, and swapper's `load_model("app", "Model")`.
 */
export function modelOfCall(call: SyntaxNode, userModel = "User"): string | undefined {
  if (call.type !== "call") return undefined;
  const callee = call.childForFieldName("function");
  if (!callee) return undefined;
  const qualified = qualifiedName(callee);
  if (qualified === "django.contrib.auth.get_user_model")
    return userModel === RUN_TIME_USER ? undefined : userModel;
  // orm-human-7 K6: openwisp's swappable models, `swapper.load_model("topology", "Node")`.
  const swapped = qualified === "swapper.load_model";
  if (!swapped && callee.childForFieldName("attribute")?.text !== "get_model") return undefined;
  const owner = callee.childForFieldName("object") ?? callee;
  const registry =
    swapped ||
    qualified === "django.apps.apps.get_model" ||
    (owner.type === "identifier" &&
      owner.text === "apps" &&
      bindingsNamed(enclosingScope(owner), "apps").some((b) => b.kind === "parameter"));
  if (!registry) return undefined;
  const names = positionalArguments(call).map(unquoted);
  if (names.some((n) => n === undefined)) return undefined;
  if (names.length === 2 && /^\w+$/.test(names[1]!)) return names[1];
  const dotted = names.length === 1 ? /^\w+\.(\w+)$/.exec(names[0]!) : null;
  return dotted ? dotted[1] : undefined;
}

/**
 * The relations an instance made by `Model(team=team)` or `create(team=team)` holds already: a
 * related object passed by its field name is cached on the new instance (Django's descriptor sets
 * it), so reading `member.team` afterwards runs no query. Added to `before` for `create` only
 * (`get_or_create` may return a row it read).
 */
export function passedFields(
  call: SyntaxNode,
  before: SelectedRelations,
  method: string,
): SelectedRelations {
  if (before === "all" || method !== "create") return before;
  const names = (call.childForFieldName("arguments")?.namedChildren ?? [])
    .filter((a) => a.type === "keyword_argument")
    .map((a) => a.childForFieldName("name")?.text ?? "");
  return new Set([...before, ...names.filter((n) => n !== "")]);
}

/** The value an assignment binds, seen through parentheses and `await`. */
export function awaitedValue(value: SyntaxNode): SyntaxNode {
  if (value.type === "parenthesized_expression") value = onlyChild(value) ?? value;
  if (value.type !== "await") return value;
  // `await (qs.filter(...)\n .afirst())`, a chain split over lines (orm-human-9 H2).
  const awaited = value.namedChildren[0] ?? value;
  return awaited.type === "parenthesized_expression" ? (onlyChild(awaited) ?? awaited) : awaited;
}

/** `Optional[X]` or `typing.Optional[X]`, as a generic type or a subscript: X. */
export function optionalInner(node: SyntaxNode): SyntaxNode | undefined {
  const head = node.namedChildren[0];
  if (head?.text !== "Optional" && head?.text !== "typing.Optional") return undefined;
  const inner =
    node.type === "generic_type" ? node.namedChildren[1]?.namedChildren[0] : node.namedChildren[1];
  return inner ?? undefined;
}

/** Two proofs of one name (bound twice): what holds for both. */
export function mergeQuerysets(a: QuerysetProof, b: QuerysetProof): QuerysetProof | undefined {
  if (a.model !== b.model) return undefined;
  return {
    model: a.model,
    selected: intersect(a.selected, b.selected),
    locksRows: a.locksRows || b.locksRows,
    yieldsInstances: a.yieldsInstances && b.yieldsInstances,
    ...(a.lockNode || b.lockNode ? { lockNode: a.lockNode ?? b.lockNode } : {}),
    ...(a.bypassed || b.bypassed
      ? { bypassed: [...(a.bypassed ?? []), ...(b.bypassed ?? [])] }
      : {}),
  };
}

/** `<value>[a:b]`, a slice without a step: a queryset stays a lazy queryset (LIMIT/OFFSET). */
export function isLazySlice(expr: SyntaxNode): boolean {
  if (expr.type !== "subscript") return false;
  const index = expr.childForFieldName("subscript");
  return index?.type === "slice" && !!expr.childForFieldName("value") && !/:.*:/.test(index.text);
}

/**
 * `self` in a plain method of a project model's class body (orm-review M5: a method followed as
 * a helper, `def is_finished(self): return not self.pages.filter(...).exists()`): an instance of
 * that model, loaded by the caller, out of sight.
 */
export function modelSelfProof(
  project: ProjectFacts,
  parameters: SyntaxNode,
  bound: SyntaxNode,
): InstanceProof | undefined {
  if (parameters.namedChildren[0]?.id !== bound.id) return undefined;
  const def = parameters.parent;
  let holder = def?.parent;
  // orm-review-8 S4: a decorated method (`@property @sync_to_async def get_next(self)`) too, but
  // not a static or class method, whose first parameter is no instance.
  if (holder?.type === "decorated_definition") {
    const names = holder.namedChildren
      .filter((d) => d.type === "decorator")
      .map((d) => d.text.slice(1).trim());
    if (names.some((n) => /^(staticmethod|classmethod)$/.test(n))) return undefined;
    holder = holder.parent;
  }
  const cls = holder?.type === "block" ? holder.parent : undefined;
  const model = cls?.type === "class_definition" ? cls.childForFieldName("name")?.text : "";
  if (def?.type !== "function_definition" || !model || !project.models[model]) return undefined;
  return { model, selected: new Set(), fromParameter: true };
}

/**
 * `cls` in a `@classmethod` of a model class of the project: that model (issue 23 item 3,
 * orm-review-5 Q11, takahe's `TimelineEvent.add_identity_created`: `cls.objects.get_or_create`).
 */
export function modelClassParameter(
  project: ProjectFacts,
  parameters: SyntaxNode,
  bound: SyntaxNode,
): string | undefined {
  if (parameters.namedChildren[0]?.id !== bound.id) return undefined;
  const holder = parameters.parent?.parent;
  if (holder?.type !== "decorated_definition") return undefined;
  const decorators = holder.namedChildren.filter((d) => d.type === "decorator");
  if (!decorators.some((d) => d.text.slice(1).trim() === "classmethod")) return undefined;
  const cls = holder.parent?.type === "block" ? holder.parent.parent : undefined;
  const model = cls?.type === "class_definition" ? cls.childForFieldName("name")?.text : "";
  return model && project.models[model] ? model : undefined;
}

/**
 * The call a value makes, seen through a sync_to_async wrapper: `sync_to_async(X.get)(pk=1)` calls
 * `X.get` with `(pk=1)`, `sync_to_async(lambda: X.get(pk=1))()` calls `X.get(pk=1)`.
 */
export function callThroughWrapper(
  value: SyntaxNode,
): { callee: SyntaxNode; call: SyntaxNode } | undefined {
  if (value.type === "await") return callThroughWrapper(value.namedChildren[0] ?? value);
  if (value.type !== "call") return undefined;
  const callee = value.childForFieldName("function");
  if (!callee) return undefined;
  // `asyncio.to_thread(Job.objects.get, pk=pk)` returns what the wrapped call returns.
  if (qualifiedName(callee) === "asyncio.to_thread") {
    const target = positionalArguments(value)[0];
    return target?.type === "attribute" ? { callee: target, call: value } : undefined;
  }
  if (callee.type !== "call") return { callee, call: value };
  const wrapper = callee.childForFieldName("function");
  if (!wrapper || !isThreadWrapper(wrapper)) return undefined;
  const target = positionalArguments(callee)[0];
  if (target?.type === "attribute" || target?.type === "identifier")
    return { callee: target, call: value };
  if (target?.type === "lambda" && !target.childForFieldName("parameters")) {
    const body = target.childForFieldName("body");
    return body ? callThroughWrapper(body) : undefined;
  }
  return undefined;
}

/** Chain methods that keep a queryset but are not in QUERYSET_RETURNING. */
export const CHAIN_ALSO = new Set(["get_queryset"]);

/** RawQuerySet has none of the async methods: a chain through `raw` proves nothing. */
export const CHAIN_NOT_QUERYSET = new Set(["raw"]);

/** Chain methods after which iteration yields dicts, tuples or dates, not model instances. */
export const YIELDS_NON_INSTANCES = new Set(["values", "values_list", "dates", "datetimes"]);

/** Every step from `root` up to `value` is a queryset-returning method call or a lazy slice. */
export function chainOnlyRefines(value: SyntaxNode, root: SyntaxNode): boolean {
  for (let n: SyntaxNode | null = root.parent; n; n = n.parent) {
    // `(qs)` and `(qs.filter(...))` are the same values.
    if (n.type === "parenthesized_expression") {
      if (n.id === value.id) return true;
      continue;
    }
    if (isLazySlice(n)) {
      if (n.id === value.id) return true;
      continue;
    }
    if (n.type === "attribute") {
      const method = n.childForFieldName("attribute")?.text ?? "";
      const call = n.parent;
      if (call?.type !== "call" || call.childForFieldName("function")?.id !== n.id) return false;
      if (!QUERYSET_RETURNING.has(method) && !CHAIN_ALSO.has(method)) return false;
      if (CHAIN_NOT_QUERYSET.has(method) || YIELDS_NON_INSTANCES.has(method)) return false;
      if (call.id === value.id) return true;
      n = call;
      continue;
    }
    return false;
  }
  return false;
}

/** What `select_related(...)` loads after `before`: every path of each lookup; none named, all. */
export function selectedBy(call: SyntaxNode, before: SelectedRelations): SelectedRelations {
  const args = positionalArguments(call);
  if (args.length === 0) return "all";
  if (before === "all") return "all";
  const selected = new Set(before);
  for (const arg of args) {
    const value = unquoted(arg);
    // A computed field list: we cannot tell what it loads, so count no field as loaded.
    for (const path of value === undefined ? [RUN_TIME_LOOKUP] : lookupPaths(value))
      selected.add(path);
  }
  return selected;
}

/**
 * The `at`-th of `count` items a tuple assignment unpacks from `value`: a tuple written out, or
 * one a wrapped lambda with no parameters returns (`await sync_to_async(lambda: (a, b))()`).
 */
export function unpackedItem(value: SyntaxNode, at: number, count: number): SyntaxNode | undefined {
  let tuple: SyntaxNode | undefined = value;
  if (tuple.type === "call") {
    const callee = tuple.childForFieldName("function");
    const wrapper = callee?.type === "call" ? callee.childForFieldName("function") : undefined;
    const lambda = callee?.type === "call" ? positionalArguments(callee)[0] : undefined;
    const wrapped = !!wrapper && isThreadWrapper(wrapper);
    const noArguments = tuple.childForFieldName("arguments")?.namedChildren.length === 0;
    tuple =
      wrapped && noArguments && lambda?.type === "lambda" && !lambda.childForFieldName("parameters")
        ? (lambda.childForFieldName("body") ?? undefined)
        : undefined;
  }
  while (tuple?.type === "parenthesized_expression") tuple = onlyChild(tuple);
  const isTuple = tuple?.type === "tuple" || tuple?.type === "expression_list";
  if (!tuple || !isTuple || tuple.namedChildren.length !== count) return undefined;
  if (tuple.namedChildren.some((n) => n.type === "list_splat")) return undefined;
  return tuple.namedChildren[at];
}

/**
 * `qs = qs.select_related("customer")` loads the relation for every use it runs before: its
 * selections count at `use` when every such refinement of the name is a statement of a block
 * holding `use`, before it (not in a branch that may not run).
 */
export function withRefinements(
  proof: QuerysetProof,
  refinements: readonly SyntaxNode[],
  use: SyntaxNode,
): QuerysetProof {
  if (refinements.length === 0 || !refinements.every((r) => runsBefore(r, use))) return proof;
  let selected = proof.selected;
  const unwrapped = (n: SyntaxNode | null | undefined) => {
    while (n && (isLazySlice(n) || n.type === "parenthesized_expression"))
      n = n.type === "subscript" ? n.childForFieldName("value") : onlyChild(n);
    return n;
  };
  for (const value of refinements)
    for (let n = unwrapped(value); n?.type === "call";) {
      const callee = n.childForFieldName("function");
      const method = callee?.childForFieldName("attribute")?.text;
      if (method === "select_related") selected = selectedBy(n, selected);
      if (method === "prefetch_related") selected = prefetchedBy(n, selected);
      n = unwrapped(callee?.type === "attribute" ? callee.childForFieldName("object") : undefined);
    }
  return { ...proof, selected };
}

/**
 * A related manager of an instance of `model` (`order.lines`, `order.line_set`): its rows' model
 * when the pre-pass names it (a `related_name` of a project model's FK, or `<model>_set`).
 */
export function relatedManagerProof(
  project: ProjectFacts,
  model: string,
  attribute: string,
): QuerysetProof {
  const proof = { model: "", selected: new Set<string>(), locksRows: false, yieldsInstances: true };
  const facts = project.models[model];
  // orm-human-9 H2: `course.tickets`, a ManyToManyField's rows are its target's.
  const written = facts?.manyToManyTargets?.[attribute];
  const forward = written === "self" ? model : written;
  const named =
    facts?.reverseModels?.[attribute] ?? (forward && project.models[forward] ? forward : undefined);
  const set = /^([a-z0-9_]+)_set$/.exec(attribute)?.[1];
  const owners = set ? Object.keys(project.models).filter((m) => m.toLowerCase() === set) : [];
  const related = named ?? (owners.length === 1 ? owners[0] : undefined);
  return related ? { ...proof, relatedModel: related } : proof;
}
