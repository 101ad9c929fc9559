import { lastSegment } from "../../src/python/lookup.js";
import { dottedParts } from "../../src/python/calls.js";
import { absoluteName } from "../../src/python/relative-imports.js";
import { sharedSetting } from "../../src/model/shared-options.js";
import { ASYNC_TWINS } from "../shared/options.js";
import { asyncTwinOfOrmCall, OrmProofs } from "../../src/django/orm.js";
import { isAsyncFunction } from "../../src/python/shapes.js";
import { resolveMethod } from "../../src/python/mro.js";
import {
  reexportedCoroutine,
  surveyedDecorator,
  surveyedMarkers,
  typedAwaitable,
  type TypedPlan,
} from "./typed.js";
import { decoratorsKeep } from "./decorators.js";
import { keepsCoroutine, yields } from "./keeping.js";
import { markerParameters, type MarkerParameter } from "./injected.js";
import { assignsOnSelf, classMethodDef } from "./class-methods.js";
import { receiverClass } from "./class-receivers.js";
import { returnedNestedCoroutine, tupleAsk, tupleHit, unpackedBindings } from "./returned.js";
import { surveyedPlan } from "../../src/model/plans.js";

export { keepsCoroutine } from "./keeping.js";
import {
  functionsNamed,
  indexedModule,
  moduleFunctionsNamed,
} from "../../src/project/index-lookup.js";
import type { Binding, Context, FileSemantics, SyntaxNode } from "../../src/model/types.js";

/** asyncio's coroutine functions: a call of one does nothing until awaited. */
const ASYNCIO_COROUTINES: ReadonlySet<string> = new Set([
  "asyncio.sleep",
  "asyncio.wait_for",
  "asyncio.wait",
  "asyncio.to_thread",
  "asyncio.open_connection",
  "asyncio.start_server",
  "asyncio.open_unix_connection",
  "asyncio.start_unix_server",
  "asyncio.create_subprocess_exec",
  "asyncio.create_subprocess_shell",
]);

/** Django's native async methods that return an async iterator, not an awaitable. */
const NOT_AWAITABLE = new Set(["aiterator"]);

/**
 * Where a coroutine function was proven: a function of the project, one of asyncio's, a native
 * Django ORM method on a proven queryset or instance, or a declared async twin.
 */
export type CoroutineOrigin = "project" | "asyncio" | "orm" | "twin" | "wrapped" | "typed";

/** asgiref's and Channels' wrappers: what they wrap, called, returns a coroutine. */
const THREAD_WRAPPERS: ReadonlySet<string> = new Set([
  "asgiref.sync.sync_to_async",
  "channels.db.database_sync_to_async",
]);

/** The wrappers' names as the index writes a decorator (as spelled, without arguments). */
const WRAPPER_NAMES = new Set(["sync_to_async", "database_sync_to_async"]);

export interface Coroutine {
  origin: CoroutineOrigin;
  /** How the site names it: `notify`, `self.refresh`, `Order.objects.aget`. */
  name: string;
  /** Why it is one, when the origin's words are not enough (the annotation that says so). */
  detail?: string;
  /** Its parameters that FastAPI fills (`current_user = Depends(...)`), when they are known. */
  markers?: MarkerParameter[];
}

/** The scopes a name in a function body is looked up in: its own, enclosing defs, the module. */
function lookupScopes(file: FileSemantics, at: SyntaxNode): SyntaxNode[] {
  const scopes: SyntaxNode[] = [];
  for (let scope = file.enclosingScope(at); ; scope = file.enclosingScope(scope)) {
    // A class body is not a scope its methods' names are looked up in.
    if (scope.type !== "class_definition") scopes.push(scope);
    if (scope.type === "module") return scopes;
  }
}

