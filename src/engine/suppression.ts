/**
 * Suppression comments, as ruff's `# noqa`: `# asyncshift: ignore[AS101, AS202]` skips those
 * codes, a bare `# asyncshift: ignore` skips everything, on the site's line or on the first line
 * of the statement that holds it. Each comment remembers what it suppressed, so the unused ones
 * can be reported (like ruff's RUF100).
 */

import type { ReportedDiagnostic } from "../model/reported.js";
import { lineColumnAt, lineIndexAt, lineStartsOf } from "../syntax/lines.js";
import type { SyntaxNode, SyntaxTree } from "../syntax/tree.js";

/** `# asyncshift: ignore` with an optional `[CODE, ...]`; the codes are checked when used. */
const COMMENT = /#\s*asyncshift:\s*ignore(?:\[([^\]\n]*)\])?/g;

export interface SuppressionComment {
  /** 1-based line and column of the `#`. */
  line: number;
  column: number;
  /** Offset of the `#` in the text the comments were read from. */
  start: number;
  /** The codes in brackets, upper-cased; undefined for a bare comment, which covers every code. */
  codes?: string[];
  /** Codes this comment suppressed (for a bare one, `*` once a rewrite was held back). */
  used: Set<string>;
}

/**
 * The comment's part of a line, or the line's end: a `#` inside a string is not a comment. Quote
 * tracking on one line is enough for the places a suppression is written (the end of a statement's
 * line); a `#` in a triple-quoted string spanning lines is the known false positive.
 */
function commentStart(line: string): number {
  let quote: string | undefined;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (quote) {
      if (ch === "\\") i++;
      else if (line.startsWith(quote, i)) {
        i += quote.length - 1;
        quote = undefined;
      }
    } else if (ch === "#") return i;
    else if (ch === '"' || ch === "'") quote = line.startsWith(ch.repeat(3), i) ? ch.repeat(3) : ch;
  }
  return -1;
}

/** The suppression comments of a source text, by line. */
export class Suppressions {
  private readonly byLine = new Map<number, SuppressionComment>();
  private readonly lineStarts: number[];

  constructor(source: string) {
    this.lineStarts = lineStartsOf(source);
    if (!source.includes("asyncshift")) return;
    this.lineStarts.forEach((lineStart, i) => {
      const end = this.lineStarts[i + 1] ?? source.length;
      const text = source.slice(lineStart, end);
      const hash = commentStart(text);
      if (hash < 0) return;
      COMMENT.lastIndex = hash;
      const match = COMMENT.exec(text);
      if (!match) return;
      const codes = match[1]
        ?.split(",")
        .map((c) => c.trim().toUpperCase())
        .filter((c) => c !== "");
      const start = lineStart + match.index;
      this.byLine.set(i + 1, {
        line: i + 1,
        column: lineColumnAt(source, this.lineStarts, start).column,
        start,
        ...(codes ? { codes } : {}),
        used: new Set(),
      });
    });
  }

  get size(): number {
    return this.byLine.size;
  }

  lineOf(offset: number): number {
    return lineIndexAt(this.lineStarts, offset) + 1;
  }

  /**
   * Is `code` at offset `start` suppressed (by a comment on its line, or on the first line of its
   * statement, `statementStart`)? Records the use on the comment that suppresses it.
   */
  isSuppressed(code: string, start: number, statementStart = start): boolean {
    for (const line of new Set([this.lineOf(start), this.lineOf(statementStart)])) {
      const comment = this.byLine.get(line);
      if (!comment) continue;
      if (comment.codes && !comment.codes.includes(code.toUpperCase())) continue;
      comment.used.add(code.toUpperCase());
      return true;
    }
    return false;
  }

  /**
   * The bare comment that holds back a rewrite at `start`, if any (rewrites carry no code yet, so
   * only a bare `# asyncshift: ignore` stops one). Records the use.
   */
  bareAt(start: number, statementStart = start): SuppressionComment | undefined {
    for (const line of new Set([this.lineOf(start), this.lineOf(statementStart)])) {
      const comment = this.byLine.get(line);
      if (comment && !comment.codes) {
        comment.used.add("*");
        return comment;
      }
    }
    return undefined;
  }

  /** Each comment, or each code of one, that suppressed nothing: what an unused report names. */
  unused(): { comment: SuppressionComment; codes?: string[] }[] {
    const found: { comment: SuppressionComment; codes?: string[] }[] = [];
    for (const comment of this.byLine.values()) {
      if (!comment.codes) {
        if (comment.used.size === 0) found.push({ comment });
        continue;
      }
      const idle = comment.codes.filter((c) => !comment.used.has(c));
      if (idle.length > 0) found.push({ comment, codes: idle });
    }
    return found;
  }
}

/** Types of the nodes that hold statements: a suppression may sit on a statement's first line. */
const STATEMENT_HOLDERS = new Set(["module", "block"]);

/** Where the statement holding `offset` starts (a multi-line call's first line), in `tree`'s text. */
export function statementStartOf(tree: SyntaxTree, offset: number): number {
  let node: SyntaxNode | null = tree.rootNode.descendantForIndex(offset);
  while (node?.parent && !STATEMENT_HOLDERS.has(node.parent.type)) node = node.parent;
  return node && node.type !== "module" ? node.startIndex : offset;
}

/** AS910 for each suppression that suppressed nothing, limited to what `mayReport` allows. */
export function unusedSuppressions(
  suppressions: Suppressions,
  mayReport: (code: string | undefined) => boolean,
): ReportedDiagnostic[] {
  const found: ReportedDiagnostic[] = [];
  for (const { comment, codes } of suppressions.unused()) {
    const idle = codes?.filter(mayReport);
    if (codes ? idle!.length === 0 : !mayReport(undefined)) continue;
    const what = idle ? `ignore[${idle.join(", ")}]` : "ignore";
    found.push({
      code: "AS910",
      severity: "warning",
      source: "runner",
      line: comment.line,
      column: comment.column,
      endLine: comment.line,
      endColumn: comment.column,
      message: idle
        ? `unused \`# asyncshift: ${what}\`: no ${idle.join(" or ")} reported on this line`
        : "unused `# asyncshift: ignore`: nothing reported or rewritten on this line",
    });
  }
  return found;
}
