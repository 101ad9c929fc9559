import { THREAD_WAIT_MODULES } from "../../src/python/thread-waits.js";
import { isAsyncFunction } from "../../src/python/shapes.js";
import {
  BLOCKING_CALLS,
  blockingCall,
  STORAGE_CALLS,
  STORAGE_REPLACEMENT,
  storageReplacementFor,
  type BlockingFamily,
} from "../../src/python/effects.js";
import {
  blockingReceiverCall,
  RECEIVER_WORDS,
  returnedProduct,
  yieldedProduct,
  YIELDS,
  type Seen,
} from "./receivers.js";
import {
  callsByLastName,
  lastSegment,
  localNamesOf,
  ModuleAccess,
} from "../../src/python/lookup.js";
import { diagnosticAt } from "../../src/model/diagnostic.js";
import { FindingsReporter, type CodeOf } from "../../src/model/findings.js";
import { sharedSetting } from "../../src/model/shared-options.js";
import { THREAD_MODE } from "../shared/options.js";
import type {
  Context,
  FileSemantics,
  Finding,
  SyntaxNode,
  TransformMeta,
  TransformResult,
} from "../../src/model/types.js";
import { sleepRewrite } from "./sleep.js";
import { BLOCKING_CALLS_CODES } from "./codes.js";
import { fieldFileCall } from "./file-fields.js";
import { passesGuardedKey, withDictKeys } from "./guards.js";
import { threadWaitSites } from "./waits.js";
import { CELERY_WORDS, celerySites } from "./celery.js";
import { OrmProofs } from "../../src/django/proofs.js";
import { blocksOnPurpose, isTestPath, silencedByNoqa } from "./intent.js";
import { blockSays, helperBlock, helperCalls, helperSurvey, type HelperPlan } from "./helpers.js";
import { refusalSays } from "./refusals.js";
import { asyncTwinOf, twinSays } from "./twins.js";
import { surveyedPlan } from "../../src/model/plans.js";

export const meta = {
  id: "blocking-calls",
  summary:
    "blocking calls in async def (ruff ASYNC2xx): time.sleep -> await asyncio.sleep; HTTP, subprocess, files (open, Path, Django storage and FieldFile), redis clients and sync SQLAlchemy sessions reported with their native form",
  // Blocking calls only matter inside `async def`.
  triggers: ["async def"],
  codes: BLOCKING_CALLS_CODES,
} satisfies TransformMeta;

type Code = CodeOf<typeof meta.codes>;

const FAMILY_CODES: Record<BlockingFamily, Code> = {
  http: "AS311",
  subprocess: "AS312",
  file: "AS313",
  redis: "AS314",
  database: "AS315",
};

/** The functions a blocking call may stand for, through the imports. */
const QUALIFIED_OF_INTEREST: ReadonlySet<string> = new Set([
  "time.sleep",
  "io.open",
  ...BLOCKING_CALLS.keys(),
  ...STORAGE_CALLS.keys(),
]);

/**
 * `--to-thread unwrap` puts blocking calls back on the loop on purpose (to-thread reports each,
 * AS302): this transform then stays silent (a setting shared through its declaration).
 */
function unwrapMode(ctx: Context): boolean {
  return sharedSetting(ctx, THREAD_MODE) === "unwrap";
}

/** The modules and names a wait on another thread needs (waits.ts). */
const THREAD_WAIT_WORDS = new RegExp(
  `\\b(?:${[
    // asyncio's one entry (`run_coroutine_threadsafe`) is looked for by name: every file says asyncio.
    ...[...THREAD_WAIT_MODULES].filter((module) => module !== "asyncio"),
    "run_coroutine_threadsafe",
    "Future",
    "ThreadPoolExecutor",
    "ProcessPoolExecutor",
  ].join("|")})\\b`,
);

