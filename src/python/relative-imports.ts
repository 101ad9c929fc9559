import type { FileSemantics, SyntaxNode } from "../model/types.js";
import { dottedName, importedModuleId } from "./module-names.js";

/**
 * A qualified name made absolute, as the project index names it: `.clients.notify` imported in
 * `app.views` is `app.clients.notify` (in a package's `__init__.py` one dot is the package
 * itself). In a module whose id carries its import root (two services of a monorepo that share
 * module names; see ModuleNames), the name carries that root too: Python finds it from there.
 */
export function absoluteName(
  qualified: string,
  module: string | undefined,
  path: string,
): string | undefined {
  if (!qualified.startsWith(".")) return importedModuleId(module, qualified);
  if (module === undefined) return undefined;
  const dots = qualified.length - qualified.replace(/^\.+/, "").length;
  const isPackage = /(^|[\\/])__init__\.py$/.test(path);
  const base = dottedName(module)
    .split(".")
    .filter((p) => p !== "");
  const keep = base.length - (isPackage ? dots - 1 : dots);
  if (keep < 0) return undefined;
  const absolute = [...base.slice(0, keep), qualified.slice(dots)].filter((p) => p !== "");
  return importedModuleId(module, absolute.join("."));
}

/**
 * The absolute dotted name a call's callee names through the file's imports
 * (`arm.list_regions` after `from app import arm`: `app.arm.list_regions`), or undefined when
 * the callee is not an imported name or attribute of one.
 */
export function importedCalleeName(file: FileSemantics, callee: SyntaxNode): string | undefined {
  if (callee.type !== "identifier" && callee.type !== "attribute") return undefined;
  const root = callee.text.split(".")[0]!;
  const binding = file.importBindingOf(root, callee);
  if (!binding) return undefined;
  const absolute = absoluteName(
    `${binding.qualified}${callee.text.slice(root.length)}`,
    file.module,
    file.path,
  );
  return absolute?.includes(".") ? absolute : undefined;
}
