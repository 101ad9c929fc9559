import { absoluteName } from "../../src/python/relative-imports.js";
import { surveyedPlan } from "../../src/model/plans.js";
import type {
  Context,
  FileSemantics,
  ProjectIndex,
  ProjectSurvey,
  SyntaxNode,
} from "../../src/model/types.js";
import { valueUse } from "./tested.js";
import { returnedNestedCoroutine, tupleAsksOf, tupleHit } from "./returned.js";
import { reexportSource } from "../../src/project/reexports.js";
import { modulePaths } from "../../src/project/index-lookup.js";
import { firstFunctionUnder, functionsOfModule } from "../../src/project/index-modules.js";
import { typedStart } from "./typed-start.js";
import { candidateCalls } from "./candidates.js";
import { decoratorNamesOf, keepsCoroutine, yields } from "./keeping.js";
import { assignsOnSelf } from "./class-methods.js";
import { selfAttributeType } from "./class-receivers.js";
import { keepsCoroutines } from "./decorators.js";
import { markerParameters, type MarkerParameter } from "./injected.js";
import { handedCalls, valueParameters } from "./passed.js";
import { isAsyncFunction } from "../../src/python/shapes.js";
import { methodResolutionOrder } from "../../src/python/mro.js";

/*
 * Awaitables the annotations say: `if not workflow.authorize_callback(context):` where
 * `workflow` comes from `get_workflow() -> Workflow | None`, the Protocol `Workflow` declares
 * `authorize_callback: Authorizer`, and `Authorizer = Callable[[T], Awaitable[bool]]` in a third
 * module (orchestrator-core). A survey follows the annotations from module to module: the
 * receiver's type (a parameter's annotation, or the return annotation of the project function
 * that made it), the class's attribute annotation, and the type alias it names.
 */

import {
  KEY,
  aliasValue,
  judged,
  keyOf,
  moduleStatements,
  named,
  namedType,
} from "./typed-annotations.js";

/** What `receiver` holds, as a key to look its class up by: `type:py:m.C` or `ret:py:m.f`. */
function receiverSource(file: FileSemantics, receiver: SyntaxNode): string | undefined {
  const fn = file.enclosingFunction(receiver);
  if (!fn || receiver.type !== "identifier") return undefined;
  const bindings = file.bindingsNamed(fn, receiver.text);
  // `MessageService.notify(...)`, the class imported by name (its own methods are asked).
  if (bindings.length === 0 && file.importBindingOf(receiver.text, receiver)) {
    const key = keyOf(file, receiver);
    return key ? `type:${key}` : undefined;
  }
  const sources = new Set<string | undefined>();
  for (const b of bindings) {
    const parent = b.node.parent;
    if (parent?.type === "typed_parameter" || parent?.type === "typed_default_parameter") {
      const type = parent.childForFieldName("type");
      const named = type ? namedType(type) : undefined;
      const key = named ? keyOf(file, named) : undefined;
      sources.add(key ? `type:${key}` : undefined);
    } else if (
      parent?.type === "assignment" &&
      parent.childForFieldName("left")?.id === b.node.id
    ) {
      const right = parent.childForFieldName("right");
      const callee = right?.type === "call" ? right.childForFieldName("function") : null;
      const key =
        callee && (callee.type === "identifier" || callee.type === "attribute")
          ? keyOf(file, callee)
          : undefined;
      sources.add(key ? `ret:${key}` : undefined);
    } else sources.add(undefined);
  }
  return sources.size === 1 ? [...sources][0] : undefined;
}

/**
 * `self.reset()` in a method of a class whose own order (this file's classes) does not define
 * `reset` before an imported base: that base's method is asked (hazard-review-8 Y23, pipecat's
 * `UserResponseAggregator(LLMUserResponseAggregator)` of another module).
 */
