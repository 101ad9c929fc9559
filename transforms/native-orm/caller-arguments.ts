import { relative } from "node:path";
import { callArguments } from "../../src/python/calls.js";
import { lastSegment } from "../../src/python/lookup.js";
import { callsNamed } from "../../src/project/index-lookup.js";
import { nonCallReferencesOf } from "../../src/project/references.js";
import { annotationOf, returnedInstanceModel } from "./annotated-items.js";
import type { SyntaxNode } from "../../src/model/types.js";
import type { QuerysetProof } from "../../src/django/proof-types.js";
import type { OrmFile } from "./types.js";
import { chainKey, projectPlan } from "./cross-calls.js";
import { isMaterialized } from "./materialized-arguments.js";

// Parameters seen from their callers (orm-review-5 W1, OWASP-BLT's `get_cached_data(cache_key,
// queryset)`): a helper that evaluates its parameter (`list(filter(None, queryset))`) while a
// caller of this file hands it a queryset would evaluate that queryset on the event loop once
// the chain makes it async. The calls of a def found in its own file, and what each passes for
// one of its parameters.

/** A call of a def, with the arguments it passes (`sync_to_async(self.f)(x)`: `(x)`). */
interface CallOf {
  call: SyntaxNode;
  args: SyntaxNode[];
  /** Through a wrapper: `sync_to_async(self.f)(x)`, where `self.f` is named as a value. */
  wrapped?: true;
}

/** Wrappers whose call passes its arguments to the function it wraps. */
const PASSING_WRAPPERS = /(?:^|\.)(?:sync_to_async|database_sync_to_async)$/;

/**
 * The def a parameter binds, and the parameter's place in it: its position among the
 * positional parameters a caller fills (the receiver of a method aside), and its name.
 */
function parameterOf(
  identifier: SyntaxNode,
): { def: SyntaxNode; position: number; name: string } | undefined {
  const holder = identifier.parent;
  const parameters =
    holder?.type === "parameters"
      ? holder
      : holder?.type === "default_parameter" &&
          holder.childForFieldName("name")?.id === identifier.id
        ? holder.parent
        : undefined;
  const def = parameters?.parent;
  if (parameters?.type !== "parameters" || def?.type !== "function_definition") return undefined;
  const listed = parameters.namedChildren;
  const own = holder!.type === "parameters" ? identifier : holder!;
  const at = listed.findIndex((p) => p.id === own.id);
  // After `*` or `*args` a parameter is keyword-only.
  const starred = listed
    .slice(0, at)
    .some((p) => p.type === "list_splat_pattern" || p.type === "keyword_separator");
  const receiver = isMethod(def) && !decoratedWith(def, "staticmethod") ? 1 : 0;
  if (at < receiver) return undefined;
  return { def, position: starred ? -1 : at - receiver, name: identifier.text };
}

function isMethod(def: SyntaxNode): boolean {
  const holder = def.parent?.type === "decorated_definition" ? def.parent : def;
  return holder.parent?.type === "block" && holder.parent.parent?.type === "class_definition";
}

function decoratedWith(def: SyntaxNode, name: string): boolean {
  if (def.parent?.type !== "decorated_definition") return false;
  return def.parent.namedChildren.some(
    (d) => d.type === "decorator" && d.text.slice(1).trim() === name,
  );
}

/**
 * The calls in `f` that run `def`: `name(...)`, `self.name(...)`, and through a wrapper. Found
 * once per def of the tree: each parameter's proof (and each use's) asks for them again.
 */
function callsOf(f: OrmFile, def: SyntaxNode): readonly CallOf[] {
  const perTree = f.root.tree.memoized("callsOfDef", () => new Map<number, readonly CallOf[]>());
  let found = perTree.get(def.id);
  if (!found) perTree.set(def.id, (found = callsFound(f, def)));
  return found;
}

function callsFound(f: OrmFile, def: SyntaxNode): CallOf[] {
  const name = def.childForFieldName("name")?.text ?? "";
  const found: CallOf[] = [];
  for (const call of callNodes(f)) {
    const callee = call.childForFieldName("function");
    if (!callee) continue;
    if (runs(f, callee, def, name)) found.push({ call, args: callArguments(call) });
    else if (callee.type === "call") {
      const wrapper = callee.childForFieldName("function");
      const target = callArguments(callee)[0];
      if (wrapper && PASSING_WRAPPERS.test(wrapper.text) && target && runs(f, target, def, name))
        found.push({ call, args: callArguments(call), wrapped: true });
    }
  }
  return found;
}

