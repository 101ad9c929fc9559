import { lastSegment } from "../python/lookup.js";
import { dottedName, importRootPart } from "../python/module-names.js";
import { join } from "node:path";
import type { IndexedPatch, ProjectIndex, ReplacedName } from "../model/types.js";
import { runnerDiagnostic } from "../model/reported.js";
import type { FileResult } from "../model/results.js";
import { displayPath } from "./paths.js";
import { callsInFile } from "./project-index.js";
import { functionsOfModule } from "./index-modules.js";
import { calls, replacedInCode } from "./mocks-code.js";
import { awaitedCalls } from "../python/awaited-calls.js";
import { twinCallee, twinFor } from "../model/twins.js";

/** A module the run rewrote, and the names its code no longer calls. */
export interface RewrittenModule {
  module: string;
  replaced: ReplacedName[];
}

/** A module of the run this run did not change, read only when a test's patch may concern it. */
export interface ModuleOnDisk {
  module: string;
  read: () => string | undefined;
}

type Found = { path: string; line: number; message: string };

/** Modules on disk read before the tests' calls are (see mockedRewrites). */
const READ_FIRST = 4;

/**
 * Tests that patch what the run rewrote (AS920): `patch("billing.tasks.asyncio.run")` raises
 * AttributeError once `asyncio` is no longer imported there, and `patch("asyncio.run")` or
 * `patch.object(asyncio, "run")` no longer intercepts the call, so an `assert_not_called()` then
 * passes whatever happens; a `MagicMock` put in the place of `VectorStore` answers an awaited
 * `VectorStore.objects.acount()` with something that cannot be awaited. Each is reported on the
 * test's line with the target to patch instead.
 *
 * What a module no longer calls is read from its code, not only from this run's rewrites: the
 * run after `--write` finds the same tests (`onDisk`: the run's modules it did not change).
 */
export function mockedRewrites(
  index: ProjectIndex,
  rewritten: readonly RewrittenModule[],
  cwd: string,
  onDisk: readonly ModuleOnDisk[] = [],
  readTest: (path: string) => string | undefined = () => undefined,
  twins: Readonly<Record<string, string>> = {},
): Found[] {
  if (index.patches.length === 0) return [];
  const tests = new TestCalls(index);
  const modules: { module: string; replaced: ReplacedName[]; code?: string }[] = [...rewritten];
  // A few modules (a one-file run) are read first: one whose code replaced nothing matters only
  // to a patch that names it (`namedModules`), and no test's calls need be read for it.
  const readFirst = onDisk.length <= READ_FIRST;
  const named = namedModules(index.patches);
  const testPaths = [...new Set(index.patches.map((p) => p.path))];
  for (const m of onDisk) {
    const module = dottedName(m.module);
    const isNamed = named.has(module) || named.has(lastSegment(module));
    const code = isNamed || !readFirst ? undefined : m.read();
    const replaced = code !== undefined ? replacedInCode(index, code, m.module) : undefined;
    if (replaced?.length === 0) continue;
    if (!isNamed && !tests.exercisedByAny(testPaths, m.module)) continue;
    const read = code ?? m.read();
    if (read !== undefined)
      modules.push({
        module: m.module,
        replaced: replaced ?? replacedInCode(index, read, m.module),
        code: read,
      });
  }
  // Each test is read, and each patch's guard judged, once: every module and name asks again.
  const texts = new Map<string, string | undefined>();
  const readOnce = (path: string) => {
    if (!texts.has(path)) texts.set(path, readTest(path));
    return texts.get(path);
  };
  const guards = new Map<IndexedPatch, boolean>();
  const guarded = (patch: IndexedPatch) => {
    if (!guards.has(patch)) guards.set(patch, guardPatch(readOnce(patch.path), patch.line));
    return guards.get(patch)!;
  };
  const judge: Judge = { index, tests, readTest: readOnce, guarded, twins };
  const found: Found[] = [];
  for (const patch of index.patches) {
    const message = firstMessage(patch, modules, judge);
    if (message)
      found.push({
        path: displayPath(join(index.root, patch.path), cwd),
        line: patch.line,
        message,
      });
  }
  return found;
}