function inheritedAsk(file: FileSemantics, callee: SyntaxNode): string | undefined {
  const method = file.enclosingFunction(callee);
  const cls = method && file.enclosingClass(method);
  const attr = callee.childForFieldName("attribute")!.text;
  if (!cls) return undefined;
  for (const c of methodResolutionOrder(cls) ?? []) {
    if (c.kind === "opaque") return undefined;
    if (c.kind === "local") {
      if (file.bindingsNamed(c.node, attr).length > 0) return undefined;
      continue;
    }
    const absolute = absoluteName(c.binding.qualified, file.module, file.path);
    return absolute?.includes(".") ? `type:${KEY}${absolute}#${attr}` : undefined;
  }
  return undefined;
}

/** `workflow.authorize_callback` consumed as a value: what to ask (`ret:py:m.f#authorize_callback`). */
function askOf(file: FileSemantics, call: SyntaxNode): string | undefined {
  const callee = call.childForFieldName("function");
  const receiver = callee?.type === "attribute" ? callee.childForFieldName("object") : null;
  // `self.onvif._init_onvif(...)`: what the class says `self.onvif` is (class-receivers.ts).
  const held = receiver?.type === "attribute" ? selfAttributeType(file, receiver) : undefined;
  const heldType = held && namedType(held);
  const heldKey = heldType && keyOf(file, heldType);
  if (heldKey) return `type:${heldKey}#${callee!.childForFieldName("attribute")!.text}`;
  if (receiver?.type === "identifier" && receiver.text === "self")
    return inheritedAsk(file, callee!);
  if (!callee || receiver?.type !== "identifier") return undefined;
  const source = receiverSource(file, receiver);
  return source ? `${source}#${callee.childForFieldName("attribute")!.text}` : undefined;
}

/** The `async def` a package's re-export of `absolute` stands for, if the survey found one. */
export function reexportedCoroutine(ctx: Context, absolute: string): string | undefined {
  return surveyedPlan<TypedPlan>(ctx, "missing-await")?.reexported[absolute];
}

/** The FastAPI-filled parameters of the project's async def `absolute`, if the survey read any. */
export function surveyedMarkers(ctx: Context, absolute: string): MarkerParameter[] | undefined {
  const found = surveyedPlan<TypedPlan>(ctx, "missing-await")?.hits[`inj:${KEY}${absolute}`];
  return found ? (JSON.parse(found) as MarkerParameter[]) : undefined;
}

/** Does the decorator `name` names (imported from a project module) keep coroutines? */
export function surveyedDecorator(ctx: Context, file: FileSemantics, name: SyntaxNode): boolean {
  const key = keyOf(file, name);
  return !!key && !!surveyedPlan<TypedPlan>(ctx, "missing-await")?.hits[`dec:${key}`];
}

/** The awaitable an attribute's annotation says a call of it returns, if the survey found one. */
export function typedAwaitable(
  file: FileSemantics,
  call: SyntaxNode,
  ctx: Context,
): string | undefined {
  const plan = surveyedPlan<TypedPlan>(ctx, "missing-await");
  const ask = plan && askOf(file, call);
  return ask ? plan.hits[ask] : undefined;
}

export interface TypedPlan {
  hits: Record<string, string>;
  /** Names a package re-exports, by the name the callers use: the async def each stands for. */
  reexported: Record<string, string>;
}

export interface TypedFacts {
  hits: Record<string, string>;
  reaches: Record<string, string>;
  asks: string[];
  /** Project names called where a coroutine would be dropped or tested: `py:shop.api.may_edit`. */
  called?: string[];
  /** Imported decorators of this file's `async def`s: `py:app.tracing.trace_method`. */
  decorators?: string[];
  /** `val:` asks, each with the callee of the call it is handed (a key, or `local`): passed.ts. */
  handed?: [string, string][];
  /**
   * A first-round file holding no `async def` (its module): the pre-pass may have seen it
   * without the word `async` and left it out of the rewrite pass (hazard-review-4 K6b).
   */
  module?: string;
}

