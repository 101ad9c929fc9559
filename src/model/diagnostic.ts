import type { CodeDoc, Diagnostic, SyntaxNode } from "./types.js";

/** The codes a transform declares, as a type: `CodeOf<typeof CODES>` is "AS401" | "AS402" | ... */
export type CodeOf<Codes> = keyof Codes & string;

/**
 * A diagnostic spanning `node`, under one of the codes `meta` declares (typed by them when the
 * transform declares its meta with `satisfies TransformMeta`), with the severity it is documented
 * with.
 */
export function diagnosticAt<Codes extends Record<string, CodeDoc>>(
  meta: { codes: Codes },
  node: SyntaxNode,
  code: CodeOf<Codes>,
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
