import {
  importBindingOf,
  importEditsToAddModule,
  importEditsToRemove,
  isImportStillUsed,
  qualifiedName,
  allImportStatements,
  importBindings,
  type ImportBinding,
} from "../../src/python/imports.js";
import {
  bindingsInScope,
  enclosingFunction,
  enclosingScope,
  isAsyncFunction,
  needsParenthesesForAwait,
} from "../../src/python/scope.js";
import {
  asyncMethodFor,
  DEFAULT_DJANGO_VERSION,
  OrmProofs,
  versionAtLeast,
  type AsyncMethod,
} from "../../src/django/orm.js";
import { callArguments } from "../../src/python/calls.js";
import { diagnosticAt } from "../../src/model/diagnostic.js";
import { settingOf } from "../../src/model/settings.js";
import type {
  Context,
  Diagnostic,
  Edit,
  ParsedFile,
  SyntaxNode,
  TransformMeta,
  TransformResult,
  TransformSite,
} from "../../src/model/types.js";

const TWINS_TABLE = "[tool.asyncshift.to-thread.twins]";

export const meta: TransformMeta = {
  id: "to-thread",
  summary:
    "asyncio.to_thread / run_in_executor around a call with a native async equivalent -> the native call (--to-thread unwrap: back to the plain call); blocking calls in async def",
  // Every site names one of these: the wrapper, time.sleep, or a blocking library.
  // Thread sites name their wrapper; blocking calls only matter inside `async def`.
  triggers: ["to_thread", "run_in_executor", "async def"],
  siteKinds: [
    {
      kind: "to_thread",
      group: "to_thread",
      columns: [
        { context: "native", header: "native" },
        { context: "twin", header: "twin" },
        { context: "none", header: "none" },
      ],
    },
  ],
  options: {
    mode: {
      key: "mode",
      flag: "to-thread",
      type: "choice",
      choices: ["native", "unwrap"],
      default: "native",
      describe: "to-thread mode: native async calls, or unwrap the thread wrappers",
    },
    twins: {
      key: "twins",
      type: "string-table",
      default: {},
      describe:
        "Async twins: sync callee pattern -> async callee pattern, `*` standing for one attribute name",
    },
  },
  codes: {
    AS301: {
      severity: "info",
      title: "Thread call with no known native async equivalent",
      explanation:
        "asyncio.to_thread(fn, ...) or loop.run_in_executor(None, fn, ...) runs fn in a worker " +
        "thread. asyncshift replaces the thread only when a native async equivalent is known: " +
        "time.sleep, a Django ORM call it can prove, or an async twin you declared. Anything " +
        "else stays in its thread, which is correct for CPU-bound work (hashing, parsing, image " +
        "processing) and for blocking libraries without an async client. When the object has an " +
        `async twin (an async client with the same methods), declare it under ${TWINS_TABLE} in ` +
        'pyproject.toml, e.g. "redis_manager.*" = "async_redis_manager.*" (`*` stands for one ' +
        "attribute name), and run again.",
      before: "await asyncio.to_thread(redis_manager.get_task_status, task_id)",
      after:
        '# pyproject.toml: "redis_manager.*" = "async_redis_manager.*"\n' +
        "await async_redis_manager.get_task_status(task_id)",
    },
    AS302: {
      severity: "warning",
      summaryNoun: "unwrapped call{s} now blocking the event loop",
      title: "Thread wrapper removed: the call blocks the event loop again",
      explanation:
        "With --to-thread unwrap, `await asyncio.to_thread(fn, a, k=v)` and " +
        "`await loop.run_in_executor(None, fn, a)` become the plain call `fn(a, k=v)`, for " +
        "example before moving to a native async client. Until that client is in place, each " +
        "unwrapped call runs on the event loop and blocks every other task while it runs (ruff " +
        "ASYNC210/ASYNC221/ASYNC230/ASYNC251 flag such calls), and a function that uses the " +
        "Django ORM inside raises SynchronousOnlyOperation there. A proven ORM call is never " +
        "unwrapped (AS303 names its native method). Every unwrapped site is reported so none is " +
        "forgotten.",
      before: "data = await asyncio.to_thread(fetch_report, report_id, fresh=True)",
      after: "data = fetch_report(report_id, fresh=True)",
    },
    AS303: {
      severity: "warning",
      title: "Thread call not rewritten: the rewrite would lose text or is not provable",
      explanation:
        "The site has a native equivalent (or unwrap was asked for) but the rewrite would drop " +
        "a comment, unwrap a Django ORM call (SynchronousOnlyOperation in async def), reorder " +
        "argument evaluation (functools.partial keywords followed by more " +
        "positional arguments), call a lambda with parameters, or use a name (`asyncio`) that " +
        "already means something else in the file. Apply the suggested code by hand.",
      before:
        "await asyncio.to_thread(  # the legacy client\n    functools.partial(time.sleep), delay)",
      after: "await asyncio.sleep(delay)",
    },
    AS304: {
      severity: "warning",
      title: "Declared async twin cannot be used here",
      explanation:
        `A twin declared under ${TWINS_TABLE} matches the call, but the twin's first name is not ` +
        "defined in this file (not imported, assigned or a parameter), or the declaration is " +
        "malformed (the replacement must be a dotted name with as many `*` as the pattern). " +
        "asyncshift does not guess imports: import the twin, or fix the declaration, and run " +
        "again.",
      before:
        "from app.cache import redis_manager\n" +
        "await asyncio.to_thread(redis_manager.get_task_status, task_id)",
      after:
        "from app.cache import async_redis_manager, redis_manager\n" +
        "await async_redis_manager.get_task_status(task_id)",
    },
    AS305: {
      severity: "info",
      title: "Thread call left alone: custom executor or not awaited",
      explanation:
        "run_in_executor with an executor other than None runs on a pool chosen on purpose " +
        "(a process pool for CPU-bound work, a bounded pool for a rate-limited service): it is " +
        "left alone. A run_in_executor future, or a to_thread call whose native replacement may " +
        "not be a coroutine, that is not awaited on the spot (kept for asyncio.gather, a task, a " +
        "variable) cannot be replaced or unwrapped without changing when the work runs.",
      before: "await loop.run_in_executor(process_pool, render_pdf, order)",
      after: "await loop.run_in_executor(process_pool, render_pdf, order)",
    },
    AS310: {
      severity: "warning",
      title: "time.sleep() in async def (ruff ASYNC251)",
      explanation:
        "time.sleep() inside async def blocks the event loop: no other task runs while it " +
        "sleeps. `await asyncio.sleep(x)` waits without blocking. The rewrite is safe and " +
        "applied automatically (`import asyncio` is added when missing); this diagnostic is " +
        "shown only where it could not be applied, e.g. when `asyncio` means something else in " +
        "the file. Same check as ruff's ASYNC251 (blocking-sleep-in-async-function).",
      before: "async def poll(job):\n    time.sleep(0.5)",
      after: "async def poll(job):\n    await asyncio.sleep(0.5)",
    },
    AS311: {
      severity: "warning",
      title: "Blocking HTTP call in async def (ruff ASYNC210, ASYNC212)",
      explanation:
        "requests.*, sync httpx calls and httpx.Client, and urllib.request.urlopen block the " +
        "event loop for the whole request. Use httpx.AsyncClient (or aiohttp) and await the " +
        "call. Not rewritten: the client's lifetime (an `async with` block, a shared client) is " +
        "a design choice. Same check as ruff's ASYNC210 (blocking-http-call-in-async-function) " +
        "and ASYNC212 (blocking-http-call-httpx-in-async-function).",
      before: "async def rates():\n    return requests.get(RATES_URL, timeout=5).json()",
      after:
        "async def rates():\n    async with httpx.AsyncClient() as client:\n" +
        "        return (await client.get(RATES_URL, timeout=5)).json()",
    },
    AS312: {
      severity: "warning",
      title: "Blocking subprocess call in async def (ruff ASYNC220, ASYNC221, ASYNC222)",
      explanation:
        "subprocess.run/call/check_call/check_output, os.system, subprocess.Popen, os.popen and " +
        "os.wait* block the event loop until the process ends (or while it starts). Use " +
        "`await asyncio.create_subprocess_exec(...)` (or create_subprocess_shell for a shell " +
        "command) and `await proc.communicate()`. Not rewritten: arguments, pipes and return " +
        "values differ. Same checks as ruff's ASYNC220 (create-subprocess-in-async-function), " +
        "ASYNC221 (run-process-in-async-function) and ASYNC222 (wait-for-process-in-async-function).",
      before:
        'async def thumbnail(path):\n    subprocess.run(["convert", path, "thumb.png"], check=True)',
      after:
        'async def thumbnail(path):\n    proc = await asyncio.create_subprocess_exec("convert", path, "thumb.png")\n' +
        "    await proc.wait()",
    },
    AS313: {
      severity: "warning",
      title: "Blocking open() in async def (ruff ASYNC230)",
      explanation:
        "open() and the reads and writes on the file it returns block the event loop on disk " +
        "I/O. Use `await anyio.open_file(...)` or `aiofiles.open(...)` with `async with` and " +
        "await the reads and writes, or move the whole file handling into asyncio.to_thread. Not " +
        "rewritten: every use of the file object changes. Same check as ruff's ASYNC230 " +
        "(blocking-open-call-in-async-function).",
      before: "async def load(path):\n    with open(path) as f:\n        return f.read()",
      after:
        "async def load(path):\n    async with await anyio.open_file(path) as f:\n" +
        "        return await f.read()",
    },
    AS314: {
      severity: "warning",
      title: "Sync redis client created in async def",
      explanation:
        "redis.Redis / redis.StrictRedis / redis.from_url make a blocking client: every command " +
        "on it blocks the event loop. redis-py ships an async client with the same API in " +
        "redis.asyncio: `redis.asyncio.Redis(...)`, with every command awaited. Not rewritten: " +
        "every use of the client must be awaited. (ruff has no rule for this one.)",
      before: "async def cached(key):\n    r = redis.Redis(host=HOST)\n    return r.get(key)",
      after:
        "async def cached(key):\n    r = redis.asyncio.Redis(host=HOST)\n    return await r.get(key)",
    },
  },
};

