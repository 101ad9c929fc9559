/**
 * A file's outline read from its text without a parse: every `def`/`async def` (with its class,
 * decorators and line) and every call (callee as written, line, awaited or not, enclosing def).
 * The project index reads every Python file of a project, most of which no transform parses: a
 * lexical pass costs a fraction of a parse. Strings and comments are skipped, so a `def` in a
 * docstring is not a function; what a lexical pass cannot see (a callee that is a subscript or
 * a call result) is simply not recorded.
 */

export interface OutlineFunction {
  name: string;
  /** The enclosing class for a method (innermost), undefined for module-level and nested defs. */
  className?: string;
  /** Enclosing function for a nested def: its index in `functions`. */
  parent?: number;
  async: boolean;
  /** Decorators as written, without `@` and arguments: `sync_to_async`, `app.task`. */
  decorators: string[];
  /** 1-based line of the `def`. */
  line: number;
  /** Indentation of the `def` line, in characters. */
  indent: number;
}

export interface OutlineCall {
  /** The callee as written, whitespace removed: `helper`, `self.helper`, `asyncio.run`. */
  callee: string;
  line: number;
  awaited: boolean;
  /** An argument hands on `request.user` or `<x>.request.user` (a lazy object), not an attribute of it. */
  passesUser?: true;
  /** Index in `functions` of the innermost def holding the call; undefined at module level. */
  within?: number;
}

/** `patch("billing.tasks.asyncio.run")` or `patch.object(tasks.asyncio, "run")` in a test. */
export interface OutlinePatch {
  /** The dotted target of `patch(...)`, or the object expression of `patch.object(...)`. */
  target: string;
  /** The attribute `patch.object` replaces. */
  attribute?: string;
  line: number;
}

export interface Outline {
  functions: OutlineFunction[];
  calls: OutlineCall[];
  patches?: OutlinePatch[];
}

