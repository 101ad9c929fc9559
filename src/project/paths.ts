import { isAbsolute, relative, sep } from "node:path";

/**
 * `relative(base, path)`, without path.relative's normalising of both (a tenth of a warm run in a
 * 5,000-file project) when `path` plainly lies under `base`: both absolute and normal, as the
 * discovery's paths are.
 */
export function relativePath(base: string, path: string): string {
  const plain =
    path.length > base.length + 1 &&
    path.charCodeAt(base.length) === SEP_CODE &&
    path.startsWith(base) &&
    isAbsolute(base) &&
    !path.includes(DOT_SEGMENT) &&
    !path.includes(DOUBLE_SEP) &&
    !path.endsWith(sep);
  return plain ? path.slice(base.length + 1) : relative(base, path);
}
const SEP_CODE = sep.charCodeAt(0);
const DOT_SEGMENT = `${sep}.`;
const DOUBLE_SEP = sep + sep;

/** Path as shown to the user and matched by globs: relative to the working folder, forward slashes. */
export function displayPath(path: string, cwd = process.cwd()): string {
  const rel = relativePath(cwd, path);
  return (rel && !rel.startsWith("..") ? rel : path).split(sep).join("/");
}

/**
 * Whether a path exists as the walk's listing of its folder says: undefined for a folder the walk
 * did not list, and for a symbolic link (whose target may be gone). Asked instead of the disk by
 * module naming (a `manage.py` or `__init__.py` looked for in every folder of a large project).
 */
export type Listed = (path: string) => boolean | undefined;