type Code = keyof typeof meta.codes & string;

/** Modules whose functions are CPU-bound work: a thread is their right place. */
const CPU_BOUND_MODULES = new Set([
  "hashlib",
  "hmac",
  "bcrypt",
  "argon2",
  "json",
  "pickle",
  "zlib",
  "gzip",
  "bz2",
  "lzma",
  "base64",
  "re",
  "csv",
  "xml",
  "lxml",
  "PIL",
  "numpy",
  "pandas",
  "markdown",
  "yaml",
  "orjson",
  "cryptography",
]);

interface BlockingCall {
  code: Code;
  rule: string;
  replacement: string;
}

const HTTP_VERBS = ["get", "post", "put", "patch", "delete", "head", "options", "request"];
const SUBPROCESS_RUNS = [
  "run",
  "call",
  "check_call",
  "check_output",
  "getoutput",
  "getstatusoutput",
];

/** Blocking calls reported inside async def, by qualified name, with the native replacement. */
const BLOCKING_CALLS: ReadonlyMap<string, BlockingCall> = new Map([
  ...HTTP_VERBS.map((v): [string, BlockingCall] => [
    `requests.${v}`,
    {
      code: "AS311",
      rule: "ASYNC210",
      replacement: `await client.${v}(...) on an httpx.AsyncClient`,
    },
  ]),
  ...["Session", "session"].map((v): [string, BlockingCall] => [
    `requests.${v}`,
    { code: "AS311", rule: "ASYNC210", replacement: "httpx.AsyncClient" },
  ]),
  ...[...HTTP_VERBS, "stream"].map((v): [string, BlockingCall] => [
    `httpx.${v}`,
    {
      code: "AS311",
      rule: "ASYNC210",
      replacement: `await client.${v}(...) on an httpx.AsyncClient`,
    },
  ]),
  ["httpx.Client", { code: "AS311", rule: "ASYNC212", replacement: "httpx.AsyncClient" }],
  [
    "urllib.request.urlopen",
    {
      code: "AS311",
      rule: "ASYNC210",
      replacement: "await client.get(...) on an httpx.AsyncClient",
    },
  ],
  ...SUBPROCESS_RUNS.map((v): [string, BlockingCall] => [
    `subprocess.${v}`,
    { code: "AS312", rule: "ASYNC221", replacement: "await asyncio.create_subprocess_exec(...)" },
  ]),
  [
    "os.system",
    { code: "AS312", rule: "ASYNC221", replacement: "await asyncio.create_subprocess_shell(...)" },
  ],
  [
    "subprocess.Popen",
    { code: "AS312", rule: "ASYNC220", replacement: "await asyncio.create_subprocess_exec(...)" },
  ],
  [
    "os.popen",
    { code: "AS312", rule: "ASYNC220", replacement: "await asyncio.create_subprocess_shell(...)" },
  ],
  ...["wait", "waitpid", "wait3", "wait4"].map((v): [string, BlockingCall] => [
    `os.${v}`,
    { code: "AS312", rule: "ASYNC222", replacement: "await proc.wait() on an asyncio subprocess" },
  ]),
  [
    "io.open",
    {
      code: "AS313",
      rule: "ASYNC230",
      replacement: "await anyio.open_file(...) or aiofiles.open(...)",
    },
  ],
  ...["Redis", "StrictRedis", "from_url", "Redis.from_url"].map((v): [string, BlockingCall] => [
    `redis.${v}`,
    { code: "AS314", rule: "", replacement: `redis.asyncio.${v}(...)` },
  ]),
]);

