import { relative, resolve, sep } from "node:path";
import type { FileScan } from "./proofs.js";
import { PROJECT_KEY } from "./loop-hazards.js";
import { functionsNamed, projectTopModules } from "../../src/project/index-lookup.js";
import { isCatalogued } from "../../src/python/effects.js";
import { dottedName } from "../../src/python/module-names.js";
import { isStdlibModule } from "../../src/python/stdlib.js";
import { ormNative } from "./proofs.js";
import { targetGone, type SiteResults } from "./results.js";
import { returnedBy, unreadRefusal, type UnreadCall } from "./unread-refusal.js";
import { dynamicLookupOf } from "./dynamic-lookups.js";
import { unpinnedRefusal } from "./unpinned-refusal.js";
import { contextRunFunction } from "./context-runs.js";
import { producerOf, siteIterator } from "./generator-steps.js";
import { consumedProducer } from "./consumed-generators.js";
import { lambdaArgumentsHazard } from "./lambda-arguments.js";
import { passedFunctions, wrappedFunction } from "./passed-functions.js";
import { plainCallText, rewriteEdits } from "./rewrite.js";
import { reindented } from "./reindent.js";
import { isPrimary, type Site, type Target } from "./sites.js";
import {
  callHazard,
  isCollaboratorCall,
  loopHazard,
  unknownStepReason,
  type CallFact,
  type LoopHazard,
  type Seen,
} from "./loop-hazards.js";

interface LoopCheck {
  hazard?: LoopHazard & { direct?: boolean };
  checked: boolean;
  /** Project functions reached and not read: not found, or (`deep`) deeper than the check follows. */
  unread: UnreadCall[];
  objects: string[];
  /** Those of `objects` that may be this project's code (unpinned-refusal.ts). */
  unpinned: string[];
  /** Library calls the check cannot read (not the standard library's, not catalogued). */
  libraries: string[];
  madeAtRunTime?: boolean;
  /** The site's own callee is project code the check could not find: its key. */
  projectUnread?: string;
  receiverUnknown?: boolean;
  /** For a receiver of unknown class: the project's methods of that name, read, none a hazard. */
  namesakesRead?: string[];
  /** The receiver's annotation, a project Protocol: `namesakesRead` are its implementers'. */
  protocol?: string;
  /** The site's method, of which the project has more than the check reads (Z7). */
  namesakesUnread?: string;
}

/**
 * AS307 for a method of a value of unknown class that more of the project's methods are named
 * than the check reads: any of them may be what runs, unread (hazard-review-9 Z7: haystack's
 * 420 `run` methods, one of which waits on a pool's futures).
 */
function namesakesRefusal(fnText: string, check: LoopCheck): string | undefined {
  const method = check.checked ? undefined : check.namesakesUnread;
  if (!method) return undefined;
  return `cannot unwrap: ${fnText} is a method of a value whose class is not known here, and the project has more methods named ${method} than the check reads one by one: any of them may be what runs, so whether it takes a lock, waits on another thread or starts an event loop is not known; project code the check cannot read is refused even with --unsafe-fixes; it stays in its thread`;
}

/**
 * `app/expr/common.py:812`: a def of a project file, by offset (as that file's calls reach it).
 * One left deeper than the check follows is project code not read, like a dotted key's: it was
 * dropped, and tracecat's template lock six calls down went unsaid (hazard-review-6 V9b).
 */
const DEF_KEY = /^(?!py:|env:)[^:]+:\d+$/;

/** The calls a check could not read, sorted by why: told of each by `loopHazard`. */
class Unread {
  readonly unread = new Map<string, Omit<UnreadCall, "call">>();
  readonly objects = new Set<string>();
  /** Those of `objects` that may be project code: no method, or one the project's classes have. */
  readonly unpinned = new Set<string>();
  readonly libraries = new Set<string>();

  constructor(private readonly scan: FileScan) {}

