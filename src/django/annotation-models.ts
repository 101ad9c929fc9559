import type { ProjectFacts, SyntaxNode } from "../model/types.js";
import { importBindingOf, qualifiedName } from "../python/imports.js";
import { bindingsNamed } from "../python/scope.js";
import { mayBeUnseenModel, optionalInner, unquoted } from "./proof-parts.js";

// The model class an annotation names: `Batch`, `"Batch"`, `Optional[Batch]`, `Batch | None`,
// and (orm-review D8) a union with Django's AnonymousUser, which has no relations and no query
// (`Union[AnonymousUser, User]`, `User | AnonymousUser`), also through a type alias of the
// project (`AnyUser: TypeAlias = Union[AnonymousUser, "User"]`, here or imported).

/** What the annotation reader asks of the proofs. */
export interface ModelNames {
  modelClassNamed(name: string, at: SyntaxNode): string | undefined;
  modelClassOf(expr: SyntaxNode): string | undefined;
}

/** Union members that are no model instance and hold nothing lazy: None, AnonymousUser. */
const NOT_A_MODEL = /^(?:None|NoneType|(?:[\w.]*\.)?AnonymousUser)$/;

export function modelOfAnnotation(
  proofs: ModelNames,
  project: ProjectFacts,
  type: SyntaxNode,
): string | undefined {
  const node = type.type === "type" ? type.namedChildren[0] : type;
  if (!node) return undefined;
  if (node.type === "string") return modelOfText(proofs, project, node);
  if (node.type === "binary_operator") {
    const parts = [node.childForFieldName("left"), node.childForFieldName("right")];
    const models = parts.filter((p) => p && p.type !== "none" && !NOT_A_MODEL.test(p.text));
    return models.length === 1 && models[0]
      ? modelOfAnnotation(proofs, project, models[0])
      : undefined;
  }
  if (node.type === "generic_type" || node.type === "subscript") {
    const inner = optionalInner(node) ?? unionInner(node);
    return inner ? modelOfAnnotation(proofs, project, inner) : undefined;
  }
  // `django.db.models.Model` itself, or a TypeVar bound to it: an instance of some model.
  if (isDjangoModel(node)) return "Model";
  if (node.type === "identifier") {
    // An alias first: `AnyUser` imported from a models module may look like an unseen model.
    const aliased = aliasedModel(proofs, project, node);
    return aliased === null ? undefined : (aliased ?? proofs.modelClassOf(node));
  }
  if (node.type === "attribute") return proofs.modelClassOf(node);
  return undefined;
}

/** `"Batch"`, `"shop.models.Batch"`, `"User | AnonymousUser"`: resolved where it is written. */
function modelOfText(
  proofs: ModelNames,
  project: ProjectFacts,
  node: SyntaxNode,
): string | undefined {
  const members = (unquoted(node) ?? "")
    .split("|")
    .map((m) => m.trim())
    .filter((m) => !NOT_A_MODEL.test(m));
  const text = members.length === 1 ? members[0] : undefined;
  if (!text || !/^[A-Za-z_][\w.]*$/.test(text)) return undefined;
  const [head, ...rest] = text.split(".");
  if (rest.length === 0) return proofs.modelClassNamed(head, node);
  const name = rest[rest.length - 1];
  const module = rest.length > 1 ? rest[rest.length - 2] : head;
  return project.models[name] || mayBeUnseenModel(project, module, name) ? name : undefined;
}

/** `Union[AnonymousUser, User]`: the one member that may be a model. */
function unionInner(node: SyntaxNode): SyntaxNode | undefined {
  const head = node.namedChildren[0];
  if (head?.text !== "Union" && head?.text !== "typing.Union") return undefined;
  const args =
    node.type === "generic_type"
      ? (node.namedChildren[1]?.namedChildren ?? [])
      : node.namedChildren.slice(1);
  const members = args.flatMap((a) => (a.type === "type" ? a.namedChildren : [a]));
  const models = members.filter(
    (m) =>
      m.type !== "none" && !NOT_A_MODEL.test(m.type === "string" ? (unquoted(m) ?? "") : m.text),
  );
  return models.length === 1 ? models[0] : undefined;
}

/**
 * `AnyUser` bound once at module level to an annotation (`AnyUser: TypeAlias = Union[...]`), or
 * imported from a module whose pre-pass facts name it an alias of one class; null for an alias
 * of several classes with no model base they share (no model class, not an unseen one either).
 */
function aliasedModel(
  proofs: ModelNames,
  project: ProjectFacts,
  node: SyntaxNode,
): string | null | undefined {
  const imported = importBindingOf(node.text, node);
  if (imported) {
    const name = imported.qualified.split(".").pop()!;
    const classes = new Set(
      Object.values(project.typeAliases ?? {}).flatMap((a) =>
        Object.hasOwn(a, name) ? [a[name]] : [],
      ),
    );
    const [cls] = classes;
    // orm-review-9 R9 (SearchBot): `TextsUnion = Union[RussianTexts, EnglishTexts]`, rows of
    // models on one abstract base: an instance of that base, whose fields they share.
    if (classes.size === 1 && cls.includes("|")) return sharedModelBase(project, cls.split("|"));
    return classes.size === 1 && (project.models[cls] || cls === "Model") ? cls : undefined;
  }
  const bound = bindingsNamed(node.tree.rootNode, node.text);
  const site = bound.length === 1 ? bound[0].node.parent : undefined;
  const value = site?.type === "assignment" ? site.childForFieldName("right") : undefined;
  if (!value || value.text === node.text || site?.parent?.parent?.type !== "module")
    return undefined;
  return modelOfAnnotation(proofs, project, typeVarBound(value) ?? value);
}

/** `TypeVar("ModelType", bound=Model)`: the bound. */
function typeVarBound(value: SyntaxNode): SyntaxNode | undefined {
  const callee = value.type === "call" ? value.childForFieldName("function") : null;
  if (!callee || !/(^|\.)TypeVar$/.test(callee.text)) return undefined;
  const bound = value
    .childForFieldName("arguments")
    ?.namedChildren.find(
      (a) => a.type === "keyword_argument" && a.childForFieldName("name")?.text === "bound",
    );
  return bound?.childForFieldName("value") ?? undefined;
}

function isDjangoModel(node: SyntaxNode): boolean {
  if (node.type !== "identifier" && node.type !== "attribute") return false;
  const q = qualifiedName(node);
  return q === "django.db.models.Model" || q === "django.db.models.base.Model";
}

/** The nearest model of the project every one of `members` is, or derives from; else null. */
function sharedModelBase(project: ProjectFacts, members: string[]): string | null {
  if (!members.every((m) => project.models[m])) return null;
  let best: { name: string; size: number } | undefined;
  for (const name of Object.keys(project.models)) {
    const below = new Set([name]);
    for (const queue = [name]; queue.length > 0;)
      for (const sub of project.models[queue.pop()!]?.subclasses ?? []) {
        if (below.has(sub)) continue;
        below.add(sub);
        queue.push(sub);
      }
    if (members.every((m) => below.has(m)) && (!best || below.size < best.size))
      best = { name, size: below.size };
  }
  return best?.name ?? null;
}
