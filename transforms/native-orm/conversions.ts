import { DJANGO_USER } from "../../src/django/user-model.js";
import { lastSegment } from "../../src/python/lookup.js";
import {
  ASYNC_FUNCTIONS,
  asyncMethodFor,
  asyncTwinOfOrmCall,
  isDjangoTestClient,
  NATIVE_PARAMETERS,
  type AsyncMethod,
} from "../../src/django/orm.js";
import { callArguments } from "../../src/python/calls.js";
import type { SyntaxNode } from "../../src/model/types.js";
import { isInsideOwnTwin, looksLikeNonModel, looksLikeQueryset, modelEvidence } from "./proofs.js";
import { lockProblem, unprovenLockProblem } from "./transactions.js";
import type { Conversion, OrmFile, Problem, ScanMode } from "./types.js";
import { modelsByBinding, whatBinds } from "./receiver-bindings.js";
import { relatedManagerChain } from "./related-chains.js";
import { superManagerMethod } from "./super-managers.js";

// What one ORM call becomes: the edits of its native async form, or the problem that stops it.

export type AsyncFunction = (typeof ASYNC_FUNCTIONS)[number];

/** The last names of ASYNC_FUNCTIONS (`get_object_or_404`, `login`, ...). */
const ASYNC_FUNCTION_NAMES = new Set(ASYNC_FUNCTIONS.map((fn) => lastSegment(fn.qualified)));

/**
 * The native rewrite of a call `<recv>.<m>(...)`, `get_object_or_404(...)` or `list(<qs>)`, as
 * edits on the call; `mode` "async" only converts what is proven or `.objects`-rooted.
 */
export function ormCall(
  f: OrmFile,
  call: SyntaxNode,
  mode: ScanMode,
): Conversion | Problem | undefined {
  const callee = call.childForFieldName("function");
  if (!callee) return undefined;
  if (callee.type === "identifier" && callee.text === "list" && f.file.isBuiltin("list", callee)) {
    const args = callArguments(call);
    if (args.length !== 1 || call.childForFieldName("arguments")?.type !== "argument_list")
      return undefined;
    return listConversion(f, call, args[0], call);
  }
  // Only a name some import binds, or `x.<function name>`, can be one of ASYNC_FUNCTIONS.
  // (`cache.get` is one only when `cache` is imported: `get` is too common a name to resolve.)
  const root = callee.type === "attribute" ? callee.childForFieldName("object") : undefined;
  const mayBeFunction =
    callee.type === "identifier"
      ? f.file.importedNames().has(callee.text)
      : callee.type === "attribute" &&
        ASYNC_FUNCTION_NAMES.has(callee.childForFieldName("attribute")?.text ?? "") &&
        (root?.type !== "identifier" || f.file.importedNames().has(root.text));
  const qualified = mayBeFunction ? f.file.qualifiedName(callee) : undefined;
  const fn = ASYNC_FUNCTIONS.find((candidate) => candidate.qualified === qualified);
  if (fn) return functionConversion(f, call, callee, fn);
  if (callee.type !== "attribute") return undefined;
  return methodConversion(f, call, callee, mode);
}

