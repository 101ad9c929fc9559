import {
  blockingMethod,
  MAKER_OF,
  STORAGE_CLASS,
  STORAGES,
  type BlockingMethods,
} from "../../src/python/effects.js";
import type { FileSemantics, SyntaxNode } from "../../src/model/types.js";
import { absoluteName } from "../../src/python/relative-imports.js";

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
export const RECEIVER_WORDS = /\b(?:Session|sessionmaker|redis|Redis|Path|storages)\b/;

/** `storages["exports"]`: a Django storage (Django 4.2's registry of them). */
function madeBySubscript(file: FileSemantics, node: SyntaxNode): string | undefined {
  const value = node.childForFieldName("value");
  const named = value && (value.type === "identifier" || value.type === "attribute");
  return named && file.qualifiedName(value) === STORAGES ? STORAGE_CLASS : undefined;
}

/** The qualified name of what a call makes: `redis.Redis`, or the factory's product. */
function madeByCall(
  file: FileSemantics,
  call: SyntaxNode,
  depth: number,
  makers: Makers,
): string | undefined {
  const fn = call.childForFieldName("function");
  if (!fn || (fn.type !== "identifier" && fn.type !== "attribute")) return undefined;
  const qualified = file.qualifiedName(fn);
  // `session_maker()`, a factory another module of the project makes (the survey read it).
  const absolute = qualified && absoluteName(qualified, file.module, file.path);
  if (absolute && makers[absolute]) return makers[absolute];
  if (qualified) return MAKER_OF.has(qualified) ? undefined : qualified;
  // `SessionLocal()`: a name bound at module level to `sessionmaker(...)`.
  if (fn.type !== "identifier" || depth > 1) return undefined;
  const factory = madeByName(file, fn, depth + 1, makers);
  return factory ? MAKER_OF.get(factory) : undefined;
}

/** What every binding of `name` visible at `name` was made by, when they agree. */
export function madeByName(
  file: FileSemantics,
  name: SyntaxNode,
  depth: number,
  makers: Makers = {},
): string | undefined {
  for (let scope = file.enclosingScope(name); ; scope = file.enclosingScope(scope)) {
    const bindings = scope.type === "class_definition" ? [] : file.bindingsNamed(scope, name.text);
    if (bindings.length > 0) {
      const made = new Set(bindings.map((b) => madeByBinding(file, b.node, depth, makers)));
      return made.size === 1 ? [...made][0] : undefined;
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
): string | undefined {
  const parent = node.parent;
  if (!parent) return undefined;
  if (parent.type === "typed_parameter" || parent.type === "typed_default_parameter") {
    const type = parent.childForFieldName("type")?.namedChildren[0];
    return type && (type.type === "identifier" || type.type === "attribute")
      ? file.qualifiedName(type)
      : undefined;
  }
  if (parent.type === "assignment" && parent.childForFieldName("left")?.id === node.id) {
    const right = parent.childForFieldName("right");
    const annotation = parent.childForFieldName("type")?.namedChildren[0];
    if (right?.type === "call")
      return madeByCall(file, right, depth, makers) ?? factoryOf(file, right);
    if (right?.type === "subscript") return madeBySubscript(file, right);
    return annotation && (annotation.type === "identifier" || annotation.type === "attribute")
      ? file.qualifiedName(annotation)
      : undefined;
  }
  // `with Session(engine) as session:`
  if (parent.type === "as_pattern_target" || parent.type === "as_pattern") {
    const pattern = parent.type === "as_pattern" ? parent : parent.parent;
    const value = pattern?.namedChildren[0];
    return value?.type === "call" ? madeByCall(file, value, depth, makers) : undefined;
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
): BlockingMethods | undefined {
  if (callee.type !== "attribute") return undefined;
  const receiver = callee.childForFieldName("object")!;
  const method = callee.childForFieldName("attribute")!.text;
  const madeBy =
    receiver.type === "call"
      ? madeByCall(file, receiver, 0, makers)
      : receiver.type === "identifier"
        ? madeByName(file, receiver, 0, makers)
        : receiver.type === "subscript"
          ? madeBySubscript(file, receiver)
          : undefined;
  return blockingMethod(madeBy, method);
}
