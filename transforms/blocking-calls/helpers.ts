import { importedCalleeName } from "../../src/python/relative-imports.js";
import { surveyedPlan } from "../../src/model/plans.js";
import { pendingKeys } from "../../src/project/survey-reach.js";
import { isAsyncFunction } from "../../src/python/shapes.js";
import { catchingTry, refusalIn, type HelperBlock } from "./refusals.js";
import { abstractDeclaration, asyncTwinOf, concreteOwner, implementations } from "./twins.js";
import { asyncDispatched, inFirstCallBranch, isCached } from "./cached.js";
import { blocks, shortText } from "./direct-blocks.js";
import { aliasedClass, declaredUse } from "./class-attributes.js";
import {
  factoryUse,
  useBlock,
  yieldedFrom,
  type FactoryFacts,
  type FactoryUse,
} from "./sessions.js";

export type { HelperBlock } from "./refusals.js";
import type { Context, FileSemantics, ProjectSurvey, SyntaxNode } from "../../src/model/types.js";
import { factoryProduct, moduleDef, returnedProduct, yieldedProduct, YIELDS } from "./receivers.js";
import { reexportSource } from "../../src/project/reexports.js";
import { askedOf, outlinedAsk } from "./asking.js";
import { OrmProofs } from "../../src/django/proofs.js";
import { askedMethod, instanceMethod, type MethodTarget } from "./instances.js";
import { classOfMethod } from "./classes.js";
import {
  constantDictKeys,
  DICT_KEY,
  equalsGuardOf,
  keyGuardOf,
  setGuardOf,
  type ArgumentGuard,
} from "./guards.js";
import {
  fieldModelsAsked,
  fileFieldsOf,
  FIELDS_KEY,
  type FileField,
  type FileFields,
} from "./file-fields.js";

/*
 * Project helpers that block: `return arm.list_regions(sub)` in `async def`, where
 * `list_regions` (a plain def of another module) calls `requests.get`, a call or three deep. The
 * survey reads the helpers the async defs call, through the imports, and names the blocking call
 * with its file and line.
 */

const KEY = "py:";
const DEPTH = 4;

/** `requests.get() (app/arm.py:9)`, `time.sleep() (line 10) through wait_for_quota()`. */
export function blockSays(block: HelperBlock, sitePath: string, callee = ""): string {
  const where = sitePath.endsWith(block.path)
    ? `line ${block.line}`
    : `${block.path}:${block.line}`;
  // The site's own callee, reached through a re-export, is not a step: `Trade.get_trades()`
  // does not block "through Trade.get_trades()".
  const via = block.via.at(-1) === callee ? block.via.slice(0, -1) : block.via;
  return `${block.call} (${where})${via.map((v) => ` through ${v}()`).join("")}`;
}

/** The calls a def's body makes when it runs (not those of nested defs, lambdas or classes). */
function ownCalls(def: SyntaxNode): SyntaxNode[] {
  const calls: SyntaxNode[] = [];
  const visit = (node: SyntaxNode): void => {
    if (["function_definition", "lambda", "class_definition"].includes(node.type)) return;
    if (node.type === "call") calls.push(node);
    for (const child of node.namedChildren) visit(child);
  };
  for (const statement of def.childForFieldName("body")?.namedChildren ?? []) visit(statement);
  return calls;
}

/** `arm.list_regions` or `list_regions` imported from the project: `py:app.arm.list_regions`. */
function importedKey(file: FileSemantics, callee: SyntaxNode): string | undefined {
  const name = importedCalleeName(file, callee);
  return name ? `${KEY}${name}` : undefined;
}

/**
 * A generator function: calling it runs none of its body (hazard-review-4 K16: frigate's
 * `StreamingResponse(imagestream(...))`, iterated by Starlette in its thread pool).
 */
function isGenerator(def: SyntaxNode): boolean {
  const visit = (node: SyntaxNode): boolean =>
    node.type === "yield" ||
    (!["function_definition", "lambda", "class_definition"].includes(node.type) &&
      node.namedChildren.some(visit));
  return (def.childForFieldName("body")?.namedChildren ?? []).some(visit);
}

