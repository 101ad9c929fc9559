import {
  filesReaching,
  importsLeadingTo,
  reachFrom,
  setsReached,
} from "../../src/project/survey-imports.js";
import { dottedName } from "../../src/python/module-names.js";
import { lastSegment } from "../../src/python/lookup.js";
import type { IndexedModule, ProjectIndex, SurveyStart } from "../../src/model/types.js";

/*
 * Where the typed survey (typed.ts) starts: the rewritten files whose sites may reach an
 * awaitable it can find, told from the project index without a parse (issue 25: it read every
 * file holding a function, 1,600 of the standard library's 1,790). Every hit is
 *   - a class's member (`attributeOf`): an `async def` method, or an annotated name whose
 *     annotation names `Awaitable`/`Coroutine`, or is one name (`namedType`: `Hook`, `m.Hook`,
 *     `Optional[Hook]`, `Hook | None`) that a module-level assignment may make an alias of one;
 *     the ask's attribute is the member's name, and the site's file names the class (an
 *     annotation), or a module-level def annotated to return it (`ret:`);
 *   - or an async function a package re-exports (`reexported`), called through an import of a
 *     module whose imports lead to it, import by import;
 * and every step from a site to it goes through an import or stays in its module (`keyOf`).
 */

const NAME = /[\p{ID_Start}_][\p{ID_Continue}]*/gu;
const AWAITABLE_TYPE = /\b(?:Awaitable|Coroutine)\b/;
const DOTTED = String.raw`[\p{ID_Start}_][\p{ID_Continue}]*(?:\s*\.\s*[\p{ID_Start}_][\p{ID_Continue}]*)*`;
/** What `namedType` reads a class or alias from: `Hook`, `m.Hook`, `Optional[Hook]`, `Hook | None`. */
const NAMED_TYPE = new RegExp(
  String.raw`^(?:(${DOTTED})|(?:${DOTTED}\s*\.\s*)?Optional\s*\[\s*(${DOTTED})\s*\]|(?:None\s*\|\s*)?(${DOTTED})(?:\s*\|\s*None)?)$`,
  "u",
);

/**
 * The modules a re-export may start at (`reexportOf`): each hop is an import `from X import name`
 * (or `*`), where X defines an async function of that name or binds it by such an import.
 */
function reexporters(index: ProjectIndex, files: readonly IndexedModule[]) {
  const binds = new Map<string, Set<string>>();
  const bind = (module: string, name: string) =>
    !binds.get(module)?.has(name) &&
    !!binds.set(module, (binds.get(module) ?? new Set()).add(name));
  for (const f of index.functions) if (f.async && !f.className) bind(dottedName(f.module), f.name);
  const importing = new Set<string>();
  const reexported = new Set<string>();
  for (let grew = true; grew;) {
    grew = false;
    for (const file of files) {
      const module = dottedName(file.module);
      for (const entry of file.imports) {
        const dot = entry.lastIndexOf(".");
        const from = binds.get(entry.slice(0, dot));
        const name = entry.slice(dot + 1);
        const names = name === "*" ? [...(from ?? [])] : from?.has(name) ? [name] : [];
        // Under the names it is imported as too (a rename is kept by its imported name).
        for (const bound of names)
          for (const local of [bound, ...localNames(file, bound)]) {
            grew = bind(module, local) || grew;
            importing.add(module);
            reexported.add(local);
          }
      }
    }
  }
  return { modules: importing, names: reexported };
}

function localNames(file: IndexedModule, name: string): string[] {
  return (file.renames ?? []).flatMap(([real, local]) => (real === name ? [local] : []));
}

/**
 * Whether the name an annotation reads (`judged`) may be an alias: a name the file neither
 * imports nor dots is one of its own module-level assignments (`aliasValue`); any other, of
 * some module's.
 */
function mayBeAlias(file: IndexedModule, name: string, aliases: ReadonlySet<string>): boolean {
  const last = lastSegment(name.replace(/\s+/g, ""));
  const imported =
    last !== name ||
    file.imports.some((e) => lastSegment(e) === last) ||
    (file.renames ?? []).some(([, local]) => local === last);
  return imported ? aliases.has(last) : (file.assigned ?? []).includes(last);
}

/**
 * Each class's members that may be awaitable (see the comment at the top), and the files
 * declaring them (by class name: classes of one name in two modules are one entry).
 */
function awaitableMembers(index: ProjectIndex, files: readonly [string, IndexedModule][]) {
  const members = new Map<string, Set<string>>();
  const declaredIn = new Map<string, Set<string>>();
  const member = (cls: string, name: string, path: string) => {
    members.set(cls, (members.get(cls) ?? new Set()).add(name));
    declaredIn.set(cls, (declaredIn.get(cls) ?? new Set()).add(path));
  };
  // A class inside a def is never a hit (`attributeOf` reads the module's own classes).
  for (const f of index.functions)
    if (f.async && f.className && !f.nested) member(f.className, f.name, f.path);
  if (!files.some(([, f]) => f.awaitableTypes)) return { members, declaredIn };
  const aliases = new Set(files.flatMap(([, f]) => f.assigned ?? []));
  for (const [path, file] of files)
    for (const entry of file.annotated ?? []) {
      const [owner, annotation] = entry.split("\t");
      const named = NAMED_TYPE.exec(annotation);
      const may =
        annotation === "*" ||
        AWAITABLE_TYPE.test(annotation) ||
        (!!named && mayBeAlias(file, named[1] ?? named[2] ?? named[3], aliases));
      const dot = owner.indexOf(".");
      if (may) member(owner.slice(0, dot), owner.slice(dot + 1), path);
    }
  return { members, declaredIn };
}

/**
 * Per class with awaitable members: its members' names, and the names that give a receiver of
 * it (the class, and module-level defs annotated to return it, under any import's rename); and
 * the files declaring each.
 */
