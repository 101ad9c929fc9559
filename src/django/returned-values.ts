import type { ProjectFacts, SyntaxNode } from "../model/types.js";
import { importBindingOf, qualifiedName } from "../python/imports.js";
import { bindingsNamed, referencesInScope } from "../python/scope.js";
import { decorators } from "../python/shapes.js";
import type { InstanceProof, QuerysetProof } from "./proof-types.js";
import { selfMethodDef, syncDefReturning } from "./returning-defs.js";
import { unpackedItem } from "./proof-parts.js";

// orm-review-4 P6 (plane, megagame): values the function itself shows, one step away.
// - `attachment = await get_attachment(pk)` where `get_attachment` is a def of this file
//   (`@sync_to_async`, `async def`, or called through `sync_to_async(...)`) whose returns are
//   `Attachment.objects.get(...)`: what its returns are.
// - `task_list = await sync_to_async(list)(Task.objects.filter(...))`, `list(qs)`,
//   `[t async for t in qs]`: a list of the queryset's instances; a loop over it yields them.

/** What the proofs answer; the subset this module asks. */
export interface ValueAsker {
  querysetOf(expr: SyntaxNode): QuerysetProof | undefined;
  instanceOf(expr: SyntaxNode): InstanceProof | undefined;
  instanceReturned(call: SyntaxNode): InstanceProof | undefined;
  queryStep(base: QuerysetProof, method: string, call: SyntaxNode): QuerysetProof | undefined;
}

const THREAD_WRAPPERS = /^(asgiref\.sync\.sync_to_async|channels\.db\.database_sync_to_async)$/;

/** Defs whose returns are being read, by tree: a def returning its own call proves nothing. */
const reading = new WeakMap<object, Set<number>>();

/**
 * The instance a call gives when the def it runs, of this module, returns proven instances of one
 * model on every path that returns something (`None` aside: a missing row), awaited as it must be.
 */
export function instanceFromHelper(
  asker: ValueAsker,
  value: SyntaxNode,
  pick: (returned: SyntaxNode) => SyntaxNode | undefined = (r) => r,
): InstanceProof | undefined {
  const def = syncDefReturning(value) ?? awaitedDef(value);
  if (!def) return undefined;
  const active = reading.get(def.tree) ?? new Set<number>();
  reading.set(def.tree, active);
  if (active.has(def.id)) return undefined;
  active.add(def.id);
  try {
    let proof: InstanceProof | undefined;
    for (const whole of returnsOf(def)) {
      if (!whole || whole.type === "none") continue;
      // orm-review-5 Q4: `user, runner = await sync_to_async(_setup)()`, one item of the tuple.
      let returned = pick(whole);
      // `return await Model.objects.select_related("user").aget(...)` in an async helper.
      if (returned?.type === "await") returned = returned.namedChildren[0];
      const next = !returned
        ? undefined
        : returned.type === "call"
          ? asker.instanceReturned(returned)
          : returned.type === "identifier"
            ? asker.instanceOf(returned)
            : undefined;
      if (!next || (proof && proof.model !== next.model)) return undefined;
      proof = proof ? { ...proof, selected: intersectSelected(proof, next) } : next;
    }
    return proof;
  } finally {
    active.delete(def.id);
  }
}

/**
 * orm-review-5 Q3/Q4: `user, runner = await sync_to_async(_setup)()`, the `at`-th of `count` items
 * of the tuple every return of a helper of this module gives (`return user, runner`).
 */
export function unpackedFromHelper(
  asker: ValueAsker,
  assignment: SyntaxNode,
  at: number,
  count: number,
): InstanceProof | undefined {
  const whole = assignment.childForFieldName("right");
  return whole ? instanceFromHelper(asker, whole, (r) => unpackedItem(r, at, count)) : undefined;
}

function intersectSelected(a: InstanceProof, b: InstanceProof): InstanceProof["selected"] {
  if (a.selected === "all") return b.selected;
  if (b.selected === "all") return a.selected;
  const other = b.selected;
  return new Set([...a.selected].filter((s) => other.has(s)));
}

/**
 * `await helper(...)` with `helper` a def of this module that gives an awaitable of what it
 * returns: an `async def`, or a sync def decorated only by a thread wrapper.
 */
