import type { Edit, SyntaxNode } from "../../src/model/types.js";
import {
  argumentsOf,
  commentsOf,
  isPositional,
  type Problem,
  type Site,
  type Target,
} from "./sites.js";

/** A site's wrapper call as it would be written without the thread: `fn(a, k=v)`. */
export function plainCallText(site: Site, target: Target, callee: string): string {
  const rest = site.args.slice(site.fnIndex + 1);
  if (target.shape === "lambda")
    return `${callee}${target.inner!.childForFieldName("arguments")!.text}`;
  const own = target.shape === "partial" ? argumentsOf(target.inner!).slice(1) : [];
  // Python wants positional arguments before keywords: the partial's keywords move after the
  // site's positional arguments (rewriteEdits refuses that reorder; a suggestion shows it).
  const all = [...own, ...rest];
  const ordered = [...all.filter(isPositional), ...all.filter((a) => !isPositional(a))];
  return `${callee}(${ordered.map((a) => a.text).join(", ")})`;
}

/**
 * The text that removing the arguments `first`..`last` (and the comma after `last`) takes out: the
 * whole line when they fill it, else up to the next argument or comment on the same line.
 */
function removedArgumentsRange(
  source: string,
  first: SyntaxNode,
  last: SyntaxNode,
): { start: number; end: number } | undefined {
  const comma = /^[ \t]*,/.exec(source.slice(last.endIndex));
  if (!comma) return undefined;
  const commaEnd = last.endIndex + comma[0].length;
  const lineStart = source.lastIndexOf("\n", first.startIndex - 1) + 1;
  const restOfLine = /^[ \t]*\r?\n/.exec(source.slice(commaEnd));
  if (restOfLine && source.slice(lineStart, first.startIndex).trim() === "")
    return { start: lineStart, end: commaEnd + restOfLine[0].length };
  const spaces = /^[ \t]*/.exec(source.slice(commaEnd))![0];
  return { start: first.startIndex, end: commaEnd + spaces.length };
}

/**
 * Edits that turn `call` (a wrapper or a partial) into `<callee>(<arguments after the function>)`:
 * the text from `start` to the end of the call's own callee becomes `callee`; the arguments up to
 * and including the function go; every other byte of the argument list stays.
 */
function strippedCallEdits(
  source: string,
  call: SyntaxNode,
  start: number,
  fnIndex: number,
  callee: string,
): Edit[] | Problem {
  const args = argumentsOf(call);
  const list = call.childForFieldName("arguments")!;
  const calleeEnd = call.childForFieldName("function")!.endIndex;
  const fnArg = args[fnIndex];
  const edits: Edit[] = [{ start, end: calleeEnd, text: callee }];
  const comments = commentsOf(call);
  if (args.length === fnIndex + 1 && comments.length === 0) {
    edits.push({ start: list.startIndex, end: list.endIndex, text: "()" });
    return edits;
  }
  const removed =
    removedArgumentsRange(source, args[0], fnArg) ??
    (args.length === fnIndex + 1 ? { start: args[0].startIndex, end: fnArg.endIndex } : undefined);
  if (removed === undefined)
    return { problem: "a comment sits between the function and its arguments" };
  if (comments.some((c) => c.startIndex >= removed.start && c.startIndex < removed.end))
    return { problem: "a comment inside the removed arguments would be lost" };
  edits.push({ ...removed, text: "" });
  return edits;
}

/** Edits that replace the site (from `start`, the await included or not) by `callee(<target's arguments>)`. */
export function rewriteEdits(
  source: string,
  site: Site,
  target: Target,
  start: number,
  callee: string,
): Edit[] | Problem {
  const { call } = site;
  const rest = site.args.slice(site.fnIndex + 1);
  if (target.shape === "direct")
    return strippedCallEdits(source, call, start, site.fnIndex, callee);
  const inner = target.inner!;
  const outerComments = commentsOf(call);
  if (target.shape === "lambda") {
    if (outerComments.length > 0)
      return { problem: "a comment inside the wrapper's arguments would be lost" };
    return [
      { start, end: inner.childForFieldName("function")!.endIndex, text: callee },
      { start: inner.endIndex, end: call.endIndex, text: "" },
    ];
  }
  if (rest.length === 0) {
    if (outerComments.length > 0)
      return { problem: "a comment inside the wrapper's arguments would be lost" };
    const edits = strippedCallEdits(source, inner, start, 0, callee);
    if ("problem" in edits) return edits;
    return [...edits, { start: inner.endIndex, end: call.endIndex, text: "" }];
  }
  // partial(fn, a, k=v)(b): the partial's `)` goes and the site's own separator (comments
  // included) joins the two argument lists; every argument stays as written.
  const own = argumentsOf(inner).slice(1);
  if (own.some((a) => !isPositional(a)) && rest.some(isPositional))
    return {
      problem:
        "the partial's keyword arguments would move after the site's positional ones (evaluation order)",
    };
  const keywords = [...own, ...rest]
    .filter((a) => a.type === "keyword_argument")
    .map((a) => a.childForFieldName("name")!.text);
  if (new Set(keywords).size !== keywords.length)
    return { problem: "the same keyword is given to the partial and at the site" };
  const hasComment = (from: number, to: number) =>
    [...outerComments, ...commentsOf(inner)].some((c) => c.startIndex >= from && c.startIndex < to);
  if (hasComment(start, inner.startIndex))
    return { problem: "a comment inside the wrapper's arguments would be lost" };
  if (own.length === 0) {
    const removed = removedArgumentsRange(source, inner, inner);
    if (!removed || hasComment(start, removed.end))
      return { problem: "a comment inside the removed arguments would be lost" };
    return [{ start, end: removed.end, text: `${callee}(` }];
  }
  const closing = { start: own[own.length - 1].endIndex, end: inner.endIndex };
  if (hasComment(closing.start, closing.end))
    return { problem: "a comment inside the partial's parentheses would be lost" };
  const edits = strippedCallEdits(source, inner, start, 0, callee);
  if ("problem" in edits) return edits;
  return [...edits, { ...closing, text: "" }];
}
