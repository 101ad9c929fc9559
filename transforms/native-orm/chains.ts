import { versionAtLeast } from "../../src/django/orm.js";
import {
  methodResolutionOrder,
  resolveMethod,
  resolveSuperMethod,
  type MroClass,
} from "../../src/python/mro.js";
import { joinedAfter, mayDeriveFrom, namesakeMayDerive } from "../../src/project/class-tree.js";
import { withoutOverloads } from "../../src/python/overloads.js";
import type { IndexedFunction, SyntaxNode } from "../../src/model/types.js";
import { unprovenChains } from "./lazy-relations.js";
import { definedIn, reachingDef, referencesReaching } from "./nested-defs.js";
import {
  crossCallsOf,
  indexedFunctionsNamed,
  insideGenerator,
  passesImported,
  projectPlan,
  selfClass,
} from "./cross-calls.js";
import { scan } from "./scan.js";
import { superCallClass } from "./super-managers.js";
import { fetchConversion, relationFetch, returnedRead } from "./relation-fetch.js";
import type {
  ChainCall,
  ChainFunction,
  Conversion,
  CrossCall,
  DecoratedAnalysis,
  Findings,
  OrmFile,
  Problem,
  ScannedFile,
} from "./types.js";

// Issue 15, part 1 (same file): a wrapper whose body calls functions of its own module converts
// when every function it reaches converts under the same proof rules. This file finds the
// functions a body calls and the first blocker along the chain, with the path to it.

/** Calls deeper than this are not followed: the chain is reported instead. */
export const MAX_CHAIN_DEPTH = 5;

export function nameOf(def: SyntaxNode): string {
  return def.childForFieldName("name")?.text ?? "";
}

/**
 * The plain `def` at module level that `callee` names where it is called: no decorator, not async,
 * the only binding of the name in the module, not shadowed by a local name.
 */
export function chainTarget(f: OrmFile, callee: SyntaxNode): SyntaxNode | undefined {
  if (callee.type !== "identifier") return undefined;
  let scope = f.file.enclosingScope(callee);
  while (scope.type !== "module") {
    if (f.file.bindingsNamed(scope, callee.text).length > 0) return nestedTarget(f, scope, callee);
    scope = f.file.enclosingScope(scope);
  }
  const bound = withoutOverloads(f.file.bindingsNamed(scope, callee.text));
  const def = bound.length === 1 ? bound[0].node.parent : undefined;
  if (def?.type !== "function_definition" || def.parent?.type !== "module") return undefined;
  if (def.children.some((c) => c.type === "async")) return undefined;
  return def;
}

/**
 * `def load_blocking(): ...` in the function `scope` (in its body or in an `if`/`try` block of
 * it), the def that `callee` runs and named by no other reference that may run it (its one use,
 * the wrapper's `sync_to_async(load_blocking)`): a plain nested def, converted in place with its
 * caller. One name defined in two branches is two such defs, each with its own wrapper.
 */
function nestedTarget(f: OrmFile, scope: SyntaxNode, callee: SyntaxNode): SyntaxNode | undefined {
  if (scope.type !== "function_definition") return undefined;
  const def = reachingDef(f, scope, callee);
  if (!def || !definedIn(def, scope)) return undefined;
  if (def.children.some((c) => c.type === "async")) return undefined;
  const uses = referencesReaching(f, scope, def);
  return uses.length === 1 && uses[0].id === callee.id ? def : undefined;
}

/** Is `def` nested in another function (reachable by no other module, its name local)? */
export function isNestedDef(def: SyntaxNode): boolean {
  for (let n = def.parent; n; n = n.parent) if (n.type === "function_definition") return true;
  return false;
}

/**
 * `self.<name>` inside a method: the plain method it names, found along the class's method
 * resolution order (its bases and mixins defined in the same module, as Python orders them).
 * Not when a class on the way is out of sight before the name is found (a library base may
 * define it), and not when another class of the project defines a method of that name: a
 * subclass's override would be the one called.
 */
