import { modelOfAnnotation } from "./annotation-models.js";
import { lastSegment } from "../python/lookup.js";
import { onlyReturned } from "../python/shapes.js";
import { syncDefReturning } from "./returning-defs.js";
import { awaitedDef, querysetThroughParameter, relatedInstance } from "./returned-values.js";
import type { ProjectFacts, SyntaxNode } from "../model/types.js";
import { importBindingOf, qualifiedName } from "../python/imports.js";
import { bindingsNamed, enclosingScope } from "../python/scope.js";
import { QUERYSET_RETURNING } from "./api.js";
import { managerSelfProof } from "./manager-self.js";
import { afterProjectChain, afterStep, chainMethodNames, withChains } from "./project-chains.js";
import type { InstanceProof, QuerysetProof } from "./proof-types.js";
import { querysetOfAnnotation, querysetReturnedBy } from "./queryset-annotations.js";
import { querysetPropertyProof } from "./queryset-properties.js";
import { inheritedQuerysetReturn } from "./inherited-returns.js";
import { classAnnotatedInstance } from "./self-attributes.js";
import { reexportsAllOf, starImportedModel } from "./star-reexports.js";
import {
  bindingSite,
  bypassedMethods,
  DEFAULT_MANAGERS,
  intersect,
  mayBeUnseenModel,
  relatedManagerProof,
  modelOfCall,
  onlyChild,
  passedFields,
  prefetchedBy,
  reachingAssignment,
  reachingBinding,
  mergeQuerysets,
  isLazySlice,
  modelClassParameter,
  callThroughWrapper,
  selectedBy,
  CHAIN_ALSO,
  CHAIN_NOT_QUERYSET,
  YIELDS_NON_INSTANCES,
  chainOnlyRefines,
  withRefinements,
} from "./proof-parts.js";
import type { SelectedRelations } from "./proof-parts.js";
import { isRelatedManagerOf } from "./user-model.js";
import { instanceBoundBy, instanceReturnedBy } from "./instance-bindings.js";
import { classAttributeModel } from "./class-model-attributes.js";

// ---------------------------------------------------------------------------------------------
// Proofs: what an expression is, from what the function itself shows. Shared by the native-orm
// and to-thread transforms; every answer is "proven" or undefined, never a guess.

export type { SelectedRelations };

export type { InstanceProof, QuerysetProof } from "./proof-types.js";

/**
 * Proofs about one file's expressions against the project's model facts. Results are cached by
 * node id: build one per parsed tree.
 */
export class OrmProofs {
  private querysets = new Map<number, QuerysetProof | undefined>();
  private instances = new Map<number, InstanceProof | undefined>();
  private inProgress = new Set<string>();
  private byName = new Map<string, InstanceProof | QuerysetProof | undefined>();
  /** The values of `qs = qs.<refining chain>` bindings, by name key. */
  private refinements = new Map<string, SyntaxNode[]>();

  /** The chain methods of every model's project managers: a cheap test before a proof. */
  private chainNames?: ReadonlySet<string>;

  /** The callers' proof of an unannotated parameter (issue 23 item 2), told by the transform. */
  parameterFromCallers?: (parameter: SyntaxNode) => InstanceProof | undefined;
  /** What a project function of another module returns (orm-human-7 K7), told by the transform. */
  returnedByProject?: (callee: SyntaxNode, call: SyntaxNode) => InstanceProof | undefined;
  /** The model class every caller passes for a parameter (orm-human-6 G2), told by the transform. */
  modelClassFromCallers?: (parameter: SyntaxNode) => string | undefined;

  /** What `get_user_model()` returns in this file, as its Django project's settings say it. */
  userModel?: string;
  /** `request.user` a project decorator loaded (orm-human-6 G9/G10), told by the transform. */
  loadedRequestUser?: (expr: SyntaxNode) => InstanceProof | undefined;

  constructor(private readonly project: ProjectFacts) {}

  /** The model class an expression names (`Batch`, `models.Batch`, `User = get_user_model()`). */
  modelClassOf(expr: SyntaxNode): string | undefined {
    if (expr.type === "identifier") return this.modelClassNamed(expr.text, expr);
    if (expr.type === "attribute") {
      // `self.model` of a manager (orm-human-5 H6: `user = self.model(email=email)`), `qs.model`.
      const owner =
        expr.childForFieldName("attribute")?.text === "model" &&
        this.querysetOf(expr.childForFieldName("object")!);
      if (owner && owner.model !== "") return owner.model;
      const held = classAttributeModel(this.project, expr, (n, at) => this.modelClassNamed(n, at));
      if (held) return held;
      const qualified = qualifiedName(expr);
      if (!qualified) return undefined;
      const name = lastSegment(qualified);
      const module = qualified.slice(0, -name.length - 1);
      if (module === "django.db.models") return undefined;
      return mayBeUnseenModel(this.project, module, name) ? name : undefined;
    }
    return modelOfCall(expr, this.userModel);
  }

