import { relative } from "node:path";
import { callArguments } from "../../src/python/calls.js";
import { callsNamed, functionsNamed } from "../../src/project/index-lookup.js";
import type { IndexedCall, SyntaxNode } from "../../src/model/types.js";
import type { Conversion, OrmFile, Problem, ScanMode } from "./types.js";
import { isAdrfRequest } from "./drf-requests.js";
import { isRelatedManagerOf, RUN_TIME_USER } from "../../src/django/user-model.js";

// `request.user` is a SimpleLazyObject: the first use loads the user (and the session) with sync
// queries. Building a query from it (`filter(customer=request.user)`, `request.user.pk`) is such a
// use, so in async code it raises SynchronousOnlyOperation; under sync_to_async it ran in the
// worker thread (AS212).

/** What to do instead, for the request expression `request` (`request`, `self.request`). */
function fixFor(request: string): string {
  return `load it first with \`user = await ${request}.auser()\` (Django 5.0+) and use \`user\`; \`${request}.user.pk\` and \`${request}.user.id\` load it too`;
}

/** Annotations that name a request class: `HttpRequest`, `http.HttpRequest`, `ASGIRequest`. */
const REQUEST_ANNOTATION = /(^|\.)(Http|ASGI|WSGI)?Request$/;

/** The first `<request>.user` in `region`, if any. */
export function lazyUserIn(f: OrmFile, region: SyntaxNode): SyntaxNode | undefined {
  const attributes = region.type === "attribute" ? [region] : [];
  attributes.push(...region.descendantsOfType("attribute"));
  return attributes.find(
    (a) =>
      a.childForFieldName("attribute")?.text === "user" &&
      isRequest(f, a.childForFieldName("object")!),
  );
}

/**
 * orm-human-6 G10: `request.user` in a view whose project decorator loaded it (G9) is an instance
 * of the user model (`userModel`, the file's; else `User`), for its related managers.
 */
export function loadedRequestUser(
  f: OrmFile,
  expr: SyntaxNode,
): { model: string; selected: Set<string> } | undefined {
  const request = expr.type === "attribute" ? expr.childForFieldName("object") : undefined;
  if (expr.childForFieldName("attribute")?.text !== "user" || request?.type !== "identifier")
    return undefined;
  if (!userReplacedByDecorator(f, request) && !isAdrfRequest(f, request)) return undefined;
  return { model: f.proofs.userModel ?? "User", selected: new Set() };
}

/**
 * `request.user.<name>` where `<name>` is a related manager of the user model and `request.user` is
 * Django's lazy user (orm-human-6 G10): what blocks is the lazy object, said with the way out.
 */
export function lazyUserRelatedSaid(
  f: OrmFile,
  receiver: SyntaxNode,
  method: string,
): { code: "AS212" | "AS215"; said: string } | undefined {
  const user = receiver.type === "attribute" ? receiver.childForFieldName("object")! : undefined;
  const name = receiver.childForFieldName("attribute")?.text ?? "";
  if (user && f.proofs.userModel === RUN_TIME_USER && isUserModelName(f, user))
    return {
      code: "AS215",
      said: `${user.text} is get_user_model(), and the settings compute AUTH_USER_MODEL at run time: which class's ${receiver.text}.${method}() runs is not known here (Django's own UserManager has a${method}() from Django 5.2, a project's manager may not)`,
    };
  if (!user || lazyUserIn(f, user) !== user) return undefined;
  if (!isRelatedManagerOf(f.ctx.project, f.proofs.userModel ?? "User", name, f.proofs.userModel))
    return undefined;
  const request = requestOf(user);
  return {
    code: "AS212",
    said: `${receiver.text} is a related manager of the user model, but ${user.text} is Django's lazy user (SimpleLazyObject), which loads with a sync query in async code: load it first with \`user = await ${request}.auser()\` (Django 5.0+), then await \`user.${name}.a${method}()\` with the same arguments`,
  };
}

/** `User` bound by `User = get_user_model()`, or the call itself. */
function isUserModelName(f: OrmFile, expr: SyntaxNode): boolean {
  const isCall = (e: SyntaxNode | null | undefined) =>
    e?.type === "call" &&
    f.file.qualifiedName(e.childForFieldName("function")!) === "django.contrib.auth.get_user_model";
  if (isCall(expr)) return true;
  if (expr.type !== "identifier") return false;
  const bound = f.file.visibleBindings(expr, expr.text);
  return bound.length > 0 && bound.every((b) => isCall(b.node.parent?.childForFieldName("right")));
}

/**
 * orm-review-7 S24: `request.user` of a bare `request` or `self.request` is Django's lazy user;
 * `ctx.request.user` is that only if `ctx.request` is Django's HttpRequest (a GraphQL context's
 * request may be another class holding a loaded user): said as a condition, never claimed.
 */