/** The round-2 facts: each asked name of this module judged. */
function askedFacts(file: FileSemantics, asked: readonly string[]): TypedFacts {
  const out: TypedFacts = { hits: {}, reaches: {}, asks: [] };
  const top = moduleStatements(file.root);
  for (const entry of asked) {
    const [what, key] = entry.split("@");
    const [kind, rest] = [what.slice(0, what.indexOf(":")), what.slice(what.indexOf(":") + 1)];
    const [name, attr] = rest.split("#");
    let found: { hit?: string; reaches?: string } = {};
    if (kind === "ret" && !named(top, "function_definition", name))
      // `svc = MessageService()`: an instance of a class of this module.
      found = attributeOf(file, top, name, attr);
    else if (kind === "ret") {
      const returns = named(top, "function_definition", name)?.childForFieldName("return_type");
      const type = returns && namedType(returns);
      const typeKey = type && keyOf(file, type);
      if (typeKey) found = { reaches: `type:${typeKey}#${attr}` };
    } else if (kind === "type") {
      // A class a package re-exports (`from .message_service import MessageService`): asked of
      // the module it comes from.
      const from = named(top, "class_definition", name) ? undefined : reexportOf(file, name);
      found = from
        ? {
            reaches: alternatives(from)
              .map((f) => `type:${f}#${attr}`)
              .join(OR),
          }
        : attributeOf(file, top, name, attr);
    } else if (kind === "alias") {
      const [alias, label] = rest.split("|");
      const value = aliasValue(file, alias);
      if (value) found = judged(file, value, label);
    }
    if (kind === "tup") {
      // The nested coroutine function an async def returns in its tuple (returned.ts).
      const def = named(top, "function_definition", name);
      const inner = def && returnedNestedCoroutine(file, def, Number(attr));
      if (inner) out.hits[key] = tupleHit(def!, inner, file.path);
      continue;
    }
    if (kind === "dec") {
      // A decorator that keeps coroutine functions coroutine functions (decorators.ts).
      const def = named(top, "function_definition", name);
      if (def && keepsCoroutines(def)) out.hits[key] = "keeps coroutines";
      continue;
    }
    if (kind === "val") {
      // Value-typed parameters of a def handed a coroutine from another module (passed.ts).
      const def = named(top, "function_definition", name);
      const params = def && valueParameters(file, def, false, (l) => `${file.path}:${l}`);
      if (params && params.length > 0) out.hits[key] = JSON.stringify(params);
      continue;
    }
    if (kind === "inj") {
      // FastAPI-filled parameters of an async def called unawaited (injected.ts).
      const def = named(top, "function_definition", name);
      const markers = def ? markerParameters(file, def) : [];
      if (markers.length > 0) out.hits[key] = JSON.stringify(markers);
      continue;
    }
    if (kind === "fn") {
      const from = reexportOf(file, name);
      if (from) out.reaches[key] = from;
      continue;
    }
    if (found.hit) out.hits[key] = found.hit;
    else if (found.reaches) out.reaches[key] = found.reaches;
  }
  return out;
}

/**
 * A class's attribute: `authorize_callback: Authorizer`, or an `async def` method, its own or
 * the first of its bases' (this module's classes, then the imported base asked in turn).
 */
function attributeOf(
  file: FileSemantics,
  top: SyntaxNode[],
  cls: string,
  attr: string,
): { hit?: string; reaches?: string } {
  const body = named(top, "class_definition", cls);
  if (!body) return {};
  for (const c of methodResolutionOrder(body) ?? [{ kind: "local" as const, node: body }]) {
    if (c.kind === "opaque") return {};
    if (c.kind === "imported") {
      const absolute = absoluteName(c.binding.qualified, file.module, file.path);
      return absolute?.includes(".") ? { reaches: `type:${KEY}${absolute}#${attr}` } : {};
    }
    const name = c.node.childForFieldName("name")!.text;
    const found = ownAttribute(file, c.node, name, attr);
    if (found) return found;
  }
  return {};
}

