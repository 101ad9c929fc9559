import { userAssigningDecoratorsIn } from "./user-assigning-decorators.js";
import { userReverseOf } from "../django/user-model.js";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { basename, dirname, join, resolve, sep } from "node:path";
import { parse as parseToml } from "smol-toml";
import type { ModelFacts, ProjectFacts, SubProject } from "../model/types.js";
import { functionKey } from "../model/function-key.js";
import { classesOfFile } from "./file-classes.js";
import { returnedClassesIn, typeAliasesIn } from "./return-annotations.js";
import { plainClassesFrom } from "./plain-classes.js";
import { requestFactsIn, starletteRequestFiles, type RequestFacts } from "./request-classes.js";
import { classTreeFactsIn, projectSubclassHeads, type ClassTreeFacts } from "./class-tree.js";
import {
  hasTestCaseFacts,
  testCaseFactsIn,
  testClientFactsOf,
  type TestCaseFacts,
} from "./test-case-classes.js";
import {
  otherClassesFrom,
  modelClassesFrom,
  mayDeclareModels,
  type ClassFacts,
} from "../django/orm.js";

/** Files where a Python project states its dependencies. */
const DEPENDENCY_FILE =
  /^(pyproject\.toml|requirements.*\.(txt|in)|setup\.cfg|setup\.py|Pipfile|Pipfile\.lock|poetry\.lock|uv\.lock)$/;

/** Lock files: the version they pin is the one installed, whatever bound the manifest states. */
const LOCK_FILE = /^(Pipfile\.lock|poetry\.lock|uv\.lock)$/;