function lazyClaim(user: SyntaxNode): string {
  const request = user.childForFieldName("object")!;
  const owner = request.type === "attribute" ? request.childForFieldName("object")!.text : "self";
  return owner === "self"
    ? "is a lazy object (SimpleLazyObject)"
    : `is a lazy object (SimpleLazyObject) if ${request.text} is Django's HttpRequest (its AuthenticationMiddleware's user; another request class may hold a loaded user)`;
}

/** `request` in `request.user`. */
function requestOf(user: SyntaxNode): string {
  return user.childForFieldName("object")!.text;
}

/** `request`, `self.request`, or a parameter annotated with a request class. */
function isRequest(f: OrmFile, expr: SyntaxNode): boolean {
  if (userReplacedByDecorator(f, expr) || isAdrfRequest(f, expr)) return false;
  if (expr.type === "attribute") return expr.childForFieldName("attribute")?.text === "request";
  if (expr.type !== "identifier") return false;
  if (isStarletteRequest(f, expr)) return false;
  const parameters =
    f.file.enclosingDef(expr)?.childForFieldName("parameters")?.namedChildren ?? [];
  const typed = parameters.find(
    (p) => p.type.startsWith("typed") && p.namedChildren[0]?.text === expr.text,
  );
  const type = typed?.childForFieldName("type");
  // `request: AuthRequest` (a Starlette request): its user is whatever that class returns.
  if (type) return isDjangoRequestType(f, type);
  return expr.text === "request";
}

