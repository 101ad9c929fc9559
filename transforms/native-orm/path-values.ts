import type { SyntaxNode } from "../../src/model/types.js";
import type { OrmFile } from "./types.js";

// `pathlib` values in a wrapper: built in memory, but most of their methods do file-system I/O,
// which is no database work yet still blocks the event loop once the wrapper goes.

/**
 * Modules whose calls build values in memory but whose values' methods work on the file system:
 * `Path(root)` is in memory, `Path(root).exists()` is blocking file I/O, not database work.
 */
const FILE_SYSTEM_VALUES = ["pathlib"];

/** Methods of a `pathlib` path that compute a new value and never touch the file system. */
export const PURE_PATH_METHODS = new Set([
  "relative_to",
  "is_relative_to",
  "with_name",
  "with_stem",
  "with_suffix",
  "joinpath",
  "as_posix",
  "as_uri",
  "is_absolute",
  "match",
]);

/**
 * A `pathlib` value: `Path(root)`, or a name bound only by such a call in its function
 * (`pwd = Path(proc.pwd)`).
 */
export function isPathValue(f: OrmFile, receiver: SyntaxNode): boolean {
  const madeByPathlib = (value: SyntaxNode | null | undefined): boolean => {
    const fn = value?.type === "call" ? value.childForFieldName("function") : undefined;
    return !!fn && isFileSystemQualified(f.file.qualifiedName(fn));
  };
  if (receiver.type !== "identifier") return madeByPathlib(receiver);
  const bindings = f.file.bindingsNamed(f.file.enclosingScope(receiver), receiver.text);
  return (
    bindings.length > 0 &&
    bindings.every((b) => {
      const assignment = b.node.parent;
      return (
        b.kind === "assignment" &&
        assignment?.type === "assignment" &&
        madeByPathlib(assignment.childForFieldName("right"))
      );
    })
  );
}

export function isFileSystemQualified(qualified: string | undefined): boolean {
  return !!qualified && FILE_SYSTEM_VALUES.some((m) => qualified.startsWith(`${m}.`));
}

/** `Path(root).exists()`: a method of a file-system value, blocking I/O rather than a query. */
export function fileSystemProblem(
  f: OrmFile,
  call: SyntaxNode,
  callee: SyntaxNode,
): string | undefined {
  const start = chainStart(callee);
  const made = start?.childForFieldName("function");
  const qualified = made ? f.file.qualifiedName(made) : undefined;
  if (!start || start.id === call.id || !isFileSystemQualified(qualified)) return undefined;
  return `${callee.text}() works on the file system (${qualified}): no database, but blocking I/O that would run on the event loop once converted`;
}

/** The innermost call a chain of method calls starts from: `Path(root)` in `Path(root).a().b()`. */
export function chainStart(expr: SyntaxNode): SyntaxNode | undefined {
  let start: SyntaxNode | undefined;
  for (let n: SyntaxNode | null = expr; n;) {
    if (n.type === "call") start = n;
    n =
      n.type === "call"
        ? n.childForFieldName("function")
        : n.type === "attribute"
          ? n.childForFieldName("object")
          : n.type === "parenthesized_expression" || n.type === "binary_operator"
            ? n.namedChildren[0]
            : null;
  }
  return start;
}
