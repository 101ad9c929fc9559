import {
  BLOCKING_METHODS,
  blockingMethod,
  LANGCHAIN_SEQUENCE,
  madeByMethod,
  CLIENT_COPIES,
  MAKER_OF,
  STORAGE_CLASS,
  STORAGES,
  type BlockingMethods,
} from "../../src/python/effects.js";
import type { FileSemantics, SyntaxNode } from "../../src/model/types.js";
import { absoluteName } from "../../src/python/relative-imports.js";
import { definitionNamed, isAsyncFunction } from "../../src/python/shapes.js";
import { ownMethod } from "../../src/python/mro.js";
import { selfAssignments, selfAttribute } from "./classes.js";
import { declaredHolder } from "./class-attributes.js";
import { unionMembers } from "../../src/python/type-annotations.js";
import { guardedImportName } from "../../src/python/guarded-imports.js";

/*
 * What made the value a method is called on, as the code shows it: a constructor call
 * (`Path(p).read_text()`, `r = redis.Redis(...)`), a `with Session(engine) as session:`, a
 * factory made at module level (`SessionLocal = sessionmaker(...)`, then `SessionLocal()`), or an
 * annotation (`db: Session`, FastAPI's `db: Session = Depends(get_db)`). A method's name alone
 * says nothing: `cache.get` is not a Session's `get`.
 */

/** Factories other modules of the project make, by absolute name: what their calls make. */
export type Makers = Readonly<Record<string, string>>;

/**
 * `session_maker = sessionmaker(bind=engine)` at module level: the product of the factory a
 * module makes under `name` (`sqlalchemy.orm.Session`), if it makes one.
 */
export function factoryProduct(file: FileSemantics, name: string): string | undefined {
  for (const statement of file.root.namedChildren) {
    const assignment =
      statement.type === "expression_statement" ? statement.namedChildren[0] : null;
    if (assignment?.type !== "assignment" || assignment.childForFieldName("left")?.text !== name)
      continue;
    const right = assignment.childForFieldName("right");
    const made = right?.type === "call" ? factoryOf(file, right) : undefined;
    return made ? MAKER_OF.get(made) : undefined;
  }
  return undefined;
}

/** The words a file must hold for a receiver's method to be one of the catalogue's. */
export const RECEIVER_WORDS =
  /\b(?:Session|session|Client|HTTPSConnection|HTTPConnection|sessionmaker|redis|Redis|Path|storages|sqlite3|OpenAI|AzureOpenAI|langchain\w*|instructor|mem0)\b/;

/** `storages["exports"]`: a Django storage (Django 4.2's registry of them). */
function madeBySubscript(file: FileSemantics, node: SyntaxNode): string | undefined {
  const value = node.childForFieldName("value");
  const named = value && (value.type === "identifier" || value.type === "attribute");
  return named && file.qualifiedName(value) === STORAGES ? STORAGE_CLASS : undefined;
}

/**
 * Where a value came from when a project factory made it (`conn = get_redis()`): the factory's
 * absolute name (`app.clients.get_redis`), set by the lookups that pass through it.
 */
export interface Seen {
  factory?: string;
  /** A factory of the file itself: its def. */
  def?: SyntaxNode;
  /** The factory is a FastAPI dependency (`Depends(generate_session)`), not called here. */
  dependency?: true;
}

