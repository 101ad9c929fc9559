import type { SyntaxNode } from "../model/types.js";
import { importBindingOf } from "./imports.js";
import { importedConstantValues } from "./foreign-returns.js";

// orm-review-6 R12 (dark_village `from utils.consts import STATUS`, `STATUS[2][0]`): a name another
// module of the project binds to literals is a value held in memory where it is imported. The
// module's values are the transform's to read (src/project/plain-constants.ts, through
// useForeignConstants); the kinds are value-kinds' (passed in: no import back).

type PlainKind = "scalar" | "json";

/** An upper-case name imported from a project module that binds it to values only. */
function importedConstant(
  identifier: SyntaxNode,
): { name: string; values: SyntaxNode[] } | undefined {
  const binding = importBindingOf(identifier.text, identifier);
  const name = binding?.qualified.split(".").pop() ?? "";
  if (!binding || !/^[A-Z][A-Z0-9_]*$/.test(name)) return undefined;
  const values = importedConstantValues(identifier, binding.qualified);
  return values && values.length > 0 ? { name, values } : undefined;
}

/**
 * A container another project module binds at module level (`ROLES_CACHE = {}`), imported by
 * name: reading or writing it by key runs no query, whatever is put into it.
 */
export function isImportedContainer(identifier: SyntaxNode): boolean {
  if (identifier.type !== "identifier") return false;
  const values = importedConstant(identifier)?.values;
  return !!values?.every((v) => CONTAINERS.has(v.type));
}

const CONTAINERS = new Set([
  "dictionary",
  "list",
  "set",
  "tuple",
  "list_comprehension",
  "dictionary_comprehension",
  "set_comprehension",
]);

/**
 * orm-review-6 R12: a constant another module of the project binds to literals (`STATUS = (("new",
 * "New"), ...)`), imported by name. Upper-case names only, and a mutable container only when
 * neither its module nor this one puts anything into it.
 */
export function importedConstantKind(
  identifier: SyntaxNode,
  kindOf: (value: SyntaxNode) => PlainKind | undefined,
): PlainKind | undefined {
  const { name, values } = importedConstant(identifier) ?? {};
  if (!name || !values) return undefined;
  const kinds = values.map(kindOf);
  if (kinds.some((k) => !k)) return undefined;
  if (!kinds.includes("json")) return "scalar";
  const mutated = new RegExp(
    `\\b${name}\\s*(?:\\[[^\\]]*\\]\\s*=[^=]|\\.(?:append|extend|update|add|insert|setdefault)\\s*\\()`,
  );
  const sources = [values[0].tree.source, identifier.tree.source];
  return values.every((v) => v.type === "tuple") || !sources.some((t) => mutated.test(t))
    ? "json"
    : undefined;
}

/** The module-level class of another project module that an imported name stands for. */
export function importedClass(at: SyntaxNode, qualified: string): SyntaxNode | undefined {
  const values = importedConstantValues(at, qualified);
  return values?.length === 1 && values[0].type === "class_definition" ? values[0] : undefined;
}

/** The module-level def of another project module that an imported name stands for. */
export function importedDef(at: SyntaxNode, qualified: string): SyntaxNode | undefined {
  const values = importedConstantValues(at, qualified);
  return values?.length === 1 && values[0].type === "function_definition" ? values[0] : undefined;
}
