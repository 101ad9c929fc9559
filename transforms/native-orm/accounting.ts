import { lazyUserRelatedSaid } from "./lazy-objects.js";
import { onlyBuiltQueryset } from "./lazy-builders.js";
import { libraryValueOf } from "./library-values.js";
import { callArguments } from "../../src/python/calls.js";
import { functionsNamed, projectTopModules } from "../../src/project/index-lookup.js";
import { dottedName, importedModuleId } from "../../src/python/module-names.js";
import { decoratorCallee, decorators, isAsyncFunction } from "../../src/python/shapes.js";
import type { SyntaxNode } from "../../src/model/types.js";
import { QUERYSET_RETURNING, asyncMethodFor, nativeTwinsSaid } from "../../src/django/api.js";
import { isDjangoTestClient } from "../../src/django/test-client.js";
import { isJsonMethod, plainKindOf } from "../../src/python/value-kinds.js";
import { namedCalls, relationKept, relationRead } from "./body-reads.js";
import { absoluteName } from "../../src/python/relative-imports.js";
import { chainFunction, reachedFunctions, reachesOrmWork } from "./chains.js";
import { isInsideOwnTwin, looksLikeNonModel, looksLikeQueryset } from "./proofs.js";
import { stoppedOrmWork } from "./unfollowed-calls.js";
import { kept, lambdaReason, localDef, nameReason, type Reason } from "./kept-reasons.js";
import { localProjectCallReason } from "./project-calls-said.js";
import { publishedTarget, publishReason } from "./task-publish.js";
import { isBuiltContainer } from "./built-containers.js";
import { lineOf, report } from "./state.js";
import { wrapperKind } from "./wrappers.js";
import { unfollowedCallsReason } from "./unfollowed-calls.js";
import { reexportReason } from "./reexport-reasons.js";
import { hiddenSelfMethod, overriddenSelfMethod } from "./hidden-methods.js";
import { factoryTarget, fieldFileTarget } from "./library-targets.js";
import { importedModuleAttribute } from "./unknown-callees.js";
import type { OrmFile, ScannedFile } from "./types.js";
import { HTTP_METHODS } from "../../src/python/http-methods.js";
import { starImportsNaming } from "./wrapper-aliases.js";
import { awaitedUncalled } from "./uncalled-wrappers.js";

// Every sync_to_async site ends as a rewrite or a diagnostic (issue 23, item 9). The sites' own
// reporters (sites.ts, the chains) record what they rewrite or block; what is left is said here:
// a thread wrapper around work with no native async form (AS215, info), or what keeps ORM work
// behind the wrapper. A site none of these explains is recorded as silent, and the report and
// the corpus test count it.

/** One sync_to_async site: `@sync_to_async def`, `sync_to_async(f)(...)`, or the wrapper kept. */
interface Site {
  form: "decorator" | "call" | "stored";
  /** The node a recorded site starts at: the decorator, or the `sync_to_async(...)` call. */
  node: SyntaxNode;
  def?: SyntaxNode;
  target?: SyntaxNode;
}

/** The site `ref` (a wrapper's name) makes, if it is one: not a name only passed around. */
function siteOf(ref: SyntaxNode): Site | undefined {
  const parent = ref.parent;
  const decorator =
    parent?.type === "decorator"
      ? parent
      : parent?.type === "call" && parent.parent?.type === "decorator"
        ? parent.parent
        : undefined;
  if (decorator) {
    const def = decorator.parent?.childForFieldName("definition");
    return def?.type === "function_definition"
      ? { form: "decorator", node: decorator, def }
      : undefined;
  }
  if (parent?.type !== "call" || parent.childForFieldName("function")?.id !== ref.id)
    return undefined;
  let wrap = parent;
  // `sync_to_async(thread_sensitive=False)(helper)(...)`: the factory's call takes the function.
  if (positional(wrap).length === 0 && isCalled(wrap)) wrap = wrap.parent!;
  const target = positional(wrap)[0];
  return { form: isCalled(wrap) ? "call" : "stored", node: parent, ...(target ? { target } : {}) };
}

function positional(call: SyntaxNode): SyntaxNode[] {
  return callArguments(call).filter((a) => a.type !== "keyword_argument");
}

function isCalled(call: SyntaxNode): boolean {
  return call.parent?.type === "call" && call.parent.childForFieldName("function")?.id === call.id;
}