/** The qualified name of what a call makes: `redis.Redis`, or the factory's product. */
function madeByCall(
  file: FileSemantics,
  call: SyntaxNode,
  depth: number,
  makers: Makers,
  seen?: Seen,
): string | undefined {
  const fn = call.childForFieldName("function");
  if (!fn || (fn.type !== "identifier" && fn.type !== "attribute")) return undefined;
  const qualified = file.qualifiedName(fn);
  // `instructor.from_openai(OpenAI(...))`: the client it wraps, requests and all (J13).
  const wrapped =
    qualified && WRAPS_CLIENT.has(qualified)
      ? call.childForFieldName("arguments")?.namedChildren[0]
      : undefined;
  if (wrapped && depth <= 1) return madeByValue(file, wrapped, depth + 1, makers);
  // `session_maker()` or `get_redis()`: a factory another module of the project makes or
  // defines (the survey read it).
  const absolute = qualified && absoluteName(qualified, file.module, file.path);
  if (absolute && makers[absolute]) {
    if (seen) seen.factory = absolute;
    return makers[absolute];
  }
  // `Local.make()`: a classmethod of a class of this file, annotated `-> Session` (Y26).
  const classMethod = fn.type === "attribute" ? fileClassMethod(file, fn) : undefined;
  const classProduct = classMethod && returnedProduct(file, classMethod, depth + 1);
  if (classProduct) return classProduct;
  if (qualified) return MAKER_OF.has(qualified) ? undefined : qualified;
  // `self.sync_redis.lock(...)`: what a catalogued value's method makes (a redis lock).
  const method = fn.type === "attribute" ? fn.childForFieldName("attribute")!.text : "";
  const from =
    method === "lock" || method === "submit"
      ? madeByValue(file, fn.childForFieldName("object")!, depth + 1, makers)
      : undefined;
  const ofMethod = madeByMethod(from, method);
  if (ofMethod) return ofMethod;
  // `azure.with_options(timeout=10)`: the same kind of client, configured.
  const copied = fn.type === "attribute" ? clientCopied(file, fn, depth, makers) : undefined;
  if (copied) return copied;
  // `self.session()`, where the class's `__init__` sets `self.session = sessionmaker(...)`.
  const held = fn.type === "attribute" ? heldBySelf(file, fn, depth, makers) : undefined;
  if (held) return MAKER_OF.get(held);
  // `self._resolve(path)`, a method of the class annotated `-> Path` (hazard-review-7 Y11).
  const own = fn.type === "attribute" ? selfAttribute(fn, file.enclosingFunction(fn)) : undefined;
  const annotated = own && ownMethod(own.cls, own.name);
  if (annotated && !isAsyncFunction(annotated)) return annotatedProduct(file, annotated, false);
  if (fn.type !== "identifier" || depth > 1) return undefined;
  // `get_redis()`, a sync def of this file returning a client.
  const def = moduleDef(file, fn.text);
  const product = def && returnedProduct(file, def, depth + 1);
  if (product && seen) seen.def = def;
  if (def) return product;
  // `SessionLocal()`: a name bound at module level to `sessionmaker(...)`.
  const factory = madeByName(file, fn, depth + 1, makers);
  return factory ? MAKER_OF.get(factory) : undefined;
}

/** `Local.make` with `Local` a module-level class of this file: its sync method `make`. */
function fileClassMethod(file: FileSemantics, fn: SyntaxNode): SyntaxNode | undefined {
  const owner = fn.childForFieldName("object");
  if (owner?.type !== "identifier" || file.importBindingOf(owner.text, owner)) return undefined;
  const cls = definitionNamed(file.root, "class_definition", owner.text);
  const def = cls && ownMethod(cls, fn.childForFieldName("attribute")!.text);
  return def && !isAsyncFunction(def) ? def : undefined;
}

/**
 * What `self.<name>` holds in a method, when every assignment the class's methods make to it
 * agrees: `self.client = redis.Redis(...)` gives `redis.Redis`, `self.session =
 * sessionmaker(...)` the factory.
 */
function heldBySelf(
  file: FileSemantics,
  node: SyntaxNode,
  depth: number,
  makers: Makers,
): string | undefined {
  const at = depth > 2 ? undefined : selfAttribute(node, file.enclosingFunction(node));
  if (!at) return undefined;
  const made = new Set(
    selfAssignments(at.cls, at.name).map((value) =>
      value.type === "call"
        ? (madeByCall(file, value, depth + 1, makers) ?? factoryOf(file, value))
        : value.type === "identifier"
          ? // `self.base_path = base_path`, the parameter annotated `base_path: Path`.
            madeByName(file, value, depth + 1, makers)
          : undefined,
    ),
  );
  const [held] = made;
  if (made.size === 1) return held;
  // `self.connection` made per deployment (a cluster, a sentinel's master, a pool): the branches
  // the code shows agree on a sync client; on those the call blocks (hazard-review-5 J17).
  const known = [...made].filter((m): m is string => m !== undefined && BLOCKING_METHODS.has(m));
  const entries = new Set(known.map((m) => BLOCKING_METHODS.get(m)));
  return entries.size === 1 ? known[0] : undefined;
}