/** A call of builtin `open` (the only blocking function called unimported). */
const OPEN_CALL = /\bopen\s*\(/;
/** Any of these words, as a pattern that finds each occurrence. */
const wordsPattern = (words: Iterable<string>): RegExp =>
  new RegExp(`\\b(?:${[...new Set(words)].join("|")})\\b`, "g");
const MODULES_OF_INTEREST = wordsPattern([...QUALIFIED_OF_INTEREST].map((q) => q.split(".")[0]));
const LAST_NAMES_OF_INTEREST = wordsPattern([...QUALIFIED_OF_INTEREST].map(lastSegment));

/**
 * Before the parse: every site is a call of a blocking function, which spells that function's
 * module (in its import) and its last name (in the call, or in the import that aliases it)
 * somewhere in the text. Unwrap mode leaves blocking calls alone (see `transform`).
 */
export function mayHoldSite(source: string, ctx: Context): boolean {
  if (unwrapMode(ctx)) return false;
  if (OPEN_CALL.test(source) || RECEIVER_WORDS.test(source)) return true;
  if (THREAD_WAIT_WORDS.test(source) && /\basync\s+def\b/.test(source)) return true;
  if (CELERY_WORDS.test(source) && /\basync\s+def\b/.test(source)) return true;
  // A helper of another file that blocks, called from an async def here (the survey's plan).
  const plan = surveyedPlan<HelperPlan>(ctx, "blocking-calls");
  if (mayCallFieldFiles(source, plan) && /\basync\s+def\b/.test(source)) return true;
  const planned = Object.keys(plan?.blocks ?? {}).length + Object.keys(plan?.makers ?? {}).length;
  if (planned > 0 && /\basync\s+def\b/.test(source)) return true;
  const modules = new Set(source.match(MODULES_OF_INTEREST));
  if (modules.size === 0) return false;
  const lastNames = new Set(source.match(LAST_NAMES_OF_INTEREST));
  return [...QUALIFIED_OF_INTEREST].some(
    (q) => modules.has(q.split(".")[0]) && lastNames.has(lastSegment(q)),
  );
}

/** A blocking call with no drop-in native form: the diagnostic that names its replacement. */
function reportedCall(
  call: SyntaxNode,
  callee: SyntaxNode,
  qualified: string,
): { code: Code; message: string; suggestion?: string } | undefined {
  const args = call.childForFieldName("arguments")!;
  if (qualified === "open") {
    return {
      code: "AS313",
      message:
        "open() in async def blocks the event loop on disk I/O (ruff ASYNC230): use await anyio.open_file(...) or aiofiles.open(...) with async with, or move the file work into asyncio.to_thread",
      suggestion: withItemOf(call)
        ? `async with await anyio.open_file${args.text}${asTarget(call)}:`
        : `await anyio.open_file${args.text}`,
    };
  }
  const blocking = blockingCall(qualified);
  // Building a requests Session or an httpx Client does no I/O: its requests are reported
  // (receiverCalls), not its construction (hazard-review-4 K13).
  if (!blocking || (blocking.constructs && blocking.family === "http")) return undefined;
  const code = FAMILY_CODES[blocking.family];
  const rule = blocking.rule ? ` (ruff ${blocking.rule})` : "";
  const suggestion =
    code === "AS314"
      ? `redis.asyncio.${qualified.slice("redis.".length)}${args.text}`
      : threadSuggestion(blocking.replacement, callee, args);
  return {
    code,
    message: `${callee.text}() in async def blocks the event loop${rule}: use ${namedReplacement(blocking.replacement, callee.text)}`,
    ...(suggestion ? { suggestion } : {}),
  };
}

/**
 * `await sync_to_async(default_storage.save)(name, content)`: the call in a thread, for an API
 * with no async form (Django's storage).
 */
function threadSuggestion(
  replacement: string,
  callee: SyntaxNode,
  args: SyntaxNode,
): string | undefined {
  return replacement === STORAGE_REPLACEMENT
    ? `await sync_to_async(${callee.text})${args.text}`
    : undefined;
}

/** A replacement naming the call where the catalogue's words are generic (the storage's). */
function namedReplacement(replacement: string, callee: string): string {
  return replacement === STORAGE_REPLACEMENT ? storageReplacementFor(callee) : replacement;
}

/** The ruff rule a finding on this call cites ("" when ruff has none). */
function ruleOf(qualified: string): string {
  if (qualified === "time.sleep") return "ASYNC251";
  if (qualified === "open") return "ASYNC230";
  return BLOCKING_CALLS.get(qualified)?.rule ?? "";
}

/** ` as f` for `with open(p) as f:`, or nothing. */
function asTarget(call: SyntaxNode): string {
  const target = call.parent?.type === "as_pattern" ? call.parent.namedChildren.at(-1) : undefined;
  return target ? ` as ${target.text}` : "";
}

/** `with open(p) as f:`: the call is a `with` item (its async form is `async with`). */
function withItemOf(call: SyntaxNode): boolean {
  const parent = call.parent?.type === "as_pattern" ? call.parent.parent : call.parent;
  return parent?.type === "with_item";
}

/**
 * Blocking calls written directly in `async def` (not in a nested def or lambda, which may run in
 * a thread): time.sleep rewritten to asyncio.sleep, the others reported with their native form.
 */
export function transform(file: FileSemantics, ctx: Context): TransformResult {
  // Unwrap mode puts blocking calls back on the loop on purpose (to-thread reports each, AS302).
  if (unwrapMode(ctx)) return { findings: [] };
  const out = new FindingsReporter(meta.codes);
  const asyncio = new ModuleAccess(file.root, "asyncio");
  const names = localNamesOf(file.root, QUALIFIED_OF_INTEREST).add("open");
  for (const call of callsByLastName(file.root, file.source, names)) {
    const fn = file.enclosingFunction(call);
    const callee = call.childForFieldName("function");
    if (!fn || !isAsyncFunction(fn) || !call.childForFieldName("arguments")) continue;
    if (!callee || (callee.type !== "identifier" && callee.type !== "attribute")) continue;
    const builtinOpen = callee.type === "identifier" && callee.text === "open";
    const qualified =
      builtinOpen && file.isBuiltin("open", callee) ? "open" : file.qualifiedName(callee);
    if (!qualified) continue;
    // The authors silenced the rule the finding cites (ruff's `# noqa: ASYNC251`): as ruff does.
    if (silencedByNoqa(file, call, ruleOf(qualified))) continue;
    if (qualified === "time.sleep") {
      const purpose = blocksOnPurpose(file, fn, call);
      if (purpose)
        out.report(
          call,
          "AS310",
          `time.sleep() in async def blocks the event loop (ruff ASYNC251), and ${purpose}: not rewritten; suppress with # asyncshift: ignore[AS310]`,
        );
      else out.findings.push(sleepFinding(asyncio, call, callee));
      continue;
    }
    const reported = reportedCall(call, callee, qualified);
    if (reported) out.report(call, reported.code, reported.message, reported.suggestion);
  }
  const plan = surveyedPlan<HelperPlan>(ctx, "blocking-calls");
  if (
    RECEIVER_WORDS.test(file.source) ||
    Object.keys(plan?.makers ?? {}).length > 0 ||
    mayCallFieldFiles(file.source, plan)
  )
    receiverCalls(file, ctx, out);
  if (THREAD_WAIT_WORDS.test(file.source))
    for (const wait of threadWaitSites(file))
      if (!silencedByNoqa(file, wait.node, "")) out.report(wait.node, "AS317", wait.message);
  if (CELERY_WORDS.test(file.source))
    for (const site of celerySites(file, ctx))
      if (!silencedByNoqa(file, site.node, ""))
        out.report(site.node, site.code, site.message, site.suggestion);
  helperFindings(file, ctx, out);
  // No inventory sites: the report lists blocking-calls among the transforms that count none.
  return { findings: out.findings };
}

/**
 * `db.scalars(...)` on a Session, `r.get(k)` on a sync redis client, `path.read_text()`,
 * `storages["exports"].save(...)`, `profile.avatar.save(...)` on a model's file field.
 */
function receiverCalls(file: FileSemantics, ctx: Context, out: FindingsReporter<Code>): void {
  const plan = surveyedPlan<HelperPlan>(ctx, "blocking-calls");
  const fieldFiles = mayCallFieldFiles(file.source, plan) ? new OrmProofs(ctx.project) : undefined;
  for (const call of file.root.descendantsOfType("call")) {
    const callee = call.childForFieldName("function");
    const fn = callee?.type === "attribute" ? file.enclosingFunction(call) : undefined;
    // `await session.execute(...)`: awaited, so not a sync client's call whatever the
    // annotation says (hazard-review-3 H5: a stale `session: Session`).
    if (!fn || !isAsyncFunction(fn) || call.parent?.type === "await") continue;
    const field = fieldFiles && fieldFileCall(file, fieldFiles, callee!, plan?.fileFields ?? {});
    const seen: Seen = {};
    const entry = field?.entry ?? blockingReceiverCall(file, callee!, plan?.makers, seen);
    const method = callee!.childForFieldName("attribute")!.text;
    const cited = entry?.rules?.[method] ?? entry?.rule ?? "";
    if (!entry || silencedByNoqa(file, call, cited)) continue;
    const receiver = callee!.childForFieldName("object")!.text;
    const rule = cited ? ` (ruff ${cited})` : "";
    const made = madeBySays(file, seen, plan, callee!.childForFieldName("object")!);
    const what = field ? `${entry.what} (${field.says})` : `${entry.what}${made?.says ?? ""}`;
    const own = entry.family === "database" ? asyncSessions(file) : "";
    const also = field ? fieldFileNote(call, method) : "";
    // What a FieldFile's open() returns is read on the loop too: the whole file work moves.
    const replacement = namedReplacement(
      field && READS_LATER.has(method)
        ? FIELD_FILE_OPEN
        : (entry.replacements?.[method] ?? entry.replacement),
      callee!.text,
    )
      .replace(/<method>/g, method)
      .replace(/<receiver>/g, receiver)
      .concat(made?.twin ?? "");
    const args = call.childForFieldName("arguments")!;
    out.report(
      call,
      FAMILY_CODES[entry.family],
      `${callee!.text}() in async def blocks the event loop${rule}: ${receiver} is ${what}${also}; use ${replacement}${own}`,
      field && READS_LATER.has(method)
        ? undefined
        : threadSuggestion(entry.replacement, callee!, args),
    );
  }
}

/**
 * What else a FieldFile's method does: `save()` and `delete()` save the instance too (a query)
 * unless `save=False`.
 */
function fieldFileNote(call: SyntaxNode, method: string): string {
  if (method !== "save" && method !== "delete") return "";
  const args = call.childForFieldName("arguments")!.namedChildren;
  const unsaved = args.some(
    (a) =>
      a.type === "keyword_argument" &&
      a.childForFieldName("name")?.text === "save" &&
      a.childForFieldName("value")?.text === "False",
  );
  return unsaved ? "" : `, and ${method}() also saves the instance (a query)`;
}

/**
 * ` (made by get_redis(), app/clients.py:11)` for a value a project factory made, and the
 * factory's async form when it makes a redis client (`redis.asyncio.Redis.from_url(...)`).
 */
function madeBySays(
  file: FileSemantics,
  seen: Seen,
  plan: HelperPlan | undefined,
  receiver: SyntaxNode,
): { says: string; twin: string } | undefined {
  const name = seen.def?.childForFieldName("name")?.text ?? seen.factory?.split(".").pop();
  const where = seen.def
    ? `line ${seen.def.startPosition.row + 1}`
    : seen.factory && plan?.factories?.[seen.factory];
  const product = seen.def
    ? (returnedProduct(file, seen.def) ?? yieldedProduct(file, seen.def))
    : seen.factory && (plan?.makers?.[seen.factory] ?? plan?.makers?.[`${YIELDS}${seen.factory}`]);
  if (!name || !where || !product) return undefined;
  const twin = product.startsWith("redis.")
    ? `: make it in ${name}() with redis.asyncio.${product.slice("redis.".length)}(...)`
    : "";
  // `get_redis().get(key)` names the factory itself: only where it is.
  const by = seen.dependency
    ? `given by Depends(${name}), `
    : receiver.type === "call"
      ? ""
      : `made by ${name}(), `;
  return { says: ` (${by}${where})`, twin };
}

const FIELD_FILE_OPEN =
  "one sync function that opens and reads the file, awaited with sync_to_async(...) (what this call returns reads the file on the loop too; Django's storage API has no async form)";

/**
 * FieldFile methods whose result is read later, on the loop: `open()` returns the file,
 * `chunks()` a generator reading as it is iterated. A thread for the call alone is no fix.
 */
const READS_LATER = new Set(["open", "chunks"]);

/** A call on a model's file field (`.avatar.save(`) with a file field known to hold it. */
const FIELD_FILE_CALL =
  /\.[\p{ID_Continue}]+\.(?:save|delete|open|read|readline|readlines|write|chunks)\s*\(/u;

function mayCallFieldFiles(source: string, plan: HelperPlan | undefined): boolean {
  if (!FIELD_FILE_CALL.test(source)) return false;
  return Object.keys(plan?.fileFields ?? {}).length > 0 || /(?:File|Image)Field\b/.test(source);
}

/** `arm.list_regions(sub)` in async def, where the helper blocks a few calls deep (AS316). */
function helperFindings(file: FileSemantics, ctx: Context, out: FindingsReporter<Code>): void {
  for (const site of helperCalls(file)) {
    const block = helperBlock(file, ctx, site);
    if (!block || silencedByNoqa(file, site.call, "")) continue;
    // `@async_dispatch(aapply)`: on the loop the call returns `aapply`'s coroutine, unless the
    // caller asks for the sync one (`_sync=True`) (hazard-review-7 Y8, prefect).
    if (
      block.dispatches &&
      !/\b_sync\s*=\s*True\b/.test(site.call.childForFieldName("arguments")?.text ?? "")
    )
      continue;
    // `get_system_text("summary_system_prompt")`, a key the helper answers before blocking.
    const plan = surveyedPlan<HelperPlan>(ctx, "blocking-calls");
    if (block.unless && passesGuardedKey(site.call, withDictKeys(block.unless, plan?.dicts)))
      continue;
    if (block.onlyWhen && passesGuardedKey(site.call, block.onlyWhen)) continue;
    // One implementation of several blocks: a test most often runs the in-memory one it set up
    // (agno's cancellation tests), so "when the object is a RedisRunCancellationManager" is
    // not said there.
    if (block.implementation && isTestPath(file.path)) continue;
    const callee = site.call.childForFieldName("function")!.text;
    const named = site.local ? asyncTwinOf(file.root, site.local) : plan?.twins?.[site.key!];
    // `return self.count_tokens(...)` inside `async def acount_tokens`: the twin is this very
    // function, and awaiting it would recurse for ever (hazard-review-7 Y5, agno).
    const enclosing = file.enclosingFunction(site.call)?.childForFieldName("name")?.text;
    const twin = twinSays(callee, named === enclosing ? undefined : named);
    const when = block.implementation ? ` (when the object is ${block.implementation})` : "";
    if (block.refuses) {
      // `with pytest.raises(RuntimeError): run_async_safe(...)`: a test that the bridge refuses.
      if (expectedToRaise(site.call)) continue;
      out.report(
        site.call,
        "AS319",
        `${callee}() fails on the event loop (the AS405 hazard, reached through helpers): ${refusalSays(block, file.path)}${when}; run it in a thread (await asyncio.to_thread(${callee}, ...)), where no loop runs, or await the async API it bridges to${twin}`,
      );
      continue;
    }
    out.report(
      site.call,
      "AS316",
      `${callee}() blocks the event loop: it calls ${blockSays(block, file.path, callee)}${when}; run it in a thread (await asyncio.to_thread(${callee}, ...)) or give it an async form${twin}`,
    );
  }
}

/** Inside `with pytest.raises(...)` (or unittest's `self.assertRaises(...)`): meant to raise. */
function expectedToRaise(call: SyntaxNode): boolean {
  for (let at = call.parent; at && at.type !== "function_definition"; at = at.parent)
    if (
      at.type === "with_statement" &&
      /^with\s+\(?\s*(?:pytest\.raises|self\.assertRaises\w*)\(/.test(at.text)
    )
      return true;
  return false;
}

/**
 * `; this module has one: AsyncSessionLocal (an async_sessionmaker, line 12)`: the project's own
 * AsyncSession factory, when the module makes one.
 */
function asyncSessions(file: FileSemantics): string {
  for (const statement of file.root.namedChildren) {
    const assignment =
      statement.type === "expression_statement" ? statement.namedChildren[0] : null;
    const right = assignment?.type === "assignment" ? assignment.childForFieldName("right") : null;
    const fn = right?.type === "call" ? right.childForFieldName("function") : null;
    const left = assignment?.childForFieldName("left");
    if (
      fn &&
      left?.type === "identifier" &&
      file.qualifiedName(fn) === "sqlalchemy.ext.asyncio.async_sessionmaker"
    )
      return `; this module makes one: ${left.text} (an async_sessionmaker, line ${statement.startPosition.row + 1})`;
  }
  return "";
}

/** time.sleep in async def: the rewrite to asyncio.sleep (a safe fix), or why it cannot be made. */
function sleepFinding(asyncio: ModuleAccess, call: SyntaxNode, callee: SyntaxNode): Finding {
  const sleep = sleepRewrite(asyncio, call, callee);
  if ("message" in sleep) return diagnosticAt(meta, call, "AS310", sleep.message, sleep.suggestion);
  return {
    ...diagnosticAt(
      meta,
      call,
      "AS310",
      "time.sleep() in async def blocks the event loop (ruff ASYNC251): rewritten to await asyncio.sleep()",
    ),
    fix: {
      applicability: "safe",
      edits: sleep.edits,
      dropped: [sleep.gone],
      ...(sleep.uses ? {} : { imports: [{ module: "asyncio", at: call }] }),
    },
  };
}

/** The sync helpers of other files that async defs call, read for blocking calls (helpers.ts). */
export const survey = helperSurvey;