/** Reports every site of the file no reporter has recorded, and records it. */
export function accountForSites(f: ScannedFile): void {
  const recorded = new Set(
    f.out.sites.filter((s) => s.kind === "sync_to_async").map((s) => s.start),
  );
  for (const ref of f.sites.refs) {
    const site = siteOf(ref);
    if (!site || recorded.has(site.node.startIndex) || insideRecorded(site.node, recorded))
      continue;
    recorded.add(site.node.startIndex);
    const reason =
      site.form === "decorator"
        ? decoratedReason(f, site)
        : ((site.form === "stored" ? awaitedUncalled(f, site.node, site.target) : undefined) ??
          targetReason(f, site));
    if (!reason) {
      f.out.sites.push({ kind: "sync_to_async", context: "silent", start: site.node.startIndex });
      continue;
    }
    const kept = reason.code === "AS215";
    f.out.sites.push({
      kind: "sync_to_async",
      context: kept ? "kept" : "blocked",
      detail: `${reason.code} ${kept ? "no ORM work" : "kept"}`,
      start: site.node.startIndex,
    });
    report(
      f,
      site.node,
      reason.code,
      reason.message,
      undefined,
      undefined,
      kept ? "info" : undefined,
    );
  }
}

/**
 * Is the site part of a recorded site's call (the inner wrapper of `sync_to_async((await
 * sync_to_async(qs.filter)(...)).first)()`, one native call once rewritten)?
 */
function insideRecorded(node: SyntaxNode, recorded: Set<number>): boolean {
  for (let n = node.parent; n && n.type !== "block"; n = n.parent) {
    if (n.type !== "call" || !recorded.has(n.startIndex)) continue;
    // In the arguments the wrapped function is called with (`sync_to_async(Tag.objects.get)(
    // pk__in=await sync_to_async(v.ids)())`), a site is a site of its own.
    const args = n.childForFieldName("arguments");
    const wrapped = n.childForFieldName("function")?.type === "call";
    if (wrapped && args && args.startIndex <= node.startIndex && node.endIndex <= args.endIndex)
      continue;
    return true;
  }
  return false;
}

/** A decorated def nothing converted or blocked: its body does no ORM work with a native form. */
function decoratedReason(f: OrmFile, site: Site): Reason | undefined {
  const def = site.def!;
  const wrapper = `@${decoratorCallee(site.node)?.text ?? "sync_to_async"}`;
  const name = def.childForFieldName("name")?.text ?? "";
  if (isAsyncFunction(def)) return asyncTarget(`${name}()`);
  const fn = chainFunction(f, def);
  if (fn.findings.ormSites > 0 || reachesOrmWork(f, fn.calls)) return undefined;
  const body = def.childForFieldName("body")!;
  const factory = body.descendantsOfType("call").find((c) => isFactoryCall(c));
  if (factory)
    return {
      code: "AS215",
      message: `${wrapper} wrapper ${name}() calls ${compactChain(factory)} (line ${lineOf(factory)}), a factory_boy factory's, which saves through the ORM with no native async form: it stays a thread wrapper`,
    };
  // orm-review-9 R3: a value that may be a queryset, iterated: the wrapper may well query.
  const evaluated = fn.problems.find((p) => p.evaluatesUnknown);
  if (evaluated)
    return {
      code: "AS205",
      message: `${wrapper} wrapper ${name}() kept: line ${lineOf(evaluated.node)}: ${evaluated.message}`,
    };
  const unproven = body.descendantsOfType("call").find((c) => ormLookingCall(f, c));
  if (unproven) {
    // Named by the chain's root, the first value not built by a queryset step.
    const root = chainRoot(receiverOf(unproven)!);
    return {
      code: "AS201",
      message: `${wrapper} wrapper ${name}() kept: line ${lineOf(unproven)}: nothing proves ${shortText(root)} is a queryset, manager or model instance, so ${compactChain(unproven)} is not known to be ORM work with a native async form (annotate it with its model class, or QuerySet[Model] for a queryset, to make it proven)`,
    };
  }
  // orm-review-4 P4 (redbox `file_save(file)`): an ORM method name on a value named like a file
  // or a form is not taken for ORM work, but it may be a model instance: said, not "no ORM work".
  const named = body.descendantsOfType("call").find((c) => nonModelNamedOrmCall(f, c));
  if (named) {
    const method = named.childForFieldName("function")!.childForFieldName("attribute")!.text;
    return {
      code: "AS201",
      message: `${wrapper} wrapper ${name}() kept: line ${lineOf(named)}: nothing proves ${shortText(receiverOf(named)!)} is a model instance, and its name is a file's or an upload's, whose ${method}() has no native async form: it is not taken for one (if it is one, annotate it with its model class)`,
    };
  }
  const project = body.descendantsOfType("call").find((c) => projectMethodCalled(f, c));
  if (project)
    return {
      code: "AS205",
      message: `${wrapper} wrapper ${name}() kept: line ${lineOf(project)}: ${projectMethodCalled(f, project)}`,
    };
  const hidden = hiddenSelfMethod(f, body);
  if (hidden) return { code: "AS208", message: `${wrapper} wrapper ${name}() kept: ${hidden}` };
  const relation = relationRead(f, body);
  if (relation)
    return {
      code: "AS215",
      message: `${wrapper} wrapper ${name}() reads ${relation.text} (line ${lineOf(relation)}), ${relationKept(f, relation)}: it stays a thread wrapper`,
    };
  const unfollowed = unfollowedCallsReason(f, def, site.node); // orm-review-5 Q9
  if (unfollowed) return unfollowed;
  const built = onlyBuiltQueryset(f, body);
  if (built)
    return {
      code: "AS215",
      message: `${wrapper} wrapper ${name}() only builds a queryset and returns it (line ${lineOf(built)}): no query runs inside it, so the thread moves nothing off the event loop; the query runs where its callers evaluate the result (\`async for\` over it, or an a-method such as \`afirst()\`): the decorator can go, by hand, and the \`await\` of each call with it`,
    };
  const publish = publishReason(f, body, `${wrapper} wrapper ${name}() kept`);
  if (publish) return publish;
  return {
    code: "AS215",
    message: `${wrapper} wrapper ${name}() holds no Django ORM work with a native async form that this transform can see${namedCalls(body)}: it stays a thread wrapper`,
  };
}