export function methodTarget(f: OrmFile, callee: SyntaxNode): SyntaxNode | undefined {
  const receiver = callee.childForFieldName("object");
  const name = callee.childForFieldName("attribute")?.text;
  if (callee.type !== "attribute" || receiver?.type !== "identifier" || !name) return undefined;
  const self = selfClass(f, callee);
  const cls = self ?? classReceiver(f, receiver);
  const found = cls && resolveMethod(cls, name, undefined, passesImported(f, name));
  if (found?.kind !== "local") return undefined;
  const def = plainMethod(f, found.cls, name);
  // Through the class (`cls.clear()`, `Local.counted()`) a plain method would be unbound.
  return def && (self || def.parent?.type === "decorated_definition") ? def : undefined;
}

/**
 * orm-review-8 S13: the class a class-level call names: `cls` in a `@classmethod` of a class of
 * this file, or a class defined at this file's module level (`Local.counted()`).
 */
function classReceiver(f: OrmFile, receiver: SyntaxNode): SyntaxNode | undefined {
  const method = f.file.enclosingScope(receiver);
  const first = method.childForFieldName("parameters")?.namedChildren[0];
  if (method.type === "function_definition" && first?.text === receiver.text) {
    const holder = method.parent?.type === "decorated_definition" ? method.parent : method;
    const cls = holder.parent?.parent;
    const decorated =
      holder.type === "decorated_definition" && classLevel(holder)?.id === method.id;
    return decorated && cls?.type === "class_definition" && isClassMethod(method) ? cls : undefined;
  }
  const bound = f.file.visibleBindings(receiver, receiver.text);
  const cls = bound.length === 1 ? bound[0].node.parent : undefined;
  return cls?.type === "class_definition" && cls.parent?.type === "module" ? cls : undefined;
}

function isClassMethod(def: SyntaxNode): boolean {
  const decorator =
    def.parent?.type === "decorated_definition" ? def.parent.namedChildren[0] : null;
  return decorator?.text.slice(1).trim() === "classmethod";
}

function plainMethod(f: OrmFile, cls: SyntaxNode, name: string): SyntaxNode | undefined {
  const def = ownPlainMethod(cls, name);
  return def && !subclassOverride(f, cls, name) ? def : undefined;
}

/** The plain `self` method (or lone `@classmethod` or `@staticmethod`) `name` of `cls`'s own body. */
function ownPlainMethod(cls: SyntaxNode, name: string): SyntaxNode | undefined {
  const def = (cls.childForFieldName("body")?.namedChildren ?? [])
    .map(classLevel)
    .find((c) => c?.type === "function_definition" && c.childForFieldName("name")?.text === name);
  if (!def || def.children.some((c) => c.type === "async")) return undefined;
  // orm-review-8 S13: a `@staticmethod` takes neither `self` nor `cls`.
  if (def.parent?.type === "decorated_definition" && !isClassMethod(def)) return def;
  const first = def.childForFieldName("parameters")?.namedChildren[0]?.text;
  // orm-review-5 Q12 (takahe's `self.transition_perform_queryset(...)`): a `@classmethod` too.
  if (first !== (def.parent?.type === "decorated_definition" ? "cls" : "self")) return undefined;
  return def;
}

/**
 * orm-human-5 H3 (django-ninja's `return super()._items_count(queryset)` in
 * `AsyncPaginationBase`): `super().<name>` in a method of a class of this file, the plain method
 * of a base of this file that its method resolution order finds past the class.
 */
export function superTarget(f: OrmFile, callee: SyntaxNode): SyntaxNode | undefined {
  const found = superResolution(f, callee);
  return found && "def" in found ? found.def : undefined;
}

/**
 * What `super().<name>` runs, or why that is not known: past a class out of sight, not a plain
 * method, or a class of the project defining `name` elsewhere that a subclass of both may mix in
 * after this class (then `super()` finds that one). Undefined when `callee` is no such call.
 */