/**
 * Functions that return the client they are given, patched (instructor's structured outputs over
 * an OpenAI client: hazard-review-5 J13, cognee's `instructor.from_openai(OpenAI(...))` in
 * `async def`): its requests are the client's.
 */
const WRAPS_CLIENT = new Set(["instructor.from_openai", "instructor.patch", "instructor.apatch"]);

/**
 * `prompt | model | parser`: a LangChain RunnableSequence, when an operand is a LangChain
 * runnable that makes requests (a model); its `invoke` runs them (hazard-review-5 J10).
 */
function pipedRunnable(
  file: FileSemantics,
  node: SyntaxNode,
  depth: number,
  makers: Makers,
): string | undefined {
  if (node.childForFieldName("operator")?.text !== "|" || depth > 1) return undefined;
  const operands: SyntaxNode[] = [];
  const flatten = (n: SyntaxNode): void => {
    if (n.type === "binary_operator" && n.childForFieldName("operator")?.text === "|") {
      flatten(n.childForFieldName("left")!);
      flatten(n.childForFieldName("right")!);
    } else operands.push(n);
  };
  flatten(node);
  const requests = operands.some((o) => {
    const made = madeByValue(file, o, depth + 1, makers);
    return made !== undefined && blockingMethod(made, "invoke") !== undefined;
  });
  return requests ? LANGCHAIN_SEQUENCE : undefined;
}

/** The key under which the survey records what a project generator yields (`Makers`). */
export const YIELDS = "yield:";

/**
 * `Depends(generate_session)` (FastAPI): what the dependency gives a request — what a generator
 * yields, or what a function returns — when it is a project function the survey read, or a def
 * of this file.
 */
function dependencyProduct(
  file: FileSemantics,
  value: SyntaxNode | null,
  makers: Makers,
  seen?: Seen,
): string | undefined {
  const fn = value?.type === "call" ? value.childForFieldName("function") : undefined;
  const qualified =
    fn && (fn.type === "identifier" || fn.type === "attribute") && file.qualifiedName(fn);
  if (qualified !== "fastapi.Depends" && qualified !== "fastapi.params.Depends") return undefined;
  if (seen) seen.dependency = true;
  const dependency = value!.childForFieldName("arguments")?.namedChildren[0];
  if (dependency?.type !== "identifier") return undefined;
  const binding = file.importBindingOf(dependency.text, dependency);
  if (!binding) {
    const def = moduleDef(file, dependency.text);
    const product = def && (yieldedProduct(file, def) ?? returnedProduct(file, def));
    if (product && seen) seen.def = def;
    return product;
  }
  const absolute = absoluteName(binding.qualified, file.module, file.path);
  const product = absolute && (makers[`${YIELDS}${absolute}`] ?? makers[absolute]);
  if (product && seen) seen.factory = absolute;
  return product || undefined;
}

/**
 * What a sync generator yields when every `yield` gives a value whose methods block, made alike
 * (`session = SessionLocal()` then `yield session`): a FastAPI dependency's value.
 */
export function yieldedProduct(file: FileSemantics, def: SyntaxNode): string | undefined {
  const yields = ownNodes(def, "yield");
  if (yields.length === 0) return undefined;
  // The annotation first: `sessionmaker(class_=Session)` makes SQLModel's Session, which the
  // values read as SQLAlchemy's (bisheng's `create_session() -> Generator[Session, Any, None]`).
  return annotatedProduct(file, def, true) ?? yieldedByValues(file, yields);
}

/** What every `yield` gives, made alike. */
function yieldedByValues(file: FileSemantics, yields: SyntaxNode[]): string | undefined {
  const made = new Set(
    yields.map((node) => {
      const value = node.namedChildren[0];
      if (value?.type === "call") return madeByCall(file, value, 0, {});
      return value?.type === "identifier" ? madeByName(file, value, 0) : undefined;
    }),
  );
  const [product] = made;
  return made.size === 1 && product && BLOCKING_METHODS.has(product) ? product : undefined;
}