/** What a sync def of this file reaches: a blocking call (in it or its same-file callees), or keys. */
function walk(file: FileSemantics, def: SyntaxNode): Walked {
  const keys: string[] = [];
  // The keys reached under a `try` that catches RuntimeError: where it is caught.
  const caught: Record<string, string> = {};
  // The helpers of this file between `def` and each key (called first, first).
  const through: Through = {};
  const uses: FactoryUse[] = [];
  if (isGenerator(def) || isCached(def)) return { keys, caught, through, uses };
  const seen = new Set<number>();
  // `if key in PROMPTS: return ...` before the rest: what follows runs for other keys only.
  const guard = keyGuardOf(file, def);
  // An imported dict's keys are asked of its module.
  if (guard?.keysOf) keys.push(guard.keysOf);
  const guardOf = (call: SyntaxNode): ArgumentGuard | undefined => {
    if (guard && call.startIndex >= guard.after) {
      const { parameter, position, keys: answered, keysOf } = guard;
      return { parameter, position, keys: answered, ...(keysOf ? { keysOf } : {}) };
    }
    return setGuardOf(def, call);
  };
  // A block behind a guard counts only when no call outside any guard blocks; one under `if
  // provider == "kuzu":` when no call outside such a branch does (J7b).
  let guardedBlock: HelperBlock | undefined;
  let equalsBlock: HelperBlock | undefined;
  type Step = { def: SyntaxNode; via: string[]; unless?: ArgumentGuard; caughtBy?: string };
  let current: Step[] = [{ def, via: [] }];
  // A block found first is kept while the walk looks on for a refusal, which outranks it.
  let firstBlock: HelperBlock | undefined;
  for (let depth = 0; depth < DEPTH && current.length > 0; depth++) {
    const next: Step[] = [];
    for (const { def: fn, via, unless: inGuarded, caughtBy } of current) {
      if (seen.has(fn.id)) continue;
      seen.add(fn.id);
      const calls = ownCalls(fn);
      const refusal = refusalIn(file, fn, calls);
      const reversed = [...via].reverse();
      if (refusal)
        return {
          block: { ...refusal, via: reversed, ...(caughtBy ? { caught: caughtBy } : {}) },
          keys,
          caught,
          through,
          uses,
        };
      for (const call of calls) {
        if (inFirstCallBranch(call, fn)) continue;
        const unless = inGuarded ?? (depth === 0 ? guardOf(call) : undefined);
        const found = firstBlock ? undefined : blocks(file, call);
        if (found) {
          const block = { ...found, via: [...via].reverse() };
          const only = unless || depth > 0 ? undefined : equalsGuardOf(def, call);
          if (only) equalsBlock ??= { ...block, onlyWhen: only };
          else if (!unless) firstBlock = block;
          else guardedBlock ??= { ...block, unless };
          continue;
        }
        const callee = call.childForFieldName("function")!;
        const use = factoryUse(file, call, (c) => calledHere(file, c)) ?? declaredUse(file, call);
        if (use && !unless) uses.push({ ...use, via: reversed });
        if (use && !unless) keys.push(use.factory);
        const target = calledHere(file, callee);
        const catching = caughtBy ?? catchingTry(file, call, fn);
        if (target && "def" in target && !isGenerator(target.def) && !isCached(target.def))
          next.push({
            def: target.def,
            via: [...via, shortText(callee)],
            unless,
            caughtBy: catching,
          });
        // Another module's helper reached only past the guard is not judged (a miss, not a guess).
        if (target && "key" in target && !unless) keys.push(target.key);
        if (target && "key" in target && catching) caught[target.key] ??= catching;
        if (target && "key" in target && via.length > 0) through[target.key] ??= via;
      }
    }
    current = next;
  }
  const block = firstBlock ?? equalsBlock ?? guardedBlock;
  return { ...(block ? { block } : {}), keys, caught, through, uses };
}