/**
 * The calls of this file that run another def of the same name (another class's method, called
 * as `self.<name>()` in that class): the index counts them under the name too.
 */
function callsOfNamesakes(f: OrmFile, def: SyntaxNode): number {
  const name = def.childForFieldName("name")?.text ?? "";
  return f.root
    .descendantsOfType("function_definition")
    .filter((d) => d.id !== def.id && d.childForFieldName("name")?.text === name)
    .reduce((n, d) => n + callsOf(f, d).length, 0);
}

/** The file's calls, listed once per file (asked for each evaluated parameter). */
const calls = new WeakMap<SyntaxNode, SyntaxNode[]>();

function callNodes(f: OrmFile): SyntaxNode[] {
  let list = calls.get(f.root);
  if (!list) calls.set(f.root, (list = f.root.descendantsOfType("call")));
  return list;
}

/** Whether `callee` names `def`: its name bound to it here, or `self.<name>` in its class. */
function runs(f: OrmFile, callee: SyntaxNode, def: SyntaxNode, name: string): boolean {
  if (callee.type === "identifier") {
    if (callee.text !== name) return false;
    const bound = f.file.visibleBindings(callee, name);
    return bound.length === 1 && bound[0].node.parent?.id === def.id;
  }
  if (callee.type !== "attribute" || callee.childForFieldName("attribute")?.text !== name)
    return false;
  const receiver = callee.childForFieldName("object");
  if (receiver?.type !== "identifier" || !["self", "cls"].includes(receiver.text)) return false;
  const holder = def.parent?.type === "decorated_definition" ? def.parent : def;
  const cls = holder.parent?.parent;
  const caller = f.file.enclosingClass(callee);
  // orm-human-8 K2: also from a class of this file deriving from it, which does not override it.
  return !!cls && !!caller && (caller.id === cls.id || derivesFrom(f, caller, cls, name, 0));
}

/** Whether `sub` derives from `base` through classes of this file none of which defines `name`. */
function derivesFrom(
  f: OrmFile,
  sub: SyntaxNode,
  base: SyntaxNode,
  name: string,
  depth: number,
): boolean {
  if (depth > 5 || definesMethod(sub, name)) return false;
  for (const b of sub.childForFieldName("superclasses")?.namedChildren ?? []) {
    if (b.type !== "identifier") continue;
    const bound = f.file.bindingsNamed(f.root, b.text);
    const cls = bound.length === 1 ? bound[0].node.parent : undefined;
    if (cls?.type !== "class_definition") continue;
    if (cls.id === base.id || derivesFrom(f, cls, base, name, depth + 1)) return true;
  }
  return false;
}

function definesMethod(cls: SyntaxNode, name: string): boolean {
  return (cls.childForFieldName("body")?.namedChildren ?? []).some((s) => {
    const d = s.type === "decorated_definition" ? s.childForFieldName("definition") : s;
    return d?.type === "function_definition" && d.childForFieldName("name")?.text === name;
  });
}

/** What `call` passes for the parameter; undefined when it passes nothing for it (a default). */
function passed(args: SyntaxNode[], position: number, name: string): SyntaxNode | undefined {
  for (const arg of args)
    if (arg.type === "keyword_argument" && arg.childForFieldName("name")?.text === name)
      return arg.childForFieldName("value") ?? undefined;
  if (position < 0) return undefined;
  const positional: SyntaxNode[] = [];
  for (const arg of args) {
    // `f(*items)`: which parameter each item fills is not known.
    if (arg.type === "list_splat") return undefined;
    if (arg.type !== "keyword_argument" && arg.type !== "dictionary_splat") positional.push(arg);
  }
  return positional[position];
}

/**
 * When `identifier` is a parameter of a def and a call of that def in this file passes it a
 * value `judge` has a word on (a queryset, a value that may be one): that word, with the call's
 * line. Callers in other files are not looked at: what they pass is not known.
 */
