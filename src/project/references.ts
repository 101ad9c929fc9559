import type {
  IndexedFunction,
  IndexedReference,
  ProjectIndex,
  SyntaxNode,
} from "../model/types.js";
import { indexedFunctionOf } from "./index-lookup.js";
import { REFERENCE, type ReferenceKind } from "../python/outline-references.js";
import { dottedName, importedModuleId } from "../python/module-names.js";
import { PACKED_REFERENCE_WIDTH } from "../python/packed-outline.js";
import { absoluteName } from "../python/relative-imports.js";

// Issue 22, item 3: the references to a project function that are not calls of it, read from
// every file's outline, so that a function is converted in place only when nothing but awaited
// calls names it.

const KINDS: Record<ReferenceKind, IndexedReference["kind"]> = {
  [REFERENCE.value]: "value",
  [REFERENCE.getattr]: "getattr",
  [REFERENCE.getattrAny]: "dynamic",
  [REFERENCE.exported]: "exported",
  [REFERENCE.path]: "path",
  [REFERENCE.star]: "star",
  [REFERENCE.attribute]: "attribute",
};

/** One file's packed references (`PackedOutline.r`) as the index keeps them. */
export function referencesOfFile(
  file: { path: string; module: string; shown: string },
  packed: readonly (string | number)[],
): IndexedReference[] {
  const found: IndexedReference[] = [];
  for (let k = 0; k + PACKED_REFERENCE_WIDTH - 1 < packed.length; k += PACKED_REFERENCE_WIDTH) {
    const kind = packed[k] as ReferenceKind;
    const text = packed[k + 1] as string;
    const target = targetOf(kind, text, file);
    if (target !== undefined)
      found.push({ path: file.shown, line: packed[k + 2] as number, kind: KINDS[kind], target });
  }
  return found;
}

/** The dotted name a reference of a file names, made absolute from the file's module. */
function targetOf(
  kind: ReferenceKind,
  text: string,
  file: { path: string; module: string },
): string | undefined {
  switch (kind) {
    case REFERENCE.value:
    case REFERENCE.getattr:
    case REFERENCE.star:
      return absoluteName(text, file.module, file.path);
    case REFERENCE.path:
      return importedModuleId(file.module, text);
    case REFERENCE.exported:
      return `${file.module}.${text}`;
    default:
      return text;
  }
}

const byTargetOfIndex = new WeakMap<ProjectIndex, Map<string, IndexedReference[]>>();

/** What a reference is looked up by: its dotted target and each prefix of it up to a dot, or `@name`. */
function keysOf(ref: IndexedReference): string[] {
  if (ref.kind === "attribute" || ref.kind === "dynamic") return [`@${ref.target}`];
  const keys = [ref.target];
  for (let dot = ref.target.indexOf("."); dot > 0; dot = ref.target.indexOf(".", dot + 1))
    keys.push(ref.target.slice(0, dot));
  return keys;
}

/**
 * The references that may name `fn` other than by calling it, in index order: its dotted name
 * (or an attribute of it, `restock.delay`) handed on, got by `getattr`, exported in `__all__` or
 * written in a string; its module's `import *` when that takes it; a `getattr` of its name
 * on an object not known; and, for a method, any `x.<name>` handed on.
 */
export function referencesTo(index: ProjectIndex, fn: IndexedFunction): IndexedReference[] {
  let byTarget = byTargetOfIndex.get(index);
  if (!byTarget) {
    byTarget = new Map();
    for (const ref of index.references ?? [])
      for (const key of keysOf(ref)) {
        const list = byTarget.get(key);
        if (list) list.push(ref);
        else byTarget.set(key, [ref]);
      }
    byTargetOfIndex.set(index, byTarget);
  }
  const dotted = `${fn.module}.${fn.className ? `${fn.className}.` : ""}${fn.name}`;
  const named = (byTarget.get(dotted) ?? []).filter(
    (ref) => ref.kind !== "star" && (ref.kind !== "exported" || ref.target === dotted),
  );
  // `import *` takes a module's public names, or those its `__all__` lists (already counted).
  const inModule = byTarget.get(fn.module) ?? [];
  const listsAll = inModule.some(
    (r) => r.kind === "exported" && r.target.lastIndexOf(".") === fn.module.length,
  );
  const star =
    fn.className || fn.name.startsWith("_") || listsAll
      ? []
      : inModule.filter((r) => r.kind === "star" && r.target === fn.module);
  const byName = (byTarget.get(`@${fn.name}`) ?? []).filter(
    (ref) => ref.kind === "dynamic" || fn.className !== undefined,
  );
  return [...named, ...star, ...byName];
}

/** How a reference reads in a message: `shop/jobs.py line 8 hands restock on as a value`. */
export function describeReference(ref: IndexedReference, name: string): string {
  const where = `${ref.path} line ${ref.line}`;
  switch (ref.kind) {
    case "value": {
      // `shop.tasks.send.delay`: what follows the function's own name.
      const after = ref.target.slice(ref.target.lastIndexOf(`.${name}`) + name.length + 1);
      return after ? `${where} uses ${name}${after}` : `${where} hands ${name} on as a value`;
    }
    case "getattr":
    case "dynamic":
      return `${where} gets ${name} by getattr`;
    case "exported":
      return `${where} exports ${name} in __all__`;
    case "path":
      return `${where} names ${name} in a string ("${dottedName(ref.target)}")`;
    case "star":
      return `${where} imports it with import *`;
    default:
      return `${where} hands on .${name} as a value`;
  }
}

/**
 * The references, other than calls, to the `def` of `module` (a module-level function or a
 * method of a module-level class) that its own file's tree does not show: those of other files,
 * and in its own file those no identifier spells (`__all__`, `getattr(self, "name")`, a string).
 * Names spelled in the file are the caller's to judge: `sync_to_async(self._count)` being
 * converted is no reference left.
 */
export function nonCallReferencesOf(
  index: ProjectIndex | undefined,
  module: string | undefined,
  def: SyntaxNode,
): IndexedReference[] {
  if (!index || module === undefined) return [];
  const fn = indexedFunctionOf(index, module, def);
  if (!fn) return [];
  return referencesTo(index, fn).filter(
    (ref) => ref.path !== fn.path || (ref.kind !== "value" && ref.kind !== "attribute"),
  );
}