/** What `sync_to_async(<target>)` runs, when no reporter had a word on it. */
function targetReason(f: OrmFile, site: Site): Reason | undefined {
  const target = site.target;
  const stored = site.form === "stored" ? ", stored for later calls" : "";
  if (!target)
    return { code: "AS215", message: `sync_to_async() with no function to follow${stored}: kept` };
  // As the site spells its wrapper: `database_sync_to_async(...)`, an alias, `sync.sync_to_async`.
  const wrapper = site.node.childForFieldName("function")?.text ?? "sync_to_async";
  const written = `${/^[\w.]+$/.test(wrapper) ? wrapper : "sync_to_async"}(${shortText(target)})`;
  const def = localDef(f, target);
  const callee = site.node.childForFieldName("function");
  const database = !!callee && wrapperKind(f, callee) === "database";
  if (def) return localReason(f, def, target, written, stored, database);
  if (target.type === "lambda") return lambdaReason(f, target, written, stored);
  // orm-review-6 R1: an unbound name of a file with star imports is theirs, not a builtin.
  const stars = target.type === "identifier" ? starImportsNaming(f, target) : "";
  if (stars)
    return kept(
      `${written} runs ${target.text}(), a name this file binds only through its star imports (${stars}): not followed${stored}`,
    );
  if (target.type === "identifier" && f.file.isBuiltin(target.text, target)) {
    // orm-review-9 R6 (storefront): `await sync_to_async(len)(clients)` before a sync resolver
    // iterates `clients`: len() fills the queryset's result cache; acount() would not.
    const outer = site.node.parent;
    const [value] = outer?.type === "call" ? callArguments(outer) : [];
    if (value && f.proofs.querysetOf(value))
      return kept(
        `${written} runs ${target.text}() on ${shortText(value)}, a queryset: it evaluates it and fills its result cache, which later reads of it use (acount() would count without filling it)${stored}`,
      );
    return kept(
      `${written} runs the builtin ${target.text}() on a value nothing proves a queryset${stored}`,
    );
  }
  // A method of a value (`Order.objects.count` resolves through the import of `Order`), unless
  // the value is an imported module (`services.helper`).
  const publish = publishedTarget(f, target, written);
  if (publish) return publish;
  if (target.type === "attribute" && !importedModuleAttribute(f, target))
    return methodReason(f, target, written, stored);
  const qualified =
    target.type === "identifier" || target.type === "attribute"
      ? f.file.qualifiedName(target)
      : undefined;
  // `from .Trade import TradeView` read as the project names it (orm-review-4 P11b).
  const absolute = qualified?.startsWith(".")
    ? (absoluteName(qualified, f.file.module, f.file.path) ?? qualified)
    : qualified;
  const factory = target.type === "identifier" ? factoryTarget(f, target) : undefined;
  if (factory) return kept(`${written} runs ${factory}${stored}`);
  if (absolute) return importedReason(f, dottedName(absolute), written, stored, database); // Q8: no "./"
  if (target.type === "identifier") return nameReason(f, target, written, stored);
  return kept(
    `${written} runs a function computed where it is called, which the transform cannot follow${stored}`,
  );
}

