import {
  bindingsNamed,
  visibleBindings,
  enclosingClass,
  enclosingDef,
  enclosingFunction,
  enclosingScope,
  freshName,
  referencesInScope,
} from "./scope.js";
import { isAsyncFunction } from "./shapes.js";
import {
  allImportBindings,
  importBindingOf,
  importedNamesIn,
  lineRange,
  namesImportedAs,
  qualifiedName,
} from "./imports.js";
import type {
  Binding,
  FileSemantics as Semantics,
  ImportBinding,
  SyntaxNode,
  Tree,
} from "../model/types.js";

/**
 * What one parsed file means as Python, made once per parse and handed to every transform (the
 * role of LibCST's MetadataWrapper and ruff's SemanticModel): scopes and bindings, qualified names
 * through imports, calls by qualified name, async context. Answers are memoised on the tree, so
 * two transforms asking the same question on the same text share the work.
 */
export class FileSemantics implements Semantics {
  constructor(
    /** Path relative to the project root, with forward slashes. */
    readonly path: string,
    readonly source: string,
    readonly tree: Tree,
    /** Dotted module path from the project root, when known. */
    readonly module?: string,
  ) {}

  get root(): SyntaxNode {
    return this.tree.rootNode;
  }

  /** `aio.run` -> `asyncio.run` after `import asyncio as aio`; undefined when not an import. */
  qualifiedName(expr: SyntaxNode): string | undefined {
    return qualifiedName(expr);
  }

  /** The import a name refers to at `at`, or undefined (a parameter, an assignment, a def...). */
  importBindingOf(name: string, at: SyntaxNode): ImportBinding | undefined {
    return importBindingOf(name, at);
  }

  /** Names bound directly in `scope` under `name` (nested scopes excluded). */
  bindingsNamed(scope: SyntaxNode, name: string): readonly Binding[] {
    return bindingsNamed(scope, name);
  }

  /** The bindings `name` has where `at` reads it: the nearest enclosing scope's that binds it. */
  visibleBindings(at: SyntaxNode, name: string): readonly Binding[] {
    return visibleBindings(at, name).bound;
  }

  /** References to `name` in `scope` and the nested scopes that do not rebind it. */
  referencesInScope(scope: SyntaxNode, name: string): readonly SyntaxNode[] {
    return referencesInScope(scope, name);
  }

  /**
   * Calls whose callee stands for one of `qualified` through the file's imports, in source
   * order: `asyncio.run(...)`, `aio.run(...)`, `run(...)` after `from asyncio import run`.
   */
  callsTo(qualified: readonly string[]): SyntaxNode[] {
    const key = `callsTo:${qualified.join(",")}`;
    return this.tree.memoized(key, () => {
      // A call can stand for `m.f` only when some import binds `m` or `m.f`: most files bind none.
      const wanted = new Set(qualified);
      const reachable = qualified.some((q) => this.importedSomewhere(q));
      if (!reachable) return [];
      return this.root.descendantsOfType("call").filter((call) => {
        const callee = call.childForFieldName("function");
        if (!callee || (callee.type !== "identifier" && callee.type !== "attribute")) return false;
        const name = qualifiedName(callee);
        return name !== undefined && wanted.has(name);
      });
    });
  }

  /** Is some prefix of `qualified` (the module, or the name itself) imported anywhere in the file? */
  private importedSomewhere(qualified: string): boolean {
    const parts = qualified.split(".");
    for (let i = 1; i <= parts.length; i++)
      if (namesImportedAs(this.root, parts.slice(0, i).join(".")).size > 0) return true;
    return false;
  }

  /** Does `node` run inside an `async def` (its nearest enclosing def, lambdas skipped)? */
  inAsyncContext(node: SyntaxNode): boolean {
    const def = enclosingDef(node);
    return def !== undefined && isAsyncFunction(def);
  }

  /** Is `name` at `at` Python's builtin (not imported, assigned, or defined anywhere visible)? */
  isBuiltin(name: string, at: SyntaxNode): boolean {
    if (importBindingOf(name, at)) return false;
    for (let scope = enclosingScope(at); ; scope = enclosingScope(scope)) {
      if (bindingsNamed(scope, name).length > 0) return false;
      if (scope.type === "module") return true;
    }
  }

  /** The nearest enclosing `def`/`async def` or lambda, or undefined at module level. */
  enclosingFunction(node: SyntaxNode): SyntaxNode | undefined {
    return enclosingFunction(node);
  }

  enclosingClass(node: SyntaxNode): SyntaxNode | undefined {
    return enclosingClass(node);
  }

  /** The innermost scope holding `node` (not `node` itself). */
  enclosingScope(node: SyntaxNode): SyntaxNode {
    return enclosingScope(node);
  }

  /** The nearest enclosing `def`/`async def`, lambdas skipped; undefined at module level. */
  enclosingDef(node: SyntaxNode): SyntaxNode | undefined {
    return enclosingDef(node);
  }

  /** Every import binding of the file, local imports included, in source order. */
  importBindings(): readonly ImportBinding[] {
    return allImportBindings(this.root);
  }

  /** The local names the file's imports bind to `qualified` (`aio` for `import asyncio as aio`). */
  namesImportedAs(qualified: string): ReadonlySet<string> {
    return namesImportedAs(this.root, qualified);
  }

  /** Every local name an import of the file binds. */
  importedNames(): ReadonlySet<string> {
    return importedNamesIn(this.root);
  }

  /** A short name not used in `node`: `preferred` first, then the first of them + 1, 2, ... */
  freshName(node: SyntaxNode, preferred: string[]): string {
    return freshName(node, preferred);
  }

  /** Offsets of the line(s) holding `node`, line break included: for removing whole lines. */
  lineRange(node: SyntaxNode): { start: number; end: number } {
    return lineRange(this.source, node);
  }
}
