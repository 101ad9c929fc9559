import type { ProjectFacts, SyntaxNode } from "../model/types.js";
import type { ProjectChains, QuerysetProof } from "./proof-types.js";
import { querysetFromCallers } from "./caller-querysets.js";
import { bindingsNamed } from "../python/scope.js";
import { bypassedMethods } from "./proof-parts.js";

// `self` in a method of a project manager class (`class ChatManager(models.Manager)`, used as
// `objects = ChatManager()` by one model): the model's manager, so `self.filter(...).first()` is
// a proven queryset chain. Only when exactly one model uses the class and no project class
// extends it: `self` is then that model's manager and no other's.

/** A queryset proof (see proofs.ts) of a model's manager; no import back into proofs.ts. */
interface ManagerProof {
  model: string;
  selected: Set<string>;
  locksRows: false;
  yieldsInstances: true;
  bypassed?: readonly string[];
  chains?: ProjectChains;
}

/** The proof that `identifier` (a method's first parameter) is a model's manager, if it is. */
export function managerSelfProof(
  project: ProjectFacts,
  identifier: SyntaxNode,
): ManagerProof | QuerysetProof | undefined {
  const passed = querysetFromCallers(identifier); // orm-human-8 K2: a parameter (caller-querysets.ts)
  if (passed) return passed;
  const def = methodOfFirstParameter(identifier);
  const cls = def && classOfMethod(def);
  const className = cls?.childForFieldName("name")?.text;
  if (!def || !className) return undefined;
  // `self = ...` in the method: no longer the manager.
  if (bindingsNamed(def, identifier.text).some((b) => b.kind !== "parameter")) return undefined;
  const users = managerUsers(project.models).get(className) ?? [];
  if (users.length !== 1) return undefined;
  const { model, attribute } = users[0];
  const proof: ManagerProof = {
    model,
    selected: new Set<string>(),
    locksRows: false,
    yieldsInstances: true,
  };
  // The class's own `a<name>` (a QuerySet's `aget_or_create`): Django's name would call it.
  const own = (cls.childForFieldName("body")?.namedChildren ?? []).flatMap((m) => {
    const d = m.type === "decorated_definition" ? m.childForFieldName("definition") : m;
    const name = d?.type === "function_definition" ? d.childForFieldName("name")?.text : "";
    return name && /^_*a[a-z]/.test(name) ? [name.replace(/^(_*)a/, "$1")] : [];
  });
  const known = project.models[model]?.chains?.[attribute];
  const shadowed = [...new Set([...(known?.shadowed ?? []), ...own])];
  // Only to keep Django's names off the class's own: its chain methods are not followed here.
  const chains: ProjectChains | undefined =
    shadowed.length > 0
      ? { now: [], after: [], methods: known?.methods ?? {}, shadowed }
      : undefined;
  const bypassed = bypassedMethods(project, model, attribute);
  return {
    ...proof,
    ...(bypassed.length > 0 ? { bypassed } : {}),
    ...(chains ? { chains } : {}),
  };
}

type ManagerUse = { model: string; attribute: string };

/** By manager class name, the models using it and as which attribute: made once per project. */
const usersOfModels = new WeakMap<ProjectFacts["models"], ReadonlyMap<string, ManagerUse[]>>();

function managerUsers(models: ProjectFacts["models"]): ReadonlyMap<string, ManagerUse[]> {
  let users = usersOfModels.get(models);
  if (users) return users;
  const made = new Map<string, ManagerUse[]>();
  for (const [model, facts] of Object.entries(models))
    for (const [attribute, managerClass] of Object.entries(facts.selfManagers ?? {}))
      made.set(managerClass, [...(made.get(managerClass) ?? []), { model, attribute }]);
  usersOfModels.set(models, (users = made));
  return users;
}

/** The def whose first parameter `identifier` names, when it is a plain method (not static/class). */
function methodOfFirstParameter(identifier: SyntaxNode): SyntaxNode | undefined {
  let def: SyntaxNode | null = identifier.parent;
  while (def && def.type !== "function_definition" && def.type !== "lambda") def = def.parent;
  if (def?.type !== "function_definition") return undefined;
  const first = def.childForFieldName("parameters")?.namedChildren[0];
  if (first?.type !== "identifier" || first.text !== identifier.text) return undefined;
  const holder = def.parent?.type === "decorated_definition" ? def.parent : undefined;
  const decorators = holder?.namedChildren.filter((c) => c.type === "decorator") ?? [];
  if (decorators.some((d) => /^@(staticmethod|classmethod)\b/.test(d.text))) return undefined;
  return def;
}

/** The class whose body holds `def` directly. */
function classOfMethod(def: SyntaxNode): SyntaxNode | undefined {
  const holder = def.parent?.type === "decorated_definition" ? def.parent : def;
  const cls = holder.parent?.parent;
  return cls?.type === "class_definition" ? cls : undefined;
}

/**
 * Why `self.model` in a method of the manager class `className` names no one model: the models
 * that use a class of that name as a manager (namesakes in two apps), or none seen.
 */
export function managerModelUnknownSaid(project: ProjectFacts, className: string): string {
  const users = Object.entries(project.models)
    .filter(([, facts]) => Object.values(facts.selfManagers ?? {}).includes(className))
    .map(([model]) => model);
  if (users.length > 1)
    return `${users.length} models use a manager class named ${className} (${users.join(", ")}), and which one this class is is not known here`;
  return `no model of the project is seen using ${className} alone as its manager (a subclass, or a model out of sight, may)`;
}