export function superResolution(
  f: OrmFile,
  callee: SyntaxNode,
): { def: SyntaxNode } | { why: string } | undefined {
  const cls = superClassOf(f, callee);
  const name = callee.childForFieldName("attribute")?.text;
  if (!cls || !name) return undefined;
  const found = resolveSuperMethod(cls, name, undefined, passesImported(f, name));
  if (found?.kind !== "local") {
    const hidden = (methodResolutionOrder(cls) ?? []).find((c) => c.kind !== "local");
    const where = hidden ? `${classNameOf(hidden)} or a base of it` : "a base of it";
    return {
      why: `super() in ${nameOf(cls)} finds ${name}() in ${where}, whose body is out of sight here (imported, or a library's)`,
    };
  }
  const def = ownPlainMethod(found.cls, name);
  const owner = `${nameOf(found.cls)}.${name}()`;
  if (!def) return { why: `${owner} is not a plain method (async, or decorated)` };
  const order = new Set((methodResolutionOrder(cls) ?? []).map(classNameOf));
  for (const fn of indexedFunctionsNamed(f.ctx.project.index, name)) {
    if (fn.className === undefined || order.has(fn.className)) continue;
    const joined = joinedAfter(f.ctx.project, nameOf(cls), fn.className);
    if (joined !== undefined)
      return {
        why: `${fn.className} (${fn.path}) defines ${name}() too, and ${joined ? `${joined} derives from both ${nameOf(cls)} and ${fn.className}` : `a class may derive from both`}: for its instances super() in ${nameOf(cls)} runs ${fn.className}.${name}(), not ${owner}`,
      };
  }
  return { def };
}

/** The class whose method holds `callee` = `super().<name>` (the builtin, no arguments). */
function superClassOf(f: OrmFile, callee: SyntaxNode): SyntaxNode | undefined {
  return superCallClass(f, callee.type === "attribute" ? callee.childForFieldName("object") : null);
}

/**
 * A member def, or the def a lone `@classmethod` or `@staticmethod` decorates (its twin keeps the
 * decorator).
 */
function classLevel(member: SyntaxNode): SyntaxNode | undefined {
  if (member.type !== "decorated_definition") return member;
  const decorators = member.namedChildren.filter((d) => d.type === "decorator");
  const only = decorators.length === 1 && CLASS_LEVEL.has(decorators[0].text.slice(1).trim());
  return only ? (member.childForFieldName("definition") ?? undefined) : undefined;
}

const CLASS_LEVEL = new Set(["classmethod", "staticmethod"]);

/**
 * Another class's method of that name that may be what `self.<name>` runs (a subclass overriding
 * it); an abstract one never runs, nor one of this class's own bases, which this def overrides.
 */
export function subclassOverride(
  f: OrmFile,
  cls: SyntaxNode,
  name: string,
): IndexedFunction | undefined {
  const className = cls.childForFieldName("name")?.text ?? "";
  const bases = new Set(baseNames(cls));
  return indexedFunctionsNamed(f.ctx.project.index, name).find(
    (fn) =>
      fn.name === name &&
      fn.className !== undefined &&
      (fn.className !== className || fn.module !== f.file.module) &&
      !bases.has(fn.className) &&
      !fn.decorators.some((d) => /(^|\.)abstractmethod$/.test(d)) &&
      // A `Route.delete` beside `ModelService.delete` (N7d): only a subclass overrides it.
      (fn.className === className
        ? namesakeMayDerive(f.ctx.project, className)
        : mayDeriveFrom(f.ctx.project, fn.className, className)),
  );
}

/**
 * Whether a method overrides one a base of its class declares (an abstract `remove()`): code
 * holding the base type calls it sync, so it keeps its sync form beside a twin.
 */
export function overridesBaseMethod(f: OrmFile, def: SyntaxNode): boolean {
  const cls = def.parent?.parent;
  if (cls?.type !== "class_definition") return false;
  const above = basesAbove(cls);
  const name = nameOf(def);
  if (
    (methodResolutionOrder(cls) ?? [])
      .slice(1)
      .some((c) => c.kind === "local" && ownDefNamed(c.node, name))
  )
    return true;
  return indexedFunctionsNamed(f.ctx.project.index, name).some(
    (fn) => fn.className !== undefined && above.has(fn.className),
  );
}

function ownDefNamed(cls: SyntaxNode, name: string): boolean {
  return (cls.childForFieldName("body")?.namedChildren ?? []).some((m) => {
    const def = m.type === "decorated_definition" ? m.childForFieldName("definition") : m;
    return def?.type === "function_definition" && nameOf(def) === name;
  });
}

