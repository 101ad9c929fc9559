import type { ImportBinding, SyntaxNode } from "../model/types.js";
import { importBindingOf } from "./imports.js";
import { bindingsNamed } from "./scope.js";
import { definitionNamed } from "./shapes.js";

// Method resolution over a class's bases, as Python does it (C3 linearization), with what one
// file can see: classes defined at the top of the module are followed into their own bases;
// a base imported from elsewhere, or written as anything else (`models.Model`, `Generic[T]`), is
// a class whose own bases are out of sight. Used by every transform that asks which def
// `self.<name>()` runs (native-orm's chains, to-thread's loop hazards).

/** One class of a method resolution order. */
export type MroClass =
  | { kind: "local"; node: SyntaxNode }
  /** Imported by name: its own bases are out of sight. */
  | { kind: "imported"; binding: ImportBinding; name: string }
  /** Any other base expression (`models.Model`, `Generic[T]`): nothing is known of it. */
  | { kind: "opaque"; text: string };

function key(c: MroClass): string {
  if (c.kind === "local") return `local:${c.node.id}`;
  if (c.kind === "imported") return `imported:${c.binding.qualified}`;
  return `opaque:${c.text}`;
}

/** The base expressions of a class, keyword arguments (`metaclass=`) left out. */
export function baseExpressions(cls: SyntaxNode): SyntaxNode[] {
  return (cls.childForFieldName("superclasses")?.namedChildren ?? []).filter(
    (b) => b.type !== "keyword_argument" && b.type !== "comment",
  );
}

/** What a base expression of a top-level class names. */
function baseClass(root: SyntaxNode, base: SyntaxNode): MroClass {
  if (base.type === "identifier") {
    const bound = bindingsNamed(root, base.text);
    const def = bound.length === 1 ? bound[0].node.parent : undefined;
    if (def?.type === "class_definition" && def.parent?.type === "module")
      return { kind: "local", node: def };
    const binding = importBindingOf(base.text, base);
    if (binding) return { kind: "imported", binding, name: base.text };
  }
  return { kind: "opaque", text: base.text };
}

/**
 * The C3 linearization of `cls` (itself first), or undefined when Python would refuse the class
 * (no consistent order) or a base cycle makes it meaningless.
 */
export function methodResolutionOrder(cls: SyntaxNode): readonly MroClass[] | undefined {
  // Asked for each `self.<name>` resolved: linearized once per class (trees never change).
  const perTree = cls.tree.memoized("mro", () => new Map<number, readonly MroClass[] | null>());
  const known = perTree.get(cls.id);
  if (known !== undefined) return known ?? undefined;
  const order = linearize({ kind: "local", node: cls }, cls.tree.rootNode, new Set());
  perTree.set(cls.id, order ?? null);
  return order;
}

function linearize(c: MroClass, root: SyntaxNode, visiting: Set<string>): MroClass[] | undefined {
  if (c.kind !== "local") return [c];
  const id = key(c);
  if (visiting.has(id)) return undefined;
  visiting.add(id);
  const bases = baseExpressions(c.node).map((b) => baseClass(root, b));
  const sequences: MroClass[][] = [];
  for (const base of bases) {
    const order = linearize(base, root, visiting);
    if (!order) return undefined;
    sequences.push(order);
  }
  visiting.delete(id);
  const merged = merge([...sequences, bases]);
  return merged && [c, ...merged];
}

/** C3's merge: the first head no other sequence holds in its tail, until all are empty. */
function merge(sequences: MroClass[][]): MroClass[] | undefined {
  const lists = sequences.map((s) => s.map(key)).filter((s) => s.length > 0);
  const byKey = new Map(sequences.flat().map((c) => [key(c), c]));
  const result: MroClass[] = [];
  while (lists.length > 0) {
    const head = lists.map((l) => l[0]).find((h) => !lists.some((l) => l.indexOf(h) > 0));
    if (head === undefined) return undefined;
    result.push(byKey.get(head)!);
    for (const l of lists) if (l[0] === head) l.shift();
    for (let i = lists.length - 1; i >= 0; i--) if (lists[i].length === 0) lists.splice(i, 1);
  }
  return result;
}

/** The def named `name` directly in a class body (decorated or not), if any. */
export function ownMethod(cls: SyntaxNode, name: string): SyntaxNode | undefined {
  return definitionNamed(cls.childForFieldName("body"), "function_definition", name);
}

/** Where `self.<name>` resolves: a def of this file, or an imported class that defines it. */
export type ResolvedMethod =
  | { kind: "local"; def: SyntaxNode; cls: SyntaxNode }
  | { kind: "imported"; binding: ImportBinding; name: string };

/**
 * Which def `self.<name>` runs for an instance of `cls` itself, following its method resolution
 * order; `definesImported` says whether an imported class defines `name` in its own body (the
 * project index knows), `passesImported` whether it and all its ancestors are known not to. Undefined when the answer is out of sight: a class on the way whose
 * body or bases are unknown (a library base may define it), or a name bound in a class body by
 * anything but one def.
 */
export function resolveMethod(
  cls: SyntaxNode,
  name: string,
  definesImported: (binding: ImportBinding) => boolean = () => false,
  passesImported: (binding: ImportBinding) => boolean = () => false,
): ResolvedMethod | undefined {
  return resolveAlong(methodResolutionOrder(cls) ?? [], name, definesImported, passesImported);
}

/**
 * Which def `super().<name>` runs in a method of `cls`, for an instance of `cls` itself: the
 * same search past `cls` in its order (orm-human-5 H3, django-ninja's `super()._items_count()`).
 * A subclass mixing in another class may put it between (the caller checks the project for one).
 */
export function resolveSuperMethod(
  cls: SyntaxNode,
  name: string,
  definesImported: (binding: ImportBinding) => boolean = () => false,
  passesImported: (binding: ImportBinding) => boolean = () => false,
): ResolvedMethod | undefined {
  const order = methodResolutionOrder(cls);
  return order && resolveAlong(order.slice(1), name, definesImported, passesImported);
}

function resolveAlong(
  order: readonly MroClass[],
  name: string,
  definesImported: (binding: ImportBinding) => boolean,
  passesImported: (binding: ImportBinding) => boolean,
): ResolvedMethod | undefined {
  for (const c of order) {
    if (c.kind === "opaque") return undefined;
    if (c.kind === "imported") {
      // A class the project knows whole (its ancestors too), none of which defines the name.
      if (passesImported(c.binding)) continue;
      // Its own bases are out of sight: found only if it defines the name itself.
      if (!definesImported(c.binding)) return undefined;
      return { kind: "imported", binding: c.binding, name: c.name };
    }
    const bound = bindingsNamed(c.node, name);
    if (bound.length > 1) return undefined;
    const def = ownMethod(c.node, name);
    if (def) return { kind: "local", def, cls: c.node };
    if (bound.length === 1) return undefined;
  }
  return undefined;
}

/**
 * The first def of this file named `name` in `cls`'s method resolution order, past the classes
 * whose bodies are out of sight: the likely target, for checks that look for hazards rather than
 * prove a rewrite.
 */
export function likelyLocalMethod(cls: SyntaxNode, name: string): SyntaxNode | undefined {
  for (const c of methodResolutionOrder(cls) ?? [{ kind: "local" as const, node: cls }]) {
    const def = c.kind === "local" ? ownMethod(c.node, name) : undefined;
    if (def) return def;
  }
  return undefined;
}