/** `client.with_options`: the kind of SDK client `client` is, when that is a copy of it. */
function clientCopied(
  file: FileSemantics,
  fn: SyntaxNode,
  depth: number,
  makers: Makers,
): string | undefined {
  if (depth > 1 || !CLIENT_COPIES.has(fn.childForFieldName("attribute")!.text)) return undefined;
  const made = madeByValue(file, fn.childForFieldName("object")!, depth + 1, makers);
  return made && BLOCKING_METHODS.get(made)?.resources ? made : undefined;
}

/** A module-level sync def of the file by name (decorated or not). */
export function moduleDef(file: FileSemantics, name: string): SyntaxNode | undefined {
  const def = definitionNamed(file.root, "function_definition", name);
  return def && !isAsyncFunction(def) ? def : undefined;
}

/** The statements a def runs itself: not those of nested defs, lambdas or classes. */
function ownNodes(def: SyntaxNode, type: string): SyntaxNode[] {
  const found: SyntaxNode[] = [];
  const visit = (node: SyntaxNode): void => {
    if (["function_definition", "lambda", "class_definition"].includes(node.type)) return;
    if (node.type === type) found.push(node);
    for (const child of node.namedChildren) visit(child);
  };
  for (const statement of def.childForFieldName("body")?.namedChildren ?? []) visit(statement);
  return found;
}

/**
 * What a sync def returns when every `return` gives a value whose methods block, made alike
 * (`return Redis.from_url(URL)`, `client = redis.Redis(...)` then `return client`): a factory
 * like `get_redis()`. A generator (it yields) returns no client, nor does a def that may return
 * something else (`return None` on one path).
 */
export function returnedProduct(
  file: FileSemantics,
  def: SyntaxNode,
  depth = 0,
): string | undefined {
  if (ownNodes(def, "yield").length > 0) return undefined;
  const made = new Set(
    ownNodes(def, "return_statement").map((statement) => {
      const value = statement.namedChildren[0];
      if (value?.type === "call") return madeByCall(file, value, depth, {});
      return value?.type === "identifier" ? madeByName(file, value, depth) : undefined;
    }),
  );
  const [product] = made;
  if (made.size === 1 && product && BLOCKING_METHODS.has(product)) return product;
  return annotatedProduct(file, def, false);
}

/** `Generator[Session, None, None]`, `Iterator[Session]`: a generator's yield type first. */
const GENERATOR = /^(typing\.|collections\.abc\.)?(Generator|Iterator|Iterable)$/;

/**
 * What the def's return annotation says it gives, when that is a value whose methods block:
 * `-> redis.Redis` on a lazy singleton (`global _client; if _client is None: _client =
 * redis.from_url(...)`; hazard-review-4 K11, SurfSense's `get_redis_client`), `-> Redis | None`,
 * a generator's `-> Generator[Session, None, None]` (hazard-review-3 H8, mealie's
 * `generate_session`, whose `SessionLocal` comes from a tuple the code cannot read).
 */
function annotatedProduct(
  file: FileSemantics,
  def: SyntaxNode,
  yields: boolean,
): string | undefined {
  let node: SyntaxNode | null | undefined = def.childForFieldName("return_type");
  if (node?.type === "type") node = node.namedChildren[0];
  if (yields) {
    const [name, parameters] = node?.type === "generic_type" ? node.namedChildren : [];
    if (!name || !GENERATOR.test(name.text)) return undefined;
    node = parameters?.namedChildren[0]?.namedChildren[0];
  }
  const qualified = annotatedMaker(file, node);
  return qualified && BLOCKING_METHODS.has(qualified) ? qualified : undefined;
}

/**
 * The class an annotation says a value is: one class (`Redis`, `Session | None`,
 * `Optional[Session]`), or the first of a union whose classes the catalogue holds alike
 * (`Union[Redis, RedisCluster]`, both sync redis clients: hazard-review-7 Y12, agno's
 * `_ensure_sync_client()`).
 */
function annotatedMaker(file: FileSemantics, node: SyntaxNode | null | undefined) {
  const members = unionMembers(node);
  if (!members || members.length === 0) return undefined;
  // `except ImportError: Redis = Any`: still redis's class where the annotation names it.
  const named = members.map((m) => file.qualifiedName(m) ?? guardedImportName(file, m));
  if (named.length === 1) return named[0];
  const entries = new Set(named.map((q) => (q ? BLOCKING_METHODS.get(q) : undefined)));
  return entries.size === 1 && [...entries][0] ? named[0] : undefined;
}

