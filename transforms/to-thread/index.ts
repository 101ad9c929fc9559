import picomatch from "picomatch";
import { settingOf } from "../../src/model/settings.js";
import { ASYNC_TWINS, THREAD_MODE } from "../shared/options.js";
import type {
  Context,
  FileSemantics,
  TransformMeta,
  TransformResult,
} from "../../src/model/types.js";
import { replaceSite } from "./native.js";
import { FileScan, threadSiteContext } from "./proofs.js";
import { SiteResults, type ThreadCode } from "./results.js";
import type { Assert, CodeOf, CodesAgree } from "../../src/model/findings.js";
import { directTwinSite, twinCalls, twinRoots } from "./direct.js";
import { mayHoldSite as mayHoldThreadSite, targetOf, threadSites, wrapperCalls } from "./sites.js";
import { TWINS_TABLE } from "./twins.js";
import { unwrapSite } from "./unwrap.js";
import { calleeSurvey } from "./project-callees.js";
import { coroutineSite } from "./coroutine-target.js";
import { mayHoldSubmit, submittedCoroutines } from "./submitted-coroutines.js";

/**
 * Files unwrap mode leaves alone, as asyncio-run leaves them: tests run sync code in a thread on
 * purpose (to exercise a sync client from an async test), and unwrapping there would block the
 * test's own loop. Native mode rewrites them as any file.
 */
const UNWRAP_SKIP = ["**/tests/**", "**/test_*.py", "**/*_test.py", "**/conftest.py"];
const isUnwrapSkipped = picomatch(UNWRAP_SKIP, { dot: true });

export const meta = {
  id: "to-thread",
  summary:
    "asyncio.to_thread / run_in_executor around a call with a native async equivalent -> the native call, and direct calls with a declared async twin in async def -> the awaited twin (--to-thread unwrap: back to the plain call)",
  // A thread site names its wrapper; a direct twin call is in an `async def`.
  triggers: ["to_thread", "run_in_executor", "async", ".submit("],
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
    {
      kind: "twin_call",
      group: "twin call",
      columns: [
        { context: "twin", header: "twin" },
        { context: "blocked", header: "blocked" },
      ],
    },
  ],
  // Declared once in transforms/shared/options.ts: blocking-calls and missing-await read them too.
  options: { mode: THREAD_MODE.option, twins: ASYNC_TWINS.option },
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
      fix: { applicability: "safe", always: true, sometimesUnsafe: true },
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
        "again. A twin is also not used where it may not exist: under a test that says it is " +
        "unset (`if not twin`, the `else` of `if twin`, `if twin is None`, after `if twin: " +
        "return ...`), where a test of it cannot be read, or when it is `self.<attr>` and the " +
        "method's class (or a base class in the same file) neither defines nor assigns that " +
        "attribute. The thread call is often the fallback for when the twin is missing. The " +
        "same holds for a direct sync call in async def (AS308): the sync call then stays.",
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
    AS306: {
      severity: "info",
      fix: { applicability: "safe", always: true },
      title: "Thread call replaced by its native async equivalent",
      explanation:
        "The function run in the thread has a native async equivalent: time.sleep (asyncio.sleep), " +
        "a Django ORM call proven as native-orm proves it (Order.objects.get -> aget), or an async " +
        `twin declared under ${TWINS_TABLE}. The thread call becomes the native call, with the ` +
        "arguments kept byte for byte; imports only the site used go, `import asyncio` comes " +
        "when the new call needs it. Applied by default and not reported once applied (the " +
        "diff shows it); the code names the rewrite.",
      before: "await asyncio.to_thread(Order.objects.get, pk=order_id)",
      after: "await Order.objects.aget(pk=order_id)",
    },
    AS309: {
      severity: "error",
      title: "Thread call of an async def: the coroutine never runs",
      explanation:
        "asyncio.to_thread(fn, ...) and run_in_executor(None, fn, ...) call fn in a worker " +
        "thread. When fn is an async def, that call only makes a coroutine object and returns it: " +
        "the await gives the coroutine, unrun (always truthy; Python warns it was never " +
        "awaited), and the function's body never runs. Usually the sync twin was meant " +
        "(`check_bucket_exists_sync`), or the async def should be awaited directly. Reported in " +
        "both modes, with the direct await as the suggestion (or the sync twin when the site is " +
        "inside the async def itself); never replaced or unwrapped.",
      before:
        "async def check_bucket_exists(self, name):\n" +
        "    return await asyncio.to_thread(self.check_bucket_exists, name)",
      after:
        "async def check_bucket_exists(self, name):\n" +
        "    return await asyncio.to_thread(self.check_bucket_exists_sync, name)",
    },
    AS307: {
      severity: "error",
      title: "Thread wrapper not unwrapped: the function cannot run on the event loop",
      explanation:
        "With --to-thread unwrap, the function a wrapper runs would run on the event loop's own " +
        "thread. asyncshift reads its body (a function of the same file, or a method of the " +
        "enclosing class, and the functions they call a few levels deep) and refuses when it " +
        "calls asyncio.run() or async_to_sync() (RuntimeError: a loop is already running), " +
        "run_until_complete(), asyncio.run_coroutine_threadsafe() to wait for a coroutine (the " +
        "loop it waits for is the one it blocks: a deadlock), time.sleep(), or waits on a " +
        "threading Event, Lock, Condition, Semaphore, Barrier, Thread or a queue (the loop stops " +
        "until another thread acts, and for ever if only a task would), or calls a Django " +
        "manager (`Model.objects.filter(...)`: Django raises SynchronousOnlyOperation for a " +
        "query on the loop's thread). Functions of other files of the project are read through " +
        "its index, with the overrides of a project class's method in its subclasses. When the " +
        "receiver's class is not known (`request.app.manager.stop`), every method of the project " +
        "of that name (outside the tests) is read: one that does any of the above, or blocking " +
        "I/O, refuses, since the unwrap would put it on the loop unseen; the message names it " +
        "(path:line). Keep the thread, or make the function async first.",
      before:
        "def start_client(loop):\n" +
        "    return asyncio.run_coroutine_threadsafe(connect(), loop).result()\n\n" +
        "await loop.run_in_executor(None, start_client, loop)",
      after: "await loop.run_in_executor(None, start_client, loop)  # kept: it waits on the loop",
    },
    AS308: {
      severity: "info",
      fix: { applicability: "safe", always: true },
      title: "Direct sync call replaced by its declared async twin",
      explanation:
        `A call of a sync client written directly in async def blocks the event loop. When an ` +
        `async twin is declared under ${TWINS_TABLE}, the call becomes the awaited twin, with ` +
        "the arguments kept byte for byte (in parentheses when the result is used at once: " +
        "`(await twin.get(k)).decode()`). The same guards as for thread calls apply (AS304): " +
        "the twin must be defined in the file, not unset where the call runs, and a `self.` " +
        "twin must exist on the class. Sync functions, lambdas, generator expressions and " +
        "comprehensions keep the sync client; a call used in `with` or iterated by `for` is " +
        "reported (AS303): its async form is `async with` / `async for`. Not used in unwrap mode. Applied by default and " +
        "not reported once applied; the code names the rewrite.",
      before:
        "from app.cache import async_redis_manager, redis_manager\n\n" +
        "async def task_status(cid):\n    return redis_manager.get_task_status(cid)",
      after:
        "from app.cache import async_redis_manager\n\n" +
        "async def task_status(cid):\n    return await async_redis_manager.get_task_status(cid)",
    },
  },
} satisfies TransformMeta;