// `Django==4.2.7`, `django>=4.1,<5`, `"Django (>=4.2)"`, `django = "^5.0"`, `Django~=4.2`.
const DJANGO_REQUIREMENT =
  /(?:^|[\s"'[,(])django(?:\[[^\]]*\])?["']?\s*(?:=\s*["'])?\s*\(?\s*(==|>=|~=|\^|>|===|~)?\s*(\d+)\.(\d+)/im;
const DJANGO_MENTION = /(?:^|[\s"'[,(])django(?:\[[^\]]*\])?\s*(?:[=<>~^!(;"',\]]|$)/im;
// A requirement of asgiref or Django Channels, not a TOML key (pixi's `channels = ["conda-forge"]`,
// hazard-review-8 Y25): a list after `=` is no version.
const ASGIREF_MENTION =
  /(?:^|[\s"'[,(])(?:asgiref|channels)\b(?!\s*=\s*\[)(?:\[[^\]]*\])?\s*(?:[=<>~^!(;"',\]@]|$)/im;

/** Module-level or local `import django...` / `from django... import`. */
const IMPORTS_DJANGO = /^[ \t]*(?:from|import)[ \t]+django\b/m;
/**
 * `os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"`, `os.environ.setdefault(...)`,
 * `monkeypatch.setenv(...)`: Django then lets sync ORM calls run on the event loop, unraised.
 */
const ALLOWS_ASYNC_UNSAFE =
  /^[ \t]*[\w.]*(?:environ\s*\[\s*["']DJANGO_ALLOW_ASYNC_UNSAFE["']\s*\]\s*=|(?:environ\.setdefault|setenv|putenv)\s*\(\s*["']DJANGO_ALLOW_ASYNC_UNSAFE["'])/m;
const IMPORTS_ASGIREF = /^[ \t]*(?:from|import)[ \t]+(?:asgiref|channels)\b/m;

export interface DependencyFacts {
  usesDjango: boolean;
  usesAsgiref: boolean;
  djangoVersion?: string;
  /** The version comes from a lock file: a manifest's bound does not replace it. */
  locked?: boolean;
  evidence?: string;
}

/** Dependency files in one folder (and its `requirements/` folder), sorted. */
export function dependencyFilesIn(dir: string): string[] {
  const found: string[] = [];
  let names: string[] = [];
  try {
    names = readdirSync(dir);
  } catch {
    return found;
  }
  for (const name of names.sort()) if (DEPENDENCY_FILE.test(name)) found.push(join(dir, name));
  // Many projects split pins by environment: requirements/base.txt, requirements/prod.txt.
  if (names.includes("requirements")) {
    try {
      for (const name of readdirSync(join(dir, "requirements")).sort())
        if (/\.(txt|in)$/.test(name)) found.push(join(dir, "requirements", name));
    } catch {
      // not a folder
    }
  }
  return found;
}

/** Dependency files in `dir` and each folder above it, nearest first, up to the git root. */
export function dependencyFilesAbove(dir: string): string[] {
  const found: string[] = [];
  for (let current = resolve(dir); ; current = dirname(current)) {
    found.push(...dependencyFilesIn(current));
    if (existsSync(join(current, ".git")) || dirname(current) === current) break;
  }
  return found;
}

/** Each file's text with its path; a file that cannot be read is passed over. */
function* readableTexts(files: readonly string[]): Generator<[string, string]> {
  for (const file of files) {
    try {
      yield [file, readFileSync(file, "utf8")];
    } catch {
      // removed or unreadable since it was listed: says nothing
    }
  }
}

/** What the dependency files say about Django: used, and which version (pin or lower bound). */
export function dependencyFacts(files: string[]): DependencyFacts {
  const facts: DependencyFacts = { usesDjango: false, usesAsgiref: false };
  let librarySupports: string | undefined;
  for (const [file, text] of readableTexts(files)) {
    if (LOCK_FILE.test(basename(file))) {
      const locked = lockedDjangoVersion(file, text);
      if (locked && !facts.locked) {
        if (!facts.usesDjango) facts.evidence = file;
        facts.usesDjango = true;
        facts.djangoVersion = locked;
        facts.locked = true;
      }
      continue;
    }
    const version = DJANGO_REQUIREMENT.exec(text);
    if (version || DJANGO_MENTION.test(text)) {
      if (!facts.usesDjango) facts.evidence = file;
      facts.usesDjango = true;
      if (version && !facts.djangoVersion && !facts.locked)
        facts.djangoVersion = `${version[2]}.${version[3]}`;
      if (version && LOWER_BOUND.has(version[1] ?? "") && isLibraryManifest(file, text))
        librarySupports ??= `${version[2]}.${version[3]}`;
    }
    if (ASGIREF_MENTION.test(text)) facts.usesAsgiref = true;
  }
  // orm-review-3 N1: a library's lock pins its own dev environment; its users run any Django
  // its range admits, down to the lower bound (`aget_object_or_404` is 5.0, `django = ">=4.2"`).
  if (facts.locked && librarySupports && versionBelow(librarySupports, facts.djangoVersion))
    facts.djangoVersion = librarySupports;
  return facts;
}

/** Requirement operators that state a lower bound a range continues above. */
const LOWER_BOUND = new Set([">=", "^", "~=", ">", "~"]);

/**
 * A manifest of a distributed package (its users install it beside their own Django): a
 * pyproject with `[tool.poetry] packages`, or `[project]` with a `[build-system]`, or a
 * setup.py/setup.cfg declaring install_requires.
 */
function isLibraryManifest(file: string, text: string): boolean {
  const name = basename(file);
  if (name === "setup.py" || name === "setup.cfg") return declaresDependencies(file, text);
  if (name !== "pyproject.toml") return false;
  if (/^\[tool\.poetry\][^[]*^[ \t]*packages[ \t]*=/m.test(text)) return true;
  return /^\[project\]/m.test(text) && /^\[build-system\]/m.test(text);
}

function versionBelow(a: string, b: string | undefined): boolean {
  const [am, an] = a.split(".").map(Number);
  const [bm, bn] = (b ?? "").split(".").map(Number);
  return b !== undefined && (am < bm || (am === bm && an < bn));
}

/** "X.Y" of the Django a lock file pins (Pipfile.lock's JSON, poetry.lock's or uv.lock's TOML). */
function lockedDjangoVersion(file: string, text: string): string | undefined {
  try {
    if (basename(file) === "Pipfile.lock") {
      const lock = JSON.parse(text) as Record<string, Record<string, { version?: string }>>;
      return majorMinor(lock.default?.django?.version ?? lock.develop?.django?.version);
    }
    const lock = parseToml(text) as { package?: { name?: string; version?: string }[] };
    const django = (lock.package ?? []).find((p) => p.name?.toLowerCase() === "django");
    return majorMinor(django?.version);
  } catch {
    return undefined;
  }
}

function majorMinor(version: string | undefined): string | undefined {
  const match = version ? /(\d+)\.(\d+)/.exec(version) : null;
  return match ? `${match[1]}.${match[2]}` : undefined;
}

const DJANGO_PACKAGE = /(?:^|[\s"'[,(])[\w.-]*django[\w.-]*\s*(?:[=<>~^!(;"',\]\[]|$)/im;

/** `-r base.txt`, `--requirement=../base.txt`, `-c constraints.txt` in a requirements file. */
const REQUIREMENT_INCLUDE =
  /^[ \t]*(?:-r|--requirement|-c|--constraint)(?:[ \t]*=[ \t]*|[ \t]+)(\S+)/gm;

/**
 * Does the file declare dependencies, rather than only hold tools' settings (`[flake8]` in
 * setup.cfg, `[tool.black]` in pyproject.toml)? A file that declares none says nothing about them.
 */
function declaresDependencies(file: string, text: string): boolean {
  const name = basename(file);
  if (name === "pyproject.toml") return pyprojectDeclaresDependencies(text);
  if (name === "setup.cfg") return /^[ \t]*install_requires[ \t]*=/m.test(text);
  if (name === "setup.py") return /\binstall_requires\s*=/.test(text);
  if (name === "Pipfile") return /^\[(?:dev-)?packages\]/m.test(text);
  // A requirements file: any line that is not blank or a comment.
  return /^[ \t]*[^\s#]/m.test(text);
}

function pyprojectDeclaresDependencies(text: string): boolean {
  let document: Record<string, unknown>;
  try {
    document = parseToml(text) as Record<string, unknown>;
  } catch {
    // Unreadable: taken as declaring, as the text search below would read it anyway.
    return true;
  }
  const project = (document.project ?? {}) as Record<string, unknown>;
  const tool = (document.tool ?? {}) as Record<string, Record<string, unknown> | undefined>;
  return [
    project.dependencies,
    project["optional-dependencies"],
    document["dependency-groups"],
    tool.poetry?.dependencies,
    tool.pdm?.["dev-dependencies"],
  ].some((table) => table !== undefined);
}

/** The files and every requirements file they include (`-r`), each once. */
function withIncludes(files: readonly string[]): string[] {
  const seen = new Set<string>();
  const queue = [...files];
  while (queue.length > 0) {
    const file = queue.shift()!;
    if (seen.has(file)) continue;
    seen.add(file);
    if (!/\.(txt|in)$/.test(file)) continue;
    for (const [, text] of readableTexts([file]))
      for (const [, included] of text.matchAll(REQUIREMENT_INCLUDE))
        queue.push(resolve(dirname(file), included));
  }
  return [...seen];
}

/**
 * The dependency files that decide for a folder: those of the nearest folder at or above it, below
 * `root`, that declares dependencies; none when no folder between it and the root does (the
 * project-wide answer holds). `cache` remembers each folder's answer across the files of a run.
 */
export function nearestDependencyFiles(
  folder: string,
  root: string,
  cache: Map<string, { folder: string; files: string[] } | null>,
): { folder: string; files: string[] } | undefined {
  const walked: string[] = [];
  let found: { folder: string; files: string[] } | null = null;
  // The root's own dependency files count too: in a monorepo they may name neither Django nor
  // asgiref, while a sub-folder's do (a FastAPI service at the top, Django in backend/).
  for (let dir = resolve(folder); ; dir = dirname(dir)) {
    if (dir !== root && !dir.startsWith(root + sep)) break;
    const known = cache.get(dir);
    if (known !== undefined) {
      found = known;
      break;
    }
    walked.push(dir);
    const declaring = [...readableTexts(dependencyFilesIn(dir))]
      .filter(([file, text]) => declaresDependencies(file, text))
      .map(([file]) => file);
    if (declaring.length > 0) {
      found = { folder: dir, files: declaring };
      break;
    }
    if (dir === root || dir === dirname(dir)) break;
  }
  for (const dir of walked) cache.set(dir, found);
  return found ?? undefined;
}

/** What a sub-project's dependency files (with their includes) and its files' imports say. */
export function subProjectFacts(
  files: readonly string[],
  imports: () => { django: boolean; asgiref: boolean },
  evidence: string,
): SubProject {
  const all = withIncludes(files);
  const facts = dependencyFacts(all);
  // A package built on Django (`pytest-django` in tests/requirements.txt, `django-environ`,
  // `djangorestframework`) runs with Django installed: the folder is not one without it.
  const djangoPackage = [...readableTexts(all)].some(([, text]) => DJANGO_PACKAGE.test(text));
  // Its files' imports are read only when its dependency files do not settle it.
  const imported = facts.usesDjango || djangoPackage ? undefined : imports();
  return {
    usesDjango: facts.usesDjango || djangoPackage || !!imported?.django,
    usesAsgiref: facts.usesAsgiref || !!imported?.asgiref,
    ...(facts.djangoVersion ? { djangoVersion: facts.djangoVersion } : {}),
    evidence,
  };
}

/** `name = "pkg.cli:main"` in an entry-point list: the `module:function` (extras dropped). */
const ENTRY_POINT = /^\s*["']?[\w.-]+["']?\s*=\s*["']?([\w.]+)\s*:\s*([\w.]+)/gm;
const SETUP_PY_ENTRY_POINT = /["'][\w.-]+\s*=\s*([\w.]+)\s*:\s*([\w.]+)[^"']*["']/g;

/**
 * Console and GUI scripts the project declares, as `module:function`: `[project.scripts]`,
 * `[project.gui-scripts]`, `[tool.poetry.scripts]` in pyproject.toml, `console_scripts` in
 * setup.cfg or setup.py. Each is a process's entry point, which owns its event loop.
 */
export function entryPointsOf(files: string[]): string[] {
  const found = new Set<string>();
  for (const [file, text] of readableTexts(files)) {
    if (file.endsWith("pyproject.toml")) for (const e of pyprojectScripts(text)) found.add(e);
    else if (file.endsWith("setup.cfg")) {
      const section = /^\s*(?:console|gui)_scripts\s*=\s*\n((?:[ \t]+.*\n?)*)/m.exec(text);
      for (const [, module, fn] of section?.[1].matchAll(ENTRY_POINT) ?? [])
        found.add(functionKey(module, fn));
    } else if (file.endsWith("setup.py"))
      for (const [, module, fn] of text.matchAll(SETUP_PY_ENTRY_POINT))
        found.add(functionKey(module, fn));
  }
  return [...found].sort();
}

function pyprojectScripts(text: string): string[] {
  let document: Record<string, unknown>;
  try {
    document = parseToml(text) as Record<string, unknown>;
  } catch {
    return [];
  }
  const project = (document.project ?? {}) as Record<string, unknown>;
  const poetry = ((document.tool as Record<string, unknown> | undefined)?.poetry ?? {}) as Record<
    string,
    unknown
  >;
  const tables = [project.scripts, project["gui-scripts"], poetry.scripts];
  return tables.flatMap((table) =>
    Object.values((table ?? {}) as Record<string, unknown>).flatMap((target) => {
      const match = typeof target === "string" ? /^([\w.]+)\s*:\s*([\w.]+)/.exec(target) : null;
      return match ? [functionKey(match[1], match[2])] : [];
    }),
  );
}

/** What one scanned file contributes to the project facts. Plain data: it crosses threads. */
export interface FileFacts extends RequestFacts, TestCaseFacts, ClassTreeFacts {
  importsDjango: boolean;
  /** The file sets DJANGO_ALLOW_ASYNC_UNSAFE (a conftest or settings module usually). */
  allowsAsyncUnsafe?: true;
  importsAsgiref: boolean;
  models: Record<string, ModelFacts>;
  /** Every class with bases: a base may be a model another file declares. */
  classes?: Record<string, ClassFacts>;
  /**
   * The class bodies may declare managers or relations (the text calls one) but were not read, as
   * nothing in the file names Django or a model: `classes` holds the heads alone. Read them (a
   * parse: `factsOfFile(source, true)`) once a class here turns out to extend a model.
   */
  bodiesUnread?: boolean;
  /** Module-level functions annotated `-> <Class>`: the class's name, by function name. */
  returns?: Record<string, string>;
  /** Module-level type aliases of one class (`AnyUser = Union[AnonymousUser, User]`). */
  aliases?: Record<string, string>;
  /** Decorators whose wrapper replaces `request.user` before calling the view (G9). */
  userAssigningDecorators?: string[];
}

/**
 * The pre-pass over one file: text checks for imports and class heads; a parse only when a class
 * body may declare fields or managers (the pre-pass must not double the run's parse cost), and
 * the file names Django or a model unless `readAllBodies`.
 */
export function factsOfFile(source: string, readAllBodies = false): FileFacts {
  const facts: FileFacts = {
    // The multi-line patterns try every line start: only when the name is in the text at all.
    importsDjango: source.includes("django") && IMPORTS_DJANGO.test(source),
    importsAsgiref:
      (source.includes("asgiref") || source.includes("channels")) && IMPORTS_ASGIREF.test(source),
    models: {},
    ...withReturnedClasses(source),
    ...requestFactsIn(source),
    ...testCaseFactsIn(source),
    ...classTreeFactsIn(source),
    ...withUserAssigningDecorators(source),
    ...(source.includes("DJANGO_ALLOW_ASYNC_UNSAFE") && ALLOWS_ASYNC_UNSAFE.test(source)
      ? { allowsAsyncUnsafe: true as const }
      : {}),
  };
  if (mayDeclareModels(source)) {
    const { classes, bodiesUnread } = classesOfFile(source, readAllBodies);
    facts.classes = classes;
    if (bodiesUnread) facts.bodiesUnread = true;
    facts.models = modelClassesFrom([facts.classes]);
  }
  return facts;
}

function withUserAssigningDecorators(source: string): Pick<FileFacts, "userAssigningDecorators"> {
  const names = userAssigningDecoratorsIn(source);
  return names ? { userAssigningDecorators: names } : {};
}

function withReturnedClasses(source: string): Pick<FileFacts, "returns" | "aliases"> {
  const returns = returnedClassesIn(source);
  const aliases = typeAliasesIn(source);
  return { ...(returns ? { returns } : {}), ...(aliases ? { aliases } : {}) };
}

/**
 * Which of the files' facts left class bodies unread that matter: a class there extends a model,
 * which may take the project's other files to see (`class Order(TimeStamped)`).
 */
export function unreadModelBodies(
  files: readonly (FileFacts | undefined)[],
  models = modelsOfFiles(files),
): number[] {
  return files.flatMap((f, i) =>
    f?.bodiesUnread && Object.keys(f.classes ?? {}).some((name) => models[name]) ? [i] : [],
  );
}

/** `app/models.py`, `app/models/order.py`: a module a name imported `from .models` may come from. */
const MODELS_MODULE = /(?:^|[\\/])models(?:\.py$|[\\/])/;

/** The model classes among the classes of all the files (`modelClassesFrom`). */
export function modelsOfFiles(
  files: readonly (FileFacts | undefined)[],
): Record<string, ModelFacts> {
  return modelClassesFrom(files.flatMap((f) => (f?.classes ? [f.classes] : [])));
}

/** No dependency file: `projectFacts` with these gives the files' part (see withDependencies). */
export const NO_DEPENDENCIES: DependencyFacts = { usesDjango: false, usesAsgiref: false };

/**
 * `projectFacts(dependencies, files, models)` from `projectFacts(NO_DEPENDENCIES, files, models)`
 * (the files' part, which the index cache keeps: the dependency files are read on every run),
 * keys in the same order. Dependencies that name Django give the evidence; else the first file
 * importing it does.
 */
export function withDependencies(
  dependencies: DependencyFacts,
  fromFiles: ProjectFacts,
): ProjectFacts {
  const project: ProjectFacts = {
    usesDjango: dependencies.usesDjango || fromFiles.usesDjango,
    usesAsgiref: dependencies.usesAsgiref || fromFiles.usesAsgiref,
    models: fromFiles.models,
    ...(dependencies.evidence ? { djangoEvidence: dependencies.evidence } : {}),
    ...(dependencies.djangoVersion ? { djangoVersion: dependencies.djangoVersion } : {}),
  };
  const fields = project as unknown as Record<string, unknown>;
  for (const [key, value] of Object.entries(fromFiles)) {
    if (key === "usesDjango" || key === "usesAsgiref" || key === "models") continue;
    if (key === "djangoEvidence" && dependencies.usesDjango) continue;
    fields[key] = value;
  }
  return project;
}

/**
 * Dependency facts and every file's facts, merged. Model bases are resolved across files, unless
 * the caller has resolved them already (`models`: `modelsOfFiles` of the same files' facts).
 */
export function projectFacts(
  dependencies: DependencyFacts,
  files: Iterable<{ path: string; facts: FileFacts }>,
  models?: Record<string, ModelFacts>,
): ProjectFacts {
  const project: ProjectFacts = {
    usesDjango: dependencies.usesDjango,
    usesAsgiref: dependencies.usesAsgiref,
    models: {},
    ...(dependencies.evidence ? { djangoEvidence: dependencies.evidence } : {}),
    ...(dependencies.djangoVersion ? { djangoVersion: dependencies.djangoVersion } : {}),
  };
  const classSets: Record<string, ClassFacts>[] = [];
  const inModelsModules: Record<string, ClassFacts>[] = [];
  const requestFiles: { path: string; facts: RequestFacts }[] = [];
  const testCaseFiles: TestCaseFacts[] = [];
  const classTreeFiles: ClassTreeFacts[] = [];
  for (const { path, facts } of files) {
    if (facts.importsDjango && !project.usesDjango) {
      project.usesDjango = true;
      project.djangoEvidence = `${path} imports django`;
    }
    if (facts.importsAsgiref) project.usesAsgiref = true;
    if (facts.allowsAsyncUnsafe) project.asyncUnsafeAllowedIn ??= path;
    if (facts.returns) (project.returnedClasses ??= {})[path] = facts.returns;
    if (facts.aliases) (project.typeAliases ??= {})[path] = facts.aliases;
    for (const name of facts.userAssigningDecorators ?? [])
      if (!project.userAssigningDecorators?.includes(name))
        (project.userAssigningDecorators ??= []).push(name);
    if (facts.starletteRequests || facts.requestAnnotations) requestFiles.push({ path, facts });
    if (hasTestCaseFacts(facts)) testCaseFiles.push(facts);
    if (facts.classBases) classTreeFiles.push(facts);
    Object.assign(project.models, facts.models);
    if (facts.classes) classSets.push(facts.classes);
    if (facts.classes && MODELS_MODULE.test(path)) inModelsModules.push(facts.classes);
  }
  Object.assign(project, testClientFactsOf(testCaseFiles));
  const requests = starletteRequestFiles(requestFiles);
  if (requests.classes.length > 0 || requests.paths.length > 0)
    project.starletteRequests = requests;
  // A model whose base is a model class of another file is only known once every file is seen.
  Object.assign(project.models, models ?? modelClassesFrom(classSets));
  project.subclassHeads = projectSubclassHeads(classTreeFiles);
  const others = otherClassesFrom(inModelsModules, classSets, project.models);
  if (Object.keys(others).length > 0) project.modelsModuleClasses = others;
  const plain = plainClassesFrom(classSets, project.models);
  if (Object.keys(plain).length > 0) project.plainClasses = plain;
  // orm-human-6 G10: the user model's reverse managers (ormk).
  const userReverse = userReverseOf(classSets);
  if (userReverse.length > 0) project.userReverse = userReverse;
  return project;
}