/** The class's own attribute `attr` (undefined when its body has none). */
function ownAttribute(
  file: FileSemantics,
  body: SyntaxNode,
  cls: string,
  attr: string,
): { hit?: string; reaches?: string } | undefined {
  for (const member of moduleStatements(body)) {
    if (member.type === "function_definition" && member.childForFieldName("name")?.text === attr)
      return /^async\b/.test(member.text) &&
        keepsCoroutine(decoratorNamesOf(member)) &&
        !yields(member) &&
        !assignsOnSelf(body, attr)
        ? { hit: `${cls}.${attr} is an async def (${file.path}:${member.startPosition.row + 1})` }
        : {};
    const inner = member.type === "expression_statement" ? member.namedChildren[0] : member;
    const type = inner?.type === "assignment" ? inner.childForFieldName("type") : null;
    if (type && inner!.childForFieldName("left")?.text === attr)
      return judged(file, type, `${cls}.${attr} is annotated`);
  }
  return undefined;
}

/** Round 1: the asks of the file's sites, each a receiver's source and the attribute called. */
function siteFacts(file: FileSemantics): TypedFacts {
  const asks = new Set<string>();
  const called = new Set<string>();
  const statements = new Set(candidateCalls(file.root).map((c) => c.id));
  for (const call of file.root.descendantsOfType("call")) {
    const callee = call.childForFieldName("function");
    if (!callee || !(statements.has(call.id) || valueUse(file, call))) continue;
    if (callee.type === "identifier" || callee.type === "attribute") {
      const key = file.importBindingOf(callee.text.split(".")[0], callee) && keyOf(file, callee);
      if (key) called.add(key);
    }
    for (const ask of tupleAsksOf(file, callee)) asks.add(ask);
    // A value use or a statement (`MessageService.notify_team(...)`, `svc = Service.create()`).
    const ask = callee.type === "attribute" ? askOf(file, call) : undefined;
    if (ask) asks.add(ask);
  }
  const holdsAsync = file.root.descendantsOfType("function_definition").some(isAsyncFunction);
  return {
    hits: {},
    reaches: {},
    asks: [...asks],
    called: [...called],
    decorators: importedDecorators(file),
    handed: handedAsks(file),
    ...(!holdsAsync && file.module !== undefined ? { module: file.module } : {}),
  };
}

/**
 * The modules of first-round files without an `async def` that call a coroutine of the project
 * (an ask that resolved, or an imported async def): the plan names them, so the rewrite pass
 * reads them even when the pre-pass found no trigger word there (frigate's autotrack.py, whose
 * `if not self.onvif._init_onvif(camera)` tests an unawaited coroutine: K6b).
 */
function sitesWithoutAsync(
  facts: readonly TypedFacts[],
  hits: Readonly<Record<string, string>>,
  index: ProjectIndex,
): string[] {
  return facts
    .filter(
      (f) =>
        f.module !== undefined &&
        (f.asks.some((ask) => hits[ask]) || (f.called ?? []).some((k) => indexedAsync(index, k))),
    )
    .map((f) => f.module!);
}

/** Each `val:` ask with what its call is handed: a key to ask the index, or a local async def. */
function handedAsks(file: FileSemantics): [string, string][] {
  const out: [string, string][] = [];
  for (const { ask, handed } of handedCalls(file)) {
    const imported = file.importBindingOf(handed.text.split(".")[0], handed);
    const key = imported ? keyOf(file, handed) : undefined;
    const def =
      handed.type === "identifier" && !imported
        ? named(moduleStatements(file.root), "function_definition", handed.text)
        : undefined;
    if (key) out.push([ask, key]);
    else if (def && isAsyncFunction(def)) out.push([ask, "local"]);
  }
  return out;
}

/** The imported names decorating this file's `async def`s, as keys (decorators.ts asks them). */
function importedDecorators(file: FileSemantics): string[] {
  const keys = new Set<string>();
  for (const d of file.root.descendantsOfType("decorator")) {
    const expr = d.namedChildren.find((c) => c.type !== "comment");
    const def = d.parent?.childForFieldName("definition");
    if (expr?.type !== "identifier" || !def || !/^async\b/.test(def.text)) continue;
    if (keepsCoroutine([expr.text]) || !file.importBindingOf(expr.text, expr)) continue;
    const key = keyOf(file, expr);
    if (key) keys.add(key);
  }
  return [...keys];
}