/** `<recv>.<m>(...)` (or the wrapped method `callee` of a call `node`). */
export function methodConversion(
  f: OrmFile,
  node: SyntaxNode,
  callee: SyntaxNode,
  mode: ScanMode,
): Conversion | Problem | undefined {
  const receiver = callee.childForFieldName("object")!;
  const attribute = callee.childForFieldName("attribute")!;
  const method = attribute.text;
  if (method === "iterator") return iteratorOutsideLoop(f, node, receiver);
  // `self.save` inside `async def asave(self)` is how the twin is written: never `self.asave()`.
  if (isInsideOwnTwin(f, receiver, `a${method}`)) return undefined;
  const rename = (m: AsyncMethod, proven: boolean): Conversion => ({
    node,
    edits: [{ start: attribute.startIndex, end: attribute.endIndex, text: m.async }],
    proven,
    since: m.since,
    awaited: true,
  });
  // orm-human-6 G11: `User.objects.create_user` of Django's own user model (its settings say so).
  const userManager = asyncMethodFor("user-manager", method);
  if (userManager && f.proofs.managerOf(receiver)?.model === DJANGO_USER)
    return rename(userManager, true);
  const known = asyncTwinOfOrmCall(f.proofs, receiver, method);
  // `obj.delete(soft=False)`: an argument Django's twin does not take (a project override's).
  const foreign = (owner: string, m: AsyncMethod) => foreignArgumentProblem(node, callee, owner, m);
  if (known) {
    if (!known.twin) return undefined;
    if (known.receiver === "queryset" && known.proof.locksRows)
      return lockProblem(node, known.proof);
    if (known.receiver === "queryset" && known.proof.chains?.shadowed?.includes(method))
      return shadowedProblem(
        node,
        callee,
        known.twin,
        known.proof.chains.methods[known.twin.async],
      );
    if (known.receiver === "queryset" && known.proof.bypassed?.includes(method))
      return overrideProblem(f, node, callee, known.twin, known.proof.model);
    return foreign(known.receiver, known.twin) ?? rename(known.twin, known.certain);
  }
  // `self.client.force_login(user)` in a Django test case: the test client's own twin (5.0).
  const client = asyncMethodFor("test-client", method);
  if (client && isDjangoTestClient(f.file, receiver, f.ctx.project)) return rename(client, true);
  // orm-review-9 R8: `super().get(...)` in a subclass of Django's Manager.
  const manager = superManagerMethod(f, node, receiver, method);
  if (manager) return foreign("queryset", manager) ?? rename(manager, true);
  // Unproven: a chain through a manager or queryset methods is very likely the ORM.
  const likely = likelyQuerysetMethod(f, node, receiver, method, mode);
  if (likely === "none") return undefined;
  if (likely) {
    if (receiver.text.includes("select_for_update(")) return unprovenLockProblem(node);
    return rename(likely, false);
  }
  const plain = mode === "wrapper" ? plainClassOf(f, receiver) : undefined;
  if (plain && (asyncMethodFor("instance", method) || asyncMethodFor("user", method)))
    return {
      code: "AS205",
      node,
      message: `${callee.text}() is a method of ${plain}, a class of the project's models module that is not a Django model (its bases lie outside the ORM): it has no async form`,
    };
  if (mode === "wrapper" && !looksLikeNonModel(receiver)) {
    // An unannotated name (or `self.<name>`): very likely the instance the wrapper was given.
    // An attribute of anything else may be a FileField, whose save() has no async form.
    const m = asyncMethodFor("instance", method) ?? asyncMethodFor("user", method);
    const plain =
      receiver.type === "identifier" ||
      (receiver.type === "attribute" && receiver.childForFieldName("object")?.text === "self");
    if (m && plain)
      return modelEvidence(f, receiver)
        ? (foreign("instance", m) ?? rename(m, false))
        : noModelEvidence(f, node, receiver, m);
    if (receiver.type === "attribute" && f.proofs.isRelatedManager(receiver)) {
      const r = asyncMethodFor("related-manager", method);
      if (r) return rename(r, true);
    }
  }
  return undefined;
}

/**
 * The native method of `<receiver>.<method>` when the receiver looks like a queryset: a chain
 * through a manager or queryset methods, or (orm-human-9 H3, in async def) a chain on a related
 * manager's name. "none": it looks like one, and the method has no native form.
 */
function likelyQuerysetMethod(
  f: OrmFile,
  call: SyntaxNode,
  receiver: SyntaxNode,
  method: string,
  mode: ScanMode,
): AsyncMethod | "none" | undefined {
  // An awaited call is an async API's (orm-human-9 H10: `await client.batches.create(...)` of
  // AsyncOpenAI, where `batches` is also a related_name of the project): a sync ORM call's value
  // cannot be awaited, so only a name proves nothing there.
  const related = mode === "async" && !isAwaited(call) && relatedManagerChain(f, receiver);
  if (!looksLikeQueryset(receiver) && !related) return undefined;
  const manager = related && receiver.type === "attribute";
  return (
    asyncMethodFor("queryset", method) ??
    (manager ? asyncMethodFor("related-manager", method) : undefined) ??
    "none"
  );
}