/** The test client's request methods (`Client.get`), which `AsyncClient` has as coroutines. */
const REQUEST_METHODS = new Set([...HTTP_METHODS, "generic"]);

/** `recv.m` as the wrapped function: an ORM method on an unproven receiver, or no ORM work. */
function methodReason(f: OrmFile, target: SyntaxNode, written: string, stored: string): Reason {
  const receiver = target.childForFieldName("object")!;
  const method = target.childForFieldName("attribute")!.text;
  if (isInsideOwnTwin(f, receiver, `a${method}`) || superInsideTwin(receiver, `a${method}`))
    return kept(
      `${written} is how the async twin a${method}() runs ${method}(): never rewritten to itself`,
    );
  const definer = f.proofs.querysetOf(receiver)?.chains?.methods[method];
  if (definer)
    return {
      code: "AS205",
      message: `${written} kept${stored}: ${shortText(target)}() is ${definer}.${method}(), a method of the project that does more than build a queryset: it may run queries, and has no native async form`,
    };
  // `self.client.get` in a Django test case: a request through the test client, no queryset.
  if (REQUEST_METHODS.has(method) && isDjangoTestClient(f.file, receiver, f.ctx.project))
    return kept(
      `${written} runs ${shortText(target)}(), a request through Django's test client${stored}: Client has no async form of ${method}() (AsyncClient's ${method}() is a coroutine: self.async_client.${method}(...) awaited, by hand)`,
    );
  const overridden = overriddenSelfMethod(f, target);
  if (overridden) return { code: "AS205", message: `${written} kept${stored}: ${overridden}` };
  const library = factoryTarget(f, target) ?? fieldFileTarget(f, target);
  if (library) return kept(`${written} runs ${library}${stored}`);
  if (ormName(target) && !looksLikeNonModel(receiver))
    return {
      code: "AS201",
      message: `${written} kept${stored}: nothing proves ${shortText(receiver)} is a queryset, manager or model instance, so ${method}() is not known to have Django's native async form (annotate it with its model class, or QuerySet[Model] for a queryset, to make it proven)`,
    };
  const model = projectModelOf(f, receiver, method);
  if (model)
    return kept(
      `${written} runs ${model}.${method}(), a method of the project's model that is not followed here (it gets no async twin)${stored}`,
    );
  const owner = projectOwner(f, receiver);
  if (owner)
    return {
      code: "AS205",
      message: `${written} kept${stored}: ${shortText(target)}() is a method of ${owner} that this transform does not follow into: it may reach the database, and has no native async form`,
    };
  const user = lazyUserRelatedSaid(f, receiver, method);
  if (user) return { code: user.code, message: `${written} kept${stored}: ${user.said}` };
  const twins = nativeTwinsSaid(method, receiver.text, f.target);
  if (twins)
    return kept(
      `${written} runs ${shortText(target)}(), and nothing here proves what ${shortText(receiver)} is${namedLikeNonModel(receiver, method)}: of Django's objects, ${twins}${stored}`,
    );
  return kept(
    `${written} runs ${shortText(target)}(), a method Django's async API has no twin of${stored}`,
  );
}