export function parameterPassed(
  f: OrmFile,
  identifier: SyntaxNode,
  judge: (arg: SyntaxNode) => string | undefined,
): string | undefined {
  const parameter = parameterOf(identifier);
  if (!parameter) return undefined;
  const { def, position, name } = parameter;
  const fn = def.childForFieldName("name")?.text ?? "";
  for (const { call, args } of callsOf(f, def)) {
    const value = passed(args, position, name);
    // orm-human-7 K10: a queryset materialized at the call is a list where it is passed.
    const why = value && !isMaterialized(f, call, value) ? judge(value) : undefined;
    if (why)
      return `${name} is a parameter of ${fn}(), and the call at line ${call.startPosition.row + 1} passes ${why}`;
  }
  return undefined;
}

/** The defs whose parameters are being proven (a caller's argument may be another's). */
const proving = new Set<number>();

/**
 * Issue 23 item 2 (redbox `file_save(file)`): the model instance every caller passes for the
 * unannotated parameter `identifier`, when the project index shows every call of its def, all
 * of them in this file, nothing naming it otherwise, no test patching it, and each call passes an
 * instance of one model (proven, or declared by the annotations it comes through).
 */
export function parameterInstance(
  f: OrmFile,
  identifier: SyntaxNode,
): { model: string; selected: Set<string>; fromParameter: true } | undefined {
  const model = passedByEveryCaller(f, identifier, (value) => instanceModel(f, value));
  return model ? { model, selected: new Set(), fromParameter: true } : undefined;
}

/**
 * orm-human-6 G3: a parameter the project's chain plan says every converting call passes one
 * model's proven instance for (a manager method's `log_instance`, called through
 * `sync_to_async(Log.objects.mark_failed)(log_instance=log_entry)` from other files): so proven
 * in the twin the plan adds. Only for a def no call of its own file runs (the file's own chains
 * are planned apart, and would not have passed the plan's proof).
 */
export function plannedInstance(
  f: OrmFile,
  identifier: SyntaxNode,
): { model: string; selected: Set<string>; fromParameter: true } | undefined {
  const parameter = parameterOf(identifier);
  const model =
    parameter && projectPlan(f)?.instances?.[chainKey(f, parameter.def)]?.[parameter.name];
  const index = f.ctx.project.index;
  if (!model || !index) return undefined;
  const here = relative(index.root, f.absolutePath).split("\\").join("/");
  const fn = parameter.def.childForFieldName("name")?.text ?? "";
  if (callsNamed(index, fn).some((c) => c.path === here)) return undefined;
  return { model, selected: new Set(), fromParameter: true };
}

/**
 * orm-human-6 G2 (django-matt's `TenantMiddleware._resolve_from_header(self, request,
 * Organization)`, called only as `self._resolve_from_header(request, Organization)` after `from
 * app.models import Organization`): the model class every caller passes for the parameter, on the
 * same conditions.
 */
export function parameterModelClass(f: OrmFile, identifier: SyntaxNode): string | undefined {
  return passedByEveryCaller(f, identifier, (value) => f.proofs.modelClassOf(value));
}

/**
 * orm-human-7 K10: a parameter every call of its def (all in this file) fills with a queryset of
 * values materialized at the call: a list of plain values ("json": rows of values() are dicts).
 */
export function parameterMaterialized(f: OrmFile, identifier: SyntaxNode): "json" | undefined {
  const found = passedByEveryCaller(f, identifier, (value, call) =>
    isMaterialized(f, call, value) ? "json" : undefined,
  );
  return found ? "json" : undefined;
}

/**
 * The one model `judge` names for what every call of the def binding the parameter `identifier`
 * passes for it, when the index shows every call of that def, all in this file, nothing naming it
 * otherwise and no test patching it.
 */
