// What the outline scanner (outline.ts) reads without a parse: identifiers, what an import
// statement binds, a class body's annotated names, a module-level alias.

// Character codes both scanners test (outline.ts reads nearly every character of a project).
export const LF = 10;
export const CR = 13;
export const TAB = 9;
export const SPACE = 32;
export const HASH = 35;
export const BACKSLASH = 92;
export const DOT = 46;

export interface ImportStatement {
  text: string;
  end: number;
  /** `from module import ...`; undefined for `import a.b`. */
  module?: string;
  /** `[name, local]` after `from`, `[dotted, alias]` after `import`. */
  names: [string, string | undefined][];
}

/** The import statement opening at `at`, if one does. */
export function importStatementAt(s: string, at: number): ImportStatement | undefined {
  const from = s.startsWith("from", at) && isRegExpSpace(s.charCodeAt(at + 4));
  if (!from && !(s.startsWith("import", at) && isRegExpSpace(s.charCodeAt(at + 6)))) return;
  const end = importStatementEnd(s, at);
  const text = s.slice(at, end);
  // Comments and line continuations out: `(a,  # why\n b)`.
  const plain = text.replace(/#[^\n]*/g, "").replace(/[\\()\r\n]/g, " ");
  if (!from) return { text, end, names: importedNames(plain.slice("import".length)) };
  const found = FROM_IMPORT.exec(plain);
  const names = found
    ? importedNames(found[2]).map(([name, alias]): [string, string] => [name, alias ?? name])
    : [];
  return { text, end, module: found?.[1], names };
}

const FROM_IMPORT = /^from\s+(\.*[\p{ID_Continue}.]*)\s+import\s+(.*)$/su;

/**
 * `a as b, c.d` -> `[["a", "b"], ["c.d", undefined]]`: each item's words (its runs of characters
 * other than what `\s` matches), read in place: every import statement of a project asks.
 */
function importedNames(list: string): [string, string | undefined][] {
  const names: [string, string | undefined][] = [];
  for (let at = 0; at <= list.length;) {
    const comma = list.indexOf(",", at);
    const end = comma < 0 ? list.length : comma;
    const [name, as, alias] = wordsIn(list, at, end, 3);
    if (name) names.push([name, as === "as" ? alias : undefined]);
    at = end + 1;
  }
  return names;
}

/** The first `most` words of `text` between `from` and `to`. */
function wordsIn(text: string, from: number, to: number, most: number): string[] {
  const words: string[] = [];
  for (let i = from; i < to && words.length < most; i++) {
    if (isRegExpSpace(text.charCodeAt(i))) continue;
    const start = i;
    while (i < to && !isRegExpSpace(text.charCodeAt(i))) i++;
    words.push(text.slice(start, i));
  }
  return words;
}

/**
 * Where an import statement opening at `at` ends: the end of its logical line (parentheses and
 * backslashes continue it; a comment or `;` ends it).
 */
function importStatementEnd(s: string, at: number): number {
  let depth = 0;
  for (let j = at; j < s.length; j++) {
    const c = s.charCodeAt(j);
    if (c === 40) depth++;
    else if (c === 41) depth = Math.max(0, depth - 1);
    else if (c === BACKSLASH && (s.charCodeAt(j + 1) === LF || s.charCodeAt(j + 1) === CR))
      j += s.charCodeAt(j + 1) === CR && s.charCodeAt(j + 2) === LF ? 2 : 1;
    else if (c === HASH) {
      if (depth === 0) return j;
      while (j < s.length && s.charCodeAt(j + 1) !== LF) j++;
    } else if ((c === LF || c === 59) && depth === 0)
      return c === LF && s.charCodeAt(j - 1) === CR ? j - 1 : j;
  }
  return s.length;
}

/** What `\s` matches in a JavaScript pattern (the keyword tests were written with it). */
export function isRegExpSpace(c: number): boolean {
  if (c < 128) return c === SPACE || (c >= TAB && c <= CR);
  return (
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}

const IDENT = String.raw`[\p{ID_Start}_][\p{ID_Continue}]*`;
/** `callback: Hook` or `callback: Hook = None`, not `x := 1`. */
const MEMBER = new RegExp(String.raw`(${IDENT})[ \t]*:(?!=)([^\n]*)`, "uy");
/** The value's name read whole (no backtracking) before the `(` test: a call is no alias. */
const ALIAS = new RegExp(
  String.raw`(?:type[ \t]+(${IDENT})|(${IDENT})[ \t]*(?::[^=\n]*)?=(?!=)[ \t]*(?=[\p{ID_Start}_])(?=([\p{ID_Continue}.\t ]*))\3(?!\())`,
  "uy",
);

/**
 * A class body's `name: annotation` at `at`, as `name\tannotation` (the annotation "*" when it
 * goes on past the line: brackets left open).
 */
export function annotatedMemberAt(s: string, at: number): string | undefined {
  MEMBER.lastIndex = at;
  const found = MEMBER.exec(s);
  if (!found) return undefined;
  const annotation = found[2].replace(/[=#].*/s, "").trim();
  const open = annotation.replace(/[^([{]/g, "").length;
  const shut = annotation.replace(/[^)\]}]/g, "").length;
  return `${found[1]}\t${open === shut ? annotation : "*"}`;
}

/**
 * `Hook = Callable[...]`, `Hook: TypeAlias = Other`, `type Hook = ...` at `at`: a name an
 * annotation may stand for (a value that starts with a name and is no call).
 */
export function aliasAt(s: string, at: number): string | undefined {
  ALIAS.lastIndex = at;
  const found = ALIAS.exec(s);
  return found ? (found[1] ?? found[2]) : undefined;
}

const IDENT_RE = /[\p{ID_Start}_][\p{ID_Continue}]*/uy;
const IDENT_START = /[\p{ID_Start}_]/u;

/**
 * Can an identifier start at `at` (its code `code`)? ASCII answered by its code; the Unicode test
 * only beyond it, on the one UTF-16 unit as before.
 */
export function isIdentStartAt(s: string, at: number, code: number): boolean {
  if (code < 128) return (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || code === 95;
  return IDENT_START.test(s[at]);
}

/**
 * The identifier at `at` (what IDENT_RE matches there), or undefined: ASCII read by character code,
 * the pattern only for a name holding another character.
 */
export function identifierAt(s: string, at: number): string | undefined {
  let c = s.charCodeAt(at);
  if ((c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95) {
    let end = at + 1;
    for (c = s.charCodeAt(end); isAsciiWordCode(c); c = s.charCodeAt(++end));
    if (!(c >= 128)) return s.slice(at, end);
  }
  IDENT_RE.lastIndex = at;
  return IDENT_RE.exec(s)?.[0];
}

function isAsciiWordCode(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95;
}

/**
 * `patch`, `mock.patch`, `unittest.mock.patch`, `patch.object`, `mocker.patch.object`: asked of
 * every call, so by the chain's end rather than a pattern.
 */
export function isPatcher(chain: string): boolean {
  const end = chain.endsWith(".object") ? chain.length - ".object".length : chain.length;
  return endsWithName(chain, "patch", end);
}

/** `setattr`, `monkeypatch.setattr`, `mocker.patch.object`'s plain cousin: replaces a name. */
export function isSetter(chain: string): boolean {
  return endsWithName(chain, "setattr", chain.length);
}

/** Does `chain` up to `end` end with the whole name `name` (the chain's first, or after a dot)? */
function endsWithName(chain: string, name: string, end: number): boolean {
  const start = end - name.length;
  return (
    start >= 0 &&
    chain.startsWith(name, start) &&
    (start === 0 || chain.charCodeAt(start - 1) === DOT)
  );
}

/** Words a `(` may follow that open no call: a chain before them ends there. */
export const KEYWORDS_BEFORE_PAREN = new Set([
  "if",
  "elif",
  "while",
  "for",
  "in",
  "not",
  "and",
  "or",
  "return",
  "yield",
  "assert",
  "del",
  "with",
  "as",
  "except",
  "lambda",
  "is",
  "print",
  "exec",
  "await",
  "else",
  "from",
  "import",
  "raise",
  "case",
  "match",
  "def",
  "class",
]);
