import { siteKey } from "../../src/model/function-key.js";
import { fromModuleName } from "../../src/python/shapes.js";
import type { Edit, NeededImport, ReplacedName, SyntaxNode } from "../../src/model/types.js";
import { awaitedCall, twinInsertion } from "./chain-plan.js";
import { orderedCalls, projectTwinEdits } from "./chain-facts.js";
import { chainFunction, nameOf } from "./chains.js";
import { chainKey, plainFunctions, projectPlan } from "./cross-calls.js";
import { rewrittenText } from "./rewrite.js";
import { wrapperWritten } from "./chain-arguments.js";
import { fixOf, lineOf, recordBlocked, report } from "./state.js";
import type {
  ChainCall,
  ChainPlan,
  CrossCall,
  DecoratedAnalysis,
  OrmFile,
  ProjectChainPlan,
  ScannedFile,
  WrappedCross,
  WrapperDecision,
} from "./types.js";

// Chains across files (issue 15, part 1), the rewrite's side: each file does what the project's
// chain plan decided (see project-chains.ts). A converting wrapper awaits the async twins of the
// functions it calls; a function the plan twins gets its twin added below it in its own file.

type AnyCall = ChainCall | CrossCall;

function targetOf(f: OrmFile, c: AnyCall): string {
  return "def" in c ? chainKey(f, c.def) : c.target;
}

/** A call to a function that does no ORM or I/O work (D6): it stays a plain call. */
function callsPure(f: OrmFile, plan: ProjectChainPlan, c: AnyCall): boolean {
  return plan.pure?.includes(targetOf(f, c)) ?? false;
}

/** `helper(x)` -> `await ahelper(x)` for every call. */
function awaitedTwins(f: OrmFile, plan: ProjectChainPlan, calls: AnyCall[]): Edit[] {
  return calls.flatMap((c) => awaitedCall(c.call, c.callee, plan.twins[targetOf(f, c)]));
}

/**
 * The imports the twins' names need; `replacing`: a twin's import may take the place of the
 * sync name's (the caller converts).
 */
function twinImports(
  f: OrmFile,
  plan: ProjectChainPlan,
  calls: AnyCall[],
  replacing: boolean,
): NeededImport[] {
  return calls.flatMap((c) => {
    const twin = plan.twins[targetOf(f, c)];
    if (!("binding" in c) || !c.binding || !twin) return [];
    // Through a package's re-export: from the module defining the function.
    const module = c.importFrom ?? fromModuleName(c.binding.statement);
    const place = replacing ? { replaces: c.binding } : c.importFrom ? { beside: c.binding } : {};
    return [{ module, name: twin, at: c.call, ...place }];
  });
}

/** What a test patching the sync names should know: the module now awaits their twins. */
function replacedByTwins(f: OrmFile, plan: ProjectChainPlan, calls: AnyCall[]): ReplacedName[] {
  return calls.flatMap((c) => {
    const twin = plan.twins[targetOf(f, c)];
    const written = c.call.childForFieldName("function");
    if (!twin || !written || !/^[\w.]+$/.test(written.text)) return [];
    const local = written.text;
    const by = `${local.slice(0, local.length - c.callee.text.length)}${twin}`;
    const qualified = targetOf(f, c).replace(":", ".");
    return [{ qualified, local, by, awaited: true as const, twin: true as const }];
  });
}

function twinNames(f: OrmFile, plan: ProjectChainPlan, calls: AnyCall[]): string {
  return [...new Set(calls.map((c) => plan.twins[targetOf(f, c)]).filter(Boolean))].join(", ");
}

function recordConverting(f: OrmFile, site: SyntaxNode, name: string, twins: string) {
  f.out.sites.push({
    kind: "sync_to_async",
    context: "convertible",
    detail: `converts through calls across files (chain): ${name} -> ${twins}`,
    start: site.startIndex,
  });
}

