import { BLOCKING_METHODS, MAKER_OF } from "../../src/python/effects.js";
import { methodResolutionOrder } from "../../src/python/mro.js";
import { absoluteName } from "../../src/python/relative-imports.js";
import {
  annotatedClassName,
  classBodyAnnotation,
  moduleAliasValue,
} from "../../src/python/type-annotations.js";
import type { FileSemantics, SyntaxNode } from "../../src/model/types.js";
import { clsAttribute } from "./instances.js";
import { selfAttribute } from "./classes.js";
import type { FactoryUse } from "./sessions.js";

/*
 * Values a class declares in its body (hazard-review-6 V13, freqtrade): `session:
 * ClassVar[SessionType]` on the model, `SessionType = scoped_session[Session]` in another module,
 * the registry bound at start-up (`Trade.session = scoped_session(sessionmaker(...))`). Each
 * `Trade.session.scalars(query)` in a helper an `async def` calls is a sync database round trip.
 * The annotation is what the code says the attribute holds; an alias defined in another module of
 * the project is resolved by the survey (its key).
 */

/** What a class attribute is declared to hold: a qualified class, or a project alias to ask. */
export type Declared = { qualified: string; holder: string } | { alias: string; holder: string };

/** `Trade.session` (a class of this file), `cls.session` in a classmethod, `self.session`. */
function classAttribute(
  file: FileSemantics,
  node: SyntaxNode,
): { cls: SyntaxNode; name: string } | undefined {
  if (node.type !== "attribute") return undefined;
  const enclosing = file.enclosingFunction(node);
  const own = selfAttribute(node, enclosing) ?? clsAttribute(node, enclosing);
  if (own) return own;
  const owner = node.childForFieldName("object");
  if (owner?.type !== "identifier") return undefined;
  const bindings = file.visibleBindings(owner, owner.text);
  const cls = bindings.length === 1 ? bindings[0].node.parent : undefined;
  return cls?.type === "class_definition" && cls.parent?.type === "module"
    ? { cls, name: node.childForFieldName("attribute")!.text }
    : undefined;
}

/** The annotation of `name` in the class's body or a base of this file's, nearest first. */
function annotationOf(cls: SyntaxNode, name: string): SyntaxNode | undefined {
  for (const c of methodResolutionOrder(cls) ?? [{ kind: "local" as const, node: cls }]) {
    if (c.kind !== "local") return undefined;
    const found = classBodyAnnotation(c.node, name);
    if (found) return found;
  }
  return undefined;
}

/**
 * What a type name stands for: through the file's own aliases (`SessionType =
 * scoped_session[Session]`) to a qualified class, or the absolute name of a project alias.
 */
function resolvedType(
  file: FileSemantics,
  name: SyntaxNode | undefined,
  depth = 0,
): { qualified: string } | { alias: string } | undefined {
  if (!name || depth > 3) return undefined;
  if (name.type === "identifier" && !file.importBindingOf(name.text, name)) {
    const value = moduleAliasValue(file.root, name.text);
    return value ? resolvedType(file, annotatedClassName(value), depth + 1) : undefined;
  }
  const qualified = file.qualifiedName(name);
  if (!qualified) return undefined;
  if (BLOCKING_METHODS.has(qualified) || MAKER_OF.has(qualified)) return { qualified };
  // Another name imported from the project may be an alias of its module: the survey asks it.
  const binding = name.type === "identifier" ? file.importBindingOf(name.text, name) : undefined;
  const absolute = binding && absoluteName(binding.qualified, file.module, file.path);
  return absolute?.includes(".") ? { alias: absolute } : { qualified };
}

/** What `receiver` (`Trade.session`) is declared to hold by its class, and the declaration. */
export function declaredHolder(file: FileSemantics, receiver: SyntaxNode): Declared | undefined {
  const at = classAttribute(file, receiver);
  const annotation = at && annotationOf(at.cls, at.name);
  const resolved = annotation && resolvedType(file, annotatedClassName(annotation));
  if (!resolved) return undefined;
  const holder = `${at!.cls.childForFieldName("name")!.text}.${at!.name}: ${annotation!.text}`;
  return { ...resolved, holder };
}

/** `SessionType = scoped_session[Session]` at module level: the catalogued class it names. */
export function aliasedClass(file: FileSemantics, name: string): string | undefined {
  const value = moduleAliasValue(file.root, name);
  const resolved = value && resolvedType(file, annotatedClassName(value));
  // Only a class whose methods block: any other alias is left to the survey's other readings.
  return resolved && "qualified" in resolved && BLOCKING_METHODS.has(resolved.qualified)
    ? resolved.qualified
    : undefined;
}

/**
 * `Trade.session.scalars(query)` where the class declares `session: ClassVar[SessionType]` and
 * `SessionType` is another module's alias: a use for the survey to judge once the alias is read.
 */
export function declaredUse(
  file: FileSemantics,
  call: SyntaxNode,
): Omit<FactoryUse, "via"> | undefined {
  const callee = call.childForFieldName("function");
  const receiver = callee?.type === "attribute" ? callee.childForFieldName("object") : undefined;
  const declared = receiver && declaredHolder(file, receiver);
  if (!declared || !("alias" in declared)) return undefined;
  return {
    factory: `${KEY}${declared.alias}`,
    method: callee!.childForFieldName("attribute")!.text,
    call: `${callee!.text}()`,
    path: file.path,
    line: call.startPosition.row + 1,
    holder: declared.holder,
  };
}

const KEY = "py:";