  readonly notRead = (call: CallFact, deep = false): void => {
    if (isCollaboratorCall(call)) {
      this.objects.add(`${call.text}()`);
      if (mayBeProjectCode(this.scan, call)) this.unpinned.add(`${call.text}()`);
    }
    // Project code the survey left unread (deeper than it follows, or not found) is unchecked.
    else if (
      call.reaches &&
      (this.scan.unread(call.reaches) ||
        inProject(this.scan, call.reaches) ||
        DEF_KEY.test(call.reaches))
    )
      this.unread.set(`${call.text}()`, {
        deep: deep && (this.unread.get(`${call.text}()`)?.deep ?? true),
        ...(returnedBy(call.reaches) ? { returnedBy: returnedBy(call.reaches) } : {}),
      });
    else {
      const library = libraryCall(this.scan, call);
      if (library) this.libraries.add(library);
    }
  };

  get lists(): Pick<LoopCheck, "unread" | "objects" | "libraries" | "unpinned"> {
    return {
      unread: [...this.unread].map(([call, how]) => ({ call, ...how })),
      objects: [...this.objects],
      unpinned: [...this.unpinned],
      libraries: [...this.libraries],
    };
  }
}

/** `handler(x)`, `self._store.flush()` with project methods named `flush`: maybe the project's. */
function mayBeProjectCode(scan: FileScan, call: CallFact): boolean {
  const index = scan.ctx.project.index;
  if (!call.method || !index) return true;
  return functionsNamed(index, call.method).some((f) => f.className !== undefined && !f.nested);
}

/**
 * What the loop-hazard check found for the function a site runs, whether it could read it, and
 * the project functions on the way that it could not read (the survey stops a few calls deep).
 */
function loopCheck(scan: FileScan, target: Target): LoopCheck {
  const functions = scan.functions;
  const fact = functions.callFact(target.fn, target.fn);
  const reason = callHazard(fact) ?? unknownWait(fact);
  const none = { unread: [], objects: [], unpinned: [], libraries: [] };
  const seen: Seen = new Map(fact.reaches ? [[fact.reaches, -1]] : []);
  const reading = new Unread(scan);
  if (reason) {
    // A method picked by name that cannot run on the loop is named (Y18f).
    const picked = fact.runTimeLookup
      ? alternativesHazard(scan, target, fact, seen, reading)
      : undefined;
    const hazard = picked ?? { reason, via: [], direct: true };
    return { hazard, checked: true, ...none };
  }
  const facts = fact.reaches ? functions.lookup(fact.reaches) : undefined;
  const hazard =
    (facts && loopHazard(facts, functions.lookup, seen, 0, { notRead: reading.notRead })) ??
    alternativesHazard(scan, target, fact, seen, reading);
  if (hazard) return { hazard, checked: true, ...none };
  // `lambda: f(g())`: g() runs in the thread too (lambda-arguments.ts).
  const argument = lambdaArgumentsHazard(functions, target, seen, reading.notRead);
  if (argument) return { hazard: argument, checked: true, ...none };
  // A wrapper factory's product (`safe_async_db(f)`) is read, and so is the function it wraps.
  const passed =
    facts && !wrappedFunction(target.fn) ? undefined : passedHazard(scan, target, seen, reading);
  if (passed?.hazard) return { hazard: passed.hazard, checked: true, ...none };
  if (passed?.read && target.fn.type !== "call") return { checked: true, ...reading.lists };
  // `factory(name)(args)`: the function is a call's result, known only at run time.
  if (!facts)
    return {
      checked: false,
      // What the namesakes read reach and cannot read (hazard-review-6 V1).
      ...reading.lists,
      // `factory(name)(args)`, `HANDLERS[kind]`, `handler` bound to a value: known at run time.
      madeAtRunTime:
        target.fn.type === "call" || functions.valueCall(target.fn, target.fn) !== "known",
      ...(inProject(scan, fact.reaches) ? { projectUnread: fact.reaches } : {}),
      libraries: [libraryCall(scan, fact), ...reading.lists.libraries].filter(
        (c) => c !== undefined,
      ),
      // `chunker.chunk_text` with `chunker` a bare parameter: a project class's method, perhaps.
      ...(fact.method && !fact.qualified && !fact.reaches ? { receiverUnknown: true } : {}),
      // Or the classes its assignments make (`DebugReplayManager() if m is None else m`).
      ...(fact.alternatives?.length ? { namesakesRead: namesakesRead(scan, fact) } : {}),
      ...(fact.protocol ? { protocol: fact.protocol } : {}),
      ...(fact.namesakesUnread ? { namesakesUnread: fact.method } : {}),
    };
  return { checked: true, ...reading.lists };
}