/** What a walk found: a block, the keys reached (with where caught and through what), the uses. */
interface Walked {
  block?: HelperBlock;
  keys: string[];
  caught: Record<string, string>;
  through: Through;
  uses: FactoryUse[];
}

/** By key reached: the helpers of the walked file called on the way, first called first. */
type Through = Record<string, string[]>;

/** An abstract method's implementations (or an abstract class method's overrides), and the classes. */
interface Implemented {
  keys: string[];
  count: number;
}

/** `session=Depends(generate_session)` in an async def's parameters: the dependency's key. */
function dependencyKeys(file: FileSemantics): string[] {
  const keys: string[] = [];
  for (const parameter of file.root.descendantsOfType("default_parameter")) {
    const def = parameter.parent?.parent;
    const value = parameter.childForFieldName("value");
    if (def?.type !== "function_definition" || !isAsyncFunction(def) || value?.type !== "call")
      continue;
    const dependency = value.childForFieldName("arguments")?.namedChildren[0];
    const key = dependency?.type === "identifier" ? importedKey(file, dependency) : undefined;
    if (key && /(?:^|\.)Depends$/.test(value.childForFieldName("function")!.text)) keys.push(key);
  }
  return keys;
}

/**
 * What a callee reaches: a sync def of this file (a function, or a method of a class of the file
 * through `self` or a module-level instance), or the key of one in another module (imported, or
 * a method of an imported class's module-level instance).
 */
function calledHere(file: FileSemantics, callee: SyntaxNode): MethodTarget | undefined {
  const local = callee.type === "identifier" ? moduleDef(file, callee.text) : undefined;
  if (local) return { def: local };
  const key = importedKey(file, callee);
  return key ? { key } : abstractAsked(file, instanceMethod(file, callee));
}

/**
 * `self.is_cancelled()` where this file's class declares it abstract: its key, so the survey
 * asks which subclasses implement it (askedFacts) instead of reading an empty body.
 */
function abstractAsked(file: FileSemantics, target: MethodTarget | undefined) {
  if (!target || !("def" in target) || !file.module || !abstractDeclaration(target.def))
    return target;
  const cls = classOfMethod(target.def)!;
  if (cls.parent?.type !== "module" && cls.parent?.parent?.type !== "module") return target;
  const method = target.def.childForFieldName("name")!.text;
  return { key: `${KEY}${file.module}.${cls.childForFieldName("name")!.text}.${method}` };
}

/** Calls in `async def` bodies (not awaited): a sync helper of this file, or an imported key. */
export function helperCalls(
  file: FileSemantics,
): { call: SyntaxNode; local?: SyntaxNode; key?: string }[] {
  const found: { call: SyntaxNode; local?: SyntaxNode; key?: string }[] = [];
  for (const call of file.root.descendantsOfType("call")) {
    if (call.parent?.type === "await") continue;
    const fn = file.enclosingFunction(call);
    if (!fn || !isAsyncFunction(fn)) continue;
    const callee = call.childForFieldName("function");
    const target = callee ? calledHere(file, callee) : undefined;
    if (target && "def" in target) found.push({ call, local: target.def });
    if (target && "key" in target) found.push({ call, key: target.key });
  }
  return found;
}

/** What blocks in a sync helper the call reaches, by the file itself or the survey's plan. */
export function helperBlock(
  file: FileSemantics,
  ctx: Context,
  site: { local?: SyntaxNode; key?: string },
): HelperBlock | undefined {
  const plan = surveyedPlan<HelperPlan>(ctx, "blocking-calls")?.blocks ?? {};
  if (site.key) return plan[site.key];
  if (!site.local) return undefined;
  const found = localBlock(file, ctx, site.local);
  // `@async_dispatch(aload)`: on the loop the call returns the async implementation's coroutine.
  const dispatches = asyncDispatched(file.root, site.local);
  return found && dispatches ? { ...found, dispatches } : found;
}