/** What every binding of `name` visible at `name` was made by, when they agree. */
export function madeByName(
  file: FileSemantics,
  name: SyntaxNode,
  depth: number,
  makers: Makers = {},
  seen?: Seen,
): string | undefined {
  for (let scope = file.enclosingScope(name); ; scope = file.enclosingScope(scope)) {
    const bindings = scope.type === "class_definition" ? [] : file.bindingsNamed(scope, name.text);
    if (bindings.length > 0) {
      const made = new Set(bindings.map((b) => madeByBinding(file, b.node, depth, makers, seen)));
      if (made.size === 1) return [...made][0];
      // One branch binds a sync client, the others something unread (`openai_client =
      // state.openai_client`): on that branch the call blocks (hazard-review-3 H2b, khoj).
      const known = [...made].filter((m) => m !== undefined);
      return known.length === 1 && BLOCKING_METHODS.has(known[0]) ? known[0] : undefined;
    }
    if (scope.type === "module") return undefined;
  }
}

/** What one binding of a name holds: the call it is assigned, the `with` item, the annotation. */
function madeByBinding(
  file: FileSemantics,
  node: SyntaxNode,
  depth: number,
  makers: Makers,
  seen?: Seen,
): string | undefined {
  const parent = node.parent;
  if (!parent) return undefined;
  // `session=Depends(generate_session)`: what FastAPI passes, the dependency's yield or return.
  if (parent.type === "default_parameter" && parent.childForFieldName("name")?.id === node.id)
    return dependencyProduct(file, parent.childForFieldName("value"), makers, seen);
  if (parent.type === "typed_parameter" || parent.type === "typed_default_parameter")
    return annotatedMaker(file, parent.childForFieldName("type"));
  if (parent.type === "assignment" && parent.childForFieldName("left")?.id === node.id) {
    const right = parent.childForFieldName("right");
    const annotation = parent.childForFieldName("type")?.namedChildren[0];
    if (right?.type === "call")
      return madeByCall(file, right, depth, makers, seen) ?? factoryOf(file, right);
    if (right?.type === "subscript") return madeBySubscript(file, right);
    if (right?.type === "binary_operator")
      return (
        pipedRunnable(file, right, depth, makers) ?? madeByExpression(file, right, depth, makers)
      );
    if (right?.type === "conditional_expression")
      return madeByExpression(file, right, depth, makers);
    return annotation ? annotatedMaker(file, annotation) : undefined;
  }
  if (parent.type === "for_statement" && parent.childForFieldName("left")?.id === node.id)
    return pathListed(file, parent, depth, makers);
  // `with Session(engine) as session:`
  if (parent.type === "as_pattern_target" || parent.type === "as_pattern") {
    const pattern = parent.type === "as_pattern" ? parent : parent.parent;
    const value = pattern?.namedChildren[0];
    return value?.type === "call" ? madeByCall(file, value, depth, makers, seen) : undefined;
  }
  return undefined;
}

/** `sessionmaker(bind=engine)` itself: the factory, for a later `SessionLocal()`. */
function factoryOf(file: FileSemantics, call: SyntaxNode): string | undefined {
  const fn = call.childForFieldName("function");
  const qualified =
    fn && (fn.type === "identifier" || fn.type === "attribute")
      ? file.qualifiedName(fn)
      : undefined;
  return qualified && MAKER_OF.has(qualified) ? qualified : undefined;
}

/** The catalogue's entry for `receiver.method(...)`, with what made the receiver. */
export function blockingReceiverCall(
  file: FileSemantics,
  callee: SyntaxNode,
  makers: Makers = {},
  seen?: Seen,
): BlockingMethods | undefined {
  if (callee.type !== "attribute") return undefined;
  const receiver = callee.childForFieldName("object")!;
  const method = callee.childForFieldName("attribute")!.text;
  const direct = blockingMethod(madeByValue(file, receiver, 0, makers, seen), method);
  return direct ?? resourceCall(file, receiver, method, makers, seen);
}