/** An annotation naming Django's or DRF's request class (`HttpRequest`, `http.HttpRequest`, ...). */
function isDjangoRequestType(f: OrmFile, type: SyntaxNode): boolean {
  const text = type.text.replace(/\s/g, "").replace(/^(['"])(.*)\1$/, "$2");
  if (!REQUEST_ANNOTATION.test(text)) return false;
  const head = text.split(".")[0];
  const qualified = f.file.importBindingOf(head, type)?.qualified ?? "";
  // Unresolved (a string annotation, a name this file does not import): taken as Django's.
  return qualified === "" || /^(django|rest_framework|channels)\b/.test(qualified);
}

/** The part of a conversion that is evaluated where it stands: a loop's iterable, not its body. */
function evaluatedPart(c: Conversion): SyntaxNode {
  if (c.node.type === "for_statement" || c.node.type === "for_in_clause")
    return c.node.childForFieldName("right") ?? c.node;
  return c.node;
}

/** A conversion whose query is built from a lazy request.user: the rewrite is refused. */
export function lazyQueryProblem(f: OrmFile, c: Conversion, mode: ScanMode): Problem | undefined {
  const user = lazyUserIn(f, evaluatedPart(c));
  if (!user) return undefined;
  const where =
    mode === "async"
      ? "building this query loads it with a sync query, which raises SynchronousOnlyOperation in async code"
      : "converted, building this query would load it with a sync query on the event loop (SynchronousOnlyOperation); the wrapper loads it in its worker thread";
  return {
    code: "AS212",
    node: user,
    message: `${user.text} ${lazyClaim(user)}: ${where}: ${fixFor(requestOf(user))}`,
  };
}

/** The names of a def's parameters, in order (`*args` and `**kwargs` without their stars). */
function parameterNames(def: SyntaxNode): string[] {
  const parameters = def.childForFieldName("parameters")?.namedChildren ?? [];
  return parameters.map((p) =>
    p.type === "identifier"
      ? p.text
      : (p.childForFieldName("name")?.text ?? p.namedChildren[0]?.text ?? ""),
  );
}

/**
 * Parameters of `def` its body uses. Any use of a lazy object but passing it on loads it
 * (`filter(customer=user)`, `user.pk`, `print(user)`), and in a wrapper's body it is passed on to
 * nothing that stays lazy, so every parameter used counts.
 */
function parametersUsed(def: SyntaxNode): Set<string> {
  const names = new Set(parameterNames(def));
  const used = new Set<string>();
  for (const id of def.childForFieldName("body")?.descendantsOfType("identifier") ?? [])
    if (names.has(id.text)) used.add(id.text);
  return used;
}

/**
 * A caller that hands `<request>.user` to a parameter the wrapper `def` uses: converted, the body
 * would load it on the event loop. Calls in this file are
 * read from the tree; calls in other files from the project index (which records whether a call's
 * arguments mention `request.user`, not which argument does). No caller seen: no problem.
 */
export function lazyCallerProblem(f: OrmFile, def: SyntaxNode): Problem | undefined {
  const flowing = parametersUsed(def);
  if (flowing.size === 0) return undefined;
  const name = def.childForFieldName("name")!.text;
  const local = sameFileLazyArgument(f, def, name, flowing);
  if (local)
    return {
      code: "AS212",
      node: local,
      message: `${local.text} passed at line ${local.startPosition.row + 1} is a lazy object (SimpleLazyObject): ${usedOnLoop(name)}. To convert, ${fixFor(requestOf(local))}`,
    };
  const remote = otherFileLazyCall(f, name);
  if (!remote) return undefined;
  return {
    code: "AS212",
    node: def.childForFieldName("name")!,
    message: `the call ${remote.callee}(...) at ${remote.path}:${remote.line} passes request.user, a lazy object (SimpleLazyObject) when that request is Django's (the project index does not show its type): ${usedOnLoop(name)}. To convert, ${fixFor("request")}; if that request is another framework's (Starlette, FastAPI), its user is no lazy object and the wrapper can be converted by hand`,
  };
}

function usedOnLoop(name: string): string {
  return `converted, ${name}() would use it on the event loop, where its first use loads it with a sync query (SynchronousOnlyOperation); the wrapper loads it in its worker thread`;
}

/** The first `<request>.user` argument a call in this file passes to a flowing parameter. */
function sameFileLazyArgument(
  f: OrmFile,
  def: SyntaxNode,
  name: string,
  flowing: Set<string>,
): SyntaxNode | undefined {
  const parameters = parameterNames(def);
  for (const call of f.root.descendantsOfType("call")) {
    const callee = call.childForFieldName("function")!;
    const bound = callee.type === "attribute" && ["self", "cls"].includes(chainHead(callee));
    if (callee.type === "identifier" ? callee.text !== name : !bound) continue;
    if (bound && callee.childForFieldName("attribute")?.text !== name) continue;
    const offset = bound ? 1 : 0;
    for (const [i, arg] of callArguments(call).entries()) {
      const target =
        arg.type === "keyword_argument"
          ? arg.childForFieldName("name")?.text
          : arg.type.endsWith("splat")
            ? undefined // `*args`: any parameter
            : parameters[i + offset];
      if (target !== undefined && !flowing.has(target)) continue;
      const user = lazyUserIn(f, arg);
      // `request.user.pk` is loaded by the caller: the wrapper is handed a plain value.
      if (user && user.parent?.type !== "attribute") return user;
    }
  }
  return undefined;
}

function chainHead(attribute: SyntaxNode): string {
  return attribute.childForFieldName("object")?.text ?? "";
}

/** A call in another file, to a function of this name, whose arguments mention request.user. */
function otherFileLazyCall(f: OrmFile, name: string): IndexedCall | undefined {
  const index = f.ctx.project.index;
  if (!index) return undefined;
  const here = relative(index.root, f.absolutePath).split("\\").join("/");
  const starlette = f.ctx.project.starletteRequests?.paths ?? [];
  return callsNamed(index, name).find(
    (c) =>
      c.passesUser &&
      c.path !== here &&
      !starlette.some((p) => p === c.path || p.endsWith(`/${c.path}`)),
  );
}

/**
 * A parameter annotated with a starlette/FastAPI request class (imported from starlette or
 * fastapi, or a project class on such a base): its `user` is no lazy Django user (orm-review D3).
 */
function isStarletteRequest(f: OrmFile, expr: SyntaxNode): boolean {
  const parameters =
    f.file.enclosingDef(expr)?.childForFieldName("parameters")?.namedChildren ?? [];
  const own = parameters.find(
    (p) => p.type.startsWith("typed") && p.namedChildren[0]?.text === expr.text,
  );
  const type = own?.childForFieldName("type")?.namedChildren[0];
  if (!type || (type.type !== "identifier" && type.type !== "attribute")) return false;
  const qualified = f.file.qualifiedName(type) ?? type.text;
  if (/^(?:starlette|fastapi)\./.test(qualified)) return true;
  const classes = f.ctx.project.starletteRequests?.classes ?? [];
  return classes.includes(qualified.split(".").pop()!);
}

/**
 * orm-human-6 G9: the view holding `expr` (or a def around it) is decorated by a project decorator
 * whose wrapper sets `request.user` to a value before calling it (`@jwt_required` assigning the
 * token's user): there `request.user` is that value, not Django's lazy user.
 */
function userReplacedByDecorator(f: OrmFile, expr: SyntaxNode): boolean {
  const assigning = f.ctx.project.userAssigningDecorators;
  if (!assigning) return false;
  const index = f.ctx.project.index;
  for (let def = f.file.enclosingDef(expr); def; def = f.file.enclosingDef(def)) {
    const decorated = def.parent?.type === "decorated_definition" ? def.parent : undefined;
    for (const decorator of decorated?.namedChildren ?? []) {
      if (decorator.type !== "decorator") continue;
      let written = decorator.namedChildren[0];
      if (written?.type === "call") written = written.childForFieldName("function") ?? written;
      const name = written?.text.split(".").pop() ?? "";
      if (!assigning.includes(name)) continue;
      const own = index
        ? functionsNamed(index, name).some((fn) => !fn.className)
        : f.root.namedChildren.some(
            (s) => s.type === "function_definition" && s.childForFieldName("name")?.text === name,
          );
      if (own) return true;
    }
  }
  return false;
}