function reportBlocked(
  f: OrmFile,
  decision: Extract<WrapperDecision, { blocker: unknown }>,
  calls: AnyCall[],
  site: SyntaxNode,
  kept: string,
) {
  const node = calls[decision.via]?.call ?? site;
  recordBlocked(f, site, { ...decision.blocker, node });
  report(f, node, decision.blocker.code, `${kept}: ${decision.blocker.message}`);
}

/**
 * A decorated wrapper whose chain reaches another file: converted or kept as the plan decided.
 * False when the plan has no word on it (the wrapper is then reported as any other).
 */
export function crossDecorated(f: OrmFile, a: DecoratedAnalysis): boolean {
  const plan = projectPlan(f);
  const decision = plan?.wrappers[chainKey(f, a.def)];
  if (!plan || !decision || "noOrm" in decision) return false;
  const calls = orderedCalls(a.chainCalls, a.crossCalls);
  const name = nameOf(a.def);
  if ("blocker" in decision) {
    reportBlocked(f, decision, calls, a.decorator, `@${a.callee.text} wrapper ${name}() kept`);
    return true;
  }
  const twinned = calls.filter((c) => !callsPure(f, plan, c));
  // Every other call must await a twin the plan adds: the text may have changed since the survey.
  if (twinned.some((c) => !plan.twins[targetOf(f, c)])) return false;
  const awaited = awaitedTwins(f, plan, twinned);
  const fix = fixOf("safe", [...a.edits, ...awaited], a.findings.conversions, [
    a.callee,
    ...a.crossCalls.flatMap((c) => (c.binding && !callsPure(f, plan, c) ? [c.callee] : [])),
  ]);
  fix.imports = [...(fix.imports ?? []), ...twinImports(f, plan, twinned, true)];
  fix.replaces = [...(fix.replaces ?? []), ...replacedByTwins(f, plan, twinned)];
  const names = twinNames(f, plan, twinned);
  recordConverting(f, a.decorator, name, names);
  const suggestion = rewrittenText(f.source, a.def, [
    ...a.edits.filter((e) => e.start >= a.def.startIndex),
    ...awaited,
  ]);
  const twins = names
    ? ` with the project functions it calls, whose ORM work has native async forms on proven receivers: it awaits their async twins (${names}), added beside them`
    : ": its ORM work has native async forms on proven receivers";
  report(
    f,
    a.decorator,
    "AS210",
    `@${a.callee.text} wrapper ${name}() converts${twins}${pureNames(f, plan, calls)}; converted to async def`,
    suggestion,
    fix,
  );
  return true;
}

/** `; it calls x() and y() as they are: they do no ORM or I/O work`, or "" (D6). */
export function pureCallsNote(names: readonly string[]): string {
  const unique = [...new Set(names)].map((n) => `${n}()`);
  if (unique.length === 0) return "";
  const list =
    unique.length === 1 ? unique[0] : `${unique.slice(0, -1).join(", ")} and ${unique.at(-1)}`;
  return `; it calls ${list} as ${unique.length === 1 ? "it is: it does" : "they are: they do"} no ORM or I/O work`;
}

function pureNames(f: OrmFile, plan: ProjectChainPlan, calls: AnyCall[]): string {
  return pureCallsNote(calls.filter((c) => callsPure(f, plan, c)).map((c) => c.callee.text));
}