/** `Trade.session` with `session: ClassVar[scoped_session[Session]]` in the class: that class. */
function declaredClass(file: FileSemantics, receiver: SyntaxNode): string | undefined {
  const declared = declaredHolder(file, receiver);
  return declared && "qualified" in declared ? declared.qualified : undefined;
}

/** What made a receiver: a call, a name, `storages[...]`, `self.<attribute>`. */
export function madeByValue(
  file: FileSemantics,
  receiver: SyntaxNode,
  depth: number,
  makers: Makers,
  seen?: Seen,
): string | undefined {
  return receiver.type === "call"
    ? madeByCall(file, receiver, depth, makers, seen)
    : receiver.type === "identifier"
      ? madeByName(file, receiver, depth, makers, seen)
      : receiver.type === "subscript"
        ? madeBySubscript(file, receiver)
        : receiver.type === "attribute"
          ? (heldBySelf(file, receiver, depth, makers) ??
            declaredClass(file, receiver) ??
            pathAttribute(file, receiver, depth, makers))
          : receiver.type === "parenthesized_expression" && receiver.namedChildren[0]
            ? madeByValue(file, receiver.namedChildren[0], depth, makers, seen)
            : receiver.type === "binary_operator" || receiver.type === "conditional_expression"
              ? madeByExpression(file, receiver, depth, makers)
              : undefined;
}

/** A pathlib.Path's attributes that are Paths themselves. */
const PATH_ATTRIBUTES = new Set(["parent"]);

/** `full_path.parent`: a Path's parent directory, a Path. */
function pathAttribute(
  file: FileSemantics,
  node: SyntaxNode,
  depth: number,
  makers: Makers,
): string | undefined {
  if (depth > 3 || !PATH_ATTRIBUTES.has(node.childForFieldName("attribute")!.text))
    return undefined;
  const of = madeByValue(file, node.childForFieldName("object")!, depth + 1, makers);
  return of === PATH ? PATH : undefined;
}

const PATH = "pathlib.Path";

/**
 * `base / name` on a Path (a Path), `a if test else b` whose sides agree: what the expression
 * gives.
 */
function madeByExpression(
  file: FileSemantics,
  node: SyntaxNode,
  depth: number,
  makers: Makers,
): string | undefined {
  if (depth > 3) return undefined;
  if (node.type === "binary_operator") {
    if (node.childForFieldName("operator")?.text !== "/") return undefined;
    const left = madeByValue(file, node.childForFieldName("left")!, depth + 1, makers);
    return left === PATH ? PATH : undefined;
  }
  const [body, , otherwise] = node.namedChildren;
  const a = body && madeByValue(file, body, depth + 1, makers);
  const b = otherwise && madeByValue(file, otherwise, depth + 1, makers);
  return a && a === b ? a : undefined;
}

/** `for item in base.rglob("*"):` over a Path's listing: each item is a Path. */
function pathListed(
  file: FileSemantics,
  loop: SyntaxNode,
  depth: number,
  makers: Makers,
): string | undefined {
  const listing = loop.childForFieldName("right");
  const fn = listing?.type === "call" ? listing.childForFieldName("function") : undefined;
  if (fn?.type !== "attribute" || !PATH_LISTINGS.has(fn.childForFieldName("attribute")!.text))
    return undefined;
  const of = madeByValue(file, fn.childForFieldName("object")!, depth + 1, makers);
  return of === PATH ? PATH : undefined;
}

const PATH_LISTINGS = new Set(["iterdir", "glob", "rglob"]);

/**
 * `client.chat.completions.create(...)`: a method of a resource (one attribute or more) of an
 * SDK client whose requests are such calls (OpenAI's), but for those that only configure it.
 */
function resourceCall(
  file: FileSemantics,
  receiver: SyntaxNode,
  method: string,
  makers: Makers,
  seen?: Seen,
): BlockingMethods | undefined {
  const path = [method];
  for (let node = receiver; node.type === "attribute";) {
    path.push(node.childForFieldName("attribute")!.text);
    node = node.childForFieldName("object")!;
    const entry = BLOCKING_METHODS.get(madeByValue(file, node, 0, makers, seen) ?? "");
    if (entry?.resources)
      return path.some((name) => entry.resources!.except.has(name)) ? undefined : entry;
  }
  return undefined;
}