/**
 * `from shop.api.perms import may_edit` in the package asked for `may_edit`: where it is from.
 * Each arm of `try: from .fast import X / except ImportError: from .base import X` may be the one
 * that runs (letta's `LettuceClient`, whose first module is not in the open-source tree): all are
 * given, joined by OR, and the plan takes the first the project holds (`chosen`).
 */
function reexportOf(file: FileSemantics, name: string): string | undefined {
  const from = reexportSource(file.source, file.module, file.path, name);
  const arms = file
    .importBindings()
    .filter((b) => b.local === name && b.scope.id === file.root.id)
    .map((b) => absoluteName(b.qualified, file.module, file.path));
  const all = [...new Set([from, ...arms])].filter((a): a is string => !!a?.includes("."));
  return all.length > 0 ? all.map((a) => `${KEY}${a}`).join(OR) : undefined;
}

/** Between alternatives of a re-export (reexportOf). */
const OR = "\n";

function alternatives(value: string): string[] {
  return value.split(OR);
}

/** The module a reach (`py:m.f`, `type:py:m.C#attr`) asks. */
function moduleOfReach(reach: string): string | undefined {
  if (reach.startsWith(KEY)) return reach.slice(KEY.length, reach.lastIndexOf("."));
  return askedOf(reach)?.module;
}

/** Of a reach's alternatives, the first whose module the project holds (else the first). */
function chosen(value: string, index: ProjectIndex): string {
  const all = alternatives(value);
  if (all.length === 1) return value;
  const held = all.find((a) => {
    const module = moduleOfReach(a);
    return module !== undefined && modulePaths(index, module).length > 0;
  });
  return held ?? all[0];
}

/** The function an index lists for a key, when it lists exactly one kind (async or not). */
function indexedAsync(index: ProjectIndex, key: string): boolean | undefined {
  const dotted = key.slice(KEY.length);
  const module = dotted.slice(0, dotted.lastIndexOf("."));
  const name = dotted.slice(dotted.lastIndexOf(".") + 1);
  const found = functionsOfModule(index, module).filter((f) => f.name === name && !f.className);
  if (found.length === 0) return undefined;
  return found.every((f) => f.async && keepsCoroutine(f.decorators))
    ? true
    : found.every((f) => !f.async)
      ? false
      : undefined;
}

/** Called names the index does not find where they are imported from: a re-export to follow. */
function reexportAsks(facts: readonly TypedFacts[], index: ProjectIndex): string[] {
  const asked = new Set<string>();
  for (const f of facts)
    for (const key of [...(f.called ?? []), ...Object.values(f.reaches).flatMap(alternatives)])
      if (key.startsWith(KEY) && indexedAsync(index, key) === undefined) asked.add(key);
  for (const f of facts) for (const key of Object.keys(f.reaches)) asked.delete(key);
  return [...asked];
}

/** Each called name a package re-exports, followed to the `async def` it stands for. */
function reexported(facts: readonly TypedFacts[], index: ProjectIndex): Record<string, string> {
  const reaches: Record<string, string> = {};
  for (const f of facts)
    for (const [key, next] of Object.entries(f.reaches))
      if (key.startsWith(KEY)) reaches[key] = chosen(next, index);
  const found: Record<string, string> = {};
  for (const start of Object.keys(reaches)) {
    let key = start;
    for (let hop = 0; hop < 4 && reaches[key]; hop++) key = reaches[key];
    if (indexedAsync(index, key)) found[start.slice(KEY.length)] = key.slice(KEY.length);
  }
  return found;
}

