/**
 * A qualified name made absolute: `.clients.notify` imported in `app.views` is
 * `app.clients.notify` (in a package's `__init__.py` one dot is the package itself).
 */
export function absoluteName(
  qualified: string,
  module: string | undefined,
  path: string,
): string | undefined {
  if (!qualified.startsWith(".")) return qualified;
  if (module === undefined) return undefined;
  const dots = qualified.length - qualified.replace(/^\.+/, "").length;
  const isPackage = /(^|[\\/])__init__\.py$/.test(path);
  const base = module.split(".").filter((p) => p !== "");
  const keep = base.length - (isPackage ? dots - 1 : dots);
  if (keep < 0) return undefined;
  return [...base.slice(0, keep), qualified.slice(dots)].filter((p) => p !== "").join(".");
}
