import { absoluteName } from "../python/relative-imports.js";
import type { ProjectIndex } from "../model/types.js";

/*
 * Names a package re-exports: `shop/api/__init__.py` holding `from .catalog import list_products`
 * makes `shop.api.list_products` the function `shop.api.catalog.list_products`. Callers write the
 * package's name (`from shop import api; api.list_products(...)`), the index lists the function
 * where it is defined; these follow one to the other. Read from the package's text (a few import
 * statements, no parse), so a survey can ask it of the `__init__.py` it reads and the main thread
 * of a file it holds.
 */

const NAME = String.raw`[A-Za-z_]\w*`;
/** `from .catalog import a, b as c` / `from pkg.mod import (a,\n b)` / `from x import *`. */
const FROM_IMPORT = new RegExp(
  String.raw`^from[ \t]+(\.*(?:${NAME}(?:\.${NAME})*)?)[ \t]+import[ \t]+(\*|\([^)]*\)|[^\n#]*)`,
  "gm",
);
/** `__all__ = ["a", "b"]` or `(...)`, at the start of a line. */
const ALL = /^__all__\s*(?::[^=]*)?=\s*[[(]([^\])]*)[\])]/m;

/** The names `__all__` lists, when the text sets it to a literal. */
function allNames(text: string): Set<string> | undefined {
  const found = ALL.exec(text);
  return found
    ? new Set([...found[1].matchAll(/["']([A-Za-z_]\w*)["']/g)].map((m) => m[1]))
    : undefined;
}

/**
 * Where the module whose text is `text` (`module`, at `path`) takes `name` from by an import:
 * `shop.api.catalog.list_products`; for a star import, the star's module with the name (the
 * caller checks that module defines it). Undefined when the text binds it otherwise or not at all.
 */
export function reexportSource(
  text: string,
  module: string | undefined,
  path: string,
  name: string,
): string | undefined {
  if (!text.includes("import")) return undefined;
  let star: string | undefined;
  for (const found of text.matchAll(FROM_IMPORT)) {
    const from = found[1];
    const items = found[2].replace(/[()]/g, " ").replace(/#[^\n]*/g, " ");
    if (items.trim() === "*") {
      star ??= absoluteName(`${from}.${name}`.replace(/^(\.+)\./, "$1"), module, path);
      continue;
    }
    for (const item of items.split(",")) {
      const [imported, alias] = item.trim().split(/\s+as\s+/);
      if ((alias ?? imported) === name && new RegExp(`^${NAME}$`).test(imported))
        return absoluteName(`${from}.${imported}`.replace(/^(\.+)\./, "$1"), module, path);
    }
  }
  if (!star) return undefined;
  const listed = allNames(text);
  return listed && !listed.has(name) ? undefined : star;
}

/** Does the index list a function or a method's class named `name` in `module`? */
function definedIn(index: ProjectIndex, module: string, name: string): boolean {
  return index.functions.some(
    (f) => f.module === module && (f.className === name || (!f.className && f.name === name)),
  );
}

/**
 * `shop.api` + `list_products` -> `{ module: "shop.api.catalog", name: "list_products" }`: the
 * chain of re-exports followed to the module the index lists it in, a few hops and never in a
 * circle. `textOf` gives a module's text (a package's `__init__.py`), or undefined.
 */
export function followReexports(
  index: ProjectIndex,
  module: string,
  name: string,
  textOf: (module: string) => { text: string; path: string } | undefined,
): { module: string; name: string } | undefined {
  const seen = new Set<string>();
  let at = { module, name };
  for (let hop = 0; hop < 5; hop++) {
    if (definedIn(index, at.module, at.name)) return hop > 0 ? at : undefined;
    const key = `${at.module}.${at.name}`;
    if (seen.has(key)) return undefined;
    seen.add(key);
    const source = textOf(at.module);
    const next = source && reexportSource(source.text, at.module, source.path, at.name);
    if (!next?.includes(".")) return undefined;
    at = {
      module: next.slice(0, next.lastIndexOf(".")),
      name: next.slice(next.lastIndexOf(".") + 1),
    };
  }
  return undefined;
}