/** " (named like a form or a file, whose save() has no native async form)", or "". */
function namedLikeNonModel(receiver: SyntaxNode, method: string): string {
  // By the object's own name: `request.user.passkeys` is named after no request (orm-human-6 G10).
  const own = receiver.type === "attribute" ? receiver.childForFieldName("attribute")! : receiver;
  if (!looksLikeNonModel(own) || /session|cache|client/i.test(receiver.text)) return "";
  return ` (named like a form, a file or an upload, whose ${method}() has no native async form)`;
}

/**
 * `Post.objects.stats()`: a method of the project's manager or QuerySet class behind a proven
 * manager or queryset that is no chain method (it may run queries): said, or undefined.
 */
function projectMethodCalled(f: OrmFile, call: SyntaxNode): string | undefined {
  const callee = call.childForFieldName("function");
  if (callee?.type !== "attribute" || f.proofs.querysetOf(call)) return undefined;
  const method = callee.childForFieldName("attribute")!.text;
  const owner = f.proofs.querysetOf(callee.childForFieldName("object")!)?.chains?.methods[method];
  return owner
    ? `${shortText(callee)}() is ${owner}.${method}(), a method of the project that does more than build a queryset: it may run queries, and has no native async form`
    : undefined;
}

/** `super().save` inside `async def asave(self)`: the twin running the sync method. */
function superInsideTwin(receiver: SyntaxNode, twin: string): boolean {
  if (receiver.type !== "call" || receiver.childForFieldName("function")?.text !== "super")
    return false;
  for (let n = receiver.parent; n; n = n.parent)
    if (n.type === "function_definition") return n.childForFieldName("name")?.text === twin;
  return false;
}

/** "the project class X" for `self` in a class or a model class of the project; else undefined. */
/**
 * The model of a proven instance whose class defines `method`, when the wrapper was not followed
 * to its twin (K14: a class decorator not shown to give the class back; a method reading columns
 * that may be deferred; a subclass overriding it): said as the model's own method, not Django's.
 */
function projectModelOf(f: OrmFile, receiver: SyntaxNode, method: string): string | undefined {
  const model = f.proofs.instanceOf(receiver)?.model;
  const index = f.ctx.project.index;
  return model && index && functionsNamed(index, method).some((fn) => fn.className === model)
    ? model
    : undefined;
}

function projectOwner(f: OrmFile, receiver: SyntaxNode): string | undefined {
  if (receiver.type !== "identifier") return undefined;
  if (f.ctx.project.models[receiver.text]) return `the model class ${receiver.text}`;
  if (receiver.text !== "self" && receiver.text !== "cls") return undefined;
  const cls = f.file.enclosingClass(receiver);
  const name = cls?.childForFieldName("name")?.text;
  return name ? `${name} or one of its bases` : undefined;
}

/** Whether `m` in `<recv>.m` is the name of a method Django gives a native async form. */
function ormName(attribute: SyntaxNode): boolean {
  const method = attribute.childForFieldName("attribute")?.text ?? "";
  return (["queryset", "instance", "related-manager", "user"] as const).some(
    (owner) => asyncMethodFor(owner, method) !== undefined,
  );
}

/** `ShopFactory.create(...)`, `UserFactory.build_batch(3)`: factory_boy's class methods. */
function isFactoryCall(call: SyntaxNode): boolean {
  const callee = call.childForFieldName("function");
  const receiver = callee?.type === "attribute" ? callee.childForFieldName("object") : undefined;
  const method = callee?.childForFieldName("attribute")?.text ?? "";
  return (
    receiver?.type === "identifier" &&
    /^[A-Z]\w*Factory$/.test(receiver.text) &&
    /^(create|build|create_batch|build_batch|get_or_create)$/.test(method)
  );
}

/** `<recv>.m(...)` with an ORM method name, on a receiver that does not look like a form or file. */
function ormLookingCall(f: OrmFile, call: SyntaxNode): boolean {
  const callee = call.childForFieldName("function");
  if (callee?.type !== "attribute" || looksLikeNonModel(receiverOf(call)!)) return false;
  // orm-review-4 P12: `resolving_async = contextvars.ContextVar(...)`: its set() is its own.
  if (libraryValueOf(f, receiverOf(call)!)) return false;
  // `self.filter(...)`, `x.related.select_related(...)` on an unproven receiver: a queryset's
  // work the scan could not prove (a list or a JSON value has none of these methods).
  const method = callee.childForFieldName("attribute")!.text;
  const receiver = callee.childForFieldName("object")!;
  if (QUERYSET_RETURNING.has(method) && !f.proofs.querysetOf(call) && !plainKindOf(receiver))
    return true;
  // orm-review-5 Q5b (canopy `scope.get("query_string")`): `get` with a string key on a value its
  // uses show a mapping (value-kinds) is a dict's, not a queryset's.
  // (A record's field, `payload.items`, may hold a related manager: not said of attributes.)
  if (receiver.type !== "attribute" && plainKindOf(receiver) && isJsonMethod(method)) return false;
  if (isBuiltContainer(f, receiver)) return false;
  return ormName(callee) || (looksLikeQueryset(call) && !f.proofs.querysetOf(call));
}

