import type { SyntaxNode } from "../model/types.js";
import {
  allImportStatements,
  importBindingOf,
  importBindings,
  type ImportBinding,
} from "./imports.js";

/** `c` for `a.b.c`. */
export function lastSegment(dotted: string): string {
  return dotted.slice(dotted.lastIndexOf(".") + 1);
}

/**
 * The last names a call of one of the `qualified` functions can have in this file: their own last
 * names, and every local alias an import gives them. Resolving every call's name through the
 * imports would cost a scope walk each; most calls are ruled out by this set.
 */
export function localNamesOf(root: SyntaxNode, qualified: ReadonlySet<string>): Set<string> {
  const names = new Set([...qualified].map(lastSegment));
  for (const binding of allImportStatements(root).flatMap(importBindings))
    if (qualified.has(binding.qualified)) names.add(binding.local);
  return names;
}

/**
 * Calls whose callee's last name is one of `names`, in tree order. Found from the names'
 * occurrences in the text: far fewer node objects than visiting every call of a large file. An
 * occurrence in a string or comment leads to no call and is dropped.
 */
export function callsByLastName(
  root: SyntaxNode,
  source: string,
  lastNames: Iterable<string>,
): SyntaxNode[] {
  const names = [...lastNames].filter((n) => /^\w+$/.test(n));
  if (names.length === 0) return [];
  const occurrence = new RegExp(`(?<![\\w.])(?:[\\w.]*\\.)?\\b(?:${names.join("|")})\\s*\\(`, "g");
  const calls = new Map<number, SyntaxNode>();
  for (const match of source.matchAll(occurrence)) {
    const nameEnd = match.index + match[0].search(/\s*\($/);
    let callee: SyntaxNode | null = root.descendantForIndex(nameEnd - 1, nameEnd);
    if (callee?.type !== "identifier") continue;
    if (
      callee.parent?.type === "attribute" &&
      callee.parent.childForFieldName("attribute")?.id === callee.id
    )
      callee = callee.parent;
    const call = callee.parent;
    if (call?.type === "call" && call.childForFieldName("function")?.id === callee.id)
      calls.set(call.id, call);
  }
  // Tree order: by start, an enclosing call before the calls inside it.
  return [...calls.values()].sort((a, b) => a.startIndex - b.startIndex || b.endIndex - a.endIndex);
}

/** How a rewrite reaches a top-level module (`asyncio`) at a node; computed once per file. */
/** `mark.asyncio`, `f(asyncio=1)`: a member or keyword named like the module, not the name. */
function isMemberName(id: SyntaxNode): boolean {
  const parent = id.parent;
  const field =
    parent?.type === "attribute" ? "attribute" : parent?.type === "keyword_argument" ? "name" : "";
  return field !== "" && parent!.childForFieldName(field)?.id === id.id;
}

export class ModuleAccess {
  private importList?: ImportBinding[];
  private isTaken?: boolean;

  constructor(
    readonly root: SyntaxNode,
    readonly module: string,
  ) {}

  private get imports(): ImportBinding[] {
    return (this.importList ??= allImportStatements(this.root).flatMap(importBindings));
  }

  /** Does some use of the module's name in the file stand for something other than the module? */
  get taken(): boolean {
    return (this.isTaken ??= this.root.descendantsOfType("identifier").some((id) => {
      if (id.text !== this.module || isMemberName(id)) return false;
      for (let n = id.parent; n; n = n.parent)
        if (n.type === "import_statement" || n.type === "import_from_statement") return false;
      return importBindingOf(this.module, id)?.qualified !== this.module;
    }));
  }

  /**
   * The name through which the module is reached at `node` (with its import), or the plain name
   * when a new module-level import can bring it; undefined when that import would shadow or be
   * shadowed by another use of the name.
   */
  nameAt(node: SyntaxNode): { name: string; binding?: ImportBinding } | undefined {
    for (const candidate of this.imports.filter((b) => b.qualified === this.module)) {
      const binding = importBindingOf(candidate.local, node);
      if (binding?.qualified === this.module) return { name: binding.local, binding };
    }
    return this.taken ? undefined : { name: this.module };
  }
}