/** What blocks in a sync helper of the site's own file (helperBlock). */
function localBlock(file: FileSemantics, ctx: Context, def: SyntaxNode): HelperBlock | undefined {
  const plan = surveyedPlan<HelperPlan>(ctx, "blocking-calls")?.blocks ?? {};
  const sessionFacts = surveyedPlan<HelperPlan>(ctx, "blocking-calls")?.sessions;
  const { block, keys, caught, through, uses } = walk(file, def);
  if (block?.refuses) return block;
  const used = sessionFacts ? useBlock(sessionFacts, uses) : undefined;
  const refused = keys.find((key) => plan[key]?.refuses);
  if (refused) {
    const forwards = surveyedPlan<HelperPlan>(ctx, "blocking-calls")?.forwards ?? [];
    const named = forwards.includes(refused) ? [] : [keyName(refused)];
    const via = [...named, ...[...(through[refused] ?? [])].reverse()];
    const catching = plan[refused].caught ?? caught[refused];
    return {
      ...plan[refused],
      via: [...plan[refused].via, ...via],
      ...(catching ? { caught: catching } : {}),
    };
  }
  if (block && !block.unless) return block;
  if (used) return used;
  for (const key of keys)
    if (plan[key] && !plan[key].unless) return { ...plan[key], onlyWhen: undefined };
  return block;
}

export interface HelperPlan {
  blocks: Record<string, HelperBlock>;
  /** What project factories give (sessions.ts), for the site file's own helpers. */
  sessions?: FactoryFacts;
  /** A key's async twin beside it (twins.ts). */
  twins?: Record<string, string>;
  /** Keys that only stand for another (HelperFacts.forwards). */
  forwards?: string[];
  /** Factories of the project's modules, by absolute name: what their calls make. */
  makers?: Record<string, string>;
  /** Models of other files whose file fields a site's call needs (file-fields.ts). */
  fileFields?: FileFields;
  /** Where each project function among `makers` is defined: `app/clients.py:11`. */
  factories?: Record<string, string>;
  /** Constant dicts of the project's modules a key guard tests, by DICT_KEY key: their keys. */
  dicts?: Record<string, string[]>;
}

export interface HelperFacts {
  /** Keys that only stand for another (a re-export, a base class's method): unnamed in paths. */
  forwards?: string[];
  /** `from>to`: a key reaching another under a `try` that catches RuntimeError, and where. */
  caught?: Record<string, string>;
  /** A key's async twin beside it (twins.ts): `aget_user_by_ids`. */
  twins?: Record<string, string>;
  /** By key: methods called on what a project factory's `with` gave (sessions.ts). */
  uses?: Record<string, FactoryUse[]>;
  /** By key: the `async def` the helper dispatches to when a loop runs (cached.ts). */
  dispatches?: Record<string, string>;
  /** Keys of a concrete class's method that its base of another module defines. */
  inherits?: string[];
  /** By key: an abstract method's implementations (when more than one), or an abstract class's overrides. */
  abstracts?: Record<string, Implemented>;
  /** By key: the class a module-level type alias names (class-attributes.ts). */
  aliases?: Record<string, string>;
  /** By key: the factory whose `with` value a generator yields (sessions.ts). */
  yieldsFrom?: Record<string, string>;
  /** `from>to`: the helpers of `from`'s file between it and `to`, first called first. */
  through?: Through;
  blocks: Record<string, HelperBlock>;
  makers?: Record<string, string>;
  fileFields?: Record<string, Record<string, FileField>>;
  factories?: Record<string, string>;
  dicts?: Record<string, string[]>;
  reaches: Record<string, string[]>;
  depths: Record<string, number>;
}

function siteFacts(file: FileSemantics, ctx: Context): HelperFacts {
  const out: HelperFacts = { blocks: {}, reaches: {}, depths: {} };
  const keys = new Set<string>();
  for (const site of helperCalls(file)) {
    if (site.key) keys.add(site.key);
    else for (const key of walk(file, site.local!).keys) keys.add(key);
  }
  for (const model of fieldModelsAsked(file, new OrmProofs(ctx.project)))
    keys.add(`${FIELDS_KEY}${model}`);
  for (const key of dependencyKeys(file)) keys.add(key);
  out.reaches[file.path] = [...keys];
  out.depths[file.path] = 0;
  return out;
}

