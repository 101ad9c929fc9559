import type { SyntaxNode } from "../../src/model/types.js";
import { fromModuleName, starImports } from "../../src/python/shapes.js";
import type { OrmFile } from "./types.js";
import { importedClass } from "../../src/python/imported-constants.js";

// What a called name that no proof covers is, said as far as the file shows it.

/**
 * What a called name is, as far as the file shows: a function or class defined in this file, a
 * function of this project (a relative import), an imported name, or something unknown.
 */
export function unknownCallee(f: OrmFile, callee: SyntaxNode): string {
  const name = callee.text;
  const maybe = "not in Django's async API, and may touch the database";
  if (callee.type !== "identifier") return `${name}() is not known here: ${maybe}`;
  const binding = f.file.importBindingOf(name, callee);
  if (binding) {
    const module = binding.statement.childForFieldName("module_name")?.text;
    // orm-human-7 K4: a class is built, not called (`MessageForm(...)`, a dataclass with a hook).
    if (module?.startsWith(".") && importedClass(callee, binding.qualified))
      return `${name}() builds an instance of a class of this project (imported from ${module}) whose construction runs code this transform does not follow (an __init__, a hook, or its bases'): ${maybe}`;
    if (module?.startsWith("."))
      return `${name}() is a function of this project (imported from ${module}): ${maybe}`;
    return `${name}() (${binding.qualified}) is ${maybe.replace(", and", " and")}`;
  }
  const definition = definitionOf(f, callee);
  if (definition === "function_definition")
    return `${name}() is a function defined in this file: ${maybe}`;
  if (definition === "class_definition")
    return `${name}() builds an instance of a class defined in this file: ${maybe}`;
  // orm-review-8 S1: a local or a parameter, said as what it is (not "not imported").
  const bound = f.file.visibleBindings(callee, name);
  if (bound.some((b) => b.kind === "parameter"))
    return `${name}() calls ${name}, a parameter: what it runs is its caller's choice, not proven here: ${maybe}`;
  if (bound.length > 0 && bound.every((b) => b.kind === "assignment"))
    return `${name}() calls ${name}, bound on line ${bound[0].node.startPosition.row + 1} to ${shortValue(bound[0].node)}, which this transform does not prove a model class or a function that stays off the database: ${maybe}`;
  // orm-review-7 S3: a builtin (`next(...)`), here over a value not proven in memory.
  if (f.file.isBuiltin(name, callee))
    return `${name}() is Python's builtin, called on values not proven in memory (over a queryset it would run its query): ${maybe}`;
  // orm-review-6 R9 (kunleek's `from payment.services import *`): where the name comes from.
  const stars = starImports(f.root).map((s) => `from ${fromModuleName(s)} import *`);
  if (stars.length > 0)
    return `${name}() is not imported by name nor defined in this file: it may come from ${stars.join(", ")}, which the chain does not follow: ${maybe}`;
  return `${name}() is not known here (not imported, not defined in this file): ${maybe}`;
}

/** The def or class statement that binds `name` where it is called, if that is what binds it. */
export function definitionOf(f: OrmFile, identifier: SyntaxNode): string | undefined {
  for (let scope = f.file.enclosingScope(identifier); ; scope = f.file.enclosingScope(scope)) {
    const bound = f.file.bindingsNamed(scope, identifier.text);
    if (bound.length > 0) {
      const kinds = new Set(bound.map((b) => b.node.parent?.type));
      return kinds.size === 1 ? [...kinds][0] : undefined;
    }
    if (scope.type === "module") return undefined;
  }
}

/** `services.helper` after `import services` or `from app import services`: a module's function. */
export function importedModuleAttribute(f: OrmFile, target: SyntaxNode): boolean {
  let root = target.childForFieldName("object");
  const chained = root?.type === "attribute";
  // orm-human-5 D1: `os.path.exists` after `import os`: a function of a module's submodule.
  while (
    root?.type === "attribute" &&
    /^[a-z_][a-z0-9_]*$/.test(root.childForFieldName("attribute")?.text ?? "")
  )
    root = root.childForFieldName("object");
  if (root?.type !== "identifier") return false;
  const binding = f.file.importBindingOf(root.text, root);
  if (chained) return binding?.statement.type === "import_statement";
  return !!binding && (binding.statement.type === "import_statement" || /^[a-z_]/.test(root.text));
}

/** The value a name's assignment binds, as one short line (`product.translations.model`). */
function shortValue(name: SyntaxNode): string {
  const assignment = name.parent?.type === "assignment" ? name.parent : undefined;
  const value = assignment?.childForFieldName("right");
  const text = (value?.text ?? "a value").replace(/\s+/g, " ");
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}
