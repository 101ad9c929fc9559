import { projectTopModules } from "../../src/project/index-lookup.js";
import type { SyntaxNode } from "../../src/model/types.js";
import type { OrmFile } from "./types.js";

// orm-review-4 P8, P12: values of a library's classes that are no Django object. A parameter
// annotated `discord.Interaction` is not a model of this project, so `interaction.guild` is no
// ForeignKey of the project's `Channel` that happens to declare `guild`; a module-level
// `resolving_async = contextvars.ContextVar(...)` has a `set()` that is no related manager's.
// What such a value's own attributes and methods do is not known here: they are said as what
// they are, never as ORM work.

/**
 * Library modules whose classes may be Django's or a Django app's (a model, a request whose `user`
 * is lazy, a DRF request): a value of theirs is not taken for a library value.
 */
const DJANGO_LIKE =
  /^(django|rest_framework|channels|allauth|ninja|wagtail|cms|graphene_django|strawberry_django|guardian|taggit|mptt|treebeard|polymorphic|oauth2_provider|knox|djoser|dj_rest_auth|social_django)(\.|$)|(^|[._])(models|django)([._]|$)/i;

/** The qualified class name `expr`'s text names, imported from a library module (not Django's). */
function libraryClass(f: OrmFile, type: SyntaxNode): string | undefined {
  const text = type.text.replace(/^(['"])(.*)\1$/s, "$2").trim();
  if (!/^[A-Za-z_][\w.]*$/.test(text)) return undefined;
  const head = text.split(".")[0];
  const binding = f.file.importBindingOf(head, type);
  if (!binding || binding.statement.text.trimStart().startsWith("from .")) return undefined;
  const qualified = [binding.qualified, ...text.split(".").slice(1)].join(".");
  const top = qualified.split(".")[0];
  const index = f.ctx.project.index;
  if (index && projectTopModules(index).has(top)) return undefined;
  const name = qualified.split(".").at(-1)!;
  if (DJANGO_LIKE.test(qualified) || f.ctx.project.models[name]) return undefined;
  return qualified;
}

/**
 * The library class a name is known to hold: a parameter annotated with it (its only binding),
 * or a name every binding of which assigns a call of it (`contextvars.ContextVar(...)`).
 */
export function libraryValueOf(f: OrmFile, expr: SyntaxNode): string | undefined {
  if (expr.type !== "identifier") return undefined;
  const bound = f.file.visibleBindings(expr, expr.text);
  if (bound.length === 0) return undefined;
  if (bound.length === 1 && bound[0].kind === "parameter") {
    const type = bound[0].node.parent?.childForFieldName("type");
    return type ? libraryClass(f, type) : undefined;
  }
  const classes = bound.map((b) => {
    const assignment = b.node.parent;
    if (assignment?.type !== "assignment" || assignment.childForFieldName("left")?.id !== b.node.id)
      return undefined;
    const value = assignment.childForFieldName("right");
    const callee = value?.type === "call" ? value.childForFieldName("function") : undefined;
    return callee && (callee.type === "identifier" || callee.type === "attribute")
      ? libraryClass(f, callee)
      : undefined;
  });
  return classes.every((c) => c && c === classes[0]) ? classes[0] : undefined;
}

/**
 * `interaction.guild` off a value of a library class: what the read is said to be instead of a
 * relation of a project model that declares the same name.
 */
export function libraryAttributeSaid(
  f: OrmFile,
  object: SyntaxNode,
  attribute: string,
): string | undefined {
  const cls = libraryValueOf(f, object);
  if (!cls) return undefined;
  return `${object.text} is a ${cls} (a class of a library, not a model of this project), so ${attribute} is none of the project's relations; what reading it does is not known here: it may touch the database or the network`;
}

/** Django's request classes: no model, whatever attributes a project model shares with them. */
const DJANGO_REQUESTS = new Set([
  "django.http.HttpRequest",
  "django.http.request.HttpRequest",
  "django.core.handlers.asgi.ASGIRequest",
  "django.core.handlers.wsgi.WSGIRequest",
]);

/**
 * orm-human-6 G8: `request` a parameter annotated `HttpRequest` (its only binding): its
 * attributes are no relation of a project model (`request.user`, lazy, is AS212's).
 */
export function isDjangoRequest(f: OrmFile, expr: SyntaxNode): boolean {
  if (expr.type !== "identifier") return false;
  const bound = f.file.visibleBindings(expr, expr.text);
  const type =
    bound.length === 1 && bound[0].kind === "parameter"
      ? bound[0].node.parent?.childForFieldName("type")
      : null;
  const text = type?.text.replace(/^(['"])(.*)\1$/s, "$2").trim() ?? "";
  if (!/^[A-Za-z_][\w.]*$/.test(text)) return false;
  const head = text.split(".")[0];
  const binding = f.file.importBindingOf(head, type!);
  return (
    !!binding && DJANGO_REQUESTS.has([binding.qualified, ...text.split(".").slice(1)].join("."))
  );
}