/** `file.save()`: an ORM method name on an unproven receiver named like a non-model. */
function nonModelNamedOrmCall(f: OrmFile, call: SyntaxNode): boolean {
  const callee = call.childForFieldName("function");
  const receiver = receiverOf(call);
  if (callee?.type !== "attribute" || !receiver || !looksLikeNonModel(receiver)) return false;
  // Words that are model names as often (a `File`, `Image` or `Photo` model), unlike a form's.
  if (!/(^|_)(files?|images?|photos?|uploads?)$/i.test(receiver.text)) return false;
  return ormName(callee) && !f.proofs.querysetOf(receiver) && !f.proofs.instanceOf(receiver);
}

function receiverOf(call: SyntaxNode): SyntaxNode | undefined {
  return call.childForFieldName("function")?.childForFieldName("object") ?? undefined;
}

function asyncTarget(what: string): Reason {
  return {
    code: "AS208",
    message: `${what} is an async def: sync_to_async() of it raises TypeError (missing-await's AS403); await it directly`,
  };
}

function localReason(
  f: OrmFile,
  def: SyntaxNode,
  target: SyntaxNode,
  written: string,
  stored: string,
  database: boolean,
): Reason {
  const name = `${def.childForFieldName("name")?.text ?? ""}()`;
  if (isAsyncFunction(def)) return asyncTarget(name);
  const fn = chainFunction(f, def);
  const stopped = fn.findings.ormSites === 0 ? stoppedOrmWork(fn, def, written) : undefined;
  if (stopped) return stopped;
  const project =
    fn.findings.ormSites === 0 && !reachesOrmWork(f, fn.calls)
      ? localProjectCallReason(f, def, target, written, stored)
      : undefined;
  if (project) return project;
  // orm-human-8 K10: a relation read (here or in a def it calls) is a query, not "no ORM work".
  const read =
    fn.findings.ormSites === 0 && !reachesOrmWork(f, fn.calls)
      ? [fn, ...reachedFunctions(f, fn.calls)]
          .map((r) => relationRead(f, r.def.childForFieldName("body")!))
          .find(Boolean)
      : undefined;
  if (read)
    return kept(
      `${written} runs ${name} (line ${lineOf(def)}), which reads ${read.text} (line ${lineOf(read)}), ${relationKept(f, read)}${stored}`,
    );
  const publish = publishReason(f, def.childForFieldName("body")!, `${written} runs ${name}`);
  if (publish && fn.findings.ormSites === 0) return publish;
  if (fn.findings.ormSites === 0 && !reachesOrmWork(f, fn.calls))
    return kept(
      `${written} runs ${name} (line ${lineOf(def)}), which holds no Django ORM work with a native async form that this transform can see${stored}`,
    );
  const why = stored
    ? "the wrapper is stored, and its callers await it elsewhere"
    : database
      ? "calls are followed into project functions only through asgiref's sync_to_async: Channels' database_sync_to_async also closes stale database connections around the call, which a native async call does not do"
      : (otherUses(f, def) ??
        (decorators(def).length > 0
          ? "it is decorated, and an async def would change what its decorators wrap"
          : "it is not a plain function this transform follows into"));
  return {
    code: stored ? "AS207" : "AS208",
    message: `${written} runs ${name} (line ${lineOf(def)}), which does ORM work, but ${why}: give it an async form by hand`,
  };
}

/** "it is also named on line N" when the def's name is used elsewhere than the wrapper. */
function otherUses(f: OrmFile, def: SyntaxNode): string | undefined {
  const nameNode = def.childForFieldName("name")!;
  const scope = f.file.enclosingScope(def);
  const uses = f.file.referencesInScope(scope, nameNode.text);
  if (uses.length < 2) return undefined;
  const lines = [...new Set(uses.map(lineOf))].join(", ");
  return `it is named on lines ${lines}, and converting it would break the uses that stay sync`;
}