function foreignArgumentProblem(
  node: SyntaxNode,
  callee: SyntaxNode,
  owner: string,
  m: AsyncMethod,
): Problem | undefined {
  const argument = foreignArgument(node, owner, m.sync);
  return argument
    ? {
        code: "AS205",
        node,
        message: `${callee.text}() is passed ${argument}, which Django's ${m.async}() does not take (a project override's argument): the twin would raise TypeError, so ${m.sync}() stays behind sync_to_async`,
      }
    : undefined;
}

/** The first argument of the call that Django's fixed-signature twin of `method` does not take. */
function foreignArgument(node: SyntaxNode, owner: string, method: string): string | undefined {
  const native = NATIVE_PARAMETERS[owner]?.[method];
  if (!native) return undefined;
  const args = (node.childForFieldName("arguments")?.namedChildren ?? []).filter(
    (a) => a.type !== "comment",
  );
  const positional = args.filter((a) => a.type !== "keyword_argument");
  for (const a of args) {
    if (a.type === "list_splat" || a.type === "dictionary_splat") return a.text;
    const name = a.type === "keyword_argument" ? a.childForFieldName("name")?.text : undefined;
    if (name !== undefined && !native.keywords.includes(name)) return `${name}=`;
  }
  return positional.length > native.positional
    ? `${positional.length} positional arguments`
    : undefined;
}

/**
 * `Ticket.objects.create(...)` where the model's manager class defines create(): Django's
 * `Manager.acreate()` is the QuerySet's, which runs `QuerySet.create()` in a thread and never the
 * manager's own method.
 */
/** `<qs>.get()` where the project's QuerySet class defines its own `aget()`. */
function shadowedProblem(
  node: SyntaxNode,
  callee: SyntaxNode,
  twin: AsyncMethod,
  owner: string | undefined,
): Problem {
  const receiver = callee.childForFieldName("object")!.text;
  return {
    code: "AS205",
    node,
    message:
      `${owner ?? "the project's QuerySet class"} defines its own ${twin.async}(), so ` +
      `${receiver}.${twin.async}() would call the project's method, not Django's native form of ` +
      `${twin.sync}() (it may behave differently, e.g. return None for a missing row): keep ` +
      `${twin.sync}() behind sync_to_async, or call ${twin.async}() knowing what it does`,
  };
}

function overrideProblem(
  f: OrmFile,
  node: SyntaxNode,
  callee: SyntaxNode,
  twin: AsyncMethod,
  model: string,
): Problem {
  const manager = callee.childForFieldName("object")!.text;
  const managerAttribute = lastSegment(manager);
  const own = f.ctx.project.models[model]?.managerOverrides?.[managerAttribute] ?? [];
  if (own.includes(twin.async) && !own.includes(twin.sync))
    return {
      code: "AS205",
      node,
      message:
        `the manager class of ${manager} defines its own ${twin.async}(), so ${manager}.` +
        `${twin.async}() would call the project's method, not Django's native form of ` +
        `${twin.sync}() (it may behave differently, e.g. return None for a missing row): ` +
        `keep ${twin.sync}() behind sync_to_async, or call ${manager}.${twin.async}() knowing what it does`,
    };
  return {
    code: "AS205",
    node,
    message:
      `${callee.text}() is the manager's own ${twin.sync}() (its class overrides it), and ` +
      `${manager}.${twin.async}() would not run it: Django's ${twin.async}() calls ` +
      `QuerySet.${twin.sync}() in a thread, skipping the override; define ${twin.async}() on the ` +
      `manager class, or keep ${twin.sync}() behind sync_to_async`,
  };
}

/**
 * The class a parameter is annotated with (`payload: CardRequest`) when the pre-pass found it in
 * a `models` module and proved it no model (a pydantic class).
 */
