import type { ImportBinding } from "../../src/model/types.js";
import { blockingCall, isCpuBound, knownAsyncApi } from "../../src/python/effects.js";
import { ModuleAccess } from "../../src/python/lookup.js";
import {
  asyncMethodFor,
  DEFAULT_DJANGO_VERSION,
  OrmProofs,
  versionAtLeast,
  type AsyncMethod,
} from "../../src/django/orm.js";
import type { Context, FileSemantics, SyntaxNode } from "../../src/model/types.js";
import { dottedParts } from "../../src/python/calls.js";
import type { Site } from "./sites.js";
import { surveyedPlan } from "../../src/model/plans.js";
import type { CalleePlan } from "./project-callees.js";
import { SameFileFunctions } from "./callees.js";
import { selfTwinProblem } from "./class-attributes.js";
import { twinGuardProblem } from "./guards.js";
import { TWINS_TABLE, twinCallee, twinExample, twinFor } from "./twins.js";

/** A native replacement for the function of a target. */
export interface Native {
  callee: string;
  /** The replacement returns a coroutine, like to_thread: a rewrite does not need an await on the spot. */
  coroutine: boolean;
  /** Import binding the new callee uses (kept even when the site's own references go). */
  uses?: ImportBinding;
  addAsyncio?: boolean;
  /** The function's own text stays (`Model.objects.get` -> `Model.objects.aget`). */
  keepsFunction?: boolean;
}

export /** What the transform looks up at many sites of one file, computed once per file. */
class FileScan {
  private ormProofs?: OrmProofs;
  private sameFile?: SameFileFunctions;
  /** How the rewrites reach asyncio (asyncio.sleep for time.sleep). */
  readonly asyncio: ModuleAccess;

  constructor(
    readonly file: FileSemantics,
    readonly ctx: Context,
    /** The declared twins (`[tool.asyncshift.to-thread.twins]`). */
    readonly twins: Record<string, string>,
  ) {
    this.asyncio = new ModuleAccess(file.root, "asyncio");
  }

  get source(): string {
    return this.file.source;
  }

  /** This file's functions, for the loop-hazard check of unwrapped callees. */
  get functions(): SameFileFunctions {
    const plan = surveyedPlan<CalleePlan>(this.ctx, "to-thread");
    return (this.sameFile ??= new SameFileFunctions(this.file, plan?.functions, this.ctx.project));
  }

  /** Is `key` a function of another file of the project that the survey did not read? */
  unread(key: string): boolean {
    return surveyedPlan<CalleePlan>(this.ctx, "to-thread")?.unread.includes(key) ?? false;
  }

  get proofs(): OrmProofs {
    return (this.ormProofs ??= new OrmProofs(this.ctx.project));
  }
}

/** How `asyncshift report` classes a thread site: a known native call, a declared twin, or none. */
export function threadSiteContext(
  scan: FileScan,
  fn: SyntaxNode,
  site: Site,
): "native" | "twin" | "none" {
  const native = nativeFor(scan, fn, site);
  if (native === undefined || "problem" in native) return "none";
  const parts = dottedParts(fn);
  const declaredTwin = parts !== undefined && twinFor(parts, scan.twins) !== undefined;
  return declaredTwin && !ormNative(fn, scan) && scan.file.qualifiedName(fn) !== "time.sleep"
    ? "twin"
    : "native";
}

export type NativeProblem = {
  problem: string;
  code: "AS301" | "AS303" | "AS304";
  suggestion?: string;
};

/** The native async callee for a function run in a thread, when one is known. */
export function nativeFor(
  scan: FileScan,
  fn: SyntaxNode,
  site: Site,
): Native | NativeProblem | undefined {
  const qualified =
    fn.type === "identifier" || fn.type === "attribute" ? scan.file.qualifiedName(fn) : undefined;
  if (qualified === "time.sleep") {
    const asyncio = scan.asyncio.nameAt(site.call);
    if (!asyncio)
      return {
        problem:
          "the name asyncio means something else in this file: replace the thread call by asyncio.sleep by hand",
        code: "AS303",
      };
    return {
      callee: `${asyncio.name}.sleep`,
      coroutine: true,
      uses: asyncio.binding,
      addAsyncio: !asyncio.binding,
    };
  }
  const orm = ormNative(fn, scan);
  if (orm) return orm;
  return declaredTwin(scan, fn, site.call);
}