  /** The model class a name stands for at `at`: defined, imported, or `apps.get_model(...)`. */
  modelClassNamed(name: string, at: SyntaxNode, depth = 0): string | undefined {
    const binding = importBindingOf(name, at);
    if (binding) {
      const parts = binding.qualified.split(".");
      const imported = parts.pop()!;
      const module = parts.join(".") || (binding.qualified.startsWith(".") ? "." : ""); // S9
      if (module === "django.db.models" || module === "") return undefined;
      if (this.project.models[imported]) return imported;
      return mayBeUnseenModel(this.project, module, imported) ? imported : undefined;
    }
    const bound = this.onlyBindingOf(name, at);
    if (!bound) return starImportedModel(this.project, name, at);
    const site = bindingSite(bound);
    if (site?.type === "parameters")
      return modelClassParameter(this.project, site, bound) ?? this.modelClassFromCallers?.(bound);
    if (site?.type === "class_definition" && site.childForFieldName("name")?.id === bound.id)
      return this.project.models[name] ? name : undefined;
    const value = site?.type === "assignment" && site.childForFieldName("left")?.id === bound.id;
    if (!value) return undefined;
    const right = site.childForFieldName("right")!;
    // orm-review-4 P18: `CycleWorkItem = CycleIssue`, an alias of a model class.
    if (right.type === "identifier" && depth < 4)
      return this.modelClassNamed(right.text, right, depth + 1);
    return modelOfCall(right, this.userModel);
  }

  /** A manager expression: `<Model>.objects`, `_default_manager`, a manager the model declares. */
  managerOf(expr: SyntaxNode): QuerysetProof | undefined {
    if (expr.type !== "attribute") return undefined;
    const owner = expr.childForFieldName("object");
    const attribute = expr.childForFieldName("attribute")?.text ?? "";
    if (!owner) return undefined;
    const model = this.modelClassOf(owner);
    if (model !== undefined) {
      const declared = this.project.models[model]?.managers ?? [];
      if (!DEFAULT_MANAGERS.has(attribute) && !declared.includes(attribute)) return undefined;
      const bypassed = bypassedMethods(this.project, model, attribute);
      const proof = { model, selected: new Set<string>(), locksRows: false, yieldsInstances: true };
      return withChains(
        bypassed.length > 0 ? { ...proof, bypassed } : proof,
        this.project,
        model,
        attribute,
      );
    }
    // A proven instance's related manager: many-to-many, `<name>_set`, another's related_name.
    const instance =
      owner.type === "identifier" || owner.type === "attribute"
        ? (this.instanceOf(owner) ?? this.loadedRequestUser?.(owner))
        : undefined;
    return instance && isRelatedManagerOf(this.project, instance.model, attribute, this.userModel)
      ? relatedManagerProof(this.project, instance.model, attribute)
      : undefined;
  }

  /** Is this attribute expression a related manager (`book.authors`, `order.item_set`)? */
  isRelatedManager(expr: SyntaxNode): boolean {
    return this.managerOf(expr)?.model === "";
  }

  /**
   * A queryset expression: a chain rooted at a manager through queryset-returning methods, or a
   * name every binding of which in its scope assigns such a chain.
   */
  querysetOf(expr: SyntaxNode): QuerysetProof | undefined {
    if (this.querysets.has(expr.id)) return this.querysets.get(expr.id);
    // A def returning its own call proves nothing (and must not recurse).
    this.querysets.set(expr.id, undefined);
    const proof = this.computeQueryset(expr);
    this.querysets.set(expr.id, proof);
    return proof;
  }

