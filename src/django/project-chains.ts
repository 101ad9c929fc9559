import type { ProjectFacts } from "../model/types.js";
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

/** The chain methods of every model's project managers, by name. */
export function chainMethodNames(project: ProjectFacts): ReadonlySet<string> {
  return new Set(
    Object.values(project.models).flatMap((m) =>
      Object.values(m.chains ?? {}).flatMap((c) => c.manager),
    ),
  );
}