/**
 * The declared async twin of `fn` (a dotted name) for a call at `at`, or why it cannot be used
 * there: malformed, not defined in the file, unset on that branch, missing on `self`'s class.
 */
export function declaredTwin(
  scan: FileScan,
  fn: SyntaxNode,
  at: SyntaxNode,
  kept?: string,
): Native | NativeProblem | undefined {
  const parts = dottedParts(fn);
  const twin = parts && twinFor(parts, scan.twins);
  if (!parts || !twin) return undefined;
  const callee = twinCallee(twin, parts);
  if (!callee)
    return {
      problem: `the twin declared for ${JSON.stringify(twin.pattern)} (${JSON.stringify(twin.replacement)}) is malformed: the replacement must be a dotted name with as many * as the pattern`,
      code: "AS304",
    };
  const twinRoot = callee.split(".")[0];
  if (twinRoot !== parts[0] && scan.file.isBuiltin(twinRoot, at))
    return {
      problem: `the async twin ${callee} is not defined in this file (${twinRoot} is not imported, assigned or a parameter here): import it and run again`,
      code: "AS304",
      suggestion: `await ${callee}(...)`,
    };
  const unusable =
    selfTwinProblem(at, callee, scan.file.root, kept) ?? twinGuardProblem(at, callee, kept);
  if (unusable) return { problem: unusable, code: "AS304", suggestion: `await ${callee}(...)` };
  return { callee, coroutine: false };
}

/** Async methods that return something other than an awaitable (`aiterator`: an async iterator). */
const NOT_AWAITABLE = new Set(["iterator"]);

/**
 * A Django ORM bound method with a native async twin, proven as native-orm proves it: a manager or
 * queryset chain of a known model, or a proven model instance (`Order.objects.get` -> `aget`).
 */
export function ormNative(fn: SyntaxNode, scan: FileScan): Native | NativeProblem | undefined {
  const ctx = scan.ctx;
  if (fn.type !== "attribute" || !(ctx.options.django || ctx.project.usesDjango)) return undefined;
  const receiver = fn.childForFieldName("object");
  const attribute = fn.childForFieldName("attribute");
  if (!receiver || !attribute || NOT_AWAITABLE.has(attribute.text)) return undefined;
  const proofs = scan.proofs;
  const version = ctx.options.djangoVersion ?? ctx.project.djangoVersion ?? DEFAULT_DJANGO_VERSION;
  let method: AsyncMethod | undefined;
  const name = attribute.text;
  const stays = (why: string): NativeProblem => ({
    code: "AS301",
    problem: `${fn.text}: ${why}; it stays in its thread`,
  });
  const queryset = proofs.querysetOf(receiver);
  if (queryset) {
    // select_for_update() needs the transaction the thread opened: no async use (native-orm).
    if (queryset.locksRows)
      return stays("select_for_update() needs the transaction the thread holds");
    method =
      (queryset.model === "" ? asyncMethodFor("related-manager", name) : undefined) ??
      asyncMethodFor("queryset", name);
    const projectClass = queryset.chains?.methods[name];
    if (!method && projectClass)
      return stays(
        `${name}() is the project's own method (${projectClass}), and Django has no async twin of it (an async a${name}() on ${projectClass}, written with Django's async methods, would be one)`,
      );
    if (!method) return stays(`Django has no async twin of the queryset method ${name}()`);
    if (queryset.bypassed?.includes(name))
      return stays(
        `the manager's class overrides ${name}(), and Django's ${method.async}() calls QuerySet.${name}() in a thread, skipping the override`,
      );
  } else if (proofs.instanceOf(receiver)) {
    method = asyncMethodFor("instance", name);
    if (!method) return stays(`Django has no async twin of the model method ${name}()`);
  }
  if (!method) return undefined;
  if (!versionAtLeast(version, method.since))
    return stays(`${method.async}() needs Django ${method.since} (target: ${version})`);
  const callee = fn.text.slice(0, attribute.startIndex - fn.startIndex) + method.async;
  return { callee, coroutine: true, keepsFunction: true };
}