function plainClassOf(f: OrmFile, receiver: SyntaxNode): string | undefined {
  if (receiver.type !== "identifier") return undefined;
  const bound = f.file.bindingsNamed(f.file.enclosingScope(receiver), receiver.text);
  const type = bound.length === 1 && bound[0].kind === "parameter" && bound[0].node.parent;
  const name = type ? type.childForFieldName("type")?.text.replace(/^(['"])(.*)\1$/, "$2") : "";
  const last = name ? lastSegment(name) : "";
  return f.ctx.project.modelsModuleClasses?.[last] === "plain" ? last : undefined;
}

/** An unproven receiver with only a method name to go on: reported, with no fix. */
function noModelEvidence(
  f: OrmFile,
  node: SyntaxNode,
  receiver: SyntaxNode,
  m: AsyncMethod,
): Problem {
  const name = receiver.text;
  const service = serviceClassOf(f, receiver);
  // `self` of a class that is no model (a service): annotating it would call a method it lacks.
  if (service)
    return {
      code: "AS201",
      node,
      message: `self is a ${service} (a class of this file with no base but object), not a model instance: ${m.sync}() is its own or an inherited method, with no ${m.async}(): left as it is`,
    };
  const models = modelsByBinding(f, receiver);
  if (models)
    return {
      code: "AS201",
      node,
      message: `${name} is bound to an instance of ${models.join(" or of ")}, different models: a name is proven an instance of one model only (its fields, relations and method overrides are that model's), so ${m.sync}() is left as it is; if every one of them takes \`await ${name}.${m.async}(...)\`, rewrite it by hand`,
    };
  return {
    code: "AS201",
    node,
    message:
      `nothing shows ${name} is a model instance (${whatBinds(f, receiver)}), ` +
      `and serializers, forms, files and clients have ${m.sync}() but no ${m.async}(): left as it is; ` +
      `if ${name} is a model instance, annotate it with its model class to have it rewritten to \`await ${name}.${m.async}(...)\``,
  };
}

/** The class `self` belongs to when it is a class of this file with no base that may be a model. */
function serviceClassOf(f: OrmFile, receiver: SyntaxNode): string | undefined {
  if (receiver.type !== "identifier" || receiver.text !== "self") return undefined;
  const cls = f.file.enclosingClass(receiver);
  const name = cls?.childForFieldName("name")?.text;
  if (!cls || !name || f.ctx.project.models[name]) return undefined;
  const bases = cls.childForFieldName("superclasses")?.namedChildren ?? [];
  const mayBeModel = bases.some((b) => !/^(object|ABC|abc\.ABC)$/.test(b.text));
  return mayBeModel ? undefined : name;
}

/** `qs.iterator()` has an async form only as the iterable of `async for`. */
function iteratorOutsideLoop(
  f: OrmFile,
  node: SyntaxNode,
  receiver: SyntaxNode,
): Problem | undefined {
  const loop = node.parent;
  const isLoopIterable =
    (loop?.type === "for_statement" || loop?.type === "for_in_clause") &&
    loop.childForFieldName("right")?.id === node.id;
  if (isLoopIterable) return undefined;
  if (!f.proofs.querysetOf(receiver) && !looksLikeQueryset(receiver)) return undefined;
  return {
    code: "AS208",
    node,
    message:
      "qs.iterator() has an async form only as `async for x in qs.aiterator()`, which is iterated, not awaited: rewrite by hand",
  };
}

/** `get_object_or_404(...)`, `auth.login(...)`: the `a`-prefixed function and its import. */
export function functionConversion(
  f: OrmFile,
  call: SyntaxNode,
  callee: SyntaxNode,
  fn: AsyncFunction,
): Conversion | Problem {
  const module = fn.qualified.slice(0, fn.qualified.lastIndexOf("."));
  const syncName = fn.qualified.slice(module.length + 1);
  if (callee.type === "attribute") {
    const attribute = callee.childForFieldName("attribute")!;
    return {
      node: call,
      edits: [{ start: attribute.startIndex, end: attribute.endIndex, text: fn.async }],
      proven: true,
      since: fn.since,
      awaited: true,
    };
  }
  const binding = f.file.importBindingOf(callee.text, callee);
  const clash = f.root
    .descendantsOfType("identifier")
    .some((id) => id.text === fn.async && f.file.qualifiedName(id) !== `${module}.${fn.async}`);
  if (!binding || binding.local !== syncName || clash) {
    return {
      code: "AS208",
      node: call,
      message: `${callee.text}() has a native async twin ${fn.async}() (Django ${fn.since}), but ${
        clash
          ? `the name ${fn.async} already means something else here`
          : "it is imported under another name"
      }: rewrite by hand`,
      suggestion: `await ${fn.async}${call.childForFieldName("arguments")?.text ?? "()"}`,
    };
  }
  return {
    node: call,
    edits: [{ start: callee.startIndex, end: callee.endIndex, text: fn.async }],
    proven: true,
    since: fn.since,
    awaited: true,
    needs: { module, name: fn.async, replaces: binding, at: callee },
    replaced: callee,
  };
}

/**
 * Builtins that collect a queryset's items, and the async comprehension each becomes: the
 * comprehension fetches the same rows, in the same order, into the same kind of container.
 */
export const COLLECTING_BUILTINS: Readonly<Record<string, readonly [string, string]>> = {
  list: ["[", "]"],
  set: ["{", "}"],
  tuple: ["tuple([", "])"],
  dict: ["dict([", "])"],
};

/**
 * `list(<qs>)` (or the wrapper form spanning `whole`) -> `[<v> async for <v> in <qs>]`, and the
 * same for `set`, `tuple` and `dict` (COLLECTING_BUILTINS): the edits replace `whole` around the
 * queryset text, which stays byte for byte.
 */
export function listConversion(
  f: OrmFile,
  whole: SyntaxNode,
  qsNode: SyntaxNode,
  inner: SyntaxNode,
  container = "list",
): Conversion | Problem | undefined {
  const qs = f.proofs.querysetOf(qsNode);
  const likely =
    !qs &&
    (looksLikeQueryset(qsNode) || (f.file.inAsyncContext(whole) && relatedManagerChain(f, qsNode)));
  if (!qs && !likely) return undefined;
  if (qs?.locksRows) return lockProblem(inner, qs);
  const def = f.file.enclosingDef(whole) ?? f.root;
  const name = f.file.freshName(def, ["obj", "item", "row"]);
  const [open, close] = COLLECTING_BUILTINS[container] ?? COLLECTING_BUILTINS.list;
  return {
    node: whole,
    edits: [
      {
        start: whole.startIndex,
        end: qsNode.startIndex,
        text: `${open}${name} async for ${name} in `,
      },
      { start: qsNode.endIndex, end: whole.endIndex, text: close },
    ],
    proven: !!qs,
    since: "4.1",
    awaited: false,
  };
}

/**
 * What an unproven conversion takes for true: its receiver (`doc` in `doc.save()`) is a queryset
 * or a model instance, not a serializer, form, file or client with a method of the same name.
 */
export function unprovenAssumption(c: Conversion): string {
  // `doc.save()`, or `sync_to_async(doc.save)()` whose method is the wrapper's argument.
  let callee = c.node.type === "call" ? c.node.childForFieldName("function") : undefined;
  if (callee?.type === "call") callee = callee.childForFieldName("arguments")?.namedChildren[0];
  const receiver = callee?.type === "attribute" ? callee.childForFieldName("object") : undefined;
  const iterated = c.node.type === "for_statement" ? c.node.childForFieldName("right") : undefined;
  const what = (receiver ?? iterated)?.text.split("\n")[0] ?? "the receiver";
  return `${what} is a queryset or a model instance`;
}

/** The words an unsafe fix's message ends with: when it applies, and what it takes for true. */
export function unsafeNote(assumes: string | undefined): string {
  return assumes
    ? `applied with --unsafe-fixes; assumes ${assumes}`
    : "applied with --unsafe-fixes";
}

/**
 * What a sync ORM call does in async code: Django raises SynchronousOnlyOperation, unless the
 * project sets DJANGO_ALLOW_ASYNC_UNSAFE (its tests, often), where the query blocks the loop.
 */
export function syncOnlyEffect(f: OrmFile): string {
  const allowed = f.ctx.project.asyncUnsafeAllowedIn;
  return allowed
    ? `blocks the event loop (${allowed} sets DJANGO_ALLOW_ASYNC_UNSAFE, so where it applies Django does not raise SynchronousOnlyOperation)`
    : "raises SynchronousOnlyOperation";
}

/** Whether `call`'s value is awaited where it stands (`await x.m()`, `await (x.m())`). */
function isAwaited(call: SyntaxNode): boolean {
  let up = call.parent;
  while (up?.type === "parenthesized_expression") up = up.parent;
  return up?.type === "await";
}