function passedByEveryCaller(
  f: OrmFile,
  identifier: SyntaxNode,
  judge: (value: SyntaxNode, call: SyntaxNode) => string | undefined,
): string | undefined {
  const parameter = parameterOf(identifier);
  const index = f.ctx.project.index;
  if (!parameter || !index || proving.has(parameter.def.id)) return undefined;
  const { def, position, name } = parameter;
  const fn = def.childForFieldName("name")?.text ?? "";
  const here = relative(index.root, f.absolutePath).split("\\").join("/");
  const indexed = callsNamed(index, fn);
  // A caller in another file settles it before this file's calls are looked for.
  if (indexed.some((c) => c.path !== here)) return undefined;
  const found = callsOf(f, def);
  // orm-review-5 Q1c: `sync_to_async(self.f)(x)` names `self.f` as a value where it calls it.
  const wrappedLines = new Set(
    found.filter((c) => c.wrapped).map((c) => c.call.startPosition.row + 1),
  );
  const direct = found.filter((c) => !c.wrapped).length;
  if (
    found.length === 0 ||
    indexed.length < direct ||
    indexed.length > found.length + callsOfNamesakes(f, def) ||
    nonCallReferencesOf(index, f.file.module, def).some(
      (r) => r.path !== here || !wrappedLines.has(r.line),
    ) ||
    index.patches.some((p) => (p.attribute ?? lastSegment(p.target)) === fn)
  )
    return undefined;
  proving.add(def.id);
  try {
    let model: string | undefined;
    for (const { call, args } of found) {
      const value = passed(args, position, name);
      const next = value && judge(value, call);
      if (!next || (model && model !== next)) return undefined;
      model = next;
    }
    return model;
  } finally {
    proving.delete(def.id);
  }
}

/** The model of the instance `value` is: proven, or declared along its annotations. */
function instanceModel(f: OrmFile, value: SyntaxNode): string | undefined {
  const proven =
    value.type === "identifier" ? f.proofs.instanceOf(value) : f.proofs.instanceReturned(value);
  if (proven) return proven.model;
  const type = annotationOf(f, value);
  const declared = type ? f.proofs.modelOfAnnotation(type) : undefined;
  return declared ?? returnedThrough(f, value);
}

/** `turn` bound once to `await self._get_turn(raw_id)`, whose returns give one model's instance. */
function returnedThrough(f: OrmFile, value: SyntaxNode): string | undefined {
  if (value.type !== "identifier") return returnedInstanceModel(f, value);
  const bound = f.file.visibleBindings(value, value.text);
  const site = bound.length === 1 ? bound[0].node.parent : undefined;
  if (site?.type !== "assignment" || site.childForFieldName("left")?.id !== bound[0].node.id)
    return undefined;
  const right = site.childForFieldName("right");
  return right ? returnedInstanceModel(f, right) : undefined;
}

/**
 * orm-human-8 K2: the queryset (or related manager) every call of the def binding the parameter
 * read at `use` passes for it, of one model, none locking rows (its relations not selected: the
 * callers' loads are not carried over).
 */
export function parameterQueryset(f: OrmFile, use: SyntaxNode): QuerysetProof | undefined {
  const bound = f.file.visibleBindings(use, use.text);
  const parameter = bound.filter((b) => b.kind === "parameter");
  if (parameter.length !== 1) return undefined;
  // `objs = await sync_to_async(list)(objs.all())`: a later binding does not reach this read.
  const loops = ancestors(use).filter((n) => /^(for|while)_statement$/.test(n.type));
  const later = (b: SyntaxNode) =>
    (b.startIndex > use.endIndex ||
      ancestors(use).some(
        (n) => n.type === "assignment" && n.childForFieldName("left")?.id === b.id,
      )) &&
    !loops.some((l) => l.startIndex <= b.startIndex && b.endIndex <= l.endIndex);
  if (!bound.every((b) => b.kind === "parameter" || later(b.node))) return undefined;
  const proofs: QuerysetProof[] = [];
  const model = passedByEveryCaller(f, parameter[0].node, (value, call) => {
    // orm-human-7 K10: materialized at the call, a list of values reaches the function.
    if (isMaterialized(f, call, value)) return undefined;
    const proof = f.proofs.querysetOf(value);
    if (!proof || proof.locksRows) return undefined;
    proofs.push(proof);
    return `${proof.model}/${proof.relatedModel ?? ""}/${proof.yieldsInstances}`;
  });
  return model && proofs.length > 0 ? { ...proofs[0], selected: new Set() } : undefined;
}

function ancestors(node: SyntaxNode): SyntaxNode[] {
  const found: SyntaxNode[] = [];
  for (let n = node.parent; n && n.type !== "function_definition"; n = n.parent) found.push(n);
  return found;
}