/**
 * `row.save` on a receiver nothing proves: a model instance's method with a native twin (`asave`)
 * is named, with what would prove the receiver, instead of a twin declaration built from a local
 * name (a variable is no module a twins table could name).
 */
function unprovenModelInstance(scan: FileScan, fn: SyntaxNode): string | undefined {
  const ctx = scan.ctx;
  if (fn.type !== "attribute" || !(ctx.options.django || ctx.project.usesDjango)) return undefined;
  const receiver = fn.childForFieldName("object")!;
  const method = asyncMethodFor("instance", fn.childForFieldName("attribute")!.text);
  const version = ctx.options.djangoVersion ?? ctx.project.djangoVersion ?? DEFAULT_DJANGO_VERSION;
  if (!method || !versionAtLeast(version, method.since)) return undefined;
  return `nothing here proves ${receiver.text} is a model instance (if it is, Django's native twin is ${method.async}(): annotate ${receiver.text} with its model class, or write await ${receiver.text}.${method.async}(...) by hand)`;
}

export function noNativeMessage(scan: FileScan, fn: SyntaxNode, wrapper: string): string {
  const qualified =
    fn.type === "identifier" || fn.type === "attribute" ? scan.file.qualifiedName(fn) : undefined;
  if (isCpuBound(qualified))
    return `${fn.text} is CPU-bound work: ${wrapper}() is the right place for it; left as it is`;
  const blocking = blockingCall(qualified);
  if (blocking)
    return `no drop-in native equivalent for ${fn.text}: it stays in its thread; the native alternative is ${blocking.replacement}`;
  const known = knownApiOf(scan, fn, qualified);
  if (known) return `no drop-in native equivalent for ${fn.text}: it stays in its thread; ${known}`;
  const model = unprovenModelInstance(scan, fn);
  if (model) return `${fn.text}: ${model}; it stays in its thread`;
  // A builtin (`list`) gets no twin of its own: the hint would name a helper nobody writes.
  const builtin = fn.type === "identifier" && scan.file.isBuiltin(fn.text, fn);
  const parts = builtin ? undefined : dottedParts(fn);
  const hint =
    parts && twinCouldName(scan.file, fn, parts)
      ? `; if it has an async twin, declare it in pyproject.toml under ${TWINS_TABLE}, e.g. ${twinExample(parts)}`
      : "";
  return `no native async equivalent known for ${fn.text}: it stays in its thread${hint}`;
}

/** The real async API of the callee, by its name or by what made its receiver (effects.ts). */
function knownApiOf(
  scan: FileScan,
  fn: SyntaxNode,
  qualified: string | undefined,
): string | undefined {
  if (fn.type !== "attribute" && fn.type !== "identifier") return undefined;
  const fact = scan.functions.callFact(fn, fn);
  const receiver = fn.type === "attribute" ? fn.childForFieldName("object")!.text : undefined;
  return knownAsyncApi({
    ...(qualified ? { qualified } : {}),
    ...(fact.receiverMadeBy ? { madeBy: fact.receiverMadeBy } : {}),
    ...(fact.method ? { method: fact.method } : {}),
    ...(receiver ? { receiver } : {}),
  });
}

/**
 * Could a declared twin name this callee? A function bound at module level (defined, imported or
 * assigned), or an attribute of a module or client object (`redis_manager.get`, `db.fetch_order`
 * on a FastAPI dependency, `self.client.get`). A method of the class itself (`self._query`), a
 * function nested in the caller or a callable passed in as a parameter has no name a twin
 * declaration could give: `"self.*" = "async_self.*"` or `"_query" = "async__query"` is noise.
 */
function twinCouldName(file: FileSemantics, fn: SyntaxNode, parts: string[]): boolean {
  if (parts[0] === "self" || parts[0] === "cls") return parts.length >= 3;
  if (parts.length > 1) return true;
  const own = file.enclosingScope(fn);
  for (let scope = own; ; scope = file.enclosingScope(scope)) {
    // A class body's names are not visible in its methods.
    const visible = scope.type !== "class_definition" || scope.id === own.id;
    if (visible && file.bindingsNamed(scope, parts[0]).length > 0) return scope.type === "module";
    if (scope.type === "module") return false;
  }
}
