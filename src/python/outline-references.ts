import { isSetter } from "./outline-reading.js";
import { isStdlibModule } from "./stdlib.js";

/**
 * References to a function that are not calls of it (issue 22, item 3), read by the outline's
 * lexical pass: a function converted to `async def` in place breaks every one of them (a thread
 * pool calling it gets a coroutine and its writes never run), so the project index keeps them
 * beside the calls. What a lexical pass cannot see (a name built at run time) is not recorded.
 */
export const REFERENCE = {
  /** An imported name used other than as a callee: `POOL.submit(restock, pk)`, `callback=f`, `f.delay(...)`. */
  value: 0,
  /** `getattr(module, "name")` (or `setattr`) on an imported module or class. */
  getattr: 1,
  /** `getattr(x, "name")` (or `setattr`, `monkeypatch.setattr`) on anything else: any function of that name. */
  getattrAny: 2,
  /** A name listed in the module's `__all__`. */
  exported: 3,
  /** A string naming a dotted path: `"shop.tasks.restock"`, `"shop.tasks:restock"`. */
  path: 4,
  /** `from module import *`: the module's public names. */
  star: 5,
  /** `x.name` handed on whole (an argument, an item, an assignment's value) or assigned to: a method, maybe. */
  attribute: 6,
} as const;

export type ReferenceKind = (typeof REFERENCE)[keyof typeof REFERENCE];

export interface OutlineReference {
  kind: ReferenceKind;
  /**
   * value, getattr: the dotted name from the file's imports, as written (a relative import's
   * dots kept: the index makes it absolute); path: the dotted path; star: the module as
   * written; exported, getattrAny, attribute: the name alone.
   */
  text: string;
  line: number;
}

/** Celery's ways to run a task other than calling it: the task is referenced, not called. */
const TASK_ATTRIBUTES = new Set([
  "delay",
  "apply_async",
  "s",
  "si",
  "signature",
  "map",
  "starmap",
  "chunks",
]);

/** Library modules whose star import the index records (see add). */
const STAR_REEXPORTED = new Set(["django.db.models"]);

/** Top-level packages no project module is named after: their names are never the project's. */
const LIBRARIES = new Set(["django", "asgiref", "celery", "rest_framework", "typing_extensions"]);

