import type { SyntaxNode } from "../model/types.js";

// The names of reverse related managers: a ForeignKey's or ManyToManyField's `related_name`, or
// its model's `Meta.default_related_name` (orm-review-7 S23), which a concrete model takes from
// an abstract base's Meta when it declares no Meta of its own (or a Meta subclassing the base's),
// and in which `%(class)s` / `%(model_name)s` stand for the concrete model's name in lower case.

/** What a model's `class Meta` says about reverse names. */
export interface MetaFacts {
  abstract?: true;
  /** As written, `%(class)s` patterns kept. */
  defaultRelatedName?: string;
  /** `class Meta(Base.Meta)`: the base's options are inherited. */
  inherits?: true;
}

/** A relation whose reverse name its concrete model decides: [target class, related_name or ""]. */
export type PendingReverse = [string, string];

const NAME = /^[A-Za-z_%][\w%()]*$/;

/** The `class Meta` of a class body, or undefined when it declares none. */
export function metaOf(body: SyntaxNode | null): MetaFacts | undefined {
  const meta = body?.namedChildren.find(
    (c) => c.type === "class_definition" && c.childForFieldName("name")?.text === "Meta",
  );
  if (!meta) return undefined;
  const text = meta.childForFieldName("body")?.text ?? "";
  const facts: MetaFacts = {};
  if (/^\s*abstract\s*=\s*True\b/m.test(text)) facts.abstract = true;
  const name = /^\s*default_related_name\s*=\s*["']([^"'\s]+)["']\s*$/m.exec(text)?.[1];
  if (name && NAME.test(name)) facts.defaultRelatedName = name;
  if ((meta.childForFieldName("superclasses")?.namedChildren.length ?? 0) > 0)
    facts.inherits = true;
  return facts;
}

/** The target class and the `related_name` written (`""` when none) of a relation field call. */
export function relationWritten(call: SyntaxNode): PendingReverse | undefined {
  const args = call.childForFieldName("arguments")?.namedChildren ?? [];
  const to = args.find(
    (a) => a.type === "keyword_argument" && a.childForFieldName("name")?.text === "to",
  );
  const target =
    to?.childForFieldName("value") ??
    args.find((a) => a.type !== "keyword_argument" && a.type !== "comment");
  const named = args.find(
    (a) => a.type === "keyword_argument" && a.childForFieldName("name")?.text === "related_name",
  );
  const value = named?.childForFieldName("value");
  const related = !named
    ? ""
    : value?.type === "string"
      ? (/^["']([^"'\s]+)["']$/.exec(value.text)?.[1] ?? undefined)
      : undefined;
  if (!target || related === undefined || (related && !NAME.test(related))) return undefined;
  const model =
    target.type === "string"
      ? /^["'](?:[\w.]*\.)?(\w+)["']$/.exec(target.text)?.[1]
      : target.type === "identifier"
        ? target.text
        : target.type === "attribute"
          ? target.childForFieldName("attribute")?.text
          : undefined;
  return model ? [model, related] : undefined;
}

/** The name a pattern gives for the concrete model `model`, or undefined (an app label, `+`). */
export function reverseNameFor(pattern: string, model: string): string | undefined {
  const name = pattern
    .replace(/%\(class\)s/g, model.toLowerCase())
    .replace(/%\(model_name\)s/g, model.toLowerCase());
  return /^[A-Za-z_]\w*$/.test(name) ? name : undefined;
}

/** What modelClassesFrom knows of a class, for the walk up its bases. */
interface ReverseClass {
  bases: string[];
  meta?: MetaFacts;
  pendingReverse?: PendingReverse[];
}

/**
 * The reverse names a concrete model's relations give their targets whose name its own field
 * did not fix: its own fields' and its abstract bases' (`[target, name]`).
 */
export function inheritedReverse(name: string, all: Map<string, ReverseClass>): [string, string][] {
  const cls = all.get(name);
  if (!cls || cls.meta?.abstract) return [];
  const fallback = defaultFor(name, all, new Set());
  const found: [string, string][] = [];
  const seen = new Set<string>();
  const visit = (className: string, own: boolean) => {
    const c = all.get(className);
    if (!c || seen.has(className) || (!own && !c.meta?.abstract)) return;
    seen.add(className);
    for (const [target, written] of c.pendingReverse ?? []) {
      const pattern = written || fallback;
      const reverse = pattern ? reverseNameFor(pattern, name) : undefined;
      if (reverse) found.push([target === "self" ? className : target, reverse]);
    }
    for (const base of c.bases) visit(base, false);
  };
  visit(name, true);
  return found;
}

/** A class's `default_related_name` pattern, its own or (no Meta of its own) an abstract base's. */
function defaultFor(
  name: string,
  all: Map<string, ReverseClass>,
  seen: Set<string>,
): string | undefined {
  const cls = all.get(name);
  if (!cls || seen.has(name)) return undefined;
  seen.add(name);
  if (cls.meta?.defaultRelatedName) return cls.meta.defaultRelatedName;
  if (cls.meta && !cls.meta.inherits) return undefined;
  for (const base of cls.bases) {
    const b = all.get(base);
    if (!b?.meta?.abstract) continue;
    const found = defaultFor(base, all, seen);
    if (found) return found;
  }
  return undefined;
}