/** `request.user`, `self.request.user`: the lazy user of a Django request. */
const REQUEST_USER = /(^|\.)request\.user$/;
const IDENT = /[\p{ID_Start}_][\p{ID_Continue}]*/uy;
const KEYWORDS_BEFORE_PAREN = new Set([
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

/** `patch`, `mock.patch`, `unittest.mock.patch`, `patch.object`, `mocker.patch.object`. */
const PATCHER = /(^|\.)patch(\.object)?$/;
const PATCH_ARGS = /^\(\s*(?:target\s*=\s*)?["']([\w.]+)["']/;
const PATCH_OBJECT_ARGS = /^\(\s*([\w.\s]+?)\s*,\s*["'](\w+)["']/;

interface Block {
  indent: number;
  kind: "def" | "class";
  name: string;
  /** Index in functions, for a def. */
  index?: number;
}

/** The outline of a Python source text. */
export function outlineOf(source: string): Outline {
  return new Scanner(source).run();
}

class Scanner {
  private i = 0;
  private line = 1;
  private depth = 0;
  private lineStart = true;
  private indent = 0;
  private readonly blocks: Block[] = [];
  private readonly functions: OutlineFunction[] = [];
  private readonly calls: OutlineCall[] = [];
  private readonly patches: OutlinePatch[] = [];
  private decorators: string[] = [];
  /** Per open bracket, innermost last: the index in `calls` of the call it opens, or -1. */
  private readonly openBrackets: number[] = [];
  /** The last identifier chain read, ending where `(` may follow. */
  private chain: { text: string; end: number; awaited: boolean } | undefined;

  constructor(private readonly s: string) {}

  run(): Outline {
    const s = this.s;
    while (this.i < s.length) {
      if (this.lineStart && this.depth === 0) this.startLine();
      if (this.i >= s.length) break;
      const c = s[this.i];
      if (c === "\n") this.newline();
      else if (c === "#") this.skipComment();
      else if (c === "\\" && (s[this.i + 1] === "\n" || s[this.i + 1] === "\r")) {
        this.i += s[this.i + 1] === "\r" && s[this.i + 2] === "\n" ? 3 : 2;
        this.line++;
      } else if (c === '"' || c === "'") this.skipString(this.i);
      else if (isIdentStart(c)) this.word();
      else if (c === "(") this.open();
      else if (c === "[" || c === "{") this.bracket(1);
      else if (c === ")" || c === "]" || c === "}") this.bracket(-1);
      else {
        // A dot continues a chain (`self.client.get`); anything else but a space ends it.
        if (c !== " " && c !== "\t" && c !== "\r" && c !== "\f" && c !== ".")
          this.chain = undefined;
        this.i++;
      }
    }
    return {
      functions: this.functions,
      calls: this.calls,
      ...(this.patches.length > 0 ? { patches: this.patches } : {}),
    };
  }

  private newline(): void {
    this.i++;
    this.line++;
    this.chain = undefined;
    if (this.depth === 0) this.lineStart = true;
  }

  /** At the start of a logical line: its indentation closes the blocks it is not inside. */
  private startLine(): void {
    const s = this.s;
    let j = this.i;
    let width = 0;
    while (j < s.length && (s[j] === " " || s[j] === "\t" || s[j] === "\f")) {
      width = s[j] === "\t" ? width + 8 - (width % 8) : width + 1;
      j++;
    }
    this.i = j;
    // Blank and comment-only lines do not end a block.
    if (j >= s.length || s[j] === "\n" || s[j] === "\r" || s[j] === "#") return;
    this.lineStart = false;
    this.indent = width;
    while (this.blocks.length > 0 && this.blocks[this.blocks.length - 1].indent >= width)
      this.blocks.pop();
    if (s[j] === "@") this.decorator();
    else if (!this.startsDefinition()) this.decorators = [];
  }

  private decorator(): void {
    this.i++;
    const name = this.dottedName();
    if (!name) return;
    this.decorators.push(name);
    // `@patch("...")` is a call too.
    this.chain = { text: name, end: this.i, awaited: false };
  }

  /** `def`, `async def` or `class` opening the line: record it. */
  private startsDefinition(): boolean {
    const s = this.s;
    const rest = s.slice(this.i, this.i + 6);
    const isAsync = /^async\s/.test(rest);
    let j = this.i;
    if (isAsync) {
      j += 5;
      while (s[j] === " " || s[j] === "\t") j++;
    }
    const keyword = /^(def|class)\s/.exec(s.slice(j, j + 6));
    if (!keyword) return false;
    j += keyword[1].length;
    while (s[j] === " " || s[j] === "\t") j++;
    IDENT.lastIndex = j;
    const name = IDENT.exec(s)?.[0];
    if (!name) return false;
    this.i = j + name.length;
    if (keyword[1] === "class") {
      this.blocks.push({ indent: this.indent, kind: "class", name });
    } else this.def(name, isAsync);
    this.decorators = [];
    return true;
  }

  private def(name: string, isAsync: boolean): void {
    const enclosing = this.blocks[this.blocks.length - 1];
    const parentDef = this.innermostDef();
    const index = this.functions.length;
    this.functions.push({
      name,
      ...(enclosing?.kind === "class" ? { className: enclosing.name } : {}),
      ...(parentDef ? { parent: parentDef.index } : {}),
      async: isAsync,
      decorators: this.decorators,
      line: this.line,
      indent: this.indent,
    });
    this.blocks.push({ indent: this.indent, kind: "def", name, index });
  }

  private innermostDef(): Block | undefined {
    for (let k = this.blocks.length - 1; k >= 0; k--)
      if (this.blocks[k].kind === "def") return this.blocks[k];
    return undefined;
  }

  private dottedName(): string | undefined {
    const s = this.s;
    const parts: string[] = [];
    for (;;) {
      while (s[this.i] === " " || s[this.i] === "\t") this.i++;
      IDENT.lastIndex = this.i;
      const m = IDENT.exec(s);
      if (!m) break;
      parts.push(m[0]);
      this.i += m[0].length;
      let j = this.i;
      while (s[j] === " " || s[j] === "\t") j++;
      if (s[j] !== ".") break;
      this.i = j + 1;
    }
    return parts.length > 0 ? parts.join(".") : undefined;
  }

  private word(): void {
    const s = this.s;
    IDENT.lastIndex = this.i;
    const word = IDENT.exec(s)![0];
    // A string prefix (r"", f'', b"", rb"...") opens a string.
    const next = s[this.i + word.length];
    if ((next === '"' || next === "'") && /^[rbfuRBFU]{1,2}$/.test(word)) {
      this.skipString(this.i + word.length);
      return;
    }
    const start = this.i;
    this.i += word.length;
    const previous = this.chain;
    // `a.b` (a lone dot between) answered without slicing the text, the rest by the pattern.
    const dotted =
      previous &&
      (start - previous.end === 1
        ? s[previous.end] === "."
        : /^\s*\.\s*$/.test(s.slice(previous.end, start)));
    if (dotted) {
      this.chain = { text: `${previous.text}.${word}`, end: this.i, awaited: previous.awaited };
      // `request.user.pk` hands on a loaded value, not the lazy object.
      if (REQUEST_USER.test(this.chain.text) && !/^\s*\./.test(s.slice(this.i, this.i + 40)))
        this.markPassesUser();
      return;
    }
    if (word === "await") {
      this.chain = { text: "", end: this.i, awaited: true };
      return;
    }
    const awaited = previous?.text === "" && previous.awaited;
    this.chain = KEYWORDS_BEFORE_PAREN.has(word)
      ? undefined
      : { text: word, end: this.i, awaited: Boolean(awaited) };
  }

  /** The innermost call whose arguments are being read mentions request.user. */
  private markPassesUser(): void {
    for (let k = this.openBrackets.length - 1; k >= 0; k--) {
      const call = this.openBrackets[k];
      if (call < 0) continue;
      this.calls[call].passesUser = true;
      return;
    }
  }

  private open(): void {
    const chain = this.chain;
    let opened = -1;
    if (chain?.text && (chain.end === this.i || /^\s*$/.test(this.s.slice(chain.end, this.i)))) {
      opened = this.calls.length;
      const within = this.innermostDef()?.index;
      this.calls.push({
        callee: chain.text,
        line: this.line,
        awaited: chain.awaited,
        ...(within !== undefined ? { within } : {}),
      });
      if (PATCHER.test(chain.text)) this.patch(chain.text.endsWith(".object"));
    }
    this.bracket(1, opened);
  }

  /** The literal target of a `patch(` or `patch.object(` opening at `this.i`, if it has one. */
  private patch(isObject: boolean): void {
    const head = this.s.slice(this.i, this.i + 300);
    const found = isObject ? PATCH_OBJECT_ARGS.exec(head) : PATCH_ARGS.exec(head);
    if (!found) return;
    this.patches.push({
      target: found[1].replace(/\s+/g, ""),
      ...(isObject ? { attribute: found[2] } : {}),
      line: this.line,
    });
  }

  private bracket(delta: number, call = -1): void {
    this.depth = Math.max(0, this.depth + delta);
    if (delta > 0) this.openBrackets.push(call);
    else if (this.depth === 0)
      this.openBrackets.length = 0; // unbalanced closers forget all
    else this.openBrackets.pop();
    this.chain = undefined;
    this.i++;
  }

  private skipComment(): void {
    const end = this.s.indexOf("\n", this.i);
    this.i = end < 0 ? this.s.length : end;
  }

  /** Skips a string literal opening at `at` (its quote), counting the lines it spans. */
  private skipString(at: number): void {
    const s = this.s;
    const quote = s[at];
    const triple = s.startsWith(quote.repeat(3), at);
    const close = triple ? quote.repeat(3) : quote;
    let j = at + close.length;
    while (j < s.length) {
      const c = s[j];
      if (c === "\\") {
        if (s[j + 1] === "\n") this.line++;
        j += 2;
        continue;
      }
      if (c === "\n") {
        if (!triple) break; // an unterminated single-quoted string ends at the line
        this.line++;
      }
      if (s.startsWith(close, j)) {
        j += close.length;
        break;
      }
      j++;
    }
    this.i = j;
    this.chain = undefined;
  }
}

const IDENT_START = /[\p{ID_Start}_]/u;

/**
 * ASCII answered by its code (the scanner asks for nearly every character of a project); the
 * Unicode test only beyond it.
 */
function isIdentStart(c: string): boolean {
  const code = c.charCodeAt(0);
  if (code < 128) return (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || code === 95;
  return IDENT_START.test(c);
}