/**
 * The overrides a call of a project class's method may run instead (an abstract engine's
 * subclasses), or, for a receiver of no known class, the project's methods of that name: one
 * that cannot run on the loop refuses the unwrap (hazard-review-4: frigate's
 * `request.app.replay_manager.stop`, SurfSense's `self._engine.open_working_copy`).
 */
function alternativesHazard(
  scan: FileScan,
  target: Target,
  fact: CallFact,
  seen: Seen,
  reading: Unread,
): LoopHazard | undefined {
  if (!fact.alternatives) return undefined;
  const { reaches: _own, ...call } = fact;
  const site = { name: target.fn.text, hop: true as const, calls: [call] };
  // A namesake not found changes nothing (the receiver's class is unknown anyway); what a
  // namesake read reaches and cannot read is said.
  const walk = fact.namesakes
    ? { atSite: true, notRead: reading.notRead }
    : { notRead: reading.notRead };
  return loopHazard(site, scan.functions.lookup, seen, 0, walk);
}

/**
 * `run_in_executor(None, func, *args)` with `func` a parameter of a helper every caller of which
 * is in this file: the functions they pass are read (passed-functions.ts, hazard-review-6 V7).
 * `read`: each passed function was found (what they reach and cannot read is told `reading`).
 */
function passedHazard(
  scan: FileScan,
  target: Target,
  seen: Seen,
  reading: Unread,
): { hazard?: LoopHazard; read: boolean } | undefined {
  // `safe_async_db(self._rpc._rpc_force_exit)`: the function a decorator's wrapper is made
  // around, which the wrapper calls (hazard-review-6 V11, freqtrade's exit lock).
  const wrapped = wrappedFunction(target.fn);
  const passed = wrapped
    ? [wrapped]
    : passedFunctions(scan.file, target.fn, scan.ctx.project.index);
  if (!passed) return undefined;
  const facts = passed.map((arg) => scan.functions.callFact(arg, arg));
  const keys = facts.flatMap((f) => [f.reaches, ...(f.alternatives ?? [])]);
  const helper = passed[0].parent?.parent?.childForFieldName("function")?.text ?? "the helper";
  const call: CallFact = {
    text: target.fn.text,
    alternatives: keys.filter((k): k is string => k !== undefined),
    maybeWhy: wrapped
      ? `the function ${helper}() wraps`
      : `a function ${helper}'s callers pass as ${target.fn.text}`,
  };
  const site = { name: target.fn.text, hop: true as const, calls: [call] };
  const hazard = loopHazard(site, scan.functions.lookup, seen, 0, { notRead: reading.notRead });
  return { hazard, read: facts.every((f) => f.reaches !== undefined) };
}

/** What waits on another thread by its name, whatever the receiver's class. */
const WAIT_METHODS = new Set(["acquire", "wait", "join", "result"]);

/**
 * `to_thread(info["lock"].acquire)` with the receiver's class not known here: a lock's, an
 * event's, a thread's or a future's wait, by the method's name. The site's own call is the wait
 * itself, so nothing else it could be is worth the risk (hazard-review-7 Y10, prefect's locks).
 */
function unknownWait(fact: CallFact): string | undefined {
  if (!fact.method || !WAIT_METHODS.has(fact.method)) return undefined;
  if (fact.receiverMadeBy || fact.reaches || fact.qualified) return undefined;
  return `calls ${fact.text}(), a ${fact.method}() of a value whose class is not known here, by its name a wait on a lock, an event, a thread or a future: the event loop would stop until another thread answers`;
}

/** The names of the namesakes of a site's method that the survey read (`ExportStats.snapshot`). */
function namesakesRead(scan: FileScan, fact: CallFact): string[] {
  const names = (fact.alternatives ?? []).map((key) => scan.functions.lookup(key)?.name);
  return names.filter((name) => name !== undefined).slice(0, 3);
}

