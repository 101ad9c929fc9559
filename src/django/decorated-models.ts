import type { ProjectFacts, SyntaxNode } from "../model/types.js";
import { importBindingOf } from "../python/imports.js";
import { lastSegment } from "../python/lookup.js";
import { decoratorCallee, decorators } from "../python/shapes.js";
import { isKnownModelBase } from "./models.js";
import { returnsOf } from "./returned-values.js";

// orm-human-8 K14 (open-chat-studio, django-field-audit): `@audit_fields("name", ...)` on
// `class Participant(BaseTeamModel):`. A class decorator runs after the class statement has made
// the class; the name is bound to what the decorator returns. Whether that is still the model:
// - the class statement's bases are models: Django's metaclass made and registered the model
//   before any decorator ran, so the rows the ORM loads, its relations and `apps.get_model` are
//   that class whatever the decorator returns; and the code around it reads `Model.objects` off
//   the name as a model (a decorator giving back anything else would break it already);
// - else each decorator must be shown to give the class back: a library's (imported from outside
//   the project: a registering or auditing decorator), or a def of the same module whose returns
//   are its parameter (or, for `@deco(...)`, a nested def's that are).

/** Whether the decorators on model class `cls` (a class_definition) leave its name the model. */
export function decoratorsKeepModel(project: ProjectFacts, cls: SyntaxNode): boolean {
  const decos = decorators(cls);
  if (decos.length === 0) return true;
  const bases = cls.childForFieldName("superclasses")?.namedChildren ?? [];
  const named = bases.map((b) => lastSegment(b.text.replace(/\s+/g, "")));
  if (named.some((b) => project.models[b] !== undefined || isKnownModelBase(b))) return true;
  return decos.every((d) => givesClassBack(project, d));
}

function givesClassBack(project: ProjectFacts, decorator: SyntaxNode): boolean {
  const callee = decoratorCallee(decorator);
  const root = callee?.type === "attribute" ? callee.childForFieldName("object") : callee;
  if (root?.type !== "identifier") return false;
  const factory = decorator.namedChildren[0]?.type === "call";
  const binding = importBindingOf(root.text, root);
  if (binding) return !isProjectModule(project, binding.qualified);
  if (callee?.type !== "identifier") return false;
  const def = moduleDef(decorator, callee.text);
  if (!def) return false;
  if (!factory) return returnsItsParameter(def);
  const inner = returnedNestedDef(def);
  return inner !== undefined && returnsItsParameter(inner);
}

/** Whether a dotted name (`field_audit.audit_fields`) lies in a module of the project. */
function isProjectModule(project: ProjectFacts, qualified: string): boolean {
  if (qualified.startsWith(".")) return true;
  const modules = new Set(project.index?.functions.map((fn) => fn.module) ?? []);
  const parts = qualified.split(".");
  for (let n = parts.length; n > 0; n--) if (modules.has(parts.slice(0, n).join("."))) return true;
  return !project.index; // no index: nothing shows it is a library's
}

/** The module-level def named `name` of the file holding `at`, when it is the only binding. */
function moduleDef(at: SyntaxNode, name: string): SyntaxNode | undefined {
  const defs = at.tree.rootNode.namedChildren
    .map((s) => (s.type === "decorated_definition" ? s.childForFieldName("definition") : s))
    .filter((s) => s?.type === "function_definition" && s.childForFieldName("name")?.text === name);
  return defs.length === 1 && decorators(defs[0]!).length === 0 ? defs[0]! : undefined;
}

/** Every return of `def` (its own, not a nested def's) gives back its first parameter. */
function returnsItsParameter(def: SyntaxNode): boolean {
  const first = def.childForFieldName("parameters")?.namedChildren[0];
  if (first?.type !== "identifier") return false;
  const returned = returnsOf(def);
  return (
    returned.length > 0 && returned.every((v) => v?.type === "identifier" && v.text === first.text)
  );
}

/** The nested def a decorator factory returns (`def wrap(cls): ...; return wrap`). */
function returnedNestedDef(def: SyntaxNode): SyntaxNode | undefined {
  const returned = returnsOf(def);
  const name = returned.length === 1 && returned[0]?.type === "identifier" ? returned[0].text : "";
  return def
    .childForFieldName("body")
    ?.namedChildren.find(
      (s) => s.type === "function_definition" && s.childForFieldName("name")?.text === name,
    );
}