/** A decorator's name as the index writes it: without `@` and arguments. */
function decoratorNames(def: SyntaxNode): string[] {
  return decoratorsOf(def).map((d) => d.text.slice(1).replace(/\(.*$/s, "").trim());
}

function decoratorsOf(def: SyntaxNode): SyntaxNode[] {
  const decorated = def.parent?.type === "decorated_definition" ? def.parent : undefined;
  return (decorated?.namedChildren ?? []).filter((c) => c.type === "decorator");
}

/**
 * A sync def whose outermost decorator is `@sync_to_async` (or Channels'
 * `@database_sync_to_async`), with or without arguments, the others keeping what it is: calling
 * it returns a coroutine (asgiref's wrapper binds as a method too).
 */
function wrappedSync(file: FileSemantics, def: SyntaxNode): boolean {
  const [first, ...rest] = decoratorsOf(def);
  if (!first || isAsyncFunction(def)) return false;
  const expr = first.namedChildren.find((c) => c.type !== "comment");
  const callee = expr?.type === "call" ? expr.childForFieldName("function") : expr;
  const qualified = callee ? file.qualifiedName(callee) : undefined;
  return (
    qualified !== undefined &&
    THREAD_WRAPPERS.has(qualified) &&
    keepsCoroutine(rest.map((d) => d.text.slice(1).replace(/\(.*$/s, "").trim()))
  );
}

/** The same, from the index's decorator names (outermost first). */
export function wrappedSyncIndexed(decorators: readonly string[]): boolean {
  const [first, ...rest] = decorators;
  return (
    first !== undefined &&
    WRAPPER_NAMES.has(first.replace(/\s+/g, "").split(".").at(-1)!) &&
    keepsCoroutine(rest)
  );
}

/** `def`s that bind a name, or undefined when some binding of it is not a `def`. */
function definitionsOnly(bindings: readonly Binding[]): SyntaxNode[] | undefined {
  const defs = bindings.map((b) => b.node.parent);
  if (defs.some((d) => d?.type !== "function_definition")) return undefined;
  return defs as SyntaxNode[];
}

/**
 * Every `def` binding the name makes a coroutine (an `async def`, or a def under
 * `@sync_to_async`): a coroutine function; any other binding: unknown. The origin says which.
 */
function coroutineDefs(
  file: FileSemantics,
  defs: SyntaxNode[] | undefined,
  ctx: Context,
): CoroutineOrigin | undefined {
  if (defs === undefined || defs.length === 0) return undefined;
  // Its decorators known to keep it one, or project decorators that do (decorators.ts).
  const keeps = (d: SyntaxNode) =>
    keepsCoroutine(decoratorNames(d)) ||
    decoratorsKeep(file, d, (name) => surveyedDecorator(ctx, file, name));
  if (defs.every((d) => isAsyncFunction(d) && keeps(d) && !yields(d))) return "project";
  return defs.every((d) => wrappedSync(file, d)) ? "wrapped" : undefined;
}

/** The FastAPI-filled parameters of every def a name stands for (each def says its own). */
function markersOf(file: FileSemantics, defs: SyntaxNode[], bound = false): MarkerParameter[] {
  const seen = new Set<string>();
  return defs
    .flatMap((d) => markerParameters(file, d, bound))
    .filter((m) => !seen.has(m.name) && !!seen.add(m.name));
}

/** Resolves callees to coroutine functions, exactly or not at all; one per file. */
export class CoroutineFunctions {
  private ormProofs?: OrmProofs;
  private readonly twins: Record<string, string>;

  constructor(
    private readonly file: FileSemantics,
    private readonly ctx: Context,
  ) {
    // The declared twins (`[tool.asyncshift.to-thread.twins]`, a shared setting): a twin's
    // replacement is an async client, whose calls are coroutines.
    const declared = sharedSetting(ctx, ASYNC_TWINS);
    this.twins =
      declared && typeof declared === "object" && !Array.isArray(declared) ? declared : {};
  }

  /** The coroutine function a call's callee stands for, when that is certain. */
  of(callee: SyntaxNode): Coroutine | undefined {
    if (callee.type === "identifier") return this.named(callee);
    if (callee.type === "call") return this.wrapperCall(callee);
    if (callee.type !== "attribute") return undefined;
    const object = callee.childForFieldName("object")!;
    const attribute = callee.childForFieldName("attribute")!.text;
    if (object.type === "identifier" && object.text === "self")
      return this.selfMethod(callee, attribute);
    const qualified = this.file.qualifiedName(callee);
    if (qualified && ASYNCIO_COROUTINES.has(qualified))
      return { origin: "asyncio", name: callee.text };
    const project = qualified ? this.projectFunction(qualified, callee) : undefined;
    return (
      project ??
      this.classMethod(callee, object, attribute) ??
      this.ormMethod(callee, object, attribute) ??
      this.twin(callee) ??
      this.typed(callee)
    );
  }

  /** `sync_to_async(f)` or `database_sync_to_async(f)`, called at once: `sync_to_async(f)(x)`. */
  private wrapperCall(wrapper: SyntaxNode): Coroutine | undefined {
    const fn = wrapper.childForFieldName("function");
    const qualified = fn ? this.file.qualifiedName(fn) : undefined;
    if (!qualified || !THREAD_WRAPPERS.has(qualified)) return undefined;
    return { origin: "wrapped", name: wrapper.text.replace(/\s+/g, " ") };
  }

  /** A project coroutine function (not asyncio, the ORM or a twin): what sync code may not drop. */
  projectOf(callee: SyntaxNode): Coroutine | undefined {
    const found = this.of(callee);
    return found?.origin === "project" || found?.origin === "typed" ? found : undefined;
  }

  private named(callee: SyntaxNode): Coroutine | undefined {
    const name = callee.text;
    for (const scope of lookupScopes(this.file, callee)) {
      const bindings = this.file.bindingsNamed(scope, name);
      if (bindings.length === 0) continue;
      if (bindings.every((b) => b.kind === "import")) {
        const qualified = this.file.qualifiedName(callee);
        if (qualified && ASYNCIO_COROUTINES.has(qualified)) return { origin: "asyncio", name };
        return qualified ? this.projectFunction(qualified, callee) : undefined;
      }
      // A name bound in the function itself or by anything but `def`s: not certain, but for a
      // coroutine function unpacked from an awaited project call's tuple (returned.ts).
      if (scope.type !== "module") return this.unpacked(callee, bindings);
      const defs = definitionsOnly(bindings);
      const origin = coroutineDefs(this.file, defs, this.ctx);
      return origin ? { origin, name, markers: markersOf(this.file, defs!) } : undefined;
    }
    return undefined;
  }

  /** `stop_browser` from `browser, stop_browser = await get_nodriver(...)` (hazard-review-6 V17). */
  private unpacked(callee: SyntaxNode, bindings: readonly Binding[]): Coroutine | undefined {
    const found = unpackedBindings(bindings);
    const details = found?.map(({ call, position }) => this.returnedAt(call, position));
    if (!details || details.some((d) => !d)) return undefined;
    return { origin: "project", name: callee.text, detail: details[0] };
  }

  /** The nested async def the awaited call's function returns at `position`, described. */
  private returnedAt(call: SyntaxNode, position: number): string | undefined {
    const fn = call.childForFieldName("function");
    if (fn?.type !== "identifier") return undefined;
    const bindings = this.file.visibleBindings(fn, fn.text);
    if (bindings.length !== 1) return undefined;
    if (bindings[0].kind !== "import") {
      const def = bindings[0].node.parent;
      const inner =
        def?.type === "function_definition" && returnedNestedCoroutine(this.file, def, position);
      return inner ? tupleHit(def!, inner) : undefined;
    }
    const ask = tupleAsk(this.file, call, position);
    return ask && surveyedPlan<TypedPlan>(this.ctx, "missing-await")?.hits[ask];
  }

  /**
   * `self.refresh` in a method of a class that defines `refresh` only as a coroutine function
   * (`async def`, or a def under `@sync_to_async`), in its body or in a base class or mixin of
   * this file found first along its bases.
   */
  private selfMethod(callee: SyntaxNode, attribute: string): Coroutine | undefined {
    const method = this.file.enclosingFunction(callee);
    const cls = method && this.file.enclosingClass(method);
    // A method of the class itself, decorated or not (letta's `@trace_method async def stream`).
    const statement = method?.parent?.type === "decorated_definition" ? method.parent : method;
    if (!method || !cls || statement?.parent?.parent?.id !== cls.id) return undefined;
    const first = method.childForFieldName("parameters")?.namedChildren[0];
    if (first?.type !== "identifier" || first.text !== "self") return undefined;
    if (this.file.bindingsNamed(method, "self").length !== 1) return undefined;
    // The class along the method resolution order that defines it (src/python/mro.ts).
    const resolved = resolveMethod(cls, attribute);
    const definer = resolved?.kind === "local" ? resolved.cls : undefined;
    if (!definer) return this.inherited(cls, callee, attribute);
    const body = definer.childForFieldName("body")!;
    const defs = definitionsOnly(this.file.bindingsNamed(definer, attribute));
    const direct = defs?.every((d) => d.parent?.id === body.id || d.parent?.parent?.id === body.id);
    const origin = direct ? coroutineDefs(this.file, defs, this.ctx) : undefined;
    if (!origin || assignsOnSelf(cls, attribute) || assignsOnSelf(definer, attribute))
      return undefined;
    if (this.mayBeOverriddenSync(cls, attribute)) return undefined;
    return { origin, name: callee.text, markers: markersOf(this.file, defs!, true) };
  }

  /**
   * `self.reset()` where `reset` comes from an imported base: what the survey read of it (an
   * `async def` along that class's bases, typed.ts), unless the instance or a sync override may
   * hold another (hazard-review-8 Y23).
   */
  private inherited(cls: SyntaxNode, callee: SyntaxNode, attribute: string) {
    if (assignsOnSelf(cls, attribute) || this.mayBeOverriddenSync(cls, attribute)) return undefined;
    return this.typed(callee);
  }

  /**
   * Could a subclass override the method with a sync one? A class of the file deriving from this
   * one that defines it as a plain `def`, or a plain method of that name in another class of the
   * project (the index has no bases: any such method may be an override).
   */
  private mayBeOverriddenSync(cls: SyntaxNode, attribute: string): boolean {
    const name = cls.childForFieldName("name")?.text;
    const subclassSync = this.file.root.descendantsOfType("class_definition").some((other) => {
      const bases = other.childForFieldName("superclasses")?.namedChildren ?? [];
      if (!bases.some((b) => lastSegment(b.text) === name)) return false;
      const body = other.childForFieldName("body");
      return (body?.namedChildren ?? []).some((member) => {
        const def =
          member.type === "decorated_definition" ? member.childForFieldName("definition") : member;
        return (
          def?.type === "function_definition" &&
          def.childForFieldName("name")?.text === attribute &&
          !isAsyncFunction(def) &&
          !wrappedSync(this.file, def)
        );
      });
    });
    if (subclassSync) return true;
    const path = this.file.path;
    const index = this.ctx.project.index;
    return (index ? functionsNamed(index, attribute) : []).some(
      (f) =>
        f.className !== undefined &&
        f.className !== name &&
        !f.async &&
        !wrappedSyncIndexed(f.decorators) &&
        !path.endsWith(f.path),
    );
  }

  /** A module-level function of the project, by its module and name in the index. */
  private projectFunction(qualified: string, at: SyntaxNode): Coroutine | undefined {
    const index = this.ctx.project.index;
    const absolute = absoluteName(qualified, this.file.module, this.file.path);
    if (!index || !absolute || !absolute.includes(".")) return undefined;
    const name = lastSegment(absolute);
    const module = absolute.slice(0, absolute.lastIndexOf("."));
    const matches = moduleFunctionsNamed(index, indexedModule(index, module, name) ?? module, name);
    // Defined twice in its module with different async-ness (`if ...: async def` / `else: def`).
    if (matches.length === 0)
      return reexportedCoroutine(this.ctx, absolute)
        ? { origin: "project", name: at.text }
        : undefined;
    if (matches.every((f) => f.async && keepsCoroutine(f.decorators))) {
      const markers = surveyedMarkers(this.ctx, absolute);
      return { origin: "project", name: at.text, ...(markers ? { markers } : {}) };
    }
    if (matches.every((f) => !f.async && wrappedSyncIndexed(f.decorators)))
      return { origin: "wrapped", name: at.text };
    return undefined;
  }

  /**
   * `MessageService.notify_team` (a `@staticmethod async def`, or any coroutine function the
   * class defines) and `svc.notify_team` with `svc = MessageService()`: the class's own method,
   * read in this file along its bases, or in the index for a class of another module (its own
   * methods only: bases there are out of sight).
   */
  private classMethod(
    callee: SyntaxNode,
    object: SyntaxNode,
    attribute: string,
  ): Coroutine | undefined {
    const found = receiverClass(this.file, object);
    if (found?.kind === "local") {
      const def = classMethodDef(found.cls, attribute, found.instance);
      const origin = def ? coroutineDefs(this.file, [def], this.ctx) : undefined;
      if (!def || !origin) return undefined;
      const bound = found.instance || decoratorNames(def).includes("classmethod");
      return { origin, name: callee.text, markers: markersOf(this.file, [def], bound) };
    }
    // Another module's class: its `async def`s are read by the survey (typed.ts; the index
    // cannot tell an async generator, which is not awaitable), its `@sync_to_async` defs here.
    const index = this.ctx.project.index;
    const absolute =
      found && index ? absoluteName(found.qualified, this.file.module, this.file.path) : undefined;
    if (!index || !absolute?.includes(".")) return undefined;
    const cls = lastSegment(absolute);
    const module = absolute.slice(0, absolute.lastIndexOf("."));
    const own = indexedModule(index, module, attribute) ?? module;
    const methods = functionsNamed(index, attribute).filter(
      (f) => f.className === cls && f.module === own && !f.nested,
    );
    return methods.length > 0 && methods.every((f) => !f.async && wrappedSyncIndexed(f.decorators))
      ? { origin: "wrapped", name: callee.text }
      : undefined;
  }

  /** `Order.objects.aget` on a proven manager or queryset, `order.asave` on a proven instance. */
  private ormMethod(
    callee: SyntaxNode,
    receiver: SyntaxNode,
    method: string,
  ): Coroutine | undefined {
    const ctx = this.ctx;
    if (!(ctx.options.django || ctx.project.usesDjango)) return undefined;
    if (!/^a\w+$/.test(method) || NOT_AWAITABLE.has(method)) return undefined;
    const proofs = (this.ormProofs ??= new OrmProofs(ctx.project));
    const found = asyncTwinOfOrmCall(proofs, receiver, method.slice(1));
    return found?.certain && found.twin?.async === method
      ? { origin: "orm", name: callee.text }
      : undefined;
  }

  /** `workflow.authorize_callback`, annotated in the project as returning an awaitable. */
  private typed(callee: SyntaxNode): Coroutine | undefined {
    const call = callee.parent;
    const detail = call?.type === "call" ? typedAwaitable(this.file, call, this.ctx) : undefined;
    // A method of a project class the receiver is (typed.ts's attributeOf): `Class.m is an async
    // def (path:line)`.
    const method = detail && /^\S+ is an async def \((.+)\)$/.exec(detail);
    if (method) return { origin: "project", name: callee.text, detail: method[1] };
    return detail ? { origin: "typed", name: callee.text, detail } : undefined;
  }

  /** A callee matching the replacement side of a declared twin: an async client's method. */
  private twin(callee: SyntaxNode): Coroutine | undefined {
    const parts = dottedParts(callee);
    if (!parts) return undefined;
    const declared = Object.values(this.twins).some((replacement) => {
      const segments = replacement.split(".");
      return (
        segments.length === parts.length && segments.every((s, i) => s === "*" || s === parts[i])
      );
    });
    // The twin's object must be something of this file, not Python's builtin of that name.
    if (!declared || this.file.isBuiltin(parts[0], callee)) return undefined;
    return { origin: "twin", name: callee.text };
  }
}
