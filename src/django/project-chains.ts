import type { ProjectFacts, SyntaxNode } from "../model/types.js";
import type { ProjectChains, QuerysetProof } from "./proof-types.js";

// The project's manager and QuerySet methods that only build a queryset, carried along a
// queryset proof (facts from src/django/models.ts, ManagerChains): `Post.objects.published()`
// is a queryset, and so is `.filter(...).published()` when the QuerySet class defines it.

/** The manager proof `proof` of `model.<manager>`, with the project's chain methods behind it. */
export function withChains(
  proof: QuerysetProof,
  project: ProjectFacts,
  model: string,
  manager: string,
): QuerysetProof {
  const facts = project.models[model]?.chains?.[manager];
  if (!facts) return proof;
  const chains: ProjectChains = {
    now: facts.manager,
    after: facts.queryset,
    methods: facts.methods,
    ...(facts.shadowed ? { shadowed: facts.shadowed } : {}),
  };
  const bypassed = [...(proof.bypassed ?? []), ...(facts.shadowed ?? [])];
  return { ...proof, chains, ...(bypassed.length > 0 ? { bypassed } : {}) };
}

/**
 * A queryset after one of Django's steps: the manager's own methods are behind it, the QuerySet
 * class's stay (its chain methods, and the `a*` names it defines itself).
 */
export function afterStep(base: QuerysetProof): QuerysetProof {
  const { bypassed: _, chains, ...proof } = base;
  if (!chains) return proof;
  const next: ProjectChains = { ...chains, now: chains.after };
  return { ...proof, chains: next, ...(chains.shadowed ? { bypassed: chains.shadowed } : {}) };
}

/** `<qs>.published()`: the queryset it returns, when `method` is one of its chain methods. */
export function afterProjectChain(base: QuerysetProof, method: string): QuerysetProof | undefined {
  return base.chains?.now.includes(method) ? afterStep(base) : undefined;
}

const namesOfModels = new WeakMap<ProjectFacts["models"], ReadonlySet<string>>();

/**
 * The chain methods of every model's project managers and QuerySet classes, by name: asked by
 * each file's proofs, made once per project's models.
 */
export function chainMethodNames(project: ProjectFacts): ReadonlySet<string> {
  let names = namesOfModels.get(project.models);
  if (!names)
    namesOfModels.set(
      project.models,
      (names = new Set(
        Object.values(project.models).flatMap((m) =>
          Object.values(m.chains ?? {}).flatMap((c) => [...c.manager, ...c.queryset]),
        ),
      )),
    );
  return names;
}

/**
 * orm-human-6 G4 (django-cfg's `GRPCRequestLogManager`): the QuerySet class a manager class's
 * `get_queryset` makes, `return RequestLogQuerySet(self.model, using=self._db)` (its only
 * statement, a docstring aside): the manager's querysets are that class's, with its chain methods
 * (`.filter(...).recent(hours)`), as `RequestLogQuerySet.as_manager()` would make them.
 */
export function querysetMadeBy(body: SyntaxNode | null): string | undefined {
  for (const statement of body?.namedChildren ?? []) {
    if (statement.type !== "function_definition") continue;
    if (statement.childForFieldName("name")?.text !== "get_queryset") continue;
    const self = statement.childForFieldName("parameters")?.namedChildren[0]?.text;
    const statements = (statement.childForFieldName("body")?.namedChildren ?? []).filter(
      (s) =>
        s.type !== "comment" &&
        !(s.type === "expression_statement" && s.namedChildren[0]?.type === "string"),
    );
    const value =
      statements.length === 1 && statements[0].type === "return_statement"
        ? statements[0].namedChildren[0]
        : undefined;
    const callee = value?.type === "call" ? value.childForFieldName("function") : undefined;
    const first = value?.childForFieldName("arguments")?.namedChildren[0];
    const model = first?.type === "keyword_argument" ? first.childForFieldName("value") : first;
    if (!callee || model?.text !== `${self}.model`) return undefined;
    if (callee.type === "identifier") return callee.text;
    return callee.type === "attribute" ? callee.childForFieldName("attribute")?.text : undefined;
  }
  return undefined;
}
