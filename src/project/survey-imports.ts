import { dottedName } from "../python/module-names.js";
import type { IndexedModule, ProjectIndex } from "../model/types.js";

/*
 * Which files may reach a module, import by import: a survey that follows names from a call to
 * where they are declared (a receiver's annotation, a class attribute, a type alias, a package's
 * re-export) only ever moves from a module to one its imports bind, or stays in the module. So a
 * file whose imports lead to none of the modules declaring what the survey looks for cannot reach
 * any, and the survey need not read it.
 *
 * A name bound by an import may lead to the module it names, to the module holding it (`from m
 * import f`: m), and to any module under it (`import shop` reaches `shop.api.perms` through
 * attributes); without import roots, so two services' same-named modules count as one (more
 * files, never fewer).
 */

/** The module ids (dotted, no import root) `name` may lead to, tested against `reached`. */
function leadsTo(name: string, reached: ReadonlySet<string>, under: ReadonlySet<string>): boolean {
  if (name.endsWith(".*")) {
    const module = name.slice(0, -2);
    return reached.has(module) || under.has(module);
  }
  const dot = name.lastIndexOf(".");
  return reached.has(name) || under.has(name) || (dot > 0 && reached.has(name.slice(0, dot)));
}

/** Every proper dotted prefix of `module`: `a.b.c` -> `a`, `a.b`. */
function prefixesOf(module: string): string[] {
  const out: string[] = [];
  for (let dot = module.indexOf("."); dot > 0; dot = module.indexOf(".", dot + 1))
    out.push(module.slice(0, dot));
  return out;
}

/**
 * The files (root-relative paths) whose imports may lead, module by module, to a file `declares`
 * accepts (those included), or undefined when the index does not know the project's imports (an
 * index made by hand): then any file may.
 */
export function filesReaching(
  index: ProjectIndex,
  declares: (path: string, file: IndexedModule) => boolean,
): Set<string> | undefined {
  const modules = index.modules;
  if (!modules) return undefined;
  const reachedFiles = new Set<string>();
  const reached = new Set<string>();
  /** Every proper prefix of a reached module: a name there leads to something under it. */
  const under = new Set<string>();
  const reach = (path: string, file: IndexedModule) => {
    reachedFiles.add(path);
    const module = dottedName(file.module);
    reached.add(module);
    for (const prefix of prefixesOf(module)) under.add(prefix);
  };
  for (const [path, file] of Object.entries(modules)) if (declares(path, file)) reach(path, file);
  let pending = Object.entries(modules).filter(([path]) => !reachedFiles.has(path));
  // Rounds until nothing more is reached: as many as the longest chain of imports followed.
  for (let grew = reachedFiles.size > 0; grew;) {
    grew = false;
    const left: typeof pending = [];
    for (const [path, file] of pending) {
      if (
        reached.has(dottedName(file.module)) ||
        file.imports.some((name) => leadsTo(name, reached, under))
      ) {
        reach(path, file);
        grew = true;
      } else left.push([path, file]);
    }
    pending = left;
  }
  return reachedFiles;
}

/** Whether one of a file's imports leads to one of `modules` (dotted, no import root). */
export function importsLeadingTo(modules: ReadonlySet<string>): (file: IndexedModule) => boolean {
  const under = new Set([...modules].flatMap(prefixesOf));
  return (file) => modules.size > 0 && file.imports.some((name) => leadsTo(name, modules, under));
}
