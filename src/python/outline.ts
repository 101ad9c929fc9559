import { ReferenceRecorder, type OutlineReference } from "./outline-references.js";
import {
  aliasAt,
  annotatedMemberAt,
  BACKSLASH,
  CR,
  DOT,
  HASH,
  identifierAt,
  importStatementAt,
  isIdentStartAt,
  isPatcher,
  isRegExpSpace,
  isSetter,
  KEYWORDS_BEFORE_PAREN,
  LF,
  SPACE,
  TAB,
  type ImportStatement,
} from "./outline-reading.js";

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
  /** References to names that are not calls of them (see outline-references.ts). */
  references?: OutlineReference[];
  /**
   * What the file's import statements bind, as written (absent when none): `pkg.mod.name` for
   * `from pkg.mod import name`, `pkg.mod.name as other` for `from pkg.mod import name as other`,
   * `.views` for `from . import views`, `pkg.*` for `from pkg import *`, `a` for `import a.b`,
   * `a.b` for `import a.b as c`. Which modules a file may reach, so a
   * survey can start from the files that may reach what it follows (see survey-imports.ts).
   */
  imports?: string[];
  /** The code (not a string or comment) names `Awaitable` or `Coroutine`: typing's awaitables. */
  awaitableTypes?: true;
  /** Module-level defs' return annotations as written (`Optional[Client]`), by name. */
  returns?: Record<string, string>;
  /**
   * Annotated names in class bodies with their annotation (`*` when it goes on past the line):
   * `Workflow.authorize_callback\tAuthorizer`.
   */
  annotated?: string[];
  /** Names a module-level statement assigns a name-like value to: type aliases, maybe. */
  assigned?: string[];
}

/** `request.user`, `self.request.user`: the lazy user of a Django request. */
const REQUEST_USER = /(^|\.)request\.user$/;

