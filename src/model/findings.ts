import { diagnosticAt, type CodeOf } from "./diagnostic.js";
import type {
  CodeDoc,
  Finding,
  Fix,
  Severity,
  SyntaxNode,
  TransformResult,
  TransformSite,
} from "./types.js";

export type { CodeOf };

/**
 * Whether a hand-listed code union is exactly a transform's declared codes. Used as
 * `Assert<CodesAgree<ThreadCode, CodeOf<typeof meta.codes>>>`, a type error unless they agree.
 */
export type CodesAgree<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
export type Assert<T extends true> = T;

/**
 * What one transform says about one file: its findings, each under one of the transform's own
 * codes (a code it does not declare is a type error) with the severity that code is documented
 * with, and the sites `asyncshift report` counts. Every transform reports through one.
 */
export class FindingsReporter<Code extends string> {
  readonly findings: Finding[] = [];
  readonly sites: TransformSite[] = [];

  constructor(private readonly codes: Readonly<Record<Code, CodeDoc>>) {}

  /**
   * A finding spanning `node`; with a fix, the engine applies it or reports it by its
   * applicability. `severity` overrides the code's documented one (a warning made an error).
   */
  report(
    node: SyntaxNode,
    code: Code,
    message: string,
    suggestion?: string,
    fix?: Fix,
    severity?: Severity,
  ): Finding {
    const diagnostic = diagnosticAt({ codes: this.codes }, node, code, message, suggestion);
    const finding: Finding = {
      ...diagnostic,
      ...(severity ? { severity } : {}),
      ...(fix ? { fix } : {}),
    };
    this.findings.push(finding);
    return finding;
  }

  /** A site the inventory counts, at `node`. */
  site(node: SyntaxNode, kind: string, context: string, detail?: string): void {
    this.sites.push({
      kind,
      context,
      ...(detail !== undefined ? { detail } : {}),
      start: node.startIndex,
    });
  }

  result(): TransformResult {
    return { findings: this.findings, sites: this.sites };
  }
}