function askedFacts(file: FileSemantics, ctx: Context, asked: readonly string[]): HelperFacts {
  const out: HelperFacts = { blocks: {}, reaches: {}, depths: {} };
  for (const entry of asked) {
    const [name, key, depth] = entry.split("@");
    out.depths[key] = Number(depth);
    if (askedValue(file, name, key, out)) continue;
    const product = factoryProduct(file, name);
    if (product) (out.makers ??= {})[key.slice(KEY.length)] = product;
    // `DB.list_analysis`, `db.list_analysis`: a method of a class or instance of this file.
    const method = name.includes(".") ? askedMethod(file, name) : undefined;
    if (method && "key" in method) {
      out.reaches[key] = [method.key];
      (out.forwards ??= []).push(key);
      if (concreteOwner(file, name)) (out.inherits ??= []).push(key);
      // A re-export or an inherited method is no call level: what it stands for is as deep.
      out.depths[key] = Number(depth) - 1;
      continue;
    }
    const def = method ? method.def : moduleDef(file, name);
    // An abstract method: what runs is one of its project implementations (J14, Y12).
    // `PixiManager.update` inherited from its abstract base: the base's body runs, not a sibling's.
    const implemented =
      def && !concreteOwner(file, name) && implementations(ctx.project, file, def);
    if (implemented && abstractDeclaration(def!)) {
      out.reaches[key] = implemented;
      if (implemented.length > 1)
        (out.abstracts ??= {})[key] = { keys: implemented, count: implemented.length };
      (out.forwards ??= []).push(key);
      out.depths[key] = Number(depth) - 1;
      continue;
    }
    if (!def) {
      // `from .catalog import list_products` in a package's `__init__.py`: follow it (for
      // `UserPayload.access_check`, the class's own import).
      const owner = name.split(".")[0];
      const member = name.slice(owner.length + 1) || undefined;
      const from = reexportSource(file.source, file.module, file.path, owner);
      const to = from && member ? `${from}.${member}` : from;
      out.reaches[key] = to?.includes(".") ? [`${KEY}${to}`] : [];
      (out.forwards ??= []).push(key);
      // A re-export or an inherited method is no call level: what it stands for is as deep.
      out.depths[key] = Number(depth) - 1;
      continue;
    }
    // `def get_redis(): return Redis.from_url(URL)`: what its calls make (F15's second half);
    // `def generate_session(): ... yield session`: what it gives as a FastAPI dependency.
    const returned = returnedProduct(file, def);
    const yielded = returned ? undefined : yieldedProduct(file, def);
    const absolute = key.slice(KEY.length);
    if (returned || yielded) {
      (out.makers ??= {})[yielded ? `${YIELDS}${absolute}` : absolute] = (returned ?? yielded)!;
      (out.factories ??= {})[absolute] = `${file.path}:${def.startPosition.row + 1}`;
    }
    const { block, keys, caught, through, uses } = walk(file, def);
    if (block) out.blocks[key] = block;
    // A method of an abstract class: an instance is a subclass's, which may override it
    // (hazard-review-8 Y26, marimo's `PackageManager.update_notebook_script_metadata`).
    if (implemented) keys.push(...implemented);
    if (implemented)
      (out.abstracts ??= {})[key] = { keys: implemented, count: implemented.length + 1 };
    const dispatches = asyncDispatched(file.root, def);
    if (dispatches) (out.dispatches ??= {})[key] = dispatches;
    if (uses.length > 0) (out.uses ??= {})[key] = uses;
    const from =
      returned || yielded ? undefined : yieldedFrom(file, def, (c) => calledHere(file, c));
    if (from) (out.yieldsFrom ??= {})[key] = from;
    if (from) keys.push(from);
    const twin = asyncTwinOf(file.root, def);
    if (twin) (out.twins ??= {})[key] = twin;
    for (const [to, where] of Object.entries(caught)) (out.caught ??= {})[`${key}>${to}`] = where;
    for (const [to, via] of Object.entries(through)) (out.through ??= {})[`${key}>${to}`] = via;
    // A guarded block stands until a helper reached outside the guard is found to block; any
    // block until one is found to refuse the running loop.
    if (!block?.refuses) out.reaches[key] = keys;
  }
  return out;
}