function importedReason(
  f: OrmFile,
  qualified: string,
  written: string,
  stored: string,
  database = false,
): Reason {
  const module = qualified.split(".").slice(0, -1).join(".");
  const index = f.ctx.project.index;
  const name = qualified.slice(module.length + 1);
  // The index names modules by id (the import root, when two services share a dotted name).
  const id = importedModuleId(f.file.module, module);
  // `@overload` stubs are no definitions (orm-review-4 P13).
  const stub = (fn: { decorators: string[] }) =>
    fn.decorators.some((d) => /(^|\.)overload$/.test(d));
  const named = index ? functionsNamed(index, name) : [];
  const decorated = named.find(
    (fn) => fn.module === id && !fn.className && fn.decorators.length > 0 && !stub(fn),
  );
  if (decorated)
    return {
      code: "AS208",
      message: `${written} kept${stored}: ${qualified} is decorated with @${decorated.decorators.join(", @")} (${decorated.path}:${decorated.line}), and decorated functions are not followed (a decorator may make a task object or wrap the call): if its body does ORM work, give it an async form by hand`,
    };
  const plain = (fn: { className?: string; nested: boolean }) => !fn.className && !fn.nested;
  const own = named.some((fn) => fn.module === id && plain(fn));
  // orm-review-4 P2: Channels' wrapper is followed in test code only (its connection handling).
  if (own && database)
    return {
      code: "AS208",
      message: `${written} kept${stored}: ${qualified} is a function of the project, and outside test code the chain behind database_sync_to_async is not followed: it also closes stale database connections around the call, which native async code does not; if no stale connection is at stake (a short-lived consumer), give it an async form by hand`,
    };
  if (own)
    return kept(
      `${written} runs ${qualified}, a function of the project whose calls reach no Django ORM call the project survey found (it does not see reads of relations, which may load rows lazily)${stored}`,
    );
  const ofProject = !!index && projectTopModules(index).has(module.split(".")[0]);
  // `from blog.services import bump_views`, where blog/services/__init__.py imports it.
  const defining = ofProject
    ? named.filter((fn) => fn.module.startsWith(`${id}.`) && plain(fn) && !stub(fn))
    : [];
  if (defining.length > 0) return reexportReason(f, written, stored, id, name, defining);
  if (ofProject)
    return kept(
      `${written} runs ${qualified}, a name of the project's module ${module} that the project index shows as no function (a class, an alias, or a name imported there): not followed${stored}`,
    );
  if (qualified.startsWith("django."))
    return kept(
      `${written} runs ${qualified}, a function of Django's with no native async form in Django's async API${stored}`,
    );
  if (!index || module.startsWith("."))
    return kept(
      `${written} runs ${qualified.replace(/^\.+/, "")}, imported from a module this run does not look into${stored}`,
    );
  return kept(
    `${written} runs ${qualified}, a library function with no native async form the transform knows${stored}`,
  );
}

/** `x.related` in `x.related.select_related(...).filter(...)`: below the queryset steps. */
function chainRoot(expr: SyntaxNode): SyntaxNode {
  let n = expr;
  for (;;) {
    const callee = n.type === "call" ? n.childForFieldName("function") : null;
    const method = callee?.type === "attribute" ? callee.childForFieldName("attribute")?.text : "";
    if (!callee || !method || !QUERYSET_RETURNING.has(method)) return n;
    n = callee.childForFieldName("object")!;
  }
}

/** `x.related.select_related(...).filter(...)`: a call chain with its arguments elided. */
function compactChain(expr: SyntaxNode): string {
  if (expr.type === "call") {
    const args = expr.childForFieldName("arguments");
    const callee = expr.childForFieldName("function")!;
    return `${compactChain(callee)}(${args && args.namedChildren.length > 0 ? "..." : ""})`;
  }
  if (expr.type === "attribute")
    return `${compactChain(expr.childForFieldName("object")!)}.${expr.childForFieldName("attribute")!.text}`;
  return shortText(expr);
}

function shortText(node: SyntaxNode): string {
  const text = node.text.replace(/\s+/g, " ");
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}