interface Judge {
  index: ProjectIndex;
  /** The declared async twins (`"requests.*" = "http.*"`). */
  twins: Readonly<Record<string, string>>;
  tests: TestCalls;
  readTest: (path: string) => string | undefined;
  /** Whether the test wants the patched name not called (guardPatch), judged once a patch. */
  guarded: (patch: IndexedPatch) => boolean;
}

/** One finding per patch: the first module and name it concerns. */
function firstMessage(
  patch: IndexedPatch,
  modules: readonly { module: string; replaced: ReplacedName[]; code?: string }[],
  judge: Judge,
): string | undefined {
  for (const { module, replaced } of modules) {
    if (!inImportRoot(patch.path, module)) continue;
    for (const name of replaced) {
      const message = messageFor(patch, module, name, judge);
      if (message) return message;
    }
  }
  // The module the target names (the longest one: `reviews.sync`, not the package `reviews`).
  const target = targetOf(patch);
  const named = modules
    .filter(
      (m) =>
        m.code !== undefined &&
        inImportRoot(patch.path, m.module) &&
        target.startsWith(`${dottedName(m.module)}.`),
    )
    .sort((a, b) => dottedName(b.module).length - dottedName(a.module).length)[0];
  if (!named) return undefined;
  const twin = twinReplaced(target, dottedName(named.module), named.code!, judge.twins);
  return twin && messageFor(patch, named.module, twin, judge);
}

/**
 * Whether a test at `path` (from the project root) may import `module`: a module whose id
 * carries a service's import root (see ModuleNames) is another program's to the other services.
 */
function inImportRoot(path: string, module: string): boolean {
  const root = importRootPart(module);
  return root === "" || root === "./" || path.startsWith(root);
}

/**
 * What the patches name as modules: every dotted head of a target (`m` and `m.x` for
 * `patch("m.x.y")`). A module (or its last name) among them is one some patch names itself
 * (`patch("m.x")`, `patch.object(m, "x")`): the target starts with it and a dot.
 */
function namedModules(patches: readonly IndexedPatch[]): Set<string> {
  const named = new Set<string>();
  for (const patch of patches) {
    const target = targetOf(patch);
    for (let dot = target.indexOf("."); dot >= 0; dot = target.indexOf(".", dot + 1))
      named.add(target.slice(0, dot));
  }
  return named;
}

function targetOf(patch: IndexedPatch): string {
  return patch.attribute ? `${patch.target}.${patch.attribute}` : patch.target;
}

/** The target is the module's own binding of `local` (`patch("m.local")`, `patch.object(m, ...)`). */
function inModule(target: string, module: string, local: string): boolean {
  return target === `${module}.${local}` || target.endsWith(`.${lastSegment(module)}.${local}`);
}