/** `ret:py:m.f#attr` -> the module `m` and what to ask of it: `ret:f#attr`. */
function askedOf(ask: string): { module: string; what: string } | undefined {
  const kind = ask.slice(0, ask.indexOf(":"));
  const rest = ask.slice(kind.length + 1);
  if (!rest.startsWith(KEY)) return undefined;
  const [dotted, tail] = [rest.slice(KEY.length).split(/[#|]/)[0], rest.slice(KEY.length)];
  const module = dotted.slice(0, dotted.lastIndexOf("."));
  const local = tail.slice(module.length + 1);
  return module ? { module, what: `${kind}:${local}` } : undefined;
}

function pendingAsks(facts: readonly TypedFacts[]): Set<string> {
  const known = new Set<string>();
  const wanted = new Set<string>();
  for (const f of facts) {
    for (const key of [...Object.keys(f.hits), ...Object.keys(f.reaches)]) known.add(key);
    for (const ask of [...f.asks, ...Object.values(f.reaches).flatMap(alternatives)])
      if (!ask.startsWith(KEY)) wanted.add(ask);
  }
  for (const key of known) wanted.delete(key);
  return wanted;
}

function resolved(facts: readonly TypedFacts[], index: ProjectIndex): Record<string, string> {
  const hits: Record<string, string> = {};
  const reaches: Record<string, string> = {};
  for (const f of facts) {
    Object.assign(hits, f.hits);
    for (const [key, next] of Object.entries(f.reaches)) reaches[key] = chosen(next, index);
  }
  for (let round = 0; round < 6; round++)
    for (const [key, next] of Object.entries(reaches))
      if (!hits[key] && hits[next]) hits[key] = hits[next];
  return hits;
}

/** missing-await's survey: the annotations that make an attribute's call an awaitable. */
export const typedSurvey: ProjectSurvey<TypedFacts, TypedPlan> = {
  start: (index, _ctx, rewritten) => typedStart(index, rewritten),
  facts: (file, _ctx, asked) => (asked ? askedFacts(file, asked) : siteFacts(file)),
  next(facts, index) {
    const byPath = new Map<string, string[]>();
    const want = (module: string, entry: string) => {
      for (const path of modulePaths(index, module))
        byPath.set(path, [...(byPath.get(path) ?? []), entry]);
    };
    for (const ask of pendingAsks(facts)) {
      const asked = askedOf(ask);
      if (asked) want(asked.module, `${asked.what}@${ask}`);
    }
    // The parameters of each async def called unawaited in another module: one FastAPI fills
    // makes adding `await` alone wrong (injected.ts).
    for (const f of facts)
      for (const key of f.called ?? [])
        if (indexedAsync(index, key)) {
          const dotted = key.slice(KEY.length);
          const module = dotted.slice(0, dotted.lastIndexOf("."));
          want(module, `inj:${dotted.slice(module.length + 1)}@inj:${key}`);
        }
    // The value-typed parameters of a def of another module handed a coroutine (passed.ts).
    for (const f of facts)
      for (const [ask, handed] of f.handed ?? []) {
        const asked = handed === "local" || indexedAsync(index, handed) ? askedOf(ask) : undefined;
        if (asked) want(asked.module, `${asked.what}@${ask}`);
      }
    for (const f of facts)
      for (const key of f.decorators ?? []) {
        const dotted = key.slice(KEY.length);
        const module = dotted.slice(0, dotted.lastIndexOf("."));
        want(module, `dec:${dotted.slice(module.length + 1)}@dec:${key}`);
      }
    for (const key of reexportAsks(facts, index)) {
      const dotted = key.slice(KEY.length);
      const module = dotted.slice(0, dotted.lastIndexOf("."));
      // Only a package of the project: a module of it would define the name itself.
      if (firstFunctionUnder(index, module))
        want(module, `fn:${dotted.slice(module.length + 1)}@${key}`);
    }
    return [...byPath].map(([path, wanted]) => ({ path, wanted }));
  },
  plan: (facts, ctx) => {
    const hits = resolved(facts, ctx.project.index!);
    return {
      plan: { hits, reexported: reexported(facts, ctx.project.index!) },
      modules: sitesWithoutAsync(facts, hits, ctx.project.index!),
    };
  },
};
