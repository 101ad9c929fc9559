import { diagnosticAt } from "../../src/model/diagnostic.js";
import type {
  Finding,
  Fix,
  SyntaxNode,
  TransformMeta,
  TransformSite,
} from "../../src/model/types.js";

export type AwaitCode = "AS401" | "AS402" | "AS403" | "AS404" | "AS405" | "AS406";

/** What one run over a file gathers: findings and the inventory's sites. */
export class Results {
  readonly findings: Finding[] = [];
  readonly sites: TransformSite[] = [];

  constructor(private readonly meta: TransformMeta) {}

  report(node: SyntaxNode, code: AwaitCode, message: string, suggestion?: string, fix?: Fix): void {
    this.findings.push({
      ...diagnosticAt(this.meta, node, code, message, suggestion),
      ...(fix ? { fix } : {}),
    });
  }

  site(node: SyntaxNode, kind: string, context: string, detail: string): void {
    this.sites.push({ kind, context, detail, start: node.startIndex });
  }
}
