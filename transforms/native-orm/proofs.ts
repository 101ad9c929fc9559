import { QUERYSET_RETURNING } from "../../src/django/orm.js";
import type { SyntaxNode } from "../../src/model/types.js";
import type { OrmFile } from "./types.js";

// Evidence short of proof. The proofs themselves (querysetOf, instanceOf) are src/django's.

/**
 * Queryset-returning names that dicts, sets and lists have too: `meta.values()`,
 * `tags.union(other)`, `names.reverse()` on a name nothing proves a queryset are not queryset work.
 */
const CONTAINER_METHODS = new Set(["values", "union", "intersection", "difference", "reverse"]);

/** `x.objects...`, `.filter(...)`, `.get_queryset()`: very likely a queryset, not proven. */
export function looksLikeQueryset(expr: SyntaxNode): boolean {
  if (expr.type === "attribute") {
    const name = expr.childForFieldName("attribute")?.text ?? "";
    return name === "objects" || name === "_default_manager";
  }
  if (expr.type !== "call") return false;
  const callee = expr.childForFieldName("function");
  if (callee?.type !== "attribute") return false;
  const name = callee.childForFieldName("attribute")?.text ?? "";
  if (name === "get_queryset") return true;
  if (!QUERYSET_RETURNING.has(name) || name === "raw") return false;
  const receiver = callee.childForFieldName("object");
  if (!receiver) return false;
  return (
    looksLikeQueryset(receiver) || (receiver.type === "identifier" && !CONTAINER_METHODS.has(name))
  );
}

/** Does a receiver look like a form, a file or a cache rather than a model instance? */
export function looksLikeNonModel(receiver: SyntaxNode): boolean {
  // By whole words of the name (`uploaded_file`, `self.form`, `ImageFile`), never inside one:
  // `profile` holds "file" and `platform` holds "form", and both are model names.
  const words = receiver.text
    .replace(/([a-z0-9])([A-Z])/g, "$1_$2")
    .toLowerCase()
    .split(/[^a-z0-9]+/);
  return words.some((w) => NON_MODEL_WORDS.test(w));
}

/** Words naming what has `save()` or `delete()` but is no model instance. */
const NON_MODEL_WORDS =
  /^(forms?|formsets?|files?|fieldfile|storages?|caches?|sessions?|images?|photos?|uploads?|requests?|uploaded)$/;

/** The first parameter's name of a def (`self`, `cls`), if it has one. */
function firstParameter(def: SyntaxNode): string | undefined {
  const first = def.childForFieldName("parameters")?.namedChildren[0];
  const name = first?.type === "identifier" ? first : first?.namedChildren[0];
  return name?.type === "identifier" ? name.text : undefined;
}

/** The class a def is a method of (the def sits directly in the class body), if any. */
function classOfMethod(def: SyntaxNode): SyntaxNode | undefined {
  for (let n = def.parent; n; n = n.parent) {
    if (n.type === "class_definition") return n;
    if (n.type === "function_definition" || n.type === "lambda") return undefined;
  }
  return undefined;
}

/**
 * Is `receiver.<m>` called inside the method `twin` of the same object (`self.save` inside
 * `async def asave(self)`)? That method is the async twin itself: calling the twin recurses.
 */
export function isInsideOwnTwin(f: OrmFile, receiver: SyntaxNode, twin: string): boolean {
  const def = f.file.enclosingDef(receiver);
  if (!def || def.childForFieldName("name")?.text !== twin) return false;
  return receiver.type === "identifier" && receiver.text === firstParameter(def);
}

/**
 * What shows an unproven receiver is a model instance, for an unsafe fix: `self` in a method of a
 * model class, or a name some other place of the file binds to a proven model instance (an
 * annotated parameter, an ORM call). A method name alone (`save`) is no evidence: serializers,
 * workbooks, images and buffers have `save()` and no `asave()`.
 */
export function modelEvidence(f: OrmFile, receiver: SyntaxNode): string | undefined {
  if (receiver.type !== "identifier") return undefined;
  const def = f.file.enclosingDef(receiver);
  const className = def && classOfMethod(def)?.childForFieldName("name")?.text;
  if (className && receiver.text === firstParameter(def) && f.ctx.project.models[className])
    return `${receiver.text} is the instance of the model class ${className}`;
  const elsewhere = f.root
    .descendantsOfType("identifier")
    .find((id) => id.text === receiver.text && id.id !== receiver.id && f.proofs.instanceOf(id));
  if (!elsewhere) return undefined;
  const model = f.proofs.instanceOf(elsewhere)!.model;
  return `${receiver.text} is a ${model} instance on line ${elsewhere.startPosition.row + 1}`;
}
