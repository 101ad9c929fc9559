import { readFileSync } from "node:fs";
import { join, relative, sep } from "node:path";

/**
 * Top-level scripts every service has, run by path and never imported by name by another module
 * (`python manage.py`, pytest's conftest): two services having them is no clash.
 */
const SCRIPTS = new Set(["manage", "setup", "conftest"]);

/** Folders whose own files declare an installable project: its packages import from there. */
const PROJECT_FILES = ["pyproject.toml", "setup.cfg", "setup.py"];

/**
 * Where Python finds a module: the import root it is found from (relative to the project root,
 * "/" separators; "" for the project root itself) and the dotted name it is imported by there.
 */
export interface ModulePlace {
  importRoot: string;
  dotted: string;
}

/**
 * How Python names the modules of one project: the one owner of "which module is this file".
 * One is made per run (see projectModuleNames): what it learns of the disk is never kept past
 * the run, so a long-lived process using the API never sees stale answers.
 *
 * A module's identity is its import root and its dotted name (issue 22, item 2): two services of
 * a monorepo that both have `app.helpers` have two modules. The name this class gives (the
 * module's id, used by the index, the plans and FileSemantics) is the dotted name alone, unless
 * the module's import root holds a dotted name another import root of the project holds too;
 * then every module of that root is named `<import root>/<dotted>` (`services/payments/app.helpers`,
 * `./app.helpers` for the project root). A project with no such clash keeps the plain names.
 */
export class ModuleNames {
  /** Whether a file exists, asked once each (the files the run listed answer without the disk). */
  private readonly known = new Map<string, boolean>();
  /** The import roots holding a dotted name another import root holds too, once asked. */
  private clashing?: ReadonlySet<string>;
  /** Each relative path's place and id, once asked: the index, the survey and the jobs ask again. */
  private readonly places = new Map<string, ModulePlace>();
  private readonly ids = new Map<string, string>();
  /** Per folder (`placeIn`): its modules' import root, and the packages they are named under. */
  private readonly folderPlaces = new Map<string, { importRoot: string; packages?: string }>();
  /** Per folder (`importRootOf`): where its package chain ends, and whether that is on sys.path. */
  private readonly folderRoots = new Map<string, { base: number; onPath: boolean }>();
  /** The root as `join` spells it, once asked. */
  private normalRoot?: string;
  /** Per folder (`chainBase`): where its package chain ends. */
  private readonly chainBases = new Map<string, number>();

  /** Per folder: whether its manage.py runs its packages from there (see isManageRoot). */
  private readonly manageRoots = new Map<string, boolean>();

  constructor(
    readonly root: string,
    private readonly exists: (file: string) => boolean,
    /** The project's Python files (absolute): the modules whose names may clash. */
    private readonly listed: readonly string[] = [],
    /** `path.relative`, or a faster one giving the same answers (see project/paths.ts). */
    private readonly relativeTo: (root: string, file: string) => string = relative,
  ) {}

  /**
   * `billing/tasks.py` -> `billing.tasks`; `billing/__init__.py` -> `billing`: the name Python
   * imports the file by, as a module id (see the class).
   */
  of(file: string): string {
    return this.ofRelative(this.relativeTo(this.root, file));
  }

  /** `of` for a path already relative to the root, in the platform's separators. */
  ofRelative(path: string): string {
    let id = this.ids.get(path);
    if (id !== undefined) return id;
    const { importRoot, dotted } = this.placeOfRelative(path);
    id = this.clashingRoots().has(importRoot) ? `${importRoot || "."}/${dotted}` : dotted;
    this.ids.set(path, id);
    return id;
  }

