import type { Diagnostic, SyntaxNode, TransformMeta } from "./types.js";

/** A diagnostic spanning `node`, with the severity its code is documented with in `meta`. */
export function diagnosticAt(
  meta: TransformMeta,
  node: SyntaxNode,
  code: string,
  message: string,
  suggestion?: string,
): Diagnostic {
  return {
    code,
    severity: meta.codes[code].severity,
    start: node.startIndex,
    end: node.endIndex,
    message,
    ...(suggestion !== undefined ? { suggestion } : {}),
  };
}