function messageFor(
  patch: IndexedPatch,
  id: string,
  name: ReplacedName,
  judge: Judge,
): string | undefined {
  const target = targetOf(patch);
  if (name.root) return mockedRoot(patch, target, id, name, judge);
  const exercised = () => judge.tests.exercises(patch.path, id);
  // Said and patched by the name Python imports it by.
  const module = dottedName(id);
  // A guard (`side_effect=AssertionError(...)`, `assert_not_called()`): the test wants the name
  // not called, which the twin only makes true (hazard-review-5 J19c).
  if (judge.guarded(patch)) return undefined;
  if (name.awaited && stillCalledWhereNamed(judge.index, target, module, name.local))
    return undefined;
  // `_process_files` -> `_aprocess_files`: a project function the module now awaits a twin of.
  // `runner.mark_done = lambda ...` while the module's `self.mark_done()` now awaits a twin.
  if (
    name.awaited &&
    name.twin &&
    replacesMethodOfObject(patch, name) &&
    exercised() &&
    namesOwner(judge.readTest(patch.path), name.qualified)
  )
    return `this test replaces ${target} with a sync callable, but ${module} no longer calls it: it now awaits the async twin ${name.by.slice("self.".length)} (${name.qualified} keeps its sync form for other callers), so the replacement intercepts nothing; replace ${name.by.slice("self.".length)} too, with an async callable (AsyncMock)`;
  if (name.awaited && name.twin) {
    // `patch.object(Crawl, "is_finished")`: the twin is patched on the class too.
    const onClass = classAttribute(target, name.qualified);
    const twin = onClass
      ? `${target.slice(0, target.lastIndexOf("."))}.${lastSegment(name.by)}`
      : name.by;
    return inModule(target, module, name.local) ||
      (name.local.includes(".") && (target === name.qualified || onClass) && exercised())
      ? `this test patches ${target}, which ${module} no longer calls: it now awaits the async twin ${twin}, so the patch no longer intercepts that module's call (other callers still call the sync one); patch ${twin} too, with an AsyncMock`
      : undefined;
  }
  // `Order.objects.count` -> `Order.objects.acount`, `requests.post` -> `http.post`.
  if (name.awaited)
    return inModule(target, module, name.local) ||
      ((target === name.local || target === name.qualified || sameReceiver(target, name.local)) &&
        exercised())
      ? `this test patches ${target}, which ${module} no longer calls (it now awaits ${name.by}): the patch intercepts nothing; patch ${name.by} instead, with an AsyncMock`
      : undefined;
  // `by` empty: the wrapper is gone and the wrapped call runs itself.
  const instead = name.by
    ? `patch "${module}.${name.by}" instead`
    : "patch the called function instead";
  // patch("billing.tasks.asyncio.run"), patch.object(billing.tasks.asyncio, "run")
  if (inModule(target, module, name.local))
    return `this test patches ${target}, which ${module} no longer calls${name.by ? ` (it now calls ${name.by})` : ""}: the patch fails or intercepts nothing; ${instead}`;
  // patch("asyncio.run"), patch.object(asyncio, "run"): global, intercepts only if the test runs
  // the rewritten module's code.
  if ((target === name.qualified || target === name.local) && exercised())
    return `this test patches ${target}, which ${module} no longer calls${name.by ? ` (it now calls ${name.by})` : ""}: it no longer intercepts that module's call; ${instead}`;
  return undefined;
}

/**
 * `patch("app.share_fallback.LLMDao.get_model_by_id")` while `app.share_fallback` (not the
 * module that awaits the twin) still calls `LLMDao.get_model_by_id(`: the test is about that
 * module's call, which the patch intercepts (hazard-review-5 J19b, bisheng's share_fallback).
 */
function stillCalledWhereNamed(
  index: ProjectIndex,
  target: string,
  module: string,
  local: string,
): boolean {
  if (!target.endsWith(`.${local}`)) return false;
  const named = target.slice(0, target.length - local.length - 1);
  if (named === module) return false;
  const paths = new Set(functionsOfModule(index, named).map((f) => f.path));
  return [...paths].some((path) =>
    callsInFile(index, path).some((c) => c.callee === local && !c.awaited),
  );
}

/**
 * `patch(..., side_effect=AssertionError("sync ... should not be used"))`, or `with patch(...) as
 * m:` then `m.assert_not_called()`: the test asserts the patched name is not called.
 */
function guardPatch(test: string | undefined, line: number): boolean {
  if (test === undefined) return false;
  const lines = test.split("\n");
  const text = lines.slice(line - 1, line + 4).join("\n");
  const call = patchCallAt(text);
  if (!call) return false;
  if (/side_effect\s*=\s*AssertionError\b/.test(call.text)) return true;
  const bound = /^\s*as\s+([A-Za-z_]\w*)/.exec(text.slice(call.end))?.[1];
  const notCalled = (name: string) =>
    new RegExp(
      `\\b${name}\\.(?:assert_not_called\\(\\)|called\\s*is\\s*False|call_count\\s*==\\s*0)`,
    ).test(test);
  return !!bound && notCalled(bound);
}