export function awaitedDef(value: SyntaxNode): SyntaxNode | undefined {
  const call = value.type === "await" ? value.namedChildren[0] : undefined;
  const callee = call?.type === "call" ? call.childForFieldName("function") : undefined;
  // orm-review-5 Q10b: `await self._get_session(pk)`, a method of the class the file shows.
  const method = callee?.type === "attribute" ? selfMethodDef(callee) : undefined;
  if (!method && (callee?.type !== "identifier" || importBindingOf(callee.text, callee)))
    return undefined;
  const bound = method ? [] : bindingsNamed(callee!.tree.rootNode, callee!.text);
  const def = method ?? (bound.length === 1 ? bound[0].node.parent : undefined);
  if (def?.type !== "function_definition") return undefined;
  const wrappers = decorators(def);
  const isAsync = def.children.some((c) => c.type === "async");
  if (isAsync) return wrappers.length === 0 ? def : undefined;
  return wrappers.length === 1 && isThreadWrapper(wrappers[0]) ? def : undefined;
}

function isThreadWrapper(decorator: SyntaxNode): boolean {
  const expr = decorator.namedChildren[0];
  const callee = expr?.type === "call" ? expr.childForFieldName("function") : expr;
  return !!callee && THREAD_WRAPPERS.test(qualifiedName(callee) ?? "");
}

/** The values of a def's own `return` statements (a bare `return` gives `None`). */
export function returnsOf(def: SyntaxNode): (SyntaxNode | null)[] {
  if (def.descendantsOfType("yield").length > 0) return [];
  return def
    .descendantsOfType("return_statement")
    .filter((r) => {
      for (let n = r.parent; n; n = n.parent)
        if (n.type === "function_definition" || n.type === "lambda") return n.id === def.id;
      return false;
    })
    .map((r) => r.namedChildren[0] ?? null);
}

/**
 * The queryset whose instances a list holds: `list(qs)`, `await sync_to_async(list)(qs)`,
 * `[t for t in qs]` / `[t async for t in qs]` (the tool's own rewrite of the wrapper), or a name
 * every binding of which is one of these.
 */
export function listedQueryset(asker: ValueAsker, value: SyntaxNode): QuerysetProof | undefined {
  if (value.type === "identifier") return listedThroughName(asker, value);
  if (value.type === "await") {
    const call = value.namedChildren[0];
    const wrapper = call?.type === "call" ? call.childForFieldName("function") : undefined;
    const fn = wrapper?.type === "call" ? wrapper.childForFieldName("function") : undefined;
    const target = wrapper?.childForFieldName("arguments")?.namedChildren[0];
    if (!fn || !THREAD_WRAPPERS.test(qualifiedName(fn) ?? "") || !isBuiltinList(target))
      return undefined;
    return onlyArgumentQueryset(asker, call!);
  }
  if (value.type === "call")
    return isBuiltinList(value.childForFieldName("function"))
      ? onlyArgumentQueryset(asker, value)
      : undefined;
  if (value.type === "list_comprehension") {
    const body = value.childForFieldName("body");
    const clauses = value.namedChildren.filter((c) => c.type !== "comment").slice(1);
    const loop = clauses[0];
    if (clauses.length !== 1 || loop?.type !== "for_in_clause") return undefined;
    const left = loop.childForFieldName("left");
    const right = loop.childForFieldName("right");
    if (body?.type !== "identifier" || left?.text !== body.text || !right) return undefined;
    return asker.querysetOf(right);
  }
  return undefined;
}

function isBuiltinList(node: SyntaxNode | null | undefined): boolean {
  return (
    node?.type === "identifier" &&
    node.text === "list" &&
    !importBindingOf("list", node) &&
    bindingsNamed(node.tree.rootNode, "list").length === 0
  );
}

function onlyArgumentQueryset(asker: ValueAsker, call: SyntaxNode): QuerysetProof | undefined {
  const args = (call.childForFieldName("arguments")?.namedChildren ?? []).filter(
    (a) => a.type !== "comment",
  );
  return args.length === 1 ? asker.querysetOf(args[0]) : undefined;
}

/** A name bound (in its function) only to lists of one queryset's instances. */
function listedThroughName(asker: ValueAsker, name: SyntaxNode): QuerysetProof | undefined {
  let scope: SyntaxNode | null = name.parent;
  while (scope && scope.type !== "function_definition" && scope.type !== "module")
    scope = scope.parent;
  if (!scope) return undefined;
  const bound = bindingsNamed(scope, name.text);
  if (bound.length === 0 || isFilledLater(scope, name.text)) return undefined;
  let proof: QuerysetProof | undefined;
  for (const b of bound) {
    const assignment = b.node.parent;
    if (assignment?.type !== "assignment" || assignment.childForFieldName("left")?.id !== b.node.id)
      return undefined;
    const right = assignment.childForFieldName("right");
    const next = right && right.type !== "identifier" ? listedQueryset(asker, right) : undefined;
    if (!next || (proof && proof.model !== next.model)) return undefined;
    proof = next;
  }
  return proof;
}