  /**
   * Whether the folder `parts` holds a manage.py that runs the project's packages from there. Its
   * `DJANGO_SETTINGS_MODULE` says how: `redbox_app.settings` beside `django_app/manage.py` names
   * a package inside the folder (a root), `aap_eda.settings` in `src/aap_eda/manage.py` names the
   * folder itself (a package of `src/`, orm-review-4 R1).
   */
  private isManageRoot(parts: readonly string[]): boolean {
    const key = parts.join(sep);
    let found = this.manageRoots.get(key);
    if (found !== undefined) return found;
    const manage = inFolder(this.pathOf(parts, parts.length), "manage.py");
    found = false;
    if (this.isFile(manage)) {
      let text = "";
      try {
        text = readFileSync(manage, "utf8");
      } catch {
        // unreadable: named from the folder, as before it was read
      }
      const settings = /DJANGO_SETTINGS_MODULE["']\s*(?:,|\]\s*=)\s*["']([\w.]+)/.exec(text)?.[1];
      found = settings?.split(".")[0] !== parts.at(-1);
    }
    this.manageRoots.set(key, found);
    return found;
  }

  /**
   * The import root and dotted name of a file. Its package chain (folders holding `__init__.py`)
   * ends at a folder that is on `sys.path` when that folder is the root, holds `manage.py`
   * (Django runs from there), is a `src` layout folder, or declares a project of its own
   * (`pyproject.toml`, `setup.cfg`, `setup.py`: installed from there): `api/proj/shop/services.py`
   * next to `api/proj/manage.py` is `shop.services`. Otherwise (namespace packages) the name
   * runs from the root.
   */
  placeOfRelative(path: string): ModulePlace {
    let place = this.places.get(path);
    if (!place) this.places.set(path, (place = this.placeOnDisk(path)));
    return place;
  }

  private placeOnDisk(path: string): ModulePlace {
    const cut = path.lastIndexOf(sep);
    const file = path.slice(cut + 1);
    const last = file.endsWith(".py") ? file.slice(0, -3) : file;
    if (last !== "__init__") return this.placeIn(cut < 0 ? "" : path.slice(0, cut), last);
    if (cut < 0) {
      // The root's own `__init__.py`: no module name. Its chain is asked as it always was (the
      // answer is kept for the root folder, as other files of the root then find it).
      this.importRootOf([], -1);
      return { importRoot: "", dotted: "" };
    }
    // A package's module is named in the folder above it, by the package's folder name.
    const folder = path.slice(0, cut);
    const up = folder.lastIndexOf(sep);
    return this.placeIn(up < 0 ? "" : folder.slice(0, up), folder.slice(up + 1));
  }

  /**
   * The place of the module `name` in the folder `folder` (relative to the root, "" for the root
   * itself): its import root and the dotted name it is imported by there are the folder's, asked
   * once for all its files.
   */
  private placeIn(folder: string, name: string): ModulePlace {
    let place = this.folderPlaces.get(folder);
    if (!place) {
      const parts = folder === "" ? [] : folder.split(sep);
      // Asked with the first file's name, as always: only a base of -1 (the root's own
      // `__init__.py` asked first) reads past the folder's parts.
      const { base, onPath } = this.importRootOf([...parts, name], parts.length);
      // Where the chain cuts the module's parts (the folder's and its name): a base of -1 leaves
      // the name alone below the whole folder.
      const cut = base < 0 ? parts.length + 1 + base : base;
      const packages = onPath ? parts.slice(cut) : parts;
      place = {
        importRoot: onPath ? parts.slice(0, cut).join("/") : "",
        ...(packages.length > 0 ? { packages: packages.join(".") } : {}),
      };
      this.folderPlaces.set(folder, place);
    }
    return {
      importRoot: place.importRoot,
      dotted: place.packages === undefined ? name : `${place.packages}.${name}`,
    };
  }

  /**
   * Where the package chain of the folder `parts[0..start)` ends (see placeOfRelative), and
   * whether that folder is on `sys.path`: the same for every file of a folder, so asked once.
   */
  private importRootOf(parts: readonly string[], start: number): { base: number; onPath: boolean } {
    const key = parts.slice(0, start).join(sep);
    let found = this.folderRoots.get(key);
    if (found) return found;
    const base = this.chainBase(parts, start, key);
    const folder = this.pathOf(parts, base);
    const onPath =
      base === 0 ||
      parts[base - 1] === "src" ||
      this.isFile(inFolder(folder, "manage.py")) ||
      PROJECT_FILES.some((f) => this.isFile(inFolder(folder, f)));
    this.folderRoots.set(key, (found = { base, onPath }));
    return found;
  }

  /**
   * How many of `parts` the package chain of the folder `parts[0..n)` (spelled `key`) leaves
   * above it: it goes up while the folder holds `__init__.py` and no manage.py that runs its
   * packages (redbox's `django_app/`, orm-review-4 P11: a folder holding manage.py is on sys.path
   * even with an `__init__.py` of its own). Asked once per folder: a folder's answer is its
   * parent's when it is a package.
   */
  private chainBase(parts: readonly string[], n: number, key: string): number {
    let base = this.chainBases.get(key);
    if (base !== undefined) return base;
    const inPackage =
      n > 0 &&
      this.isFile(inFolder(this.pathOf(parts, n), "__init__.py")) &&
      !this.isManageRoot(parts.slice(0, n));
    base = inPackage ? this.chainBase(parts, n - 1, parts.slice(0, n - 1).join(sep)) : n;
    this.chainBases.set(key, base);
    return base;
  }

  /**
   * The folder `parts[0..n)` below the root, as `join` spells it: plain names are concatenated
   * (join's normalising, once per folder level of every folder, was most of naming a large
   * project's modules).
   */
  private pathOf(parts: readonly string[], n: number): string {
    for (let i = 0; i < n; i++)
      if (!isPlainName(parts[i])) return join(this.root, ...parts.slice(0, n));
    this.normalRoot ??= join(this.root);
    return n === 0 ? this.normalRoot : inFolder(this.normalRoot, parts.slice(0, n).join(sep));
  }

  /** The import roots of the listed files that share a dotted name with another import root. */
  private clashingRoots(): ReadonlySet<string> {
    if (this.clashing) return this.clashing;
    const rootsOf = new Map<string, string>();
    const clashing = new Set<string>();
    for (const file of this.listed) {
      if (!file.endsWith(".py")) continue;
      const { importRoot, dotted } = this.placeOfRelative(this.relativeTo(this.root, file));
      if (SCRIPTS.has(dotted)) continue;
      const seen = rootsOf.get(dotted);
      if (seen === undefined) rootsOf.set(dotted, importRoot);
      else if (seen !== importRoot) clashing.add(seen).add(importRoot);
    }
    return (this.clashing = clashing);
  }

  /**
   * The module a lone source's path names when no project is known (one text in memory): the
   * path's folders as packages, from wherever the path starts.
   */
  static ofLonePath(path: string): string {
    return path
      .replace(/\\/g, "/")
      .replace(/^(\.\/)+/, "")
      .replace(/(\/__init__)?\.py$/, "")
      .split("/")
      .join(".");
  }

  private isFile(file: string): boolean {
    let known = this.known.get(file);
    if (known === undefined) this.known.set(file, (known = this.exists(file)));
    return known;
  }
}

/** A path segment `join` leaves as it is. */
function isPlainName(part: string): boolean {
  return part !== "" && part !== "." && part !== ".." && (sep === "/" || !part.includes("/"));
}

/** `join(folder, name)` for a normal folder and a plain name. */
function inFolder(folder: string, name: string): string {
  return folder.endsWith(sep) ? folder + name : folder + sep + name;
}

/** `services/payments/app.helpers` -> `app.helpers`: the name Python imports a module id by. */
export function dottedName(module: string): string {
  return module.slice(module.lastIndexOf("/") + 1);
}

/** `services/payments/app.helpers` -> `services/payments/`: a module id's import root part. */
export function importRootPart(module: string): string {
  return module.slice(0, module.lastIndexOf("/") + 1);
}

/**
 * The id of the module a dotted name imported in module `from` stands for: Python finds it from
 * the importing module's own import root (`app.helpers` imported in
 * `services/payments/app.views` is `services/payments/app.helpers`). An id passes unchanged.
 */
export function importedModuleId(from: string | undefined, dotted: string): string {
  return from === undefined || dotted.includes("/") ? dotted : importRootPart(from) + dotted;
}
