import { importBindings } from "./imports.js";
import type { Binding, FileSemantics, SyntaxNode } from "../model/types.js";

/*
 * An optional dependency's import guard:
 *
 *     try:
 *         from scrapling.fetchers import StealthyFetcher
 *     except ImportError:
 *         StealthyFetcher = None
 *
 * The name holds the library's class, or None when the library is missing (and then any use of
 * it fails before it could run anything). The fallback does not make the name "a value of no
 * known class": it is still the library's (hazard-review-4 K3b, SurfSense's google_maps and
 * youtube fetchers, whose `StealthyFetcher.fetch` refuses to run on an event loop's thread).
 * The fallback may be `typing.Any` for annotations, with the import repeated for type checkers
 * under `if TYPE_CHECKING:` in the `except` clause (hazard-review-7 Y12, agno's redis clients).
 */

const IMPORTS = new Set(["import_statement", "import_from_statement"]);

/** The qualified name `expr` has through a guarded import (`StealthyFetcher.fetch` -> `scrapling.fetchers.StealthyFetcher.fetch`). */
export function guardedImportName(file: FileSemantics, expr: SyntaxNode): string | undefined {
  const parts: string[] = [];
  let n: SyntaxNode | null = expr;
  while (n?.type === "attribute") {
    parts.unshift(n.childForFieldName("attribute")!.text);
    n = n.childForFieldName("object");
  }
  if (n?.type !== "identifier") return undefined;
  const bindings = file.visibleBindings(n, n.text);
  const imports = bindings.filter((b) => b.kind === "import");
  const fallbacks = bindings.filter((b) => b.kind !== "import");
  if (imports.length === 0 || fallbacks.length === 0) return undefined;
  const qualified = new Set<string>();
  const guards: SyntaxNode[] = [];
  for (const binding of imports) {
    const statement = ancestor(binding.node, (a) => IMPORTS.has(a.type));
    const found = statement && importBindings(statement).find((i) => i.local === n!.text);
    const guard = statement && (guardingTry(statement) ?? typeCheckingRepeat(statement));
    if (!found || !guard) return undefined;
    qualified.add(found.qualified);
    guards.push(guard);
  }
  if (qualified.size !== 1) return undefined;
  if (!fallbacks.every((b) => isNoneFallback(file, b, guards))) return undefined;
  return [[...qualified][0], ...parts].join(".");
}

/** The `try` whose body holds `statement` directly (an import at the top of its block). */
function guardingTry(statement: SyntaxNode): SyntaxNode | undefined {
  const block = statement.parent;
  const owner = block?.type === "block" ? block.parent : undefined;
  return owner?.type === "try_statement" && owner.childForFieldName("body")?.id === block!.id
    ? owner
    : undefined;
}

/**
 * `except ImportError: if TYPE_CHECKING: from redis import Redis`: the import repeated for type
 * checkers in an `except` clause of a `try` that guards it: that `try`.
 */
function typeCheckingRepeat(statement: SyntaxNode): SyntaxNode | undefined {
  const block = statement.parent;
  const check = block?.type === "block" ? block.parent : undefined;
  const condition = check?.type === "if_statement" ? check.childForFieldName("condition") : null;
  if (!condition || !/^(?:typing\.)?TYPE_CHECKING$/.test(condition.text)) return undefined;
  const clause = check!.parent?.parent;
  return clause?.type === "except_clause" && clause.parent?.type === "try_statement"
    ? clause.parent
    : undefined;
}

/**
 * `Name = None` (or `Name = Any`, a placeholder for annotations) in an `except` clause of one of
 * the guarding `try` statements.
 */
function isNoneFallback(
  file: FileSemantics,
  binding: Binding,
  guards: readonly SyntaxNode[],
): boolean {
  const assignment = binding.node.parent;
  if (assignment?.type !== "assignment") return false;
  if (assignment.childForFieldName("left")?.id !== binding.node.id) return false;
  const right = assignment.childForFieldName("right");
  const placeholder =
    right?.type === "none" ||
    ((right?.type === "identifier" || right?.type === "attribute") &&
      file.qualifiedName(right) === "typing.Any");
  if (!placeholder) return false;
  const clause = ancestor(assignment, (a) => a.type === "except_clause");
  return clause !== undefined && guards.some((g) => g.id === clause.parent?.id);
}

function ancestor(node: SyntaxNode, is: (n: SyntaxNode) => boolean): SyntaxNode | undefined {
  for (let n = node.parent; n; n = n.parent) if (is(n)) return n;
  return undefined;
}