/** The first `patch(...)` / `patch.object(...)` call in `text`, to its closing bracket. */
function patchCallAt(text: string): { text: string; end: number } | undefined {
  const start = text.search(/\bpatch\b/);
  const open = start >= 0 ? text.indexOf("(", start) : -1;
  if (open < 0) return undefined;
  let depth = 0;
  let quote = "";
  for (let i = open; i < text.length; i++) {
    const c = text[i];
    if (quote) {
      if (c === "\\") i++;
      else if (c === quote) quote = "";
    } else if (c === '"' || c === "'") quote = c;
    else if (c === "(") depth++;
    else if (c === ")" && --depth === 0) return { text: text.slice(start, i + 1), end: i + 1 };
  }
  return undefined;
}

/**
 * `patch.object(Crawl, "is_finished")` (or `patch("crawls.models.Crawl.is_finished")`) for the
 * model method `crawls.models.Crawl.is_finished` the module called on an instance.
 */
function classAttribute(target: string, qualified: string): boolean {
  const owned = /(?:^|\.)([A-Z]\w*\.\w+)$/.exec(qualified)?.[1];
  return !!owned && (target === owned || target.endsWith(`.${owned}`));
}

/**
 * The test names the class whose method the module now awaits a twin of (`Runner` for
 * `jobs.Runner.mark_done`): an object it patches may be one. A pymongo collection mock's
 * `insert_many` is no `Knowledge.insert_many` (hazard-review-7 Y2, agno).
 */
function namesOwner(test: string | undefined, qualified: string): boolean {
  const owner = qualified.split(".").at(-2);
  return test === undefined || !owner || new RegExp(`\\b${owner}\\b`).test(test);
}

/**
 * `runner.mark_done = lambda ...` (an object's attribute, lowercase: not a module path) for a
 * method the module called as `self.mark_done`.
 */
function replacesMethodOfObject(patch: IndexedPatch, name: ReplacedName): boolean {
  return (
    name.local.startsWith("self.") &&
    patch.attribute === name.local.slice("self.".length) &&
    /^[a-z_][\w]*$/.test(patch.target)
  );
}

/**
 * `shop.models.Order.objects.count` for `Order.objects.count`: the same class's attribute through
 * its module. A chain through a lowercase name (`requests.post`, `cache.get`) may be any
 * module's or object's: only the exact spelling counts then.
 */
function sameReceiver(target: string, local: string): boolean {
  return /^[A-Z]/.test(local) && local.includes(".") && target.endsWith(`.${local}`);
}

/**
 * `@patch("m.engine", new_callable=AsyncMock)`, `new=AsyncMock(...)`, `autospec=True`: the patch
 * itself makes what it puts in place awaitable (an AsyncMock's children are AsyncMocks).
 */
function asyncMockPatch(test: string, line: number): boolean {
  const lines = test.split("\n");
  // The patch call's own lines: up to its closing bracket, a few lines at most.
  const call = lines.slice(line - 1, line + 4).join("\n");
  const end = call.indexOf(")\n");
  return /AsyncMock|autospec\s*=\s*True/.test(end >= 0 ? call.slice(0, end) : call);
}

/** `mock.objects.filter.return_value.acount = AsyncMock(...)`: the test sets the method up. */
function setsUpAsync(test: string, method: string): boolean {
  return /AsyncMock/.test(test) && test.includes(method);
}

/**
 * `@patch("gateway.views.decorators.VectorStore")` while the module awaits
 * `VectorStore.objects.filter(...).acount()`: the MagicMock's `acount()` gives a MagicMock, and
 * awaiting it raises TypeError. Silent when the test sets that method up with an AsyncMock.
 */