/**
 * A call of a library that is neither the standard library (whose waits the check knows) nor
 * in the effects catalogue: the check cannot read it, so it cannot say the call may run on the
 * loop (a lock, a wait, or a loop refused inside it, as Playwright's sync API does).
 */
function libraryCall(scan: FileScan, call: CallFact): string | undefined {
  const index = scan.ctx.project.index;
  // A method of a value a library class made (`fetcher.fetch()`), or a library function.
  const owner = call.qualified ?? call.receiverMadeBy;
  const top = owner?.split(".")[0];
  if (!index || !top || !owner!.includes(".") || top.startsWith("_")) return undefined;
  if (isStdlibModule(top) || projectTopModules(index).has(top) || isCatalogued(owner!))
    return undefined;
  if (!call.qualified) return `${owner}.${call.method === "with" ? "__enter__" : call.method}()`;
  // Building a library object (`Adaptor(html)`, a dataclass) is assumed not to wait: the waits
  // and loop checks are in its methods (Playwright's in `__enter__`, scrapling's in `fetch`).
  return /^[A-Z]\w*[a-z]\w*$/.test(owner!.split(".").at(-1)!) ? undefined : `${owner}()`;
}

/**
 * Does a key name code of this project (`py:shop.api.list_products`: a module or package the
 * index knows)? Such a function may take a lock where it is defined: not read, not proven.
 */
function inProject(scan: FileScan, key: string | undefined): boolean {
  const index = scan.ctx.project.index;
  if (!index || !key?.startsWith(PROJECT_KEY)) return false;
  // A module id of a monorepo whose import roots share a name (`./tracecat.executor`,
  // `packages/registry/tracecat_registry.core`) is the dotted name after its root: two `tests`
  // packages made every key "not this project's", and its unwraps SAFE (hazard-review-6 V10, V2).
  return projectTopModules(index).has(dottedName(key.slice(PROJECT_KEY.length)).split(".")[0]);
}

/**
 * A collaborator's method, a function made at run time, a method of a value of no known class, a
 * library's code: any may take a lock in its own file. Not proven, so not by default. (Project
 * code not read refuses: unread-refusal.ts.)
 */
function notProven(check: ReturnType<typeof loopCheck>): boolean {
  return (
    check.objects.length > 0 ||
    check.madeAtRunTime === true ||
    check.receiverUnknown === true ||
    check.libraries.length > 0
  );
}

/** AS307 for a function looked up by name at run time, which may be this project's (V21). */
function lookupRefusal(
  scan: FileScan,
  target: Target,
  check: ReturnType<typeof loopCheck>,
): string | undefined {
  if (check.checked || !check.madeAtRunTime) return undefined;
  const index = scan.ctx.project.index;
  const isLibrary = (qualified: string) =>
    !!index && !projectTopModules(index).has(qualified.split(".")[0]);
  const lookup = dynamicLookupOf(scan.file, target.fn, isLibrary);
  if (!lookup) return undefined;
  return `cannot unwrap: ${target.fn.text} is looked up by name at run time (${lookup}): it may be any function of any module, this project's own included, which the check cannot read, so whether it takes a lock, waits on another thread or starts an event loop is not known; project code the check cannot read is refused even with --unsafe-fixes; it stays in its thread`;
}

