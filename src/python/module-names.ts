import { join, relative, sep } from "node:path";

/**
 * How Python names the modules of one project: the one owner of "which module is this file".
 * One is made per run (see projectModuleNames): what it learns of the disk is never kept past
 * the run, so a long-lived process using the API never sees stale answers.
 */
export class ModuleNames {
  /** Whether a file exists, asked once each (the files the run listed answer without the disk). */
  private readonly known = new Map<string, boolean>();

  constructor(
    readonly root: string,
    private readonly exists: (file: string) => boolean,
  ) {}

  /**
   * `billing/tasks.py` -> `billing.tasks`; `billing/__init__.py` -> `billing`: the name Python
   * imports the file by. Its package chain (folders holding `__init__.py`) ends at a folder that
   * is on `sys.path` when that folder is the root, holds `manage.py` (Django runs from there) or
   * is a `src` layout folder: `api/proj/shop/services.py` next to `api/proj/manage.py` is
   * `shop.services`. Otherwise (namespace packages) the name runs from the root.
   */
  of(file: string): string {
    return this.ofRelative(relative(this.root, file));
  }

  /** `of` for a path already relative to the root, in the platform's separators. */
  ofRelative(path: string): string {
    const parts = path.split(sep);
    const last = parts.pop()!.replace(/\.py$/, "");
    if (last !== "__init__") parts.push(last);
    let base = parts.length - 1;
    while (base > 0 && this.isFile(join(this.root, ...parts.slice(0, base), "__init__.py"))) base--;
    const folder = join(this.root, ...parts.slice(0, base));
    const onPath =
      base === 0 || parts[base - 1] === "src" || this.isFile(join(folder, "manage.py"));
    return (onPath ? parts.slice(base) : parts).join(".");
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
