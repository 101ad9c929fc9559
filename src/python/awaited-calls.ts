import type { ReplacedName } from "../model/types.js";

/**
 * Awaited calls as the text spells them (`await VectorStore.objects.filter(x=1).acount()`), read
 * without a parse: what a test's mock of a name must be able to answer. A `MagicMock` put in the
 * place of `VectorStore` answers `.objects.filter(...).acount()` with another `MagicMock`, which
 * cannot be awaited (TypeError); an `AsyncMock` for `acount` can. Strings and comments are
 * blanked first: "(or `await agent.aexecute_task(...)`)" in an error message is no call
 * (hazard-review-8 Y16b, crewAI's 13 false AS920).
 */

export interface AwaitedCall {
  /** The first name: `VectorStore`, `self`, `_aprocess_files`. */
  root: string;
  /** The whole callee without spaces: `VectorStore.objects.filter(x=1).acount`. */
  callee: string;
  /** The last name, the one called: `acount`. */
  method: string;
  /** Only names between the dots (`Order.objects.acount`), no call in the chain. */
  plain: boolean;
  /** 1-based line of the `await`. */
  line: number;
}

/** One argument list, with calls nested one level inside it: `(Q(a=1), b=2)`. */
const ARGS = String.raw`\((?:[^()]|\([^()]*\))*\)`;
const NAME = String.raw`[A-Za-z_]\w*`;
const AWAITED = new RegExp(
  String.raw`\bawait\s+(${NAME}(?:\s*(?:${ARGS})?\s*\.\s*${NAME})*)\s*\(`,
  "g",
);

/** Every `await <name>(...)` or `await <name>.<...>.<method>(...)` of the text. */
export function awaitedCalls(text: string): AwaitedCall[] {
  if (!text.includes("await")) return [];
  const found: AwaitedCall[] = [];
  for (const match of codeOnly(text).matchAll(AWAITED)) {
    const callee = match[1].replace(/\s+/g, "");
    const root = /^[A-Za-z_]\w*/.exec(callee)![0];
    const method = callee.slice(callee.lastIndexOf(".") + 1);
    const line = countLines(text, match.index);
    found.push({ root, callee, method, plain: !callee.includes("("), line });
  }
  return found;
}

/** The text with every string literal and comment blanked (newlines kept: lines stay). */
export function codeOnly(text: string): string {
  const parts: string[] = [];
  let from = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c !== "#" && c !== '"' && c !== "'") continue;
    const end = c === "#" ? lineEnd(text, i) : stringEnd(text, i);
    parts.push(text.slice(from, i), text.slice(i, end).replace(/[^\n]/g, " "));
    from = end;
    i = end - 1;
  }
  parts.push(text.slice(from));
  return parts.join("");
}

function lineEnd(text: string, at: number): number {
  const end = text.indexOf("\n", at);
  return end < 0 ? text.length : end;
}

/** Where the string literal opening at `at` ends (after its closing quote). */
function stringEnd(text: string, at: number): number {
  const quote = text.startsWith(text[at].repeat(3), at) ? text[at].repeat(3) : text[at];
  for (let j = at + quote.length; j < text.length; j++) {
    if (text[j] === "\\") j++;
    else if (text.startsWith(quote, j)) return j + quote.length;
    else if (quote.length === 1 && text[j] === "\n") return j;
  }
  return text.length;
}

function countLines(text: string, end: number): number {
  let line = 1;
  for (let i = text.indexOf("\n"); i !== -1 && i < end; i = text.indexOf("\n", i + 1)) line++;
  return line;
}

/**
 * The awaited calls through a name (`VectorStore.objects.filter(...).acount`, not `self.x` or a
 * bare `notify`) that `after` makes and `before` did not: a patch putting a MagicMock in that
 * name's place made the call before, and now makes the await raise.
 */
export function awaitedThroughNames(before: string, after: string): ReplacedName[] {
  const old = new Set(awaitedCalls(before).map((c) => c.callee));
  return awaitedCalls(after)
    .filter((c) => !old.has(c.callee))
    .flatMap((c) => throughName(c) ?? []);
}

/** The awaited call as a name a test may patch, when its first name is one. */
export function throughName(call: AwaitedCall): ReplacedName | undefined {
  if (call.root === "self" || call.root === "cls" || call.callee === call.root) return undefined;
  return {
    qualified: call.method,
    local: call.callee,
    by: call.callee,
    awaited: true,
    root: call.root,
    line: call.line,
  };
}