/**
 * A key that names a value rather than a function: a model's file fields, a constant dict's
 * keys, a type alias's class. Recorded in `out`; false when the key is a function's.
 */
function askedValue(file: FileSemantics, name: string, key: string, out: HelperFacts): boolean {
  if (key.startsWith(FIELDS_KEY)) {
    // A model's file fields (none when the file does not define it: a field is never guessed).
    (out.fileFields ??= {})[key.slice(FIELDS_KEY.length)] = fileFieldsOf(file, name) ?? {};
    out.reaches[key] = [];
    return true;
  }
  if (key.startsWith(DICT_KEY)) {
    // A constant dict's keys, or where the module imports it from (a package re-exporting it).
    const keys = constantDictKeys(file, name);
    const from = keys ? undefined : reexportSource(file.source, file.module, file.path, name);
    if (keys) (out.dicts ??= {})[key] = keys;
    out.reaches[key] = from?.includes(".") ? [`${DICT_KEY}${from}`] : [];
    return true;
  }
  // `SessionType = scoped_session[Session]`: what a class attribute declared so holds.
  const aliased = aliasedClass(file, name);
  if (aliased) {
    (out.aliases ??= {})[key] = aliased;
    out.reaches[key] = [];
    return true;
  }
  return false;
}

function resolved(facts: readonly HelperFacts[]): Record<string, HelperBlock> {
  const blocks: Record<string, HelperBlock> = {};
  const reaches: Record<string, string[]> = {};
  const forwards = new Set(facts.flatMap((f) => f.forwards ?? []));
  const caught: Record<string, string> = Object.assign({}, ...facts.map((f) => f.caught ?? {}));
  const through: Through = Object.assign({}, ...facts.map((f) => f.through ?? {}));
  for (const f of facts) {
    Object.assign(blocks, f.blocks);
    Object.assign(reaches, f.reaches);
  }
  // `with get_sync_db_session() as session: session.exec(...)`, the session's class now known.
  const sessions = factoryFacts(facts);
  for (const f of facts)
    for (const [key, uses] of Object.entries(f.uses ?? {})) {
      const used = blocks[key] && !blocks[key].unless ? undefined : useBlock(sessions, uses);
      if (used) blocks[key] = used;
    }
  const abstracts: Record<string, Implemented> = Object.assign(
    {},
    ...facts.map((f) => f.abstracts),
  );
  const inherits = new Set(facts.flatMap((f) => f.inherits ?? []));
  const dispatching: Record<string, string> = Object.assign(
    {},
    ...facts.map((f) => f.dispatches ?? {}),
  );
  for (let round = 0; round < DEPTH; round++)
    for (const [key, keys] of Object.entries(reaches)) {
      if (blocks[key]?.refuses) continue;
      // A block behind a key guard depends on the caller's argument: its callers are not told.
      // A concrete class's inherited method runs the base's body, no sibling's override.
      const runs = (k: string) => !!blocks[k] && !(inherits.has(key) && blocks[k].implementation);
      const found =
        keys.find((k) => runs(k) && blocks[k].refuses) ??
        (blocks[key] && !blocks[key].unless && !blocks[key].onlyWhen
          ? undefined
          : keys.find((k) => runs(k) && !blocks[k].unless && !dispatching[k]));
      if (!found) continue;
      const named = forwards.has(found) ? [] : [keyName(found)];
      const via = [...named, ...[...(through[`${key}>${found}`] ?? [])].reverse()];
      const catching = blocks[found].caught ?? caught[`${key}>${found}`];
      blocks[key] = {
        ...blocks[found],
        onlyWhen: undefined,
        via: [...blocks[found].via, ...via],
        ...(catching && blocks[found].refuses ? { caught: catching } : {}),
        ...implementationOf(key, found, abstracts, blocks[found]),
      };
    }
  // Called on the loop it returns the async implementation's coroutine: the site decides.
  for (const [key, impl] of Object.entries(dispatching))
    if (blocks[key]) blocks[key] = { ...blocks[key], dispatches: impl };
  return blocks;
}

