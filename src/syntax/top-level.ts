/*
 * Where a text stands outside every string, comment and bracket, read from its characters alone
 * (no parse): a statement of a class body starts there, while a call inside a list or an argument
 * list does not (`fields=[("id", models.AutoField(...))]` in a migration).
 */

const HASH = 35;
const NEWLINE = 10;
const BACKSLASH = 92;
const QUOTE = 34;
const APOSTROPHE = 39;

/**
 * Does some match of `pattern` start outside strings, comments and brackets? True too whenever
 * the reading cannot be sure: brackets or strings that do not balance, or a `def` or `class` line
 * inside brackets (where Python has none: the reading went wrong), so a caller that skips a parse
 * on false skips it only where the text shows no such match.
 */
export function matchesAtTopLevel(source: string, pattern: RegExp): boolean {
  const flags = pattern.flags.includes("g") ? pattern.flags : `${pattern.flags}g`;
  const starts = [...source.matchAll(new RegExp(pattern.source, flags))].map((m) => m.index);
  if (starts.length === 0) return false;
  let next = 0;
  let depth = 0;
  for (let i = 0; i < source.length; i++) {
    while (next < starts.length && starts[next] < i) next++;
    if (starts[next] === i && depth === 0) return true;
    const c = source.charCodeAt(i);
    if (c === HASH) {
      const end = source.indexOf("\n", i);
      i = end < 0 ? source.length : end - 1;
    } else if (c === QUOTE || c === APOSTROPHE) {
      const end = stringEnd(source, i);
      if (end < 0) return true;
      i = end - 1;
    } else if (c === 40 || c === 91 || c === 123) depth++;
    else if (c === 41 || c === 93 || c === 125) {
      if (--depth < 0) return true;
    } else if (c === NEWLINE && depth > 0 && DEF_OR_CLASS.test(source.slice(i + 1, i + 80)))
      return true;
  }
  // Read to the end: whatever was read inside brackets is trusted only when they balance.
  return depth !== 0;
}

/** A line that starts a `def` or `class` (never inside brackets in Python). */
const DEF_OR_CLASS = /^[ \t]*(?:async[ \t]+)?(?:def|class)[ \t]/;

/**
 * The index just past the string literal opening at `at` (its quote; a prefix such as `rb` is
 * read as a name before it, which changes nothing here), or -1 when it does not end where Python
 * ends it: a one-quote string at its line's end, a string at the text's end. A backslash escapes
 * the next character in every kind (in a raw string it stays, but still keeps a quote from ending
 * it).
 */
function stringEnd(source: string, at: number): number {
  const quote = source.charCodeAt(at);
  const triple = source.charCodeAt(at + 1) === quote && source.charCodeAt(at + 2) === quote;
  for (let i = at + (triple ? 3 : 1); i < source.length; i++) {
    const c = source.charCodeAt(i);
    if (c === BACKSLASH) i++;
    else if (c === NEWLINE && !triple) return -1;
    else if (c === quote) {
      if (!triple) return i + 1;
      if (source.charCodeAt(i + 1) === quote && source.charCodeAt(i + 2) === quote) return i + 3;
    }
  }
  return -1;
}

/**
 * Which of `positions` (ascending) lie in code, not in a string or a comment; a text whose
 * strings do not end where Python ends them answers undefined.
 */
export function inCode(source: string, positions: readonly number[]): boolean[] | undefined {
  const out: boolean[] = [];
  let next = 0;
  for (let i = 0; i < source.length && next < positions.length; i++) {
    while (next < positions.length && positions[next] <= i) out[next] = positions[next++] === i;
    const c = source.charCodeAt(i);
    let end = -2;
    if (c === HASH) end = source.indexOf("\n", i) < 0 ? source.length : source.indexOf("\n", i);
    else if (c === QUOTE || c === APOSTROPHE) end = stringEnd(source, i);
    if (end === -1) return undefined;
    if (end >= 0) {
      while (next < positions.length && positions[next] < end) out[next++] = false;
      i = end - 1;
    }
  }
  while (next < positions.length) out[next++] = true;
  return out;
}