/** The names of the classes after `cls` in its method resolution order (`Base[T]` is `Base`). */
function basesAbove(cls: SyntaxNode): Set<string> {
  return new Set((methodResolutionOrder(cls) ?? []).slice(1).map(classNameOf));
}

/** A class of an order by its last name (`Base[T]` is `Base`). */
function classNameOf(c: MroClass): string {
  if (c.kind === "local") return c.node.childForFieldName("name")?.text ?? "";
  const text = c.kind === "imported" ? c.name : c.text;
  return text
    .replace(/\[[\s\S]*$/, "")
    .split(".")
    .pop()!;
}

/** `ModelServiceBase` for `class S(ModelServiceBase[M], abc.ABC)`: its bases' last names. */
function baseNames(cls: SyntaxNode): string[] {
  const list = cls.childForFieldName("superclasses")?.namedChildren ?? [];
  return list.flatMap((base) => {
    const head = base.type === "subscript" ? base.childForFieldName("value") : base;
    const name = /(?:^|\.)([A-Za-z_]\w*)$/.exec(head?.text ?? "")?.[1];
    return name && base.type !== "keyword_argument" ? [name] : [];
  });
}

/** The calls in `findings`' region that are chain calls (each reported as AS205 by the scan). */
export function chainCallsOf(f: OrmFile, findings: Findings): ChainCall[] {
  const calls: ChainCall[] = [];
  for (const p of findings.problems) {
    if (p.code !== "AS205" || p.node.type !== "call") continue;
    // `await` inside a generator expression would make it an async generator: not followed.
    if (insideGenerator(p.node)) continue;
    const callee = p.node.childForFieldName("function")!;
    const def = chainTarget(f, callee);
    if (def) calls.push({ call: p.node, callee, def });
    const method = def ? undefined : (methodTarget(f, callee) ?? superTarget(f, callee));
    // A method's name is what a twin renames: `self.helper` -> `self.ahelper`.
    if (method)
      calls.push({ call: p.node, callee: callee.childForFieldName("attribute")!, def: method });
  }
  return calls;
}

/**
 * The function `def` as a link of a chain: as the file's scan found it (stage 2), or scanned now
 * for a def no site of the file reaches (what accounting asks of a kept wrapper's target).
 */
export function chainFunction(f: OrmFile, def: SyntaxNode): ChainFunction {
  const scanned = (f as Partial<ScannedFile>).chainFunctions?.get(def.id);
  return scanned ?? scanChainFunction(f, def);
}

/** Every function reached by chains of calls from `roots` (themselves included), scanned once. */
export function chainFunctionsFrom(
  f: OrmFile,
  roots: Iterable<SyntaxNode>,
): Map<number, ChainFunction> {
  const found = new Map<number, ChainFunction>();
  const visit = (def: SyntaxNode) => {
    if (found.has(def.id)) return;
    const fn = scanChainFunction(f, def);
    found.set(def.id, fn);
    for (const c of fn.calls) visit(c.def);
  };
  for (const def of roots) visit(def);
  return found;
}

/**
 * orm-human-7 K3: `return self.client`, a forward relation read, as the whole body: one native
 * fetch (relation-fetch.ts), or the reason it is not written; undefined for any other body.
 */
export function relationFetchFindings(f: OrmFile, body: SyntaxNode): Findings | undefined {
  const read = returnedRead(body);
  const fetch = read && relationFetch(f, read);
  if (!fetch) return undefined;
  if ("why" in fetch)
    return {
      conversions: [],
      problems: [
        {
          code: "AS208",
          node: read,
          message: `${read.text} loads a related row (a query), whose native form is an aget() by its key column, but ${fetch.why}: rewrite by hand`,
        },
      ],
      ormSites: 1,
    };
  const conversion = fetchConversion(f, fetch, read.parent!, `return ${read.text}`);
  return { conversions: [conversion], problems: [], ormSites: 1 };
}

/** `def` scanned as a link of a chain: its ORM work, its calls, its own blockers. */
function scanChainFunction(f: OrmFile, def: SyntaxNode): ChainFunction {
  const body = def.childForFieldName("body")!;
  // orm-human-8 K10: `def get_team(): return experiment.team`, fetched natively as a wrapper's.
  const findings = relationFetchFindings(f, body) ?? scan(f, body, "wrapper");
  const calls = chainCallsOf(f, findings);
  const cross = crossCallsOf(f, findings);
  const chained = new Set(calls.map((c) => c.call.id));
  const problems = [
    ...findings.problems.filter((p) => !chained.has(p.node.id)),
    ...unprovenChains(body, findings.conversions),
    ...conversionProblems(f, findings.conversions),
    ...awaitClashes(findings, calls),
  ];
  if (body.descendantsOfType(["yield", "await"]).length > 0)
    problems.unshift({
      code: "AS208",
      node: def,
      message: "a generator function cannot be converted",
    });
  return { def, findings, calls, cross, problems };
}

/**
 * Conversions that keep code sync: a method newer than the target (AS209), an unproven receiver
 * (`unproven` says how: a chain refuses it, a decorated wrapper makes it an unsafe fix).
 */
export function conversionProblems(
  f: OrmFile,
  conversions: readonly Conversion[],
  unproven: (c: Conversion) => Problem = (c) => ({
    code: "AS201",
    node: c.node,
    message: "nothing here proves the receiver is a queryset or model instance",
  }),
): Problem[] {
  return conversions.flatMap((c): Problem[] => {
    if (!versionAtLeast(f.target, c.since))
      return [
        {
          code: "AS209",
          node: c.node,
          message: `the native async form needs Django ${c.since} (target is ${f.target})`,
        },
      ];
    return c.proven ? [] : [unproven(c)];
  });
}

/** `helper().save()`: two awaits would start at one offset; left to a rewrite by hand. */
function awaitClashes(findings: Findings, calls: ChainCall[]): Problem[] {
  const starts = new Set(findings.conversions.map((c) => c.node.startIndex));
  return calls
    .filter((c) => starts.has(c.call.startIndex))
    .map((c) => ({
      code: "AS208" as const,
      node: c.call,
      message: `the result of ${c.callee.text}() is used by ORM work in one expression: rewrite by hand`,
    }));
}

/**
 * Every function reached from `calls`, once each, in the order first reached; `skip`: defs not
 * followed (the pure helpers a plan calls as they are).
 */
export function reachedFunctions(
  f: OrmFile,
  calls: ChainCall[],
  skip: (def: SyntaxNode) => boolean = () => false,
): ChainFunction[] {
  const seen = new Map<number, ChainFunction>();
  const visit = (list: ChainCall[]) => {
    for (const c of list) {
      if (seen.has(c.def.id) || skip(c.def)) continue;
      const fn = chainFunction(f, c.def);
      seen.set(c.def.id, fn);
      visit(fn.calls);
    }
  };
  visit(calls);
  return [...seen.values()];
}

/** Whether some function reached from `calls` holds ORM work. */
export function reachesOrmWork(f: OrmFile, calls: ChainCall[]): boolean {
  return reachedFunctions(f, calls).some((fn) => fn.findings.ormSites > 0);
}

/** Whether a chain starting with these calls reaches a function of another file. */
export function reachesOtherFiles(f: OrmFile, calls: ChainCall[], cross: CrossCall[]): boolean {
  return cross.length > 0 || reachedFunctions(f, calls).some((r) => r.cross.length > 0);
}

/**
 * Whether the wrapper `key` may reach ORM work in other files: while the project is surveyed
 * (no plan yet) any chain to another file may; once planned, the plan says.
 */
export function mayReachOrmElsewhere(
  f: OrmFile,
  key: string,
  calls: ChainCall[],
  cross: CrossCall[],
): boolean {
  if (!reachesOtherFiles(f, calls, cross)) return false;
  if (!f.ctx.project.plans) return true;
  const decision = projectPlan(f)?.wrappers[key];
  return !!decision && !("noOrm" in decision);
}

/** A decorated wrapper's problems but the AS205 of its calls to project functions. */
export function ownProblems(a: DecoratedAnalysis): Problem[] {
  const chained = new Set([...a.chainCalls, ...a.crossCalls].map((c) => c.call.id));
  return a.problems.filter((p) => !chained.has(p.node.id));
}