/** `a RedisRunCancellationManager, one of 2 classes implementing Base.is_cancelled`, first found. */
function implementationOf(
  key: string,
  found: string,
  abstracts: Record<string, Implemented>,
  block: HelperBlock,
): { implementation?: string } {
  // Only a path through one of the implementations is conditional on the object's class.
  if (!abstracts[key]?.keys.includes(found) || block.implementation) return {};
  const cls = keyName(found).split(".")[0];
  return {
    implementation: `a ${cls}, one of ${abstracts[key].count} classes implementing ${keyName(key)}`,
  };
}

/** What the survey learnt of project factories: their products, yields and re-exports. */
function factoryFacts(facts: readonly HelperFacts[]): FactoryFacts {
  const out: FactoryFacts = { products: {}, yieldsFrom: {}, forwards: {} };
  for (const f of facts) {
    for (const [name, product] of Object.entries(f.makers ?? {}))
      out.products[`${KEY}${name.startsWith(YIELDS) ? name.slice(YIELDS.length) : name}`] ??=
        product;
    Object.assign(out.yieldsFrom, f.yieldsFrom ?? {});
    for (const [key, product] of Object.entries(f.aliases ?? {})) out.products[key] ??= product;
    for (const key of f.forwards ?? [])
      if (f.reaches[key]?.[0]) out.forwards[key] = f.reaches[key][0];
  }
  return out;
}

/** A key's function as a message names it: a method with its class (`DB.get_tags`), a function alone. */
function keyName(key: string): string {
  const parts = key.split(".");
  return /^[A-Z]/.test(parts.at(-2) ?? "") ? parts.slice(-2).join(".") : parts.at(-1)!;
}

/** Each asked dict's keys, through the re-exports between the guard's import and the dict. */
function dictKeys(facts: readonly HelperFacts[]): Record<string, string[]> {
  const dicts: Record<string, string[]> = {};
  const reaches: Record<string, string[]> = {};
  for (const f of facts) {
    Object.assign(dicts, f.dicts ?? {});
    for (const [key, keys] of Object.entries(f.reaches))
      if (key.startsWith(DICT_KEY)) reaches[key] = keys;
  }
  for (let round = 0; round < DEPTH; round++)
    for (const [key, [to]] of Object.entries(reaches))
      if (to && dicts[to]) dicts[key] ??= dicts[to];
  return dicts;
}

/** blocking-calls' survey: the sync helpers of other files that async defs call, read for blocking calls. */
export const helperSurvey: ProjectSurvey<HelperFacts, HelperPlan> = {
  startWords: ["async def"],
  start: (_index, _ctx, rewritten) => [...rewritten],
  facts: (file, ctx, asked) => (asked ? askedFacts(file, ctx, asked) : siteFacts(file, ctx)),
  next(facts, index) {
    const byPath = new Map<string, string[]>();
    for (const [key, depth] of pendingKeys(facts, (f) => f.blocks)) {
      const found = depth <= DEPTH ? (outlinedAsk(index, key) ?? askedOf(index, key)) : undefined;
      if (!found) continue;
      const { path, name } = found;
      byPath.set(path, [...(byPath.get(path) ?? []), `${name}@${key}@${depth}`]);
    }
    return [...byPath].map(([path, wanted]) => ({ path, wanted }));
  },
  plan: (facts) => ({
    plan: {
      blocks: resolved(facts),
      sessions: factoryFacts(facts),
      forwards: facts.flatMap((f) => f.forwards ?? []),
      twins: Object.assign({}, ...facts.map((f) => f.twins ?? {})),
      makers: Object.assign({}, ...facts.map((f) => f.makers ?? {})),
      fileFields: Object.assign({}, ...facts.map((f) => f.fileFields ?? {})),
      factories: Object.assign({}, ...facts.map((f) => f.factories ?? {})),
      dicts: dictKeys(facts),
    },
    modules: [],
  }),
};