function mockedRoot(
  patch: IndexedPatch,
  target: string,
  id: string,
  name: ReplacedName,
  judge: Judge,
): string | undefined {
  const module = dottedName(id);
  if (!inModule(target, module, name.root!)) return undefined;
  // The test must run the function holding the await (the project's other awaits are not its).
  if (name.line && !judge.tests.reachesLine(judge.index, patch.path, id, name.line))
    return undefined;
  const test = judge.readTest(patch.path);
  if (test !== undefined && (asyncMockPatch(test, patch.line) || setsUpAsync(test, name.qualified)))
    return undefined;
  const where = name.line ? ` (line ${name.line})` : "";
  const shown = name.local.replace(/\([^()]*(?:\([^()]*\)[^()]*)*\)/g, "(...)");
  const path = name.local
    .slice(name.root!.length)
    .replace(/\([^()]*(?:\([^()]*\)[^()]*)*\)/g, ".return_value");
  return `this test puts a MagicMock in the place of ${name.root} in ${module}, which awaits ${shown}()${where}: a MagicMock's result cannot be awaited (TypeError); use AsyncMock for ${name.qualified}: <the mock>${path} = AsyncMock(return_value=...)`;
}

/**
 * `patch("app.services.requests.post")` where `requests.post` has a declared twin (`http.post`)
 * that the module awaits, and calls `requests.post` no more: the twin replaced it.
 */
function twinReplaced(
  target: string,
  module: string,
  code: string,
  twins: Readonly<Record<string, string>>,
): ReplacedName | undefined {
  const local = target.slice(module.length + 1);
  const parts = local.split(".");
  const twin = twinFor(parts, twins as Record<string, string>);
  const by = twin && twinCallee(twin, parts);
  if (!by || calls(code, local)) return undefined;
  if (!awaitedCalls(code).some((c) => c.callee === by)) return undefined;
  return { qualified: local, local, by, awaited: true };
}

/** What each test file calls into, read once: the modules it exercises. */
class TestCalls {
  /** Each test file's calls; null: it has no patch, or the index keeps none of its calls. */
  private readonly calledByTest = new Map<
    string,
    { heads: Set<string>; lasts: Set<string> } | null
  >();
  private readonly functionsOf = new Map<string, Set<string>>();
  /**
   * Each test file's imports (dotted), and every dotted head of one (`a` and `a.b` for `a.b.c`),
   * read once: every module of the run is asked against every test. Null: not known.
   */
  private readonly importsOf = new Map<string, { names: Set<string>; heads: Set<string> } | null>();

  constructor(private readonly index: ProjectIndex) {}

  /**
   * Does the test file import `module` (dotted, `heads` its dotted heads), a name of it or a
   * package above it?
   */
  private imports(testPath: string, module: string, heads: readonly string[]): boolean {
    let known = this.importsOf.get(testPath);
    if (known === undefined) {
      const imports = this.index.modules?.[testPath]?.imports.map((i) => dottedName(i));
      known = imports
        ? { names: new Set(imports), heads: new Set(imports.flatMap(dottedHeads)) }
        : null;
      this.importsOf.set(testPath, known);
    }
    // Unknown imports (an index made by hand) link every module.
    if (!known) return true;
    // The module itself, a name in it (`module.x`), or a package above it.
    return (
      known.names.has(module) ||
      known.heads.has(module) ||
      heads.some((head) => known.names.has(head))
    );
  }

  /** What a test file calls (first and last names), read when first asked. */
  private calledBy(testPath: string): { heads: Set<string>; lasts: Set<string> } | undefined {
    const known = this.calledByTest.get(testPath);
    if (known !== undefined) return known ?? undefined;
    // Asked for every module of the run: a file without an answer is remembered too.
    this.calledByTest.set(testPath, null);
    if (!this.index.patches.some((p) => p.path === testPath)) return undefined;
    const calls = { heads: new Set<string>(), lasts: new Set<string>() };
    for (const c of callsInFile(this.index, testPath)) {
      calls.heads.add(c.callee.split(".")[0]);
      calls.lasts.add(lastSegment(c.callee));
    }
    // A test file no call of which the index keeps calls nothing it can tell.
    if (calls.heads.size === 0) return undefined;
    this.calledByTest.set(testPath, calls);
    return calls;
  }