function classNames(index: ProjectIndex, files: readonly [string, IndexedModule][]) {
  const { members, declaredIn } = awaitableMembers(index, files);
  const makers = new Map<string, string[]>();
  for (const [, file] of files) {
    const real = new Map((file.renames ?? []).map(([name, local]) => [local, name]));
    for (const [name, returns] of Object.entries(file.returns ?? {}))
      for (const [word] of returns.matchAll(NAME)) {
        const cls = members.has(word) ? word : real.get(word);
        if (cls && members.has(cls)) makers.set(cls, [...(makers.get(cls) ?? []), name]);
      }
  }
  const names = [...members].map(([cls, names]) => [[...names], [cls, ...(makers.get(cls) ?? [])]]);
  return { names, declaredIn: [...members.keys()].map((cls) => declaredIn.get(cls)!) };
}

/**
 * Per file, the classes (positions in `declaredIn`) whose declaring files its imports may lead
 * to: a site can only name a class it reaches (through an import, or its own), so a file that
 * reaches none of a class's files need not hold that class's words (`Event` and `wait` in a
 * threading module never make asyncio's Event a hit).
 */
function classesReached(index: ProjectIndex, declaredIn: readonly ReadonlySet<string>[]) {
  const declares = new Map<string, number[]>();
  declaredIn.forEach((paths, k) => {
    for (const path of paths) declares.set(path, [...(declares.get(path) ?? []), k]);
  });
  return setsReached(index, (path) => declares.get(path) ?? [], declaredIn.length);
}

/** The typed survey's first round: each file read whole, or only if it holds the names. */
export function typedStart(
  index: ProjectIndex,
  rewritten: ReadonlySet<string>,
): (string | SurveyStart)[] {
  const asyncIn = new Set(index.functions.filter((f) => f.async).map((f) => f.path));
  // A file holding an `async def` is read whole (it reaches one: its own): what its own
  // coroutines' decorators and parameters say is asked of it (hzc's `dec:` and `inj:`). The
  // project-wide reads below are made only for the others (a one-file run often has none).
  const others = [...rewritten].filter((path) => !asyncIn.has(path));
  const starts = others.length > 0 ? startsOf(index, asyncIn, others) : new Map();
  return [...rewritten].flatMap((path) => (asyncIn.has(path) ? [path] : (starts.get(path) ?? [])));
}

/** The start of each rewritten file holding no `async def`, by path (absent: not read). */
function startsOf(
  index: ProjectIndex,
  asyncIn: ReadonlySet<string>,
  paths: readonly string[],
): Map<string, string | SurveyStart> {
  const modules = index.modules;
  if (!modules) return new Map(paths.map((path) => [path, path]));
  const entries = Object.entries(modules);
  const files = entries.map(([, file]) => file);
  const declares = (path: string, file: IndexedModule) =>
    asyncIn.has(path) || !!file.awaitableTypes;
  const reexports = reexporters(index, files);
  const importsReexporter = importsLeadingTo(reexports.modules);
  const { names, declaredIn } = classNames(index, entries);
  const { reaches, namesFor } =
    paths.length <= FEW_FILES
      ? walkedFrom(index, declares, names, declaredIn)
      : fixedPoint(index, declares, names, declaredIn);
  const starts = new Map<string, string | SurveyStart>();
  for (const path of paths) {
    if (!reaches(path)) continue;
    const file = modules[path];
    const own = names.length > 0 ? namesFor(path) : [];
    // A re-exported name is called through an import of the module re-exporting it.
    if (file && importsReexporter(file))
      starts.set(path, { path, names: [...own, [[...reexports.names]]] });
    else if (own.length > 0) starts.set(path, { path, names: own });
  }
  return starts;
}

/**
 * Up to this many files, each one's reach is walked from it (`reachFrom`); beyond, the reach of
 * every file of the project is made at once (`filesReaching`, `setsReached`): a walk from one file
 * costs about one of the fixed point's rounds over the project.
 */
const FEW_FILES = 4;

type Alternatives = ReturnType<typeof classNames>["names"];

/**
 * Whether a file reaches a declaring file (`declares`), and the classes' alternatives whose
 * declaring files it reaches: from a walk of its imports.
 */
function walkedFrom(
  index: ProjectIndex,
  declares: (path: string, file: IndexedModule) => boolean,
  names: Alternatives,
  declaredIn: readonly ReadonlySet<string>[],
) {
  const modules = index.modules!;
  const reachOf = reachFrom(index)!;
  const walks = new Map<string, ReadonlySet<string> | undefined>();
  const walk = (path: string) => {
    if (!walks.has(path)) walks.set(path, reachOf(path));
    return walks.get(path);
  };
  return {
    reaches: (path: string) =>
      [...(walk(path) ?? [])].some((reached) => declares(reached, modules[reached])),
    namesFor: (path: string) => {
      const reached = walk(path);
      if (reached === undefined) return [];
      return names.filter((_, k) => [...declaredIn[k]].some((p) => reached.has(p)));
    },
  };
}

/** `walkedFrom`'s answers for every file of the project at once. */
function fixedPoint(
  index: ProjectIndex,
  declares: (path: string, file: IndexedModule) => boolean,
  names: Alternatives,
  declaredIn: readonly ReadonlySet<string>[],
) {
  const reaching = filesReaching(index, declares)!;
  let reached: Map<string, Uint32Array> | undefined;
  return {
    reaches: (path: string) => reaching.has(path),
    namesFor: (path: string) => {
      const bits = (reached ??= classesReached(index, declaredIn)!).get(path);
      return names.filter((_, k) => bits !== undefined && (bits[k >>> 5] & (1 << (k & 31))) !== 0);
    },
  };
}