const PATCH_ARGS = /^\(\s*(?:target\s*=\s*)?["']([\w.]+)["']/;
/** What a test replaces a method with: a lambda or a mock (not `self.x = value`). */
const REPLACED_BY =
  /^\s*(?:lambda\b|(?:[\w.]+\.)?(?:Magic|Async|NonCallable)?Mock\(|(?:[\w.]+\.)?create_autospec\()/;
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

// Character codes only this scanner tests (the shared ones come from outline-reading.ts).
const FF = 12;
const DQUOTE = 34;
const SQUOTE = 39;
const AT = 64;
const EQUALS = 61;

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
  private readonly references = new ReferenceRecorder();
  private readonly imports = new Set<string>();
  private readonly annotated: string[] = [];
  private readonly assigned: string[] = [];
  private readonly returns: Record<string, string> = Object.create(null) as Record<string, string>;
  /** The module-level def whose line is being read, and where its `->` annotation starts. */
  private returnsOf: string | undefined;
  private returnsFrom = -1;
  private awaitableTypes = false;
  /** The logical line being read is an `__all__` statement: its strings are exported names. */
  private inAll = false;
  private decorators: string[] = [];
  /** Per open bracket, innermost last: the index in `calls` of the call it opens, or -1. */
  private readonly openBrackets: number[] = [];
  // The last identifier chain read, ending where `(` may follow (fields, not an object per word).
  private hasChain = false;
  private chainText = "";
  /** The chain's first name (`self` in `self.client.get`), kept so that no end slices for it. */
  private chainRoot = "";
  private chainEnd = 0;
  private chainAwaited = false;

  /** Whether REPLACED_BY can match anywhere (asked at the file's first `x.y = ...`). */
  private mayReplace: boolean | undefined;

  constructor(private readonly s: string) {}

  run(): Outline {
    const s = this.s;
    const length = s.length;
    while (this.i < length) {
      if (this.lineStart && this.depth === 0) this.startLine();
      if (this.i >= length) break;
      const c = s.charCodeAt(this.i);
      // The commonest character, which changes nothing (as the last branch would find).
      if (c === SPACE) this.i++;
      else if (c === LF) this.newline();
      else if (c === HASH) this.skipComment();
      else if (
        c === BACKSLASH &&
        (s.charCodeAt(this.i + 1) === LF || s.charCodeAt(this.i + 1) === CR)
      ) {
        this.i += s.charCodeAt(this.i + 1) === CR && s.charCodeAt(this.i + 2) === LF ? 3 : 2;
        this.line++;
      } else if (c === DQUOTE || c === SQUOTE) this.skipString(this.i);
      else if (isIdentStartAt(s, this.i, c)) this.word();
      else if (c === 40 /* ( */) this.open();
      else if (c === 91 /* [ */ || c === 123 /* { */) this.bracket(1);
      else if (c === 41 /* ) */ || c === 93 /* ] */ || c === 125 /* } */) this.bracket(-1);
      else {
        // A dot continues a chain (`self.client.get`); anything else but a space ends it.
        // `==` compares; a lone `=` assigns to the chain (`runner.mark_done = fake`).
        if (c !== SPACE && c !== TAB && c !== CR && c !== FF && c !== DOT) {
          const assigns = c === EQUALS && s.charCodeAt(this.i + 1) !== EQUALS;
          if (assigns && this.hasChain) this.replacement();
          this.endChain(c === EQUALS && !assigns ? 0 : c);
        }
        if (this.returnsOf !== undefined && this.depth === 0) this.returnAnnotation(c);
        this.i++;
        if ((c === 59 /* ; */ || c === 58) /* : */ && this.depth === 0) this.importAfter();
      }
    }
    if (this.hasChain) this.endChain(-1);
    return this.outline();
  }

  /**
   * The outline read, with only the keys that hold something. Made apart from `run`, without
   * object spreads: each mix of keys is a new object shape, and the spreads' shape checks, inlined
   * into the scanning loop, threw its optimized code away again and again (231 times in the
   * pre-pass over wagtail's 1,379 files; 6 now).
   */
  private outline(): Outline {
    const outline: Outline = { functions: this.functions, calls: this.calls };
    const references = this.references.list();
    if (this.patches.length > 0) outline.patches = this.patches;
    if (references.length > 0) outline.references = references;
    if (this.imports.size > 0) outline.imports = [...this.imports];
    if (this.awaitableTypes) outline.awaitableTypes = true;
    if (Object.keys(this.returns).length > 0) outline.returns = this.returns;
    if (this.annotated.length > 0) outline.annotated = this.annotated;
    if (this.assigned.length > 0) outline.assigned = this.assigned;
    return outline;
  }

  /** The chain read last ends, not called: `next` is the character after it (-1: none). */
  private endChain(next: number): void {
    if (this.hasChain && this.chainText !== "")
      this.references.chainEnded(this.chainText, this.chainRoot, next, this.line);
    this.hasChain = false;
  }

  private setChain(text: string, end: number, awaited: boolean, root = text): void {
    this.chainRoot = root;
    this.hasChain = true;
    this.chainText = text;
    this.chainEnd = end;
    this.chainAwaited = awaited;
  }

  private newline(): void {
    if (this.depth === 0) this.returnsOf = undefined;
    this.endChain(LF);
    this.i++;
    this.line++;
    if (this.depth === 0) this.lineStart = true;
  }

  /** At the start of a logical line: its indentation closes the blocks it is not inside. */
  private startLine(): void {
    const s = this.s;
    let j = this.i;
    let width = 0;
    for (let c = s.charCodeAt(j); c === SPACE || c === TAB || c === FF; c = s.charCodeAt(++j))
      width = c === TAB ? width + 8 - (width % 8) : width + 1;
    this.i = j;
    // Blank and comment-only lines do not end a block.
    const first = s.charCodeAt(j);
    if (j >= s.length || first === LF || first === CR || first === HASH) return;
    this.lineStart = false;
    this.indent = width;
    this.inAll = s.startsWith("__all__", j);
    while (this.blocks.length > 0 && this.blocks[this.blocks.length - 1].indent >= width)
      this.blocks.pop();
    if (first === AT) this.decorator();
    else if (!this.startsDefinition()) {
      this.decorators = [];
      this.declaration(this.blocks[this.blocks.length - 1]);
      this.readImport();
    }
  }

  /** `callback: Hook` in a class body, `Hook = Callable[...]` at module level: recorded. */
  private declaration(block: Block | undefined): void {
    if (block?.kind === "class") {
      const member = annotatedMemberAt(this.s, this.i);
      if (member) this.annotated.push(`${block.name}.${member}`);
    } else if (!block) {
      const alias = aliasAt(this.s, this.i);
      if (alias) this.assigned.push(alias);
    }
  }

  private decorator(): void {
    this.i++;
    const name = this.dottedName();
    if (!name) return;
    this.decorators.push(name);
    // `@patch("...")` is a call too.
    this.setChain(name, this.i, false, name.split(".")[0]);
  }

  /** `def`, `async def` or `class` opening the line: record it. */
  private startsDefinition(): boolean {
    const s = this.s;
    const isAsync = s.startsWith("async", this.i) && isRegExpSpace(s.charCodeAt(this.i + 5));
    let j = this.i;
    if (isAsync) {
      j += 5;
      while (s.charCodeAt(j) === SPACE || s.charCodeAt(j) === TAB) j++;
    }
    const keyword =
      s.startsWith("def", j) && isRegExpSpace(s.charCodeAt(j + 3))
        ? "def"
        : s.startsWith("class", j) && isRegExpSpace(s.charCodeAt(j + 5))
          ? "class"
          : undefined;
    if (!keyword) return false;
    j += keyword.length;
    while (s.charCodeAt(j) === SPACE || s.charCodeAt(j) === TAB) j++;
    const name = identifierAt(s, j);
    if (!name) return false;
    this.i = j + name.length;
    if (keyword === "class") {
      this.blocks.push({ indent: this.indent, kind: "class", name });
    } else this.def(name, isAsync);
    this.decorators = [];
    return true;
  }

  /** `-> Client:` on a module-level def's line (`c` at `this.i`): its return annotation. */
  private returnAnnotation(c: number): void {
    if (c === 45 /* - */ && this.s.charCodeAt(this.i + 1) === 62 /* > */)
      this.returnsFrom = this.i + 2;
    else if (c === 58 /* : */) {
      if (this.returnsFrom >= 0)
        this.returns[this.returnsOf!] = this.s.slice(this.returnsFrom, this.i).trim();
      this.returnsOf = undefined;
    }
  }

  private def(name: string, isAsync: boolean): void {
    const enclosing = this.blocks[this.blocks.length - 1];
    if (!enclosing) {
      this.returnsOf = name;
      this.returnsFrom = -1;
    }
    const parentDef = this.innermostDef();
    const index = this.functions.length;
    // Every key always present (undefined when it does not apply): one object shape for all
    // (see `outline`), which packOutline reads alike.
    this.functions.push({
      name,
      className: enclosing?.kind === "class" ? enclosing.name : undefined,
      parent: parentDef?.index,
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
      while (s.charCodeAt(this.i) === SPACE || s.charCodeAt(this.i) === TAB) this.i++;
      const name = identifierAt(s, this.i);
      if (!name) break;
      parts.push(name);
      this.i += name.length;
      let j = this.i;
      while (s.charCodeAt(j) === SPACE || s.charCodeAt(j) === TAB) j++;
      if (s.charCodeAt(j) !== DOT) break;
      this.i = j + 1;
    }
    return parts.length > 0 ? parts.join(".") : undefined;
  }

  private word(): void {
    const s = this.s;
    const word = identifierAt(s, this.i)!;
    // A string prefix (r"", f'', b"", rb"...") opens a string.
    const next = s.charCodeAt(this.i + word.length);
    if ((next === DQUOTE || next === SQUOTE) && /^[rbfuRBFU]{1,2}$/.test(word)) {
      this.skipString(this.i + word.length);
      return;
    }
    const start = this.i;
    this.i += word.length;
    if (word.length === 9 && (word === "Awaitable" || word === "Coroutine"))
      this.awaitableTypes = true;
    // `a.b` (a lone dot between) answered without slicing the text, the rest by the pattern.
    const dotted =
      this.hasChain &&
      (start - this.chainEnd === 1
        ? s.charCodeAt(this.chainEnd) === DOT
        : /^\s*\.\s*$/.test(s.slice(this.chainEnd, start)));
    if (dotted) {
      this.setChain(`${this.chainText}.${word}`, this.i, this.chainAwaited, this.chainRoot);
      // `request.user.pk` hands on a loaded value, not the lazy object.
      if (
        word === "user" &&
        REQUEST_USER.test(this.chainText) &&
        !/^\s*\./.test(s.slice(this.i, this.i + 40))
      )
        this.markPassesUser();
      return;
    }
    if (word === "await") {
      this.setChain("", this.i, true);
      return;
    }
    const awaited = this.hasChain && this.chainText === "" && this.chainAwaited;
    // The chain before this word ends here (`restock if ready else None`).
    if (this.hasChain && !awaited) this.endChain(word.charCodeAt(0));
    if (KEYWORDS_BEFORE_PAREN.has(word)) this.hasChain = false;
    else this.setChain(word, this.i, awaited);
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
    let opened = -1;
    if (
      this.hasChain &&
      this.chainText !== "" &&
      (this.chainEnd === this.i || /^\s*$/.test(this.s.slice(this.chainEnd, this.i)))
    ) {
      opened = this.calls.length;
      const within = this.innermostDef()?.index;
      const call: OutlineCall = {
        callee: this.chainText,
        line: this.line,
        awaited: this.chainAwaited,
      };
      if (within !== undefined) call.within = within;
      this.calls.push(call);
      if (isPatcher(this.chainText)) this.patch(this.chainText.endsWith(".object"));
      // `monkeypatch.setattr(runner, "mark_done", fake)`, or with a dotted path: a patch too.
      else if (isSetter(this.chainText)) this.patch(true) || this.patch(false);
      this.references.called(this.chainText, this.chainRoot, this.line, this.s, this.i);
      this.hasChain = false;
    }
    this.bracket(1, opened);
  }

  /** The literal target of a `patch(` or `patch.object(` opening at `this.i`, if it has one. */
  private patch(isObject: boolean): boolean {
    const head = this.s.slice(this.i, this.i + 300);
    const found = isObject ? PATCH_OBJECT_ARGS.exec(head) : PATCH_ARGS.exec(head);
    if (!found) return false;
    this.patches.push({
      target: found[1].replace(/\s+/g, ""),
      ...(isObject ? { attribute: found[2] } : {}),
      line: this.line,
    });
    return true;
  }

  /**
   * `runner.mark_done = lambda job_id: ...` (or a Mock): a test replacing a method of an object
   * with a sync callable patches it as `patch.object` would (the `=` at `this.i`).
   */
  private replacement(): void {
    // Every assignment to a name asks: the cheap answers first (the chain is a joined string
    // until something reads its characters).
    const root = this.chainRoot;
    // A chain of one name holds no dot.
    if (this.chainText === root || root === "self" || root === "cls") return;
    const s = this.s;
    this.mayReplace ??=
      s.includes("lambda") || s.includes("Mock(") || s.includes("create_autospec(");
    if (!this.mayReplace) return;
    const chain = this.chainText;
    const dot = chain.lastIndexOf(".");
    if (dot < 0) return;
    if (!REPLACED_BY.test(this.s.slice(this.i + 1, this.i + 80))) return;
    this.patches.push({
      target: chain.slice(0, dot),
      attribute: chain.slice(dot + 1),
      line: this.line,
    });
  }

  private bracket(delta: number, call = -1): void {
    this.endChain(this.s.charCodeAt(this.i));
    this.depth = Math.max(0, this.depth + delta);
    if (delta > 0) this.openBrackets.push(call);
    else if (this.depth === 0)
      this.openBrackets.length = 0; // unbalanced closers forget all
    else this.openBrackets.pop();
    this.hasChain = false;
    this.i++;
  }

  private skipComment(): void {
    const end = this.s.indexOf("\n", this.i);
    this.i = end < 0 ? this.s.length : end;
  }

  /** Skips a string literal opening at `at` (its quote), counting the lines it spans. */
  private skipString(at: number): void {
    const s = this.s;
    const length = s.length;
    const quote = s.charCodeAt(at);
    const triple = s.charCodeAt(at + 1) === quote && s.charCodeAt(at + 2) === quote;
    let j = at + (triple ? 3 : 1);
    while (j < length) {
      const c = s.charCodeAt(j);
      if (c === BACKSLASH) {
        if (s.charCodeAt(j + 1) === LF) this.line++;
        j += 2;
        continue;
      }
      if (c === LF) {
        if (!triple) break; // an unterminated single-quoted string ends at the line
        this.line++;
      } else if (
        c === quote &&
        (!triple || (s.charCodeAt(j + 1) === quote && s.charCodeAt(j + 2) === quote))
      ) {
        j += triple ? 3 : 1;
        // A one-line string may name a function (`"shop.tasks.restock"`, an `__all__` entry).
        if (!triple && j - at < 200 && isIdentStartAt(s, at + 1, s.charCodeAt(at + 1)))
          this.references.string(s.slice(at + 1, j - 1), this.line, this.inAll);
        break;
      }
      j++;
    }
    this.i = j;
    this.hasChain = false;
  }

  /**
   * `from module import a as b, (c, d)` or `import a.b as c` opening the logical line: its names
   * are recorded (see ReferenceRecorder) and the statement is read past, its lines counted.
   */
  private readImport(): void {
    const found = importStatementAt(this.s, this.i);
    if (!found) return;
    const line = this.line;
    for (let k = found.text.indexOf("\n"); k >= 0; k = found.text.indexOf("\n", k + 1)) this.line++;
    this.i = found.end;
    this.hasChain = false;
    this.bindsOf(found);
    if (found.module !== undefined)
      this.references.importFrom(found.module, found.names as [string, string][], line);
    else for (const [dotted, alias] of found.names) this.references.importModule(dotted, alias);
  }

  /**
   * After a `;` or a `:` outside brackets (`if TYPE_CHECKING: import x`): only what an import
   * there binds is recorded, and the scan reads on over it as before (references and calls are
   * read from statements opening a line).
   */
  private importAfter(): void {
    const s = this.s;
    let j = this.i;
    while (s.charCodeAt(j) === SPACE || s.charCodeAt(j) === TAB) j++;
    const c = s.charCodeAt(j);
    if (c !== 102 /* f */ && c !== 105 /* i */) return;
    const found = importStatementAt(s, j);
    if (found) this.bindsOf(found);
  }

  private bindsOf({ module, names }: ImportStatement): void {
    if (module !== undefined)
      for (const [name, local] of names) {
        const qualified = module.endsWith(".") ? module + name : `${module}.${name}`;
        this.imports.add(local && local !== name ? `${qualified} as ${local}` : qualified);
      }
    else
      for (const [dotted, alias] of names) this.imports.add(alias ? dotted : dotted.split(".")[0]);
  }
}