/** `sync_to_async(helper)(...)` whose chain reaches another file; false when not one planned. */
export function crossWrapped(f: ScannedFile, ref: SyntaxNode): boolean {
  const all = f.wrappedCross;
  const n = all.findIndex((w) => w.wrap.childForFieldName("function")?.id === ref.id);
  const plan = projectPlan(f);
  const decision = plan?.wrappers[siteKey(f.file.module ?? "", n)];
  if (n < 0 || !plan || !decision || "noOrm" in decision) return false;
  const w = all[n];
  const name = `${wrapperWritten(w.wrap)}(${w.helper.text})`;
  if (w.nested) return crossNested(f, ref, w, w.nested, decision, plan);
  if ("blocker" in decision) {
    reportBlocked(f, decision, [{ ...w, target: w.target }], w.call, `${name} kept`);
    return true;
  }
  const twin = plan.twins[w.target];
  if (!twin) return false;
  // `sync_to_async(lambda: services.reserve(pk))()` keeps the lambda's call, awaited.
  const edits: Edit[] = [
    { start: w.call.startIndex, end: (w.inner ?? w.helper).startIndex, text: "" },
    { start: w.callee.startIndex, end: w.callee.endIndex, text: twin },
    w.inner
      ? { start: w.inner.endIndex, end: w.call.endIndex, text: "" }
      : { start: w.helper.endIndex, end: w.wrap.endIndex, text: "" },
  ];
  const fix = fixOf("safe", edits, [], [ref, ...(w.binding ? [w.callee] : [])]);
  fix.imports = twinImports(f, plan, [w], true);
  const helper = w.inner?.childForFieldName("function") ?? w.helper;
  if (/^[\w.]+$/.test(helper.text))
    fix.replaces = [
      {
        qualified: w.target.replace(":", "."),
        local: helper.text,
        by: `${helper.text.slice(0, helper.text.length - w.callee.text.length)}${twin}`,
        awaited: true,
        twin: true,
      },
    ];
  recordConverting(f, w.call, name, twin);
  report(
    f,
    w.call,
    "AS210",
    `${name} runs a project function whose chain of calls converts to Django's native async ORM: its async twin ${twin} (${plan.existing.includes(w.target) ? "already defined" : "added"} beside it${w.importFrom ? ` in ${w.importFrom}, and imported from there: the package re-exports only the sync name` : ""}) is called directly`,
    rewrittenText(f.source, w.call, edits),
    fix,
  );
  return true;
}

/**
 * orm-review-8 S13: `sync_to_async(load_blocking)()` of a nested def whose calls reach other
 * files, as the plan decided: the def becomes `async def` in place (its one use is this call),
 * awaiting its ORM work and the twins of the functions it calls, and the call loses its wrapper.
 */
function crossNested(
  f: ScannedFile,
  ref: SyntaxNode,
  w: WrappedCross,
  def: SyntaxNode,
  decision: Exclude<WrapperDecision, { noOrm: true }>,
  plan: ProjectChainPlan,
): boolean {
  const fn = chainFunction(f, def);
  const calls = orderedCalls(fn.calls, fn.cross);
  const name = `${wrapperWritten(w.wrap)}(${w.helper.text})`;
  if ("blocker" in decision) {
    reportBlocked(f, decision, calls, w.call, `${name} kept`);
    return true;
  }
  const twinned = calls.filter((c) => !callsPure(f, plan, c));
  if (twinned.some((c) => !plan.twins[targetOf(f, c)])) return false;
  const unwrap: Edit[] = [
    { start: w.call.startIndex, end: w.helper.startIndex, text: "" },
    { start: w.helper.endIndex, end: w.wrap.endIndex, text: "" },
  ];
  const own = projectTwinEdits(
    f,
    def,
    (c) => plan.twins[targetOf(f, c)],
    (c) => callsPure(f, plan, c),
  );
  const fix = fixOf("safe", [...own, ...unwrap], fn.findings.conversions, [
    ref,
    ...fn.cross.flatMap((c) => (c.binding && !callsPure(f, plan, c) ? [c.callee] : [])),
  ]);
  fix.imports = [...(fix.imports ?? []), ...twinImports(f, plan, twinned, true)];
  fix.replaces = [...(fix.replaces ?? []), ...replacedByTwins(f, plan, twinned)];
  const names = twinNames(f, plan, twinned);
  recordConverting(f, w.call, name, names);
  const twins = names
    ? `, awaiting the async twins of the project functions it calls (${names})`
    : "";
  report(
    f,
    w.call,
    "AS210",
    `${name} runs ${nameOf(def)}() (line ${lineOf(def)}), defined here and named only by this call, whose chain of calls converts to Django's native async ORM: it becomes an async def in place${twins}${pureNames(f, plan, calls)}, and is awaited without the wrapper`,
    rewrittenText(f.source, def, own),
    fix,
  );
  return true;
}