const GETATTR_ARGS =
  /^\(\s*([\p{ID_Start}_][\p{ID_Continue}.]*)\s*,\s*["']([\p{ID_Start}_][\p{ID_Continue}]*)["']/u;
const DOTTED_PATH =
  /^[\p{ID_Start}_][\p{ID_Continue}]*(?:\.[\p{ID_Start}_][\p{ID_Continue}]*)+(?::[\p{ID_Start}_][\p{ID_Continue}]*)?$/u;
const IDENTIFIER = /^[\p{ID_Start}_][\p{ID_Continue}]*$/u;

/**
 * What a chain followed by this character code is handed on whole (`,` `)` `]` `}` or a line's
 * end) or assigned to (`=`, not `==`: a test replacing a method with a sync callable).
 */
function endsValue(next: number): boolean {
  return (
    next === 44 ||
    next === 41 ||
    next === 93 ||
    next === 125 ||
    next === 10 ||
    next === 61 ||
    next < 0
  );
}

/** The start of a call's arguments (its `(` at `at`): what GETATTR_ARGS reads. */
function argumentsHead(source: string, at: number): string {
  return source.slice(at, at + 300);
}

/** The references of one file, as its outline's scan meets imports, names and strings. */
export class ReferenceRecorder {
  /** Each imported local name, to the dotted name it stands for (as written). */
  private readonly imported = new Map<string, string>();
  private readonly found: OutlineReference[] = [];
  private readonly seen: Set<string>[] = [];

  /** `from module import a as b, c` (`names`: `[name, local]`), or `from module import *`. */
  importFrom(module: string, names: [string, string][], line: number): void {
    for (const [name, local] of names)
      if (name === "*") this.add(REFERENCE.star, module, line);
      else
        this.imported.set(local, module.endsWith(".") ? `${module}${name}` : `${module}.${name}`);
  }

  /** `import a.b` binds `a`; `import a.b as c` binds `c` to `a.b`. */
  importModule(dotted: string, alias: string | undefined): void {
    if (alias) this.imported.set(alias, dotted);
    else {
      const root = dotted.split(".")[0];
      this.imported.set(root, root);
    }
  }

  /**
   * A chain of names (`restock`, `stock.restock`; `root` its first name) that ended without a
   * call; `next`: the character after it. Asked at nearly every name of a project: no slice
   * unless something is recorded.
   */
  chainEnded(chain: string, root: string, next: number, line: number): void {
    const target = this.imported.get(root);
    if (target !== undefined)
      this.add(REFERENCE.value, chain === root ? target : target + chain.slice(root.length), line);
    else if (chain !== root && endsValue(next))
      this.add(REFERENCE.attribute, chain.slice(chain.lastIndexOf(".") + 1), line);
  }

  /**
   * A call of `chain`, whose arguments open at `at` in `source`: `getattr(...)` and
   * `task.delay(...)` refer.
   */
  called(chain: string, root: string, line: number, source: string, at: number): void {
    if (chain === root) {
      if (chain === "getattr" || chain === "setattr") this.getattr(argumentsHead(source, at), line);
      return;
    }
    // `setattr(obj, "name", value)`, `monkeypatch.setattr(...)`: replaced, as getattr gets it.
    if (isSetter(chain)) {
      this.getattr(argumentsHead(source, at), line);
      return;
    }
    // `restock.delay(pk)`: the task `restock`, imported, is run by Celery, not called here.
    if (!this.imported.has(root)) return;
    if (TASK_ATTRIBUTES.has(chain.slice(chain.lastIndexOf(".") + 1)))
      this.chainEnded(chain, root, -2, line);
  }

  /** `getattr(obj, "name")` (or setattr): obj imported names a module or class; otherwise not known. */
  private getattr(head: string, line: number): void {
    const found = GETATTR_ARGS.exec(head);
    if (!found) return;
    const [, object, name] = found;
    const dot = object.indexOf(".");
    const target = this.imported.get(dot < 0 ? object : object.slice(0, dot));
    if (target === undefined) this.add(REFERENCE.getattrAny, name, line);
    else this.add(REFERENCE.getattr, `${target}${dot < 0 ? "" : object.slice(dot)}.${name}`, line);
  }

  /** A one-line string literal's content; `exported`: it stands in an `__all__` statement. */
  string(content: string, line: number, exported: boolean): void {
    if (exported) {
      if (!IDENTIFIER.test(content)) return;
      this.add(REFERENCE.exported, content, line);
      // A name a package re-exports (`from .stock import restock` in its `__init__`) is exported
      // where it is defined too.
      const imported = this.imported.get(content);
      if (imported !== undefined) this.add(REFERENCE.value, imported, line);
    } else if (content.length < 200 && DOTTED_PATH.test(content))
      this.add(REFERENCE.path, content.replace(":", "."), line);
  }

  list(): OutlineReference[] {
    return this.found;
  }

  private add(kind: ReferenceKind, text: string, line: number): void {
    if (
      kind !== REFERENCE.exported &&
      kind !== REFERENCE.getattrAny &&
      kind !== REFERENCE.attribute
    ) {
      const dot = text.indexOf(".");
      const top = dot < 0 ? text : text.slice(0, dot);
      // A module handing on Django's models API (`from django.db.models import *`, as taiga's
      // `taiga.base.db.models` does) is kept: its `QuerySet` is Django's (django/star-reexports.ts).
      const handsOn = kind === REFERENCE.star && STAR_REEXPORTED.has(text);
      if (top !== "" && !handsOn && (LIBRARIES.has(top) || isStdlibModule(top))) return;
    }
    // Once per kind and text: a name handed on in many places is one reference.
    const seen = (this.seen[kind] ??= new Set());
    if (seen.has(text)) return;
    seen.add(text);
    this.found.push({ kind, text, line });
  }
}