/** A thread wrapper call: `asyncio.to_thread(fn, ...)` or `loop.run_in_executor(None, fn, ...)`. */
interface Site {
  kind: "to_thread" | "executor";
  call: SyntaxNode;
  /** `await <call>`, when the call is awaited on the spot. */
  awaited?: SyntaxNode;
  /** Arguments of the wrapper, comments left out. */
  args: SyntaxNode[];
  /** Index of the function argument: 0 for to_thread, 1 for run_in_executor. */
  fnIndex: number;
  /** Identifiers the rewrite removes, for finding imports left unused. */
  gone: SyntaxNode[];
}

/** The call a site runs in its thread: `fn(rest)`, `partial(fn, a)(rest)` or `(lambda: fn(a))()`. */
interface Target {
  shape: "direct" | "partial" | "lambda";
  /** The function called. */
  fn: SyntaxNode;
  /** The partial(...) call or the lambda's body call. */
  inner?: SyntaxNode;
}

/** A native replacement for the function of a target. */
interface Native {
  callee: string;
  /** The replacement returns a coroutine, like to_thread: a rewrite does not need an await on the spot. */
  coroutine: boolean;
  /** Import binding the new callee uses (kept even when the site's own references go). */
  uses?: ImportBinding;
  addAsyncio?: boolean;
  /** The function's own text stays (`Model.objects.get` -> `Model.objects.aget`). */
  keepsFunction?: boolean;
}

type Problem = { problem: string };

/** A call's arguments; none for a bare generator argument, which no thread wrapper takes. */
function argumentsOf(call: SyntaxNode): SyntaxNode[] {
  return call.childForFieldName("arguments")?.type === "argument_list" ? callArguments(call) : [];
}

function commentsOf(call: SyntaxNode): SyntaxNode[] {
  return (
    call.childForFieldName("arguments")?.namedChildren.filter((c) => c.type === "comment") ?? []
  );
}

function leftmostIdentifier(expr: SyntaxNode): SyntaxNode | undefined {
  let n: SyntaxNode | null = expr;
  while (n?.type === "attribute" || n?.type === "call") {
    n = n.type === "attribute" ? n.childForFieldName("object") : n.childForFieldName("function");
  }
  return n?.type === "identifier" ? n : undefined;
}

/** `a.b.c` as ["a", "b", "c"]; undefined for anything but a chain of names. */
function dottedParts(expr: SyntaxNode): string[] | undefined {
  if (expr.type === "identifier") return [expr.text];
  if (expr.type !== "attribute") return undefined;
  const object = expr.childForFieldName("object");
  const attribute = expr.childForFieldName("attribute");
  const head = object && dottedParts(object);
  return head && attribute ? [...head, attribute.text] : undefined;
}

function isPositional(arg: SyntaxNode): boolean {
  return arg.type !== "keyword_argument" && arg.type !== "dictionary_splat";
}

/** Expressions that can be called without parentheses around them. */
function isPrimary(expr: SyntaxNode): boolean {
  return ["identifier", "attribute", "call", "subscript", "parenthesized_expression"].includes(
    expr.type,
  );
}

/** Is `name` bound (imported, assigned, a parameter, a def) in a scope visible from `node`? */
function isBoundAt(name: string, node: SyntaxNode): boolean {
  let scope = enclosingScope(node);
  for (;;) {
    if (bindingsInScope(scope).some((b) => b.name === name)) return true;
    if (scope.type === "module") return false;
    scope = enclosingScope(scope);
  }
}

const LOOP_GETTERS = new Set(["asyncio.get_running_loop", "asyncio.get_event_loop"]);

/** The functions a call of interest may stand for, through the imports: wrappers and blocking calls. */
const QUALIFIED_OF_INTEREST: ReadonlySet<string> = new Set([
  "asyncio.to_thread",
  "time.sleep",
  "io.open",
  ...BLOCKING_CALLS.keys(),
]);

/**
 * The last names a call of interest can have in this file: the names of the wrappers and
 * blocking functions, and every local alias an import gives them. Resolving every call's name
 * through the imports would cost a scope walk each; most calls are ruled out by this set.
 */
