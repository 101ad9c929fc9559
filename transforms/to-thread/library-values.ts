import { projectTopModules } from "../../src/project/index-lookup.js";
import type { FileSemantics, ProjectFacts, SyntaxNode } from "../../src/model/types.js";

/*
 * Values a library made, bound where no assignment shows it: `with open(path) as f:`,
 * `with tempfile.NamedTemporaryFile() as tmp:`, `for match in pattern.finditer(text):`. Their
 * methods (`f.read()`, `tmp.write()`, `match.start()`) are the library's, not any project method
 * of that name, so the unwrap check does not read the project's namesakes for them
 * (hazard-review-5 J1's fix refused SurfSense's `f.read()` as "may run KBPostgresBackend.read()").
 */

/** What made a `with ... as name` or `for name in ...` binding, when a builtin or library call did. */
export function libraryMaker(
  file: FileSemantics,
  binding: SyntaxNode,
  project: ProjectFacts | undefined,
  madeBy: (receiver: SyntaxNode, at: SyntaxNode) => string | undefined,
): string | undefined {
  const value = boundValue(binding);
  if (value?.type !== "call") return undefined;
  const fn = value.childForFieldName("function");
  if (fn?.type === "identifier" && file.isBuiltin(fn.text, fn)) return `builtins.${fn.text}`;
  const qualified = fn ? file.qualifiedName(fn) : undefined;
  // `pattern.finditer(text)` with `pattern = re.compile(...)`: a method of a library's value.
  const owner =
    qualified ??
    (fn?.type === "attribute"
      ? madeBy(fn.childForFieldName("object")!, value)?.concat(
          ".",
          fn.childForFieldName("attribute")!.text,
        )
      : undefined);
  const top = owner?.split(".")[0];
  const index = project?.index;
  if (!owner || !top || !index || projectTopModules(index).has(top) || top.startsWith("."))
    return undefined;
  return owner;
}

/** The call a `with` item's target or a `for` loop's variable is bound from. */
function boundValue(binding: SyntaxNode): SyntaxNode | undefined {
  if (binding.type === "as_pattern_target") return binding.parent?.namedChildren[0] ?? undefined;
  if (binding.type === "for_statement") return binding.childForFieldName("right") ?? undefined;
  return undefined;
}