/** What the AS302 message adds when the check could not read all it reaches. */
function uncheckedNote(fnText: string, check: Omit<LoopCheck, "hazard">): string {
  const what =
    "for calls that cannot run on the loop (asyncio.run, time.sleep, waits on the loop or on other threads such as a threading.Lock)";
  // What an unsafe unwrap takes on trust, said every time (issue 23 item 10, issue 27 item 3).
  const assumes = (they: boolean) =>
    `: the unwrap assumes ${they ? "they neither wait" : "it neither waits"} on another thread nor start${they ? "" : "s"} or refuse${they ? "" : "s"} an event loop, so it is applied only with --unsafe-fixes`;
  if (check.libraries.length > 0)
    return `; it calls ${check.libraries.join(", ")}${check.checked ? ` (reached from ${fnText})` : ""}, library code the check cannot read${assumes(check.libraries.length > 1)}`;
  if (!check.checked && check.receiverUnknown) {
    const value = check.protocol
      ? `is a method of a value annotated with the Protocol ${check.protocol}, which any class with its methods meets`
      : "is a method of a value whose class was not found here (a parameter without annotation, or a value from a call)";
    const read = check.protocol
      ? "the methods of the project's classes that meet it"
      : "the project's methods of that name";
    if (check.namesakesRead?.length)
      return `; ${fnText} ${value}; ${read} (${check.namesakesRead.join(", ")}) were checked ${what} and make none, but the value may be of another class${assumes(false)}`;
    return `; ${fnText} ${value}, so it was not checked ${what}${assumes(false)}`;
  }
  if (!check.checked && check.madeAtRunTime)
    return `; the function is what ${fnText} ${/\)\s*$/.test(fnText) ? "returns" : "holds"} at run time, so which function runs could not be read or checked ${what}${assumes(false)}`;
  if (!check.checked)
    return `; ${fnText} could not be read (not a function of this project, or one its index does not list), so it was not checked ${what}`;
  if (check.objects.length > 0)
    return `; it calls ${check.objects.join(", ")}, an object or function the code was given, which the check cannot follow (what it is is not written at the call): not checked ${what}${assumes(check.objects.length > 1)}`;
  return "";
}

/** AS307's message: what the callee does that cannot run on the loop, through which calls, where. */
function refusal(
  scan: FileScan,
  fnText: string,
  hazard: LoopHazard & { direct?: boolean },
): string {
  const { reason, via, direct, path, line, maybe } = hazard;
  const who = direct
    ? "the call would run on the event loop, where it"
    : fnText +
      via
        // A re-export's hop reaches the function itself: `embed_texts through embed_texts()`.
        .filter((name, i) => i > 0 || name !== fnText)
        .map((name) =>
          name === maybe?.name
            ? maybeRuns({ ...maybe, path: projectPath(scan, maybe.path) }, fnText)
            : // A script run by a library (an Alembic env.py) is named by its path.
              ` through ${name}${name.includes("/") ? "" : "()"}`,
        )
        .join("");
  // Another file's line is named: the reader must find the lock or the wait there.
  const where = path && path !== scan.file.path && line ? ` (${path}:${line})` : "";
  return `cannot unwrap: ${who} ${reason}${where}; it stays in its thread`;
}

/**
 * A def of the file being rewritten is named by its path from the project root, as the survey
 * names other files' (the run names the file by the path it was given: `trees/app/x.py`).
 */
function projectPath(scan: FileScan, path: string | undefined): string | undefined {
  const root = scan.ctx.project.index?.root;
  if (!path || path !== scan.file.path || !root) return path;
  return relative(root, resolve(path)).split(sep).join("/");
}

/** ` calls self._engine.open(), which may run GitEngine.open() (app/git.py:12, ...), which`. */
function maybeRuns(maybe: NonNullable<LoopHazard["maybe"]>, fnText: string): string {
  const where = maybe.path && maybe.line ? `${maybe.path}:${maybe.line}, ` : "";
  const why = maybe.why
    ? maybe.why
    : maybe.namesake
      ? "a method of this project of that name: the receiver's class is not known here"
      : "an override in a subclass of the receiver's class";
  const call = maybe.call === fnText ? "" : ` calls ${maybe.call}(), which`;
  return `${call} may run ${maybe.name}() (${where}${why}), which`;
}

/**
 * The loop check of what a site runs, the callee text its messages name, and what they say first:
 * `to_thread(next, it)` runs the generator's body, so what made it is checked (V4, V5).
 */