function namesOfInterest(root: SyntaxNode): Set<string> {
  const names = new Set([
    "run_in_executor",
    "open",
    ...[...QUALIFIED_OF_INTEREST].map(lastSegment),
  ]);
  for (const binding of allImportStatements(root).flatMap(importBindings))
    if (QUALIFIED_OF_INTEREST.has(binding.qualified)) names.add(binding.local);
  return names;
}

/** A call of builtin `open` as callsOfInterest finds it (the only function it finds unimported). */
const OPEN_CALL = /\bopen\s*\(/;
/** Any of these words, as a pattern that finds each occurrence. */
const wordsPattern = (words: Iterable<string>): RegExp =>
  new RegExp(`\\b(?:${[...new Set(words)].join("|")})\\b`, "g");
const MODULES_OF_INTEREST = wordsPattern([...QUALIFIED_OF_INTEREST].map((q) => q.split(".")[0]));
const LAST_NAMES_OF_INTEREST = wordsPattern([...QUALIFIED_OF_INTEREST].map(lastSegment));

/**
 * Before the parse: every site is a call found by callsOfInterest, and a call that resolves to a
 * function of interest spells that function's module (in its import) and its last name (in the
 * call, or in the import that aliases it) somewhere in the text.
 */
export function mayHoldSite(source: string): boolean {
  if (source.includes("run_in_executor") || OPEN_CALL.test(source)) return true;
  const modules = new Set(source.match(MODULES_OF_INTEREST));
  if (modules.size === 0) return false;
  const lastNames = new Set(source.match(LAST_NAMES_OF_INTEREST));
  return [...QUALIFIED_OF_INTEREST].some(
    (q) => modules.has(q.split(".")[0]) && lastNames.has(lastSegment(q)),
  );
}

function lastSegment(dotted: string): string {
  return dotted.slice(dotted.lastIndexOf(".") + 1);
}

/**
 * Calls whose callee's last name may be a wrapper or blocking function, in tree order. Found from
 * the names' occurrences in the text: far fewer node objects than visiting every call of a large
 * file. An occurrence in a string or comment leads to no call and is dropped.
 */
function callsOfInterest(root: SyntaxNode, source: string): SyntaxNode[] {
  const names = [...namesOfInterest(root)].filter((n) => /^\w+$/.test(n));
  if (names.length === 0) return [];
  const occurrence = new RegExp(`(?<![\\w.])(?:[\\w.]*\\.)?\\b(?:${names.join("|")})\\s*\\(`, "g");
  const calls = new Map<number, SyntaxNode>();
  for (const match of source.matchAll(occurrence)) {
    const nameEnd = match.index + match[0].search(/\s*\($/);
    let callee: SyntaxNode | null = root.descendantForIndex(nameEnd - 1, nameEnd);
    if (callee?.type !== "identifier") continue;
    if (
      callee.parent?.type === "attribute" &&
      callee.parent.childForFieldName("attribute")?.id === callee.id
    )
      callee = callee.parent;
    const call = callee.parent;
    if (call?.type === "call" && call.childForFieldName("function")?.id === callee.id)
      calls.set(call.id, call);
  }
  // Tree order: by start, an enclosing call before the calls inside it.
  return [...calls.values()].sort((a, b) => a.startIndex - b.startIndex || b.endIndex - a.endIndex);
}

function threadSites(calls: SyntaxNode[]): Site[] {
  const sites: Site[] = [];
  for (const call of calls) {
    const callee = call.childForFieldName("function");
    if (!callee) continue;
    const awaited = call.parent?.type === "await" ? call.parent : undefined;
    const args = argumentsOf(call);
    if (qualifiedName(callee) === "asyncio.to_thread") {
      sites.push({
        kind: "to_thread",
        call,
        awaited,
        args,
        fnIndex: 0,
        gone: [leftmostIdentifier(callee)!],
      });
      continue;
    }
    if (
      callee.type === "attribute" &&
      callee.childForFieldName("attribute")?.text === "run_in_executor"
    ) {
      const object = callee.childForFieldName("object")!;
      // A loop reached through a call other than asyncio's loop getters: dropping the call could
      // drop its effects.
      const getter =
        object.type === "call" ? qualifiedName(object.childForFieldName("function")!) : undefined;
      if (object.type === "call" && !LOOP_GETTERS.has(getter ?? "")) continue;
      const gone =
        object.type === "call" ? [leftmostIdentifier(object)].filter((n) => n !== undefined) : [];
      sites.push({ kind: "executor", call, awaited, args, fnIndex: 1, gone });
    }
  }
  return sites;
}

/** The call a site runs, or undefined when the function argument is not a plain expression. */
function targetOf(site: Site): Target | Problem | undefined {
  const fnArg = site.args[site.fnIndex];
  if (!fnArg) return undefined;
  if (!isPositional(fnArg) || fnArg.type === "list_splat")
    return { problem: "an unpacked function argument" };
  if (fnArg.type === "call") {
    const callee = fnArg.childForFieldName("function");
    if (callee && qualifiedName(callee) === "functools.partial") {
      const first = argumentsOf(fnArg)[0];
      if (!first || !isPositional(first) || first.type === "list_splat")
        return { problem: "functools.partial without a plain function argument" };
      return { shape: "partial", fn: first, inner: fnArg };
    }
  }
  if (fnArg.type === "lambda") {
    const body = fnArg.childForFieldName("body");
    if (
      fnArg.childForFieldName("parameters") ||
      body?.type !== "call" ||
      site.args.length > site.fnIndex + 1
    )
      return { problem: "a lambda with parameters or whose body is not one call" };
    return { shape: "lambda", fn: body.childForFieldName("function")!, inner: body };
  }
  return { shape: "direct", fn: fnArg };
}

/** A site's wrapper call as it would be written without the thread: `fn(a, k=v)`. */
function plainCallText(site: Site, target: Target, callee: string): string {
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
function rewriteEdits(
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

/** What the transform looks up at many sites of one file, computed once per file. */
class FileScan {
  private importList?: ImportBinding[];
  private asyncioIsTaken?: boolean;
  private ormProofs?: OrmProofs;

  constructor(
    readonly root: SyntaxNode,
    readonly ctx: Context,
  ) {}

  get imports(): ImportBinding[] {
    return (this.importList ??= allImportStatements(this.root).flatMap(importBindings));
  }

  /** Does some `asyncio` in the file stand for something other than the asyncio module? */
  get asyncioTaken(): boolean {
    return (this.asyncioIsTaken ??= this.root.descendantsOfType("identifier").some((id) => {
      if (id.text !== "asyncio") return false;
      for (let n = id.parent; n; n = n.parent)
        if (n.type === "import_statement" || n.type === "import_from_statement") return false;
      return importBindingOf("asyncio", id)?.qualified !== "asyncio";
    }));
  }

  get proofs(): OrmProofs {
    return (this.ormProofs ??= new OrmProofs(this.ctx.project));
  }
}

/** The name through which `asyncio` is reached at `node`, or how to make it reachable. */
function asyncioName(
  scan: FileScan,
  node: SyntaxNode,
): { name: string; binding?: ImportBinding } | undefined {
  for (const candidate of scan.imports.filter((b) => b.qualified === "asyncio")) {
    const binding = importBindingOf(candidate.local, node);
    if (binding?.qualified === "asyncio") return { name: binding.local, binding };
  }
  // A new module-level `import asyncio` must not shadow or be shadowed by another `asyncio`.
  return scan.asyncioTaken ? undefined : { name: "asyncio" };
}

interface Twin {
  pattern: string;
  replacement: string;
}

/** The declared twin for a dotted name: an exact declaration first, then the most specific wildcard. */
function twinFor(parts: string[], twins: Record<string, string>): Twin | undefined {
  const name = parts.join(".");
  if (twins[name] !== undefined) return { pattern: name, replacement: twins[name] };
  let best: { twin: Twin; wildcards: number } | undefined;
  for (const [pattern, replacement] of Object.entries(twins)) {
    const segments = pattern.split(".");
    if (segments.length !== parts.length) continue;
    if (!segments.every((s, i) => s === "*" || s === parts[i])) continue;
    const wildcards = segments.filter((s) => s === "*").length;
    if (!best || wildcards < best.wildcards) best = { twin: { pattern, replacement }, wildcards };
  }
  return best?.twin;
}

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** The twin's callee for `parts`, with each `*` filled by the name it matched; undefined when malformed. */
function twinCallee(twin: Twin, parts: string[]): string | undefined {
  const captured = twin.pattern.split(".").flatMap((s, i) => (s === "*" ? [parts[i]] : []));
  const segments = twin.replacement.split(".");
  if (segments.filter((s) => s === "*").length !== captured.length) return undefined;
  if (!segments.every((s) => s === "*" || IDENTIFIER.test(s))) return undefined;
  let i = 0;
  return segments.map((s) => (s === "*" ? captured[i++] : s)).join(".");
}

/** An example twin declaration for a dotted name, for the "how to declare a twin" hint. */
function twinExample(parts: string[]): string {
  if (parts.length < 2) return `"${parts[0]}" = "async_${parts[0]}"`;
  const object = parts.slice(0, -1);
  const asyncObject = [...object.slice(0, -1), `async_${object[object.length - 1]}`];
  return `"${object.join(".")}.*" = "${asyncObject.join(".")}.*"`;
}

export function transform(file: ParsedFile, ctx: Context): TransformResult {
  const root = file.tree.rootNode;
  const source = file.source;
  const edits: Edit[] = [];
  const diagnostics: Diagnostic[] = [];
  const report = (node: SyntaxNode, code: Code, message: string, suggestion?: string) =>
    diagnostics.push(diagnosticAt(meta, node, code, message, suggestion));

  const gone: SyntaxNode[] = [];
  const kept = new Set<number>();
  let addAsyncio = false;
  const unwrap = settingOf(ctx, meta, "mode") === "unwrap";
  const scan = new FileScan(root, ctx);
  const calls = callsOfInterest(root, source);
  const sites = threadSites(calls);
  const siteRanges = sites.map((s) => ({ start: s.call.startIndex, end: s.call.endIndex }));

  /**
   * Accept a site's edits unless they rewrite another site's text (a wrapper inside a merged
   * argument list): the inner one is rewritten first, the outer one on the next run.
   */
  const accept = (
    site: Site,
    siteEdits: Edit[],
    siteGone: SyntaxNode[],
    native?: Native,
  ): boolean => {
    // Plain numbers: a tree-sitter node's positions are read through the native binding.
    const self = site.call.startIndex;
    const clash = siteRanges.some(
      (o) => o.start !== self && siteEdits.some((e) => e.start <= o.start && o.end <= e.end),
    );
    if (clash) {
      report(
        site.call,
        "AS303",
        "this thread call holds another one rewritten in this run: run asyncshift again",
      );
      return false;
    }
    edits.push(...siteEdits);
    gone.push(...site.gone, ...siteGone);
    if (native?.uses) kept.add(native.uses.item.id);
    if (native?.addAsyncio) addAsyncio = true;
    return true;
  };
  /** Identifiers of the target that the rewrite drops: the partial's callee, and the function when replaced. */
  const targetGone = (target: Target, replaced: boolean): SyntaxNode[] => {
    const dropped: (SyntaxNode | undefined)[] = [];
    if (target.shape === "partial")
      dropped.push(leftmostIdentifier(target.inner!.childForFieldName("function")!));
    if (replaced) dropped.push(leftmostIdentifier(target.fn));
    return dropped.filter((n) => n !== undefined);
  };

  const found: TransformSite[] = [];
  const inventory = (site: Site, context: string, detail: string) =>
    found.push({ kind: "to_thread", context, detail, start: site.call.startIndex });

  for (const site of sites) {
    const wrapper = site.kind === "to_thread" ? "asyncio.to_thread" : "run_in_executor";
    if (site.kind === "executor" && site.args[0]?.type !== "none") {
      inventory(site, "none", "custom executor");
      report(
        site.call,
        "AS305",
        "run_in_executor with an executor other than None runs on a pool chosen on purpose: left alone",
      );
      continue;
    }
    const target = targetOf(site);
    if (!target) continue;
    inventory(
      site,
      "problem" in target ? "none" : threadSiteContext(scan, target.fn, site),
      "problem" in target ? target.problem : target.fn.text,
    );
    if ("problem" in target) {
      report(
        site.call,
        unwrap ? "AS303" : "AS301",
        `${wrapper}() of ${target.problem}: left in its thread`,
      );
      continue;
    }
    const fnText = target.fn.text;

    if (unwrap) {
      if (!site.awaited) {
        report(
          site.call,
          "AS305",
          `${wrapper}() is not awaited on the spot (kept for gather, a task or later): unwrapping it would change when and where the call runs; left alone`,
        );
        continue;
      }
      // A sync ORM call in async def raises SynchronousOnlyOperation: never unwrap one.
      const orm = ormNative(target.fn, scan);
      if (orm) {
        const native = "callee" in orm ? plainCallText(site, target, orm.callee) : undefined;
        report(
          site.awaited,
          "AS303",
          `cannot unwrap: ${fnText} is a Django ORM call, which raises SynchronousOnlyOperation in async def; ` +
            (native ? "use the native async method" : "keep it in its thread"),
          native ? `await ${native}` : undefined,
        );
        continue;
      }
      const callee = isPrimary(target.fn) ? fnText : `(${fnText})`;
      const siteEdits = rewriteEdits(source, site, target, site.awaited.startIndex, callee);
      const suggestion = plainCallText(site, target, callee);
      if ("problem" in siteEdits) {
        report(
          site.awaited,
          "AS303",
          `cannot unwrap: ${siteEdits.problem}; rewrite by hand`,
          suggestion,
        );
        continue;
      }
      if (!accept(site, siteEdits, targetGone(target, false))) continue;
      report(
        site.awaited,
        "AS302",
        `unwrapped ${wrapper}(): ${fnText}(...) now runs on the event loop and blocks it until it returns`,
      );
      continue;
    }

    const native = nativeFor(scan, target.fn, site);
    if (native === undefined) {
      report(site.call, "AS301", noNativeMessage(target.fn, wrapper));
      continue;
    }
    if ("problem" in native) {
      report(site.call, native.code, native.problem, native.suggestion);
      continue;
    }
    const suggestion = (site.awaited ? "await " : "") + plainCallText(site, target, native.callee);
    if (!site.awaited && (site.kind === "executor" || !native.coroutine)) {
      report(
        site.call,
        "AS305",
        `${wrapper}() is not awaited on the spot: replacing it would change when the call runs; left alone`,
        suggestion,
      );
      continue;
    }
    const siteEdits = rewriteEdits(source, site, target, site.call.startIndex, native.callee);
    if ("problem" in siteEdits) {
      report(
        site.call,
        "AS303",
        `cannot replace ${wrapper}(${fnText}, ...) by its native equivalent: ${siteEdits.problem}; rewrite by hand`,
        suggestion,
      );
      continue;
    }
    accept(site, siteEdits, targetGone(target, !native.keepsFunction), native);
  }

  if (!unwrap) {
    for (const call of calls) {
      const fn = enclosingFunction(call);
      if (!fn || !isAsyncFunction(fn)) continue;
      const result = blockingCallEdits(scan, call);
      if (!result) continue;
      if ("code" in result) {
        report(call, result.code, result.message, result.suggestion);
        continue;
      }
      const [callStart, callEnd] = [call.startIndex, call.endIndex];
      if (edits.some((e) => e.start < callEnd && callStart < e.end)) {
        report(
          call,
          "AS310",
          "time.sleep() in async def blocks the event loop (ruff ASYNC251): it sits in a thread call rewritten in this run; run asyncshift again",
        );
        continue;
      }
      edits.push(...result.edits);
      gone.push(result.gone);
      if (result.native.uses) kept.add(result.native.uses.item.id);
      if (result.native.addAsyncio) addAsyncio = true;
    }
  }

  const additions = addAsyncio ? importEditsToAddModule(root, "asyncio") : [];
  edits.push(...mergedLineRemovals(source, importEdits(file, gone, kept), additions), ...additions);
  return { edits, diagnostics, sites: found };
}

/** How `asyncshift report` classes a thread site: a known native call, a declared twin, or none. */
function threadSiteContext(scan: FileScan, fn: SyntaxNode, site: Site): "native" | "twin" | "none" {
  const native = nativeFor(scan, fn, site);
  if (native === undefined || "problem" in native) return "none";
  const parts = dottedParts(fn);
  const declaredTwin =
    parts !== undefined && twinFor(parts, settingOf(scan.ctx, meta, "twins")) !== undefined;
  return declaredTwin && !ormNative(fn, scan) && qualifiedName(fn) !== "time.sleep"
    ? "twin"
    : "native";
}

type NativeProblem = { problem: string; code: Code; suggestion?: string };

/** The native async callee for a function run in a thread, when one is known. */
function nativeFor(scan: FileScan, fn: SyntaxNode, site: Site): Native | NativeProblem | undefined {
  const ctx = scan.ctx;
  const qualified =
    fn.type === "identifier" || fn.type === "attribute" ? qualifiedName(fn) : undefined;
  if (qualified === "time.sleep") {
    const asyncio = asyncioName(scan, site.call);
    if (!asyncio)
      return {
        problem:
          "the name asyncio means something else in this file: replace the thread call by asyncio.sleep by hand",
        code: "AS303",
      };
    return {
      callee: `${asyncio.name}.sleep`,
      coroutine: true,
      uses: asyncio.binding,
      addAsyncio: !asyncio.binding,
    };
  }
  const orm = ormNative(fn, scan);
  if (orm) return orm;
  const parts = dottedParts(fn);
  const twin = parts && twinFor(parts, settingOf(ctx, meta, "twins"));
  if (!parts || !twin) return undefined;
  const callee = twinCallee(twin, parts);
  if (!callee)
    return {
      problem: `the twin declared for ${JSON.stringify(twin.pattern)} (${JSON.stringify(twin.replacement)}) is malformed: the replacement must be a dotted name with as many * as the pattern`,
      code: "AS304",
    };
  const twinRoot = callee.split(".")[0];
  if (twinRoot !== parts[0] && !isBoundAt(twinRoot, site.call))
    return {
      problem: `the async twin ${callee} is not defined in this file (${twinRoot} is not imported, assigned or a parameter here): import it and run again`,
      code: "AS304",
      suggestion: `await ${callee}(...)`,
    };
  return { callee, coroutine: false };
}

/** Async methods that return something other than an awaitable (`aiterator`: an async iterator). */
const NOT_AWAITABLE = new Set(["iterator"]);

/**
 * A Django ORM bound method with a native async twin, proven as native-orm proves it: a manager or
 * queryset chain of a known model, or a proven model instance (`Order.objects.get` -> `aget`).
 */
function ormNative(fn: SyntaxNode, scan: FileScan): Native | NativeProblem | undefined {
  const ctx = scan.ctx;
  if (fn.type !== "attribute" || !(ctx.options.django || ctx.project.usesDjango)) return undefined;
  const receiver = fn.childForFieldName("object");
  const attribute = fn.childForFieldName("attribute");
  if (!receiver || !attribute || NOT_AWAITABLE.has(attribute.text)) return undefined;
  const proofs = scan.proofs;
  const version = ctx.options.djangoVersion ?? ctx.project.djangoVersion ?? DEFAULT_DJANGO_VERSION;
  let method: AsyncMethod | undefined;
  const name = attribute.text;
  const stays = (why: string): NativeProblem => ({
    code: "AS301",
    problem: `${fn.text}: ${why}; it stays in its thread`,
  });
  const queryset = proofs.querysetOf(receiver);
  if (queryset) {
    // select_for_update() needs the transaction the thread opened: no async use (native-orm).
    if (queryset.locksRows)
      return stays("select_for_update() needs the transaction the thread holds");
    method =
      (queryset.model === "" ? asyncMethodFor("related-manager", name) : undefined) ??
      asyncMethodFor("queryset", name);
    if (!method) return stays(`Django has no async twin of the queryset method ${name}()`);
  } else if (proofs.instanceOf(receiver)) {
    method = asyncMethodFor("instance", name);
    if (!method) return stays(`Django has no async twin of the model method ${name}()`);
  }
  if (!method) return undefined;
  if (!versionAtLeast(version, method.since))
    return stays(`${method.async}() needs Django ${method.since} (target: ${version})`);
  const callee = fn.text.slice(0, attribute.startIndex - fn.startIndex) + method.async;
  return { callee, coroutine: true, keepsFunction: true };
}

function noNativeMessage(fn: SyntaxNode, wrapper: string): string {
  const qualified =
    fn.type === "identifier" || fn.type === "attribute" ? qualifiedName(fn) : undefined;
  const module = qualified?.split(".")[0];
  if (module && CPU_BOUND_MODULES.has(module))
    return `${fn.text} is CPU-bound work: ${wrapper}() is the right place for it; left as it is`;
  const blocking = qualified ? BLOCKING_CALLS.get(qualified) : undefined;
  if (blocking)
    return `no drop-in native equivalent for ${fn.text}: it stays in its thread; the native alternative is ${blocking.replacement}`;
  const parts = dottedParts(fn);
  const hint = parts
    ? `; if it has an async twin, declare it in pyproject.toml under ${TWINS_TABLE}, e.g. ${twinExample(parts)}`
    : "";
  return `no native async equivalent known for ${fn.text}: it stays in its thread${hint}`;
}

type BlockingResult =
  | { edits: Edit[]; gone: SyntaxNode; native: Native }
  | { code: Code; message: string; suggestion?: string };

function isBuiltinOpen(callee: SyntaxNode): boolean {
  return callee.type === "identifier" && callee.text === "open" && !isBoundAt("open", callee);
}

/** Why an `await` cannot be put at `call` although its function is async, if it cannot. */
function whyAwaitIsNotAllowed(call: SyntaxNode): string | undefined {
  for (let n = call.parent; n && n.type !== "function_definition"; n = n.parent) {
    // An await inside a generator expression makes it an async generator: its consumer breaks.
    if (n.type === "generator_expression")
      return "in a generator expression (an await would make it an async generator)";
    if (n.type === "class_definition") return "in a class body, where await is not allowed";
  }
  return undefined;
}

/** A blocking call written directly in async def: time.sleep rewritten, the others reported. */
function blockingCallEdits(scan: FileScan, call: SyntaxNode): BlockingResult | undefined {
  const callee = call.childForFieldName("function");
  if (!callee || (callee.type !== "identifier" && callee.type !== "attribute")) return undefined;
  const args = call.childForFieldName("arguments");
  const qualified = isBuiltinOpen(callee) ? "open" : qualifiedName(callee);
  if (!qualified || !args) return undefined;
  if (qualified === "time.sleep") {
    const asyncio = asyncioName(scan, call);
    const parenthesized = needsParenthesesForAwait(call);
    const awaited = (name: string) =>
      `${parenthesized ? "(" : ""}await ${name}.sleep${args.text}${parenthesized ? ")" : ""}`;
    const forbidden = whyAwaitIsNotAllowed(call);
    if (forbidden)
      return {
        code: "AS310",
        message: `time.sleep() in async def blocks the event loop (ruff ASYNC251); it sits ${forbidden}: use asyncio.sleep by hand`,
        suggestion: awaited(asyncio?.name ?? "asyncio"),
      };
    if (!asyncio)
      return {
        code: "AS310",
        message:
          "time.sleep() in async def blocks the event loop (ruff ASYNC251); the name asyncio means something else in this file: use asyncio.sleep by hand",
        suggestion: awaited("asyncio"),
      };
    const edits: Edit[] = [
      {
        start: call.startIndex,
        end: callee.endIndex,
        text: `${parenthesized ? "(" : ""}await ${asyncio.name}.sleep`,
      },
    ];
    if (parenthesized) edits.push({ start: call.endIndex, end: call.endIndex, text: ")" });
    return {
      edits,
      gone: leftmostIdentifier(callee)!,
      native: {
        callee: `${asyncio.name}.sleep`,
        coroutine: true,
        uses: asyncio.binding,
        addAsyncio: !asyncio.binding,
      },
    };
  }
  if (qualified === "open") {
    return {
      code: "AS313",
      message:
        "open() in async def blocks the event loop on disk I/O (ruff ASYNC230): use await anyio.open_file(...) or aiofiles.open(...) with async with, or move the file work into asyncio.to_thread",
      suggestion: `await anyio.open_file${args.text}`,
    };
  }
  const blocking = BLOCKING_CALLS.get(qualified);
  if (!blocking) return undefined;
  const rule = blocking.rule ? ` (ruff ${blocking.rule})` : "";
  return {
    code: blocking.code,
    message: `${callee.text}() in async def blocks the event loop${rule}: use ${blocking.replacement}`,
    ...(blocking.code === "AS314"
      ? { suggestion: `redis.asyncio.${qualified.slice("redis.".length)}${args.text}` }
      : {}),
  };
}

/** Modules whose imports a rewrite may leave unused: the standard library, free of import side effects. */
const REMOVABLE_IMPORTS = new Set([
  "asyncio",
  "asyncio.to_thread",
  "functools",
  "functools.partial",
  "time",
  "time.sleep",
]);

/**
 * asyncio/functools/time imports, and a name the sites replaced (`redis_manager` after its twin)
 * from a from-import that keeps other names: the module is still imported, so no import-time side
 * effect is lost. A package's `__init__.py`, or a name `__all__` lists, may be importing it for
 * others: kept.
 */
function isRemovable(file: ParsedFile, binding: ImportBinding): boolean {
  if (REMOVABLE_IMPORTS.has(binding.qualified)) return true;
  const statement = binding.statement;
  const reexported =
    /(^|\/)__init__\.py$/.test(file.path) ||
    new RegExp(`["']${binding.local}["']`).test(file.source);
  return (
    !reexported &&
    statement.type === "import_from_statement" &&
    statement.childrenForFieldName("name").length > 1
  );
}

/** Removal of imports that only the rewritten sites used. */
function importEdits(file: ParsedFile, gone: SyntaxNode[], kept: Set<number>): Edit[] {
  const goneIds = new Set(gone.map((n) => n.id));
  const bindings = new Map<number, ImportBinding>();
  for (const reference of gone) {
    const binding = importBindingOf(reference.text, reference);
    if (binding && isRemovable(file, binding)) bindings.set(binding.item.id, binding);
  }
  const edits: Edit[] = [];
  // One removal per statement and pass: two removals from one statement would overlap.
  const statements = new Set<number>();
  for (const binding of bindings.values()) {
    if (kept.has(binding.item.id) || statements.has(binding.statement.id)) continue;
    if (isImportStillUsed(binding, (ref) => goneIds.has(ref.id))) continue;
    statements.add(binding.statement.id);
    edits.push(
      ...importEditsToRemove(file.source, binding).map((e) =>
        withBlankLineAfter(file.source, binding.statement, e),
      ),
    );
  }
  return edits;
}

const BLANK_LINE = /^[ \t]*\r?\n/;

/**
 * Removals of whole neighbouring lines as one edit; when they emptied a section of the import
 * block (a blank line before and after), one of the two blank lines goes too.
 */
function mergedLineRemovals(source: string, edits: Edit[], additions: Edit[]): Edit[] {
  const sorted = [...edits].sort((a, b) => a.start - b.start);
  const merged: Edit[] = [];
  for (const edit of sorted) {
    const previous = merged[merged.length - 1];
    if (previous && previous.text === "" && edit.text === "" && previous.end === edit.start) {
      previous.end = edit.end;
    } else merged.push({ ...edit });
  }
  return merged.map((edit) => {
    const wholeLines =
      edit.text === "" &&
      (edit.start === 0 || source[edit.start - 1] === "\n") &&
      source[edit.end - 1] === "\n";
    // An import added where the lines go takes their place: the section's blank line stays.
    const replaced = additions.some((a) => a.start >= edit.start && a.start <= edit.end);
    if (!wholeLines || replaced) return edit;
    const previousLineStart = source.lastIndexOf("\n", edit.start - 2) + 1;
    // At the top of the file, a blank line left first would be a leading blank line.
    const blankBefore =
      edit.start === 0 || BLANK_LINE.test(source.slice(previousLineStart, edit.start));
    const blankAfter = BLANK_LINE.exec(source.slice(edit.end));
    return blankBefore && blankAfter ? { ...edit, end: edit.end + blankAfter[0].length } : edit;
  });
}

/**
 * A local import that opened a function body is usually followed by a blank line: removing the
 * import line alone would leave the body starting with that blank line.
 */
function withBlankLineAfter(source: string, statement: SyntaxNode, edit: Edit): Edit {
  const block = statement.parent;
  const opensBody = block?.type === "block" && block.namedChildren[0]?.id === statement.id;
  const wholeLine =
    edit.text === "" && edit.end > statement.endIndex && source[edit.end - 1] === "\n";
  if (!opensBody || !wholeLine) return edit;
  const blank = /^[ \t]*\r?\n/.exec(source.slice(edit.end));
  return blank ? { ...edit, end: edit.end + blank[0].length } : edit;
}