/** results.ts's ThreadCode is exactly the codes declared above (a type error otherwise). */
export type ThreadCodesAgree = Assert<CodesAgree<ThreadCode, CodeOf<typeof meta.codes>>>;

/**
 * Before the parse: a thread site (see sites.ts), or a direct call of a twinned object, which
 * needs an `async def` and the twin pattern's first name in the text.
 */
export function mayHoldSite(source: string, ctx: Context): boolean {
  if (mayHoldThreadSite(source) || mayHoldSubmit(source)) return true;
  const twins = settingOf<Record<string, string>>(ctx, meta, "twins");
  if (settingOf(ctx, meta, "mode") === "unwrap" || Object.keys(twins).length === 0) return false;
  if (!/\basync[ \t]+def\b/.test(source)) return false;
  return [...twinRoots(twins)].some(
    (root) => root === "*" || (/^\w+$/.test(root) && new RegExp(`\\b${root}\\b`).test(source)),
  );
}

export function transform(file: FileSemantics, ctx: Context): TransformResult {
  const unwrap = settingOf(ctx, meta, "mode") === "unwrap";
  const skipped = unwrap && isUnwrapSkipped(file.path);
  const scan = new FileScan(file, ctx, settingOf(ctx, meta, "twins"));
  const sites = threadSites(file, wrapperCalls(file.root, file.source));
  const out = new SiteResults(meta.codes, sites);
  for (const site of sites) {
    const wrapper = site.kind === "to_thread" ? "asyncio.to_thread" : "run_in_executor";
    const target = targetOf(file, site);
    if (site.kind === "executor" && site.args[0]?.type !== "none") {
      out.inventory(site, "none", "custom executor");
      // `loop.run_in_executor(self._pool, self.fetch)` of an async def: unrun whatever the pool.
      const valid = target && !("problem" in target) ? target : undefined;
      if (valid && !skipped && coroutineSite(scan, site, valid, wrapper, out)) continue;
      out.report(
        site.call,
        "AS305",
        "run_in_executor with an executor other than None runs on a pool chosen on purpose: left alone",
      );
      continue;
    }
    if (!target) continue;
    if ("problem" in target) {
      out.inventory(site, "none", target.problem);
      out.report(
        site.call,
        unwrap ? "AS303" : "AS301",
        `${wrapper}() of ${target.problem}: left in its thread`,
      );
      continue;
    }
    out.inventory(site, threadSiteContext(scan, target.fn, site), target.fn.text);
    if (skipped || coroutineSite(scan, site, target, wrapper, out)) continue;
    if (unwrap) unwrapSite(scan, site, target, wrapper, out);
    else replaceSite(scan, site, target, wrapper, out);
  }
  if (!skipped) submittedCoroutines(scan, out);
  if (!unwrap) {
    const inSite = (call: { startIndex: number; endIndex: number }) =>
      sites.some((s) => s.call.startIndex <= call.startIndex && call.endIndex <= s.call.endIndex);
    // A twin call inside a thread site is left for the next run, once that site is rewritten.
    for (const call of twinCalls(scan)) if (!inSite(call)) directTwinSite(scan, call, out);
  }
  // The inventory still lists a skipped file's sites; the run finds nothing there.
  return { findings: skipped ? [] : out.findings, sites: out.sites };
}

/** Unwrap mode's look at the functions other files give the thread sites (project-callees.ts). */
export const survey = calleeSurvey(meta);