function siteCheck(
  scan: FileScan,
  site: Site,
  target: Target,
): { check: LoopCheck; checked: string; stepping: string; judged?: Target } {
  // `to_thread(ctx.run, method, *args)`: the context runs `method` (hazard-review-8 Y18).
  const ran = contextRunFunction(
    scan.file,
    (f, at) => scan.functions.callFact(f, at),
    site,
    target,
  );
  if (ran)
    return {
      check: loopCheck(scan, { shape: "direct", fn: ran }),
      checked: ran.text,
      stepping: `${target.fn.text}() runs ${ran.text}: `,
      judged: { shape: "direct", fn: ran },
    };
  // `to_thread(list, rows())`: the generator's body runs in list() (consumed-generators.ts).
  const consumed = consumedProducer(scan, target, site.call);
  if (consumed)
    return {
      check: loopCheck(scan, { ...target, fn: consumed }),
      checked: consumed.text,
      stepping: `${target.fn.text}() runs the body of the generator ${consumed.text}() makes: `,
    };
  const iterator = siteIterator(scan.file, target, site.call);
  if (!iterator) return { check: loopCheck(scan, target), checked: target.fn.text, stepping: "" };
  const producer = producerOf(scan.file, iterator, site.call);
  if (!producer) {
    const hazard = { reason: unknownStepReason(iterator.text), via: [], direct: true };
    return {
      check: { hazard, checked: true, objects: [], unpinned: [], unread: [], libraries: [] },
      checked: target.fn.text,
      stepping: "",
    };
  }
  return {
    check: loopCheck(scan, { ...target, fn: producer }),
    checked: producer.text,
    stepping: `next(${iterator.text}) runs the body of the generator ${producer.text}() made: `,
  };
}

/**
 * `--to-thread unwrap`: `await asyncio.to_thread(fn, a)` -> `fn(a)`, each unwrapped site reported
 * (AS302: the call blocks the loop again); refused where the call must stay off the loop.
 */
export function unwrapSite(
  scan: FileScan,
  site: Site,
  target: Target,
  wrapper: string,
  out: SiteResults,
): void {
  const fnText = target.fn.text;
  if (!site.awaited) {
    out.report(
      site.call,
      "AS305",
      `${wrapper}() is not awaited on the spot (kept for gather, a task or later): unwrapping it would change when and where the call runs; left alone`,
    );
    return;
  }
  // A sync ORM call in async def raises SynchronousOnlyOperation: never unwrap one.
  const orm = ormNative(target.fn, scan);
  if (orm) {
    const native = "callee" in orm ? plainCallText(site, target, orm.callee) : undefined;
    out.report(
      site.awaited,
      "AS303",
      `cannot unwrap: ${fnText} is a Django ORM call, which raises SynchronousOnlyOperation in async def; ` +
        (native ? "use the native async method" : "keep it in its thread"),
      native ? `await ${native}` : undefined,
    );
    return;
  }
  const { check, checked, stepping, judged } = siteCheck(scan, site, target);
  const refused = check.hazard
    ? refusal(scan, checked, check.hazard)
    : (unreadRefusal(scan, checked, check) ??
      lookupRefusal(scan, judged ?? target, check) ??
      namesakesRefusal(checked, check) ??
      unpinnedRefusal(scan, checked, (judged ?? target).fn, check));
  if (refused) {
    out.report(
      site.awaited,
      "AS307",
      refused.replace("cannot unwrap: ", `cannot unwrap: ${stepping}`),
    );
    return;
  }
  const callee = isPrimary(target.fn) ? fnText : `(${fnText})`;
  const siteEdits = rewriteEdits(scan.source, site, target, site.awaited.startIndex, callee);
  const suggestion = plainCallText(site, target, callee);
  if ("problem" in siteEdits) {
    out.report(
      site.awaited,
      "AS303",
      `cannot unwrap: ${siteEdits.problem}; rewrite by hand`,
      suggestion,
    );
    return;
  }
  const edits = out.holdsOtherSite(site)
    ? siteEdits
    : reindented(
        scan.source,
        scan.file.root,
        site.awaited.startIndex,
        site.call.endIndex,
        callee,
        siteEdits,
      );
  out.accept(site, edits, targetGone(target, false), {
    node: site.awaited,
    code: "AS302",
    message:
      `unwrapped ${wrapper}(): ${fnText}(...) now runs on the event loop and blocks it until it returns` +
      uncheckedNote(checked, check),
    reported: true,
    unsafe: notProven(check),
  });
}