  private computeQueryset(expr: SyntaxNode): QuerysetProof | undefined {
    if (expr.type === "parenthesized_expression") {
      const inner = onlyChild(expr);
      return inner ? this.querysetOf(inner) : undefined;
    }
    if (expr.type === "attribute")
      return (
        this.managerOf(expr) ?? querysetPropertyProof(this.project, expr, (o) => this.instanceOf(o))
      );
    if (expr.type === "call") {
      const callee = expr.childForFieldName("function");
      // `get_main_rds(...)` returning a chain (its select_related too), or a def annotated
      // `-> QuerySet[Record]`.
      const returned = this.querysetOfHelper(expr);
      if (returned) return returned;
      if (callee?.type !== "attribute") return undefined;
      const method = callee.childForFieldName("attribute")?.text ?? "";
      const receiver = callee.childForFieldName("object");
      if (!receiver || CHAIN_NOT_QUERYSET.has(method)) return undefined;
      const django = QUERYSET_RETURNING.has(method) || CHAIN_ALSO.has(method);
      if (!django && !(this.chainNames ??= chainMethodNames(this.project)).has(method))
        return undefined;
      const base = this.querysetOf(receiver);
      if (!base) return undefined;
      // `Post.objects.published()`: a project method that only builds a queryset.
      if (!django) return afterProjectChain(base, method);
      return this.afterMethod(base, method, expr);
    }
    // `await sync_to_async(CycleIssue.objects.filter)(...)`: the lazy queryset, built in a thread.
    if (expr.type === "await")
      return this.querysetThroughWrapper(expr) ?? this.querysetOfHelper(expr);
    if (expr.type === "identifier")
      return this.querysetNamed(expr) ?? managerSelfProof(this.project, expr);
    // qs[a:b] without a step is still a lazy queryset (LIMIT/OFFSET).
    if (isLazySlice(expr)) return this.querysetOf(expr.childForFieldName("value")!);
    return undefined;
  }

  /** The queryset `base.<method>(...)` gives, `call` holding the arguments. */
  private afterMethod(base: QuerysetProof, method: string, call: SyntaxNode): QuerysetProof {
    // A chain call returns a QuerySet: the manager's own methods are behind it.
    const proof: QuerysetProof = afterStep(base);
    if (method === "select_related") proof.selected = selectedBy(call, base.selected);
    // prefetch_related fills the same cache a relation read looks in.
    if (method === "prefetch_related") proof.selected = prefetchedBy(call, base.selected);
    if (method === "select_for_update") {
      proof.locksRows = true;
      proof.lockNode = call;
    }
    if (YIELDS_NON_INSTANCES.has(method)) proof.yieldsInstances = false;
    return proof;
  }

  /** `await sync_to_async(M.objects.filter)(...)`, `await sync_to_async(lambda: qs.filter())()`. */
  private querysetThroughWrapper(expr: SyntaxNode): QuerysetProof | undefined {
    const inner = expr.namedChildren[0];
    if (inner?.type !== "call" || inner.childForFieldName("function")?.type !== "call")
      return undefined;
    const through = callThroughWrapper(expr);
    if (!through) return undefined;
    if (through.call.id !== inner.id) return this.querysetOf(through.call);
    const { callee } = through;
    const method = callee.childForFieldName("attribute")?.text ?? "";
    if (callee.type !== "attribute" || !QUERYSET_RETURNING.has(method)) return undefined;
    if (CHAIN_NOT_QUERYSET.has(method)) return undefined;
    const base = this.querysetOf(callee.childForFieldName("object")!);
    return base ? this.afterMethod(base, method, inner) : undefined;
  }

  /** A name proven a queryset: every binding in its scope assigns a queryset expression. */
  private querysetNamed(identifier: SyntaxNode): QuerysetProof | undefined {
    const bindings = this.bindingsOf(identifier);
    if (!bindings) return undefined;
    // The assignment that reaches this read on every path decides, whatever the others bind.
    const reaching =
      bindings.nodes.length > 1 ? reachingAssignment(identifier, bindings.nodes) : undefined;
    const site = reaching ? bindingSite(reaching) : undefined;
    const value =
      site?.childForFieldName("left")?.id === reaching?.id && site?.childForFieldName("right");
    const flowProof = value ? this.querysetOf(value) : undefined;
    if (flowProof) return flowProof;
    const key = `qs:${bindings.scope.id}:${identifier.text}`;
    if (!this.byName.has(key)) {
      if (this.inProgress.has(key)) return undefined;
      this.byName.set(key, this.querysetNamedIn(bindings, identifier, key));
    }
    const proof = this.byName.get(key) as QuerysetProof | undefined;
    return proof && withRefinements(proof, this.refinements.get(key) ?? [], identifier);
  }

