import type { SyntaxNode } from "../model/types.js";
import { stringLiteralValue } from "../python/scope.js";
import type { SelectedRelations } from "./proofs.js";

// Small readings the proofs are built from: string arguments, positional arguments, relation
// sets, and the statement that binds a name.

export function unquoted(node: SyntaxNode): string | undefined {
  const value = stringLiteralValue(node);
  return value === undefined ? undefined : value.trim();
}

export function intersect(a: SelectedRelations, b: SelectedRelations): SelectedRelations {
  if (a === "all") return b;
  if (b === "all") return a;
  return new Set([...a].filter((x) => b.has(x)));
}

/**
 * What `prefetch_related("a", Prefetch("b__c", ...))` adds to the loaded relations: the first
 * segment of each lookup (a lookup computed at run time adds nothing; no argument, nothing).
 */
export function prefetchedBy(call: SyntaxNode, before: SelectedRelations): SelectedRelations {
  if (before === "all") return "all";
  const selected = new Set(before);
  for (const arg of positionalArguments(call)) {
    const callee = arg.type === "call" ? arg.childForFieldName("function") : undefined;
    const lookup =
      callee && /(^|\.)Prefetch$/.test(callee.text) ? positionalArguments(arg)[0] : arg;
    const value = lookup ? unquoted(lookup) : undefined;
    if (value !== undefined) selected.add(value.split("__")[0]);
  }
  return selected;
}

/** The call arguments, comments and keyword arguments left out. */
export function positionalArguments(call: SyntaxNode): SyntaxNode[] {
  const args = call.childForFieldName("arguments");
  if (!args || args.type !== "argument_list") return [];
  return args.namedChildren.filter(
    (c) =>
      c.type !== "comment" &&
      c.type !== "keyword_argument" &&
      c.type !== "list_splat" &&
      c.type !== "dictionary_splat",
  );
}

/** The statement-level node that binds `identifier` (an assignment, a for loop, a parameter...). */
export function bindingSite(identifier: SyntaxNode): SyntaxNode | undefined {
  for (let n = identifier.parent; n; n = n.parent) {
    switch (n.type) {
      case "assignment":
      case "augmented_assignment":
      case "for_statement":
      case "for_in_clause":
      case "named_expression":
      case "typed_parameter":
      case "typed_default_parameter":
      case "default_parameter":
      case "parameters":
      case "lambda_parameters":
      case "with_statement":
      case "import_statement":
      case "import_from_statement":
      case "function_definition":
      case "class_definition":
      case "global_statement":
      case "nonlocal_statement":
      case "delete_statement":
      case "except_clause":
        return n;
    }
  }
  return undefined;
}