/**
 * The twins the plan gives this file's functions, but those the file's own chain plan already
 * adds (a wrapper of this file reaching the same function).
 */
export function projectTwins(f: OrmFile, local: ChainPlan): void {
  const plan = projectPlan(f);
  if (!plan || Object.keys(plan.twins).length === 0) return;
  const addedHere = new Set(
    local.converting.length > 0
      ? local.reached.filter((r) => local.twins.has(r.def.id)).map((r) => r.def.id)
      : [],
  );
  for (const def of plainFunctions(f)) {
    const key = chainKey(f, def);
    const twin = plan.twins[key];
    if (!twin || addedHere.has(def.id) || plan.existing.includes(key)) continue;
    const fn = chainFunction(f, def);
    const calls = orderedCalls(fn.calls, fn.cross).filter((c) => !callsPure(f, plan, c));
    const renamed = localImportRenames(f, plan, def, calls);
    const own = [
      ...projectTwinEdits(
        f,
        def,
        (c) => plan.twins[targetOf(f, c)],
        (c) => callsPure(f, plan, c),
      ),
      ...renamed.edits,
    ];
    // The sync function stays as it is: nothing it names is dropped.
    const needs = fn.findings.conversions.flatMap((c) => (c.needs ? [c.needs] : []));
    const imported = calls.filter((c) => !renamed.calls.has(c.call.id));
    const imports = [...needs, ...twinImports(f, plan, imported, false)];
    report(
      f,
      def.childForFieldName("name")!,
      "AS214",
      `${nameOf(def)}() is reached by a chain of calls converted in another file; it keeps its sync form for its other callers, and its async twin ${twin} is added below it`,
      undefined,
      {
        applicability: "safe",
        edits: [twinInsertion(f, def, own, twin)],
        ...(imports.length > 0 ? { imports } : {}),
      },
    );
  }
}

/**
 * A twin's callees that its sync form imports inside its body (`from mcp_servers.services import
 * deduped_pool_rows` in a def, often to break an import cycle: daiv's `mcp_servers.selection`):
 * the twin's copy of that import names the callee's twin instead, rather than a module-level
 * import that would bring the cycle back. Only when the name serves nothing else in the def than
 * the calls the twin awaits under the twin's name.
 */
function localImportRenames(
  f: OrmFile,
  plan: ProjectChainPlan,
  def: SyntaxNode,
  calls: AnyCall[],
): { edits: Edit[]; calls: Set<number> } {
  const edits: Edit[] = [];
  const renamed = new Set<number>();
  const body = def.childForFieldName("body");
  for (const c of calls) {
    const twin = plan.twins[targetOf(f, c)];
    const binding = "binding" in c ? c.binding : undefined;
    const item = binding?.item;
    if (!twin || !item || !body || item.type !== "dotted_name") continue;
    if (item.startIndex < body.startIndex || item.endIndex > body.endIndex) continue;
    const local = binding.local;
    const twinned = new Set(
      calls.filter((o) => "binding" in o && o.binding?.item.id === item.id).map((o) => o.callee.id),
    );
    const uses = body
      .descendantsOfType("identifier")
      .filter(
        (n) => n.text === local && !item.descendantsOfType("identifier").some((i) => i.id === n.id),
      );
    if (!uses.every((n) => twinned.has(n.id))) continue;
    if (!renamed.has(c.call.id) && !edits.some((e) => e.start === item.startIndex))
      edits.push({ start: item.startIndex, end: item.endIndex, text: twin });
    renamed.add(c.call.id);
  }
  return { edits, calls: renamed };
}