  private querysetNamedIn(
    bindings: { scope: SyntaxNode; nodes: SyntaxNode[] },
    identifier: SyntaxNode,
    key: string,
  ): QuerysetProof | undefined {
    this.inProgress.add(key);
    try {
      let proof: QuerysetProof | undefined;
      for (const bound of bindings.nodes) {
        const site = bindingSite(bound);
        const annotated = site && this.annotatedQueryset(site, bound);
        if (annotated) {
          proof = proof ? mergeQuerysets(proof, annotated) : annotated;
          if (!proof) return undefined;
          continue;
        }
        if (site?.type !== "assignment" || site.childForFieldName("left")?.id !== bound.id)
          return undefined;
        const value = site.childForFieldName("right");
        // `qs = qs.filter(...)` refines the name's own earlier binding: prove the rest first.
        const next = value ? this.querysetOfAssigned(value, identifier.text, key) : undefined;
        if (next === "self") {
          this.refinements.set(key, [...(this.refinements.get(key) ?? []), value!]);
          continue;
        }
        if (!next) return undefined;
        proof = proof ? mergeQuerysets(proof, next) : next;
        if (!proof) return undefined;
      }
      return proof;
    } finally {
      this.inProgress.delete(key);
    }
  }

  /** `qs: QuerySet[M]` (a parameter, or an assignment with that annotation), `qs = f()` with `f` annotated so. */
  private annotatedQueryset(site: SyntaxNode, bound: SyntaxNode): QuerysetProof | undefined {
    const [named, reexported] = this.annotationReaders();
    const type = site.childForFieldName("type");
    const own = site.type === "assignment" ? site.childForFieldName("left") : site.namedChildren[0];
    const name = site.type === "typed_default_parameter" ? site.childForFieldName("name") : own;
    if (type && name?.id === bound.id) return querysetOfAnnotation(type, named, reexported);
    const value = site.type === "assignment" ? site.childForFieldName("right") : null;
    return (value?.type === "call" || value?.type === "await") && own?.id === bound.id
      ? this.querysetOfHelper(value)
      : undefined;
  }

  /** What a sync def of this file returns when it only returns a queryset, or is annotated so. */
  private querysetOfHelper(call: SyntaxNode): QuerysetProof | undefined {
    const def = syncDefReturning(call) ?? awaitedDef(call);
    const returned = def && onlyReturned(def.childForFieldName("body"));
    return (
      (returned && (this.querysetOf(returned) ?? querysetThroughParameter(this, call, def!))) ||
      querysetReturnedBy(call, ...this.annotationReaders()) ||
      inheritedQuerysetReturn(this.project, call)
    );
  }

  /** `base.<method>(...)` for a chain method of Django's; undefined for anything else. */
  queryStep(base: QuerysetProof, method: string, call: SyntaxNode): QuerysetProof | undefined {
    const chains = QUERYSET_RETURNING.has(method) || CHAIN_ALSO.has(method);
    return chains && !CHAIN_NOT_QUERYSET.has(method)
      ? this.afterMethod(base, method, call)
      : undefined;
  }

  /** How a queryset annotation's names are read: model classes, and a project's `import *` of Django. */
  private annotationReaders(): [
    (name: string, at: SyntaxNode) => string | undefined,
    (module: string, name: string) => boolean,
  ] {
    // `from core.db.models import QuerySet`, where that module does `from django.db.models import *`.
    const index = this.project.index;
    return [
      (name, at) => this.modelClassNamed(name, at),
      (module, name) => !!index && reexportsAllOf(index, module, "django.db.models", name),
    ];
  }

  /** The proof for an assigned value; "self" when it only refines the name being proven. */
  private querysetOfAssigned(
    value: SyntaxNode,
    name: string,
    key: string,
  ): QuerysetProof | "self" | undefined {
    let root = value;
    while (
      root.type === "call" ||
      root.type === "attribute" ||
      isLazySlice(root) ||
      root.type === "parenthesized_expression"
    ) {
      const next =
        root.type === "call"
          ? root.childForFieldName("function")
          : root.type === "subscript"
            ? root.childForFieldName("value")
            : root.type === "parenthesized_expression"
              ? onlyChild(root)
              : root.childForFieldName("object");
      if (!next) break;
      root = next;
    }
    if (root.type === "identifier" && root.text === name && this.inProgress.has(key)) {
      // Only queryset-returning steps between the name and the value keep it a queryset.
      return chainOnlyRefines(value, root) ? "self" : undefined;
    }
    return this.querysetOf(value);
  }

