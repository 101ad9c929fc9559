import { matchesAtLineStarts } from "../python/line-keywords.js";

// Which base classes are known to lie outside Django's ORM, read from a file's text: the pre-pass
// must tell a pydantic `class CardRequest(BaseModel)` in a `models.py` from a Django model.

/**
 * Modules whose classes are never Django models: validation and serialisation libraries, the
 * standard library's class kinds, Django's forms.
 */
const OUTSIDE_ORM_MODULES = [
  "pydantic",
  "pydantic_settings",
  "ninja",
  "msgspec",
  "attr",
  "attrs",
  "marshmallow",
  "rest_framework",
  "enum",
  "typing",
  "typing_extensions",
  "abc",
  "collections",
  "dataclasses",
  "django.forms",
];

/** Django's enumeration types (`django.db.models.enums`): values, never models. */
const DJANGO_CHOICES = /^(TextChoices|IntegerChoices|Choices)$/;

/** Builtin bases: a class extending one of them (not imported over) is no model. */
const BUILTIN_BASES = /^(object|dict|list|str|int|tuple|set|Exception|[A-Z]\w*(Error|Exception))$/;

const FROM_IMPORT = /^[ \t]*from[ \t]+([\w.]+)[ \t]+import[ \t]+(\([^)]*\)|[^\n]*)/gm;
const PLAIN_IMPORT = /^[ \t]*import[ \t]+([^\n#]+)/gm;

/** The last text read and its imports: the pre-pass's readers of one file each ask (6% of wagtail). */
let last: { source: string; modules: Map<string, string> } | undefined;

/**
 * The module each name a file imports comes from: `BaseModel` -> `pydantic`. The map is shared
 * by every reader of the same text: read it, never change it.
 */
export function importedModules(source: string): Map<string, string> {
  if (last?.source === source) return last.modules;
  const modules = importsOf(source);
  last = { source, modules };
  return modules;
}

function importsOf(source: string): Map<string, string> {
  const modules = new Map<string, string>();
  if (!source.includes("import")) return modules;
  for (const [, module, list] of matchesAtLineStarts(source, "from", FROM_IMPORT))
    for (const item of list.replace(/[()]|#[^\n]*/g, "").split(",")) {
      const [name, alias] = item.trim().split(/\s+as\s+/);
      if (name) modules.set((alias ?? name).trim(), module);
    }
  for (const [, list] of matchesAtLineStarts(source, "import", PLAIN_IMPORT))
    for (const item of list.split(",")) {
      const [name, alias] = item.trim().split(/\s+as\s+/);
      if (name)
        modules.set((alias ?? name.split(".")[0]).trim(), alias ? name : name.split(".")[0]);
    }
  return modules;
}

function isOutsideOrmModule(module: string): boolean {
  return OUTSIDE_ORM_MODULES.some((m) => module === m || module.startsWith(`${m}.`));
}

/**
 * The bases (as written: `BaseModel`, `pydantic.BaseModel`) known to lie outside the ORM, by
 * their last names: imported from such a module, or builtin and not imported.
 */
export function basesOutsideOrm(
  written: readonly string[],
  imports: Map<string, string>,
): string[] {
  return written.flatMap((base) => {
    const parts = base.split(".").map((p) => p.trim());
    const last = parts.at(-1)!;
    const head = imports.get(parts[0]);
    const module =
      parts.length > 1 ? [head ?? parts[0], ...parts.slice(1, -1)].join(".") : imports.get(last);
    // orm-human-8 K12: `models.TextChoices`, Django's enums of choices, are no models.
    if (module?.startsWith("django.db") && DJANGO_CHOICES.test(last)) return [last];
    if (module !== undefined) return isOutsideOrmModule(module) ? [last] : [];
    return BUILTIN_BASES.test(last) ? [last] : [];
  });
}