  /**
   * Does the test call, directly or through the module's own calls (a few deep), the function of
   * `module` whose body holds `line`? Module-level functions, a call inside a nested def (a
   * decorator's wrapper) counting as its enclosing function's.
   */
  reachesLine(index: ProjectIndex, testPath: string, module: string, line: number): boolean {
    const calls = this.calledBy(testPath);
    const top = functionsOfModule(index, module)
      .filter((f) => !f.nested && !f.className)
      .sort((a, b) => a.line - b.line);
    const ownerAt = (at: number) => top.filter((f) => f.line <= at).at(-1);
    const holder = ownerAt(line);
    if (!calls || !holder) return false;
    const names = new Set(top.map((f) => f.name));
    const reached = new Set([...calls.lasts].filter((n) => names.has(n)));
    const inModule = callsInFile(index, holder.path);
    for (let depth = 0; depth < 4 && !reached.has(holder.name); depth++) {
      const before = reached.size;
      for (const c of inModule) {
        const caller = c.within && names.has(c.within) ? c.within : ownerAt(c.line)?.name;
        if (caller && reached.has(caller) && names.has(lastSegment(c.callee)))
          reached.add(lastSegment(c.callee));
      }
      if (reached.size === before) break;
    }
    return reached.has(holder.name);
  }

  /**
   * Does the test file call into `module` (through its name or one of its functions)? It must
   * import the module, a name of it or a package above it: a local `task` is no `a2a.utils.task`
   * (hazard-review-8 Y16, crewAI's 11 false AS920).
   */
  exercises(testPath: string, module: string): boolean {
    return this.exercisedByAny([testPath], module);
  }

  /**
   * Does any of the test files call into `module` (see exercises)? Every module of a run is asked
   * against every test with a patch: the module's names are made once for all of them.
   */
  exercisedByAny(testPaths: readonly string[], module: string): boolean {
    const dotted = dottedName(module);
    const last = lastSegment(dotted);
    const heads = dottedHeads(dotted);
    for (const testPath of testPaths) {
      const calls = this.calledBy(testPath);
      if (!calls || !this.imports(testPath, dotted, heads)) continue;
      if (calls.heads.has(last)) return true;
      let own = this.functionsOf.get(module);
      if (!own)
        this.functionsOf.set(
          module,
          (own = new Set(functionsOfModule(this.index, module).map((f) => f.name))),
        );
      for (const name of calls.lasts) if (own.has(name)) return true;
    }
    return false;
  }
}

/** `a.b.c` -> `a`, `a.b`: what comes before each of its dots. */
function dottedHeads(name: string): string[] {
  const heads: string[] = [];
  for (let dot = name.indexOf("."); dot >= 0; dot = name.indexOf(".", dot + 1))
    heads.push(name.slice(0, dot));
  return heads;
}

/** The results with each mock finding added to its test file's result (a new one if unnamed). */
export function withMockFindings(
  results: FileResult[],
  findings: readonly { path: string; line: number; message: string }[],
): FileResult[] {
  if (findings.length === 0) return results;
  const byPath = new Map(results.map((r) => [r.path, r]));
  for (const { path, line, message } of findings) {
    const diagnostic = runnerDiagnostic("AS920", "warning", message, line);
    const result = byPath.get(path);
    if (result) result.diagnostics.push(diagnostic);
    else {
      const added: FileResult = {
        path,
        status: "unchanged",
        diagnostics: [diagnostic],
        skippedBy: [],
      };
      byPath.set(path, added);
      results.push(added);
    }
  }
  return results.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}