  /**
   * A model instance: a name bound in its scope only from terminal ORM calls, `<Model>(...)`,
   * `get_object_or_404`, the loop variable over a queryset, or a parameter annotated with a model.
   */
  instanceOf(expr: SyntaxNode): InstanceProof | undefined {
    // `self.meeting` a plain class annotates; orm-review-9 S12: `post.poll`, a ForeignKey of a
    // proven instance (whether reading it loads a row is lazy-relations.ts's question).
    if (expr.type === "attribute")
      return (
        classAnnotatedInstance(
          this.project,
          expr,
          (t) => this.modelOfAnnotation(t),
          (value) =>
            value.type === "identifier" ? this.instanceOf(value) : this.instanceReturned(value),
        ) ?? relatedInstance(this.project, expr, this)
      );
    // orm-human-5 H2: `TodoItem(text=text).save`, the instance a model's constructor makes.
    const model = expr.type === "call" && this.modelClassOf(expr.childForFieldName("function")!);
    if (model) return { model, selected: passedFields(expr, new Set(), "create") };
    if (expr.type !== "identifier") return undefined;
    if (this.instances.has(expr.id)) return this.instances.get(expr.id);
    const proof = this.instanceNamed(expr);
    this.instances.set(expr.id, proof);
    return proof;
  }

  /** The instance a call returns (`Card.objects.get(pk=pk)`), as a name bound to it would be. */
  instanceReturned(call: SyntaxNode): InstanceProof | undefined {
    return instanceReturnedBy(this, this.project, call, false);
  }

  private instanceNamed(identifier: SyntaxNode): InstanceProof | undefined {
    const bindings = this.bindingsOf(identifier);
    if (!bindings) return undefined;
    // The assignment that reaches this read on every path decides, whatever the others bind.
    const reaching = bindings.nodes.length > 1 && reachingBinding(identifier, bindings.nodes);
    const flowProof = reaching ? instanceBoundBy(this, this.project, reaching) : undefined;
    if (flowProof) return flowProof;
    const key = `obj:${bindings.scope.id}:${identifier.text}`;
    // Every read of a name in one scope has the same answer.
    if (this.byName.has(key)) return this.byName.get(key) as InstanceProof | undefined;
    const proof = this.instanceNamedIn(bindings, key);
    this.byName.set(key, proof);
    return proof;
  }

  private instanceNamedIn(
    bindings: { scope: SyntaxNode; nodes: SyntaxNode[] },
    key: string,
  ): InstanceProof | undefined {
    if (this.inProgress.has(key)) return undefined;
    this.inProgress.add(key);
    try {
      let proof: InstanceProof | undefined;
      for (const bound of bindings.nodes) {
        const next = instanceBoundBy(this, this.project, bound);
        if (!next) return undefined;
        if (proof && proof.model !== next.model) return undefined;
        proof = proof
          ? {
              model: proof.model,
              selected: intersect(proof.selected, next.selected),
              ...(proof.fromParameter || next.fromParameter ? { fromParameter: true } : {}),
            }
          : next;
      }
      return proof;
    } finally {
      this.inProgress.delete(key);
    }
  }

  /** The model of an annotation: `Batch`, `"Batch"`, `Optional[Batch]`, `Batch | None`. */
  modelOfAnnotation(type: SyntaxNode): string | undefined {
    return modelOfAnnotation(this, this.project, type);
  }

  /** Are the model's fields known: is it declared somewhere in the project index? */
  knowsFieldsOf(model: string): boolean {
    return this.project.models[model] !== undefined;
  }

  /** Relation fields (ForeignKey, OneToOne) of a model, from the pre-pass. */
  relationsOf(model: string): readonly string[] {
    return this.project.models[model]?.relations ?? [];
  }

  /** The binding identifiers of a name in the scope it resolves to, or undefined (global, import...). */
  private bindingsOf(
    identifier: SyntaxNode,
  ): { scope: SyntaxNode; nodes: SyntaxNode[] } | undefined {
    const own = enclosingScope(identifier);
    for (let scope = own; ; scope = enclosingScope(scope)) {
      // A class body's names are not visible in the functions nested in it.
      if (scope.type === "class_definition" && scope.id !== own.id) continue;
      const bound = bindingsNamed(scope, identifier.text);
      if (bound.length > 0) {
        if (bound.some((b) => UNFOLLOWED_BINDINGS.has(b.kind))) return undefined;
        return { scope, nodes: bound.map((b) => b.node) };
      }
      if (scope.type === "module") return undefined;
    }
  }

  /** The only binding of a name where it resolves, or undefined. */
  private onlyBindingOf(name: string, at: SyntaxNode): SyntaxNode | undefined {
    const own = enclosingScope(at);
    for (let scope = own; ; scope = enclosingScope(scope)) {
      if (scope.type === "class_definition" && scope.id !== own.id) continue;
      const bound = bindingsNamed(scope, name);
      if (bound.length === 1) return bound[0].node;
      if (bound.length > 1 || scope.type === "module") return undefined;
    }
  }
}

const UNFOLLOWED_BINDINGS = new Set(["global", "import", "definition"]); // a def or class too