/** `tasks.append(x)`, `tasks[0] = x`, `tasks += more`: the list may hold something else too. */
function isFilledLater(scope: SyntaxNode, name: string): boolean {
  return referencesInScope(scope, name).some((use) => {
    const parent = use.parent;
    if (parent?.type === "attribute" && parent.childForFieldName("object")?.id === use.id)
      return /^(append|extend|insert)$/.test(parent.childForFieldName("attribute")?.text ?? "");
    if (parent?.type === "subscript" && parent.childForFieldName("value")?.id === use.id)
      return (
        parent.parent?.type === "assignment" &&
        parent.parent.childForFieldName("left")?.id === parent.id
      );
    return (
      parent?.type === "augmented_assignment" && parent.childForFieldName("left")?.id === use.id
    );
  });
}

/**
 * orm-review-4 P17 (plane `apply_archived_filter(queryset=...)`): a def whose one statement is
 * `return <parameter>.filter(...)...` gives a queryset when the call hands that parameter one.
 */
export function querysetThroughParameter(
  asker: ValueAsker,
  value: SyntaxNode,
  def: SyntaxNode,
): QuerysetProof | undefined {
  const body = def.childForFieldName("body");
  const statements = (body?.namedChildren ?? []).filter((c) => c.type !== "comment");
  const last = statements.at(-1);
  const returned =
    statements.length === 1 && last?.type === "return_statement"
      ? last.namedChildren[0]
      : undefined;
  const steps: { method: string; call: SyntaxNode }[] = [];
  let root = returned;
  while (root?.type === "call") {
    const callee = root.childForFieldName("function");
    if (callee?.type !== "attribute") return undefined;
    steps.unshift({ method: callee.childForFieldName("attribute")!.text, call: root });
    root = callee.childForFieldName("object") ?? undefined;
  }
  if (root?.type !== "identifier" || steps.length === 0) return undefined;
  const argument = argumentFor(value, def, root.text);
  let proof = argument ? asker.querysetOf(argument) : undefined;
  for (const step of steps) proof = proof && asker.queryStep(proof, step.method, step.call);
  return proof;
}

/** The argument a call gives the def's parameter `name`: by keyword, else by position. */
function argumentFor(value: SyntaxNode, def: SyntaxNode, name: string): SyntaxNode | undefined {
  const call = value.type === "await" ? value.namedChildren[0] : value;
  const args = (call?.childForFieldName("arguments")?.namedChildren ?? []).filter(
    (a) => a.type !== "comment",
  );
  const keyword = args.find(
    (a) => a.type === "keyword_argument" && a.childForFieldName("name")?.text === name,
  );
  if (keyword) return keyword.childForFieldName("value") ?? undefined;
  const parameters = (def.childForFieldName("parameters")?.namedChildren ?? []).map((p) =>
    p.type === "identifier" ? p.text : (p.childForFieldName("name") ?? p.namedChildren[0])?.text,
  );
  // `self.m(qs)`: the call does not pass `self`.
  const callee = call?.type === "call" ? call.childForFieldName("function") : undefined;
  const skip = parameters[0] === "self" && callee?.type === "attribute" ? 1 : 0;
  const at = parameters.indexOf(name) - skip;
  const positional = args.filter((a) => a.type !== "keyword_argument");
  if (
    at < 0 ||
    at >= positional.length ||
    positional.slice(0, at + 1).some((a) => a.type !== "identifier" && /splat/.test(a.type))
  )
    return undefined;
  return positional[at];
}

/**
 * orm-review-4 P6 (megagame `player = member.player`): a ForeignKey or OneToOneField read off a
 * proven instance is an instance of the model the field points to (what it loaded with it, when
 * the owner's queryset selected `player__...`, is not followed: nothing counts as loaded).
 */
export function relatedInstance(
  project: ProjectFacts,
  value: SyntaxNode,
  asker: ValueAsker,
): InstanceProof | undefined {
  if (value.type !== "attribute") return undefined;
  const owner = asker.instanceOf(value.childForFieldName("object")!);
  const field = value.childForFieldName("attribute")!.text;
  const facts = owner && project.models[owner.model];
  const target = facts && facts.relations.includes(field) ? facts.targets?.[field] : undefined;
  const model = target === "self" ? owner?.model : target;
  return model && project.models[model]
    ? { model, selected: new Set(), fromParameter: true }
    : undefined;
}
