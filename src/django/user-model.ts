import { dirname, relative, resolve, sep } from "node:path";
import type { ProjectFacts } from "../model/types.js";
import type { ClassFacts } from "./models.js";
import { DJANGO_RELATED_MANAGERS } from "./api.js";
import { moduleFileUnder } from "../project/plain-constants.js";
import { textOfPath } from "../project/source.js";

// orm-human-6 G11: which model `get_user_model()` returns is a fact of one Django project, read
// from that project's settings: the module its manage.py names, AUTH_USER_MODEL there (or in the
// settings modules it star-imports), else Django's own `auth.User`. A repository holding several
// Django projects (django-matt's root and its `examples/*`) has one answer per project: a file
// takes its nearest manage.py's, never a namesake `User` class of another project.

/** Django's default user model, when the settings name none: not any project class. */
export const DJANGO_USER = "auth.User";

/**
 * The settings assign AUTH_USER_MODEL a value computed at run time (`env("AUTH_USER_MODEL",
 * default=...)`): `get_user_model()` is no class known here, not even a namesake `User`.
 */
export const RUN_TIME_USER = "?";

/** Methods of Django's UserManager that return the user they create and save. */
export const USER_CREATING: ReadonlySet<string> = new Set(["create_user", "create_superuser"]);

/** `os.environ.setdefault("DJANGO_SETTINGS_MODULE", "shop.settings")`, or an assignment. */
const SETTINGS_MODULE = /["']DJANGO_SETTINGS_MODULE["']\s*(?:,|\]\s*=)\s*["']([\w.]+)["']/;

/** A literal assignment at the start of a line: `AUTH_USER_MODEL = "accounts.Account"`. */
const LITERAL_USER_MODEL = /^AUTH_USER_MODEL\s*(?::[^=\n]*)?=\s*["'](\w+)\.(\w+)["']\s*$/gm;

/** `from .base import *`, `from shop.settings.base import *`. */
const STAR_IMPORT = /^from\s+(\.*)([\w.]*)\s+import\s+\*/gm;

/**
 * By each Django project's folder (root-relative, `""` for the root, forward slashes), the class
 * name of its user model (`DJANGO_USER` for Django's own; `RUN_TIME_USER` when they assign it a
 * value computed at run time), or null when its settings are not read for certain: a settings
 * module that is not found, or that builds itself in ways not read here (split-settings'
 * `include()`, `exec`). Null keeps the name `User` of earlier releases.
 */
export function djangoUserModels(
  root: string,
  all: readonly string[],
): Record<string, string | null> {
  const found: Record<string, string | null> = {};
  for (const file of all) {
    if (!file.endsWith(`${sep}manage.py`) && file !== "manage.py") continue;
    const folder = dirname(resolve(file));
    const text = textOfPath(file);
    const module = text && SETTINGS_MODULE.exec(text)?.[1];
    const model = module ? userModelOfSettings(folder, module) : undefined;
    found[relative(root, folder).split(sep).join("/")] = model ?? null;
  }
  return found;
}

/** A module's file under `base` (`a/b.py` or the package `a/b/__init__.py`), with its text. */
function moduleFile(base: string, module: string): { file: string; text: string } | undefined {
  const file = moduleFileUnder(base, module);
  const text = file === undefined ? undefined : textOfPath(file);
  return file !== undefined && text !== undefined ? { file, text } : undefined;
}

/** The user model's class name the settings module `module` (under `folder`) sets. */
function userModelOfSettings(folder: string, module: string): string | undefined {
  const seen = new Set<string>();
  let answer: string | undefined = DJANGO_USER;
  let runTime = false;
  const visit = (name: string, depth: number): boolean => {
    const found = moduleFile(folder, name);
    if (!found || depth > 4) return false;
    if (seen.has(found.file)) return true;
    seen.add(found.file);
    // Comments say nothing (a `# no AUTH_USER_MODEL: auth.User` line is no setting).
    const text = found.text.replace(/#.*$/gm, "");
    if (/\binclude\(|\bexec\(|\bglobals\(\)|\bsetattr\(|__import__|import_module/.test(text))
      return false;
    // A star import under `try:` or `if` (local settings) may set it: not read for certain.
    const stars = text.match(/\bimport\s+\*/g)?.length ?? 0;
    if (stars > [...text.matchAll(STAR_IMPORT)].length) return false;
    const literal = [...text.matchAll(LITERAL_USER_MODEL)];
    const assigned = text.match(/^AUTH_USER_MODEL\s*(?::[^=\n]*)?=(?!=)/gm)?.length ?? 0;
    if (assigned > literal.length) runTime = true;
    const mentions = text.match(/\bAUTH_USER_MODEL\b/g)?.length ?? 0;
    if (mentions > literal.length) return false;
    // In the order Python runs them: a star import after an assignment overrides it.
    const steps = [...literal, ...text.matchAll(STAR_IMPORT)].sort((a, b) => a.index - b.index);
    for (const step of steps) {
      if (step[0].startsWith("AUTH_USER_MODEL")) {
        answer = step[1] === "auth" && step[2] === "User" ? DJANGO_USER : step[2];
        continue;
      }
      const [, dots, rest] = step;
      const target = dots ? relativeModule(name, found.file, dots.length, rest) : rest;
      if (target === undefined || !visit(target, depth + 1)) return false;
    }
    return true;
  };
  if (visit(module, 0)) return answer;
  return runTime ? RUN_TIME_USER : undefined;
}

/** `from ..base import *` in module `name` (a package when its file is `__init__.py`). */
function relativeModule(
  name: string,
  file: string,
  dots: number,
  rest: string,
): string | undefined {
  const parts = name.split(".");
  const packageParts = file.endsWith(`${sep}__init__.py`) ? parts : parts.slice(0, -1);
  if (dots - 1 > packageParts.length) return undefined;
  const base = packageParts.slice(0, packageParts.length - (dots - 1));
  const joined = [...base, ...(rest ? rest.split(".") : [])];
  return joined.length > 0 ? joined.join(".") : undefined;
}

/**
 * The user model of the Django project a file belongs to (its nearest manage.py at or above it),
 * when that project's settings say it for certain: a class name, or `DJANGO_USER`.
 */
export function userModelOfFile(project: ProjectFacts, path: string): string | undefined {
  const { userModels, root } = project;
  if (!userModels || !root) return undefined;
  const here = relative(root, dirname(resolve(path)))
    .split(sep)
    .join("/");
  if (here.startsWith("..")) return undefined;
  for (
    let folder = here === "." ? "" : here;
    ;
    folder = folder.includes("/") ? dirname(folder) : ""
  ) {
    if (Object.hasOwn(userModels, folder)) return userModels[folder] ?? undefined;
    if (folder === "") return undefined;
  }
}

/**
 * orm-human-6 G10: the reverse managers `ForeignKey(settings.AUTH_USER_MODEL, related_name=...)`
 * (or a ManyToManyField's) gives the user model, whichever class that is: `user.passkeys` is a
 * related manager as on any model of the project.
 */
export function userReverseOf(classSets: Iterable<Record<string, ClassFacts>>): string[] {
  const names = new Set<string>();
  for (const classes of classSets)
    for (const cls of Object.values(classes))
      for (const [target, related] of cls.reverse ?? [])
        if (target === "AUTH_USER_MODEL") names.add(related);
  return [...names].sort();
}

/**
 * Is `<instance of model>.<attribute>` a related manager: a many-to-many field, `<name>_set`,
 * another model's `related_name` (orm-human-6 G10: one of a FK to `settings.AUTH_USER_MODEL`
 * when `model` is the file's user model, `userModel`).
 */
export function isRelatedManagerOf(
  project: ProjectFacts,
  model: string,
  attribute: string,
  userModel: string | undefined,
): boolean {
  const { manyToMany = DJANGO_RELATED_MANAGERS[model] ?? [], reverse = [] } =
    project.models[model] ?? {};
  const user = model === DJANGO_USER || model === (userModel ?? "User");
  const related = [...manyToMany, ...reverse, ...(user ? (project.userReverse ?? []) : [])];
  return related.includes(attribute) || /^[a-z_][a-z0-9_]*_set$/.test(attribute);
}
