import type { SyntaxNode } from "../model/types.js";

// The proofs' shapes, apart from the proofs (proofs.ts) so the helpers that build them
// (project-chains.ts) need no import back into it.

/** Relations a queryset or instance already loaded: names from select_related, or all of them. */
export type SelectedRelations = ReadonlySet<string> | "all";

/** A proven queryset or manager expression. */
export interface QuerysetProof {
  /** The model class; "" for a related manager whose model the pre-pass cannot name. */
  model: string;
  selected: SelectedRelations;
  /** The chain calls select_for_update(): it needs a transaction, so it has no async use. */
  locksRows: boolean;
  /** Iterating it yields model instances (not after values()/values_list()). */
  yieldsInstances: boolean;
  /** The node of the select_for_update call, for diagnostics. */
  lockNode?: SyntaxNode;
  /** A model's manager whose class overrides these methods: their native twins skip the override. */
  bypassed?: readonly string[];
  /** The project's methods callable on it that only build a queryset, and its classes' methods. */
  chains?: ProjectChains;
  /** Of a related manager (`model` ""): the model of its rows, when the pre-pass names it. */
  relatedModel?: string;
}

/** A proven model instance. */
export interface InstanceProof {
  model: string;
  selected: SelectedRelations;
  /** Bound by a parameter annotated with the model: the caller loaded it, out of sight here. */
  fromParameter?: boolean;
}

/** The project's chain methods along a queryset proof (see project-chains.ts). */
export interface ProjectChains {
  /** Chain methods callable on this expression now. */
  now: readonly string[];
  /** Those callable after a step (the QuerySet class's). */
  after: readonly string[];
  /** Every public method of the project classes behind it: the class that defines it. */
  methods: Readonly<Record<string, string>>;
  /** Sync names whose `a<name>` the QuerySet class defines: never given Django's name. */
  shadowed?: readonly string[];
}
