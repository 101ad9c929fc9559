import { relative } from "node:path";
import { callsNamed } from "../../src/project/index-lookup.js";
import { functionKey, siteKey } from "../../src/model/function-key.js";
import { reexportSource } from "../../src/project/reexports.js";
import { isAwaitedForm } from "../../src/python/async-forms.js";
import { isAsyncFunction } from "../../src/python/shapes.js";
import type { Context, Edit, FileSemantics, SyntaxNode } from "../../src/model/types.js";
import { awaitedCall } from "./chain-plan.js";
import { twinName } from "./chain-planner.js";
import { awaitedEdits, rewrittenText } from "./rewrite.js";
import { chainFunction, nameOf, ownProblems, reachesOtherFiles } from "./chains.js";
import { chainKey, plainFunctions } from "./cross-calls.js";
import {
  enclosingDef,
  parameterFacts,
  passesOf,
  syncOnlyOrmCalls,
  unprovenParameter,
  withPasses,
  wrapperWritten,
} from "./chain-arguments.js";
import { analyseDecorated } from "./decorated.js";
import { namedBlocker } from "./blocker-choice.js";
import { returnAsks } from "./project-returns.js";
import { CALLERS, RETURNS, callersAnswer, returnsAnswer } from "./caller-proofs.js";
import { hasOpenParameters } from "./pure-helpers.js";
import { identifierCounts, lineOf, newOrmFile } from "./state.js";
import { scanFile } from "./file-facts.js";
import { findSites, NO_SITES } from "./sites.js";
import type {
  ChainCall,
  ChainFacts,
  ChainLink,
  CrossCall,
  FunctionFacts,
  OrmFile,
  ScannedFile,
  WrapperFacts,
} from "./types.js";

// What one file tells the project's chain plan (the survey's facts, worker side): its plain
// functions and methods, what keeps each sync and whom each calls, and its wrappers whose chain
// reaches another file.

/** A chain's calls in source order, local and across files: the order the plan's `via` counts. */
export function orderedCalls(
  local: readonly ChainCall[],
  cross: readonly CrossCall[],
): (ChainCall | CrossCall)[] {
  return [...local, ...cross].sort((a, b) => a.call.startIndex - b.call.startIndex);
}

function linksOf(
  f: OrmFile,
  local: ChainCall[],
  cross: CrossCall[],
  caller: SyntaxNode,
): ChainLink[] {
  return orderedCalls(local, cross).map((c) => ({
    target: "def" in c ? chainKey(f, c.def) : c.target,
    line: lineOf(c.call),
    ...withPasses(passesOf(f, c.call, caller)),
  }));
}

function functionFacts(
  f: OrmFile,
  def: SyntaxNode,
  names: () => ReadonlyMap<string, number>,
): FunctionFacts {
  const fn = chainFunction(f, def);
  const crossIds = new Set(fn.cross.map((c) => c.call.id));
  const own = fn.problems.filter((p) => !crossIds.has(p.node.id));
  const factOf = (p: (typeof own)[number]) => ({
    code: p.code,
    line: lineOf(p.node),
    message: p.message,
  });
  // orm-human-6 G3: unproven parameters only, lifted for a call passing proven instances.
  const calls = new Set(own.map((p) => p.node.id));
  // orm-review-7 W2: a def its own file calls has no parameter lifted, and keeps its blocker
  // (an empty list of parameters must not read as "every blocker is a parameter").
  const params = calledFromOtherFilesOnly(f, def)
    ? own.map((p) => unprovenParameter(def, p, calls))
    : own.map(() => undefined);
  const onlyParams = own.length > 0 && params.every((param) => param !== undefined);
  const blocker = onlyParams ? undefined : namedBlocker(f, own);
  const paramNames = params.map((param) => param?.name);
  const instanceParams = onlyParams
    ? [...new Set(paramNames as string[])].map((name) => {
        const { reads } = params[paramNames.indexOf(name)]!;
        return {
          name,
          blocker: factOf(own[paramNames.indexOf(name)]),
          ...(reads.length > 0 ? { reads } : {}),
        };
      })
    : [];
  return {
    key: chainKey(f, def),
    name: nameOf(def),
    path: f.file.path,
    line: lineOf(def),
    ...(blocker ? { blocker: factOf(blocker) } : {}),
    ...(instanceParams.length > 0 ? { instanceParams } : {}),
    calls: linksOf(f, fn.calls, fn.cross, def),
    ormSites: fn.findings.ormSites + syncOnlyOrmCalls(f, def),
    ...(hasOpenParameters(def) ? { openParameters: true as const } : {}),
    ...parameterFacts(def),
    ...twinState(f, def, names),
  };
}

/**
 * Whether no call of the project in `def`'s own file names it (the file's own chains are planned
 * apart: the plan's proof of its parameters is read only where they are not, see plannedInstance).
 */
function calledFromOtherFilesOnly(f: OrmFile, def: SyntaxNode): boolean {
  const index = f.ctx.project.index;
  if (!index) return false;
  const here = relative(index.root, f.absolutePath).split("\\").join("/");
  return !callsNamed(index, nameOf(def)).some((c) => c.path === here);
}

/**
 * The text of `def`'s async twin as a chain across files writes it (every function it calls
 * twinned too), with the edits its own calls need.
 */
export function projectTwinText(f: OrmFile, def: SyntaxNode, own: Edit[]): string {
  const name = def.childForFieldName("name")!;
  const holder = def.parent?.type === "decorated_definition" ? def.parent : def;
  return rewrittenText(f.source, holder, [
    ...own,
    { start: name.startIndex, end: name.endIndex, text: twinName(nameOf(def)) },
  ]).replace(/\r$/, "");
}

/** `def`'s own edits in its twin: `async`, the awaited native forms, the awaited twins. */
export function projectTwinEdits(
  f: OrmFile,
  def: SyntaxNode,
  twinOf: (c: ChainCall | CrossCall) => string | undefined,
  pure: (c: ChainCall | CrossCall) => boolean = () => false,
): Edit[] {
  const fn = chainFunction(f, def);
  return [
    { start: def.startIndex, end: def.startIndex, text: "async " },
    ...fn.findings.conversions.flatMap(awaitedEdits),
    ...orderedCalls(fn.calls, fn.cross).flatMap((c) =>
      pure(c) ? [] : awaitedCall(c.call, c.callee, twinOf(c)),
    ),
  ];
}

/**
 * Whether the twin's name is taken in its file, and whether by the very twin a chain across files
 * would add (written by a run stopped before the files calling it were): then it is used as is.
 */
function twinState(
  f: OrmFile,
  def: SyntaxNode,
  names: () => ReadonlyMap<string, number>,
): Pick<FunctionFacts, "twinTaken" | "twinExists" | "twinEquivalent"> {
  const twin = twinName(nameOf(def));
  const holder = def.parent?.type === "decorated_definition" ? def.parent : def;
  const scope = holder.parent?.type === "block" ? holder.parent.parent! : f.root;
  const bound = f.file.bindingsNamed(scope, twin);
  const other = bound.length === 1 ? bound[0].node.parent : undefined;
  const calleeTwin = (c: ChainCall | CrossCall) =>
    twinName("def" in c ? nameOf(c.def) : c.target.slice(c.target.lastIndexOf(":") + 1));
  if (
    other?.type === "function_definition" &&
    other.text === projectTwinText(f, def, projectTwinEdits(f, def, calleeTwin))
  )
    return { twinTaken: false, twinExists: true };
  if (other?.type === "function_definition" && isAsyncFunction(other) && isAwaitedForm(def, other))
    return { twinTaken: false, twinExists: true, twinEquivalent: true };
  return { twinTaken: names().has(twin) };
}

/**
 * A decorated module-level def (`@no_type_check def get_object_or_exception`), which the chain
 * does not follow, beside its awaited form under the same decorators (N10): that one is awaited.
 */
function decoratedWithTwin(f: OrmFile, key: string): FunctionFacts | undefined {
  const name = key.slice(key.indexOf(":") + 1);
  const defOf = (n: string) => {
    const bound = f.file.bindingsNamed(f.root, n);
    const def = bound.length === 1 ? bound[0].node.parent : undefined;
    const holder = def?.parent?.type === "decorated_definition" ? def.parent : def;
    return def?.type === "function_definition" && holder?.parent?.type === "module"
      ? def
      : undefined;
  };
  const def = /^\w+$/.test(name) ? defOf(name) : undefined;
  const twin = def && !isAsyncFunction(def) ? defOf(twinName(name)) : undefined;
  if (!def || !twin || !isAsyncFunction(twin) || !isAwaitedForm(def, twin)) return undefined;
  return {
    key,
    name,
    path: f.file.path,
    line: lineOf(def),
    calls: [],
    ormSites: 0,
    twinTaken: false,
    twinExists: true,
    twinEquivalent: true,
  };
}

function decoratedFacts(f: ScannedFile, def: SyntaxNode): WrapperFacts | undefined {
  const a = analyseDecorated(f, def);
  if (!a || !reachesOtherFiles(f, a.chainCalls, a.crossCalls)) return undefined;
  if (ownProblems(a).length > 0) return undefined;
  return {
    key: chainKey(f, def),
    name: nameOf(def),
    path: f.file.path,
    line: lineOf(def),
    calls: linksOf(f, a.chainCalls, a.crossCalls, def),
    orm: a.findings.ormSites > 0,
  };
}

/**
 * The survey's facts of one file: in the first round its wrappers whose chain reaches another
 * file, with the functions of the file they reach; later, the functions `wanted` (keys) and
 * those of the file they reach. Only those: a large module's other functions are not scanned.
 */
export function chainFacts(
  file: FileSemantics,
  ctx: Context,
  asked?: readonly string[],
): ChainFacts {
  // The survey names its file by the project-relative path.
  const base = newOrmFile(file, ctx, "root");
  const questions = asked?.filter((w) => w.startsWith("?")) ?? [];
  const wanted = asked?.filter((w) => !w.startsWith("?"));
  const defs = new Map(plainFunctions(base).map((def) => [chainKey(base, def), def]));
  // A later round asks only for functions: the file's wrappers were sent in the first.
  const sites = wanted ? NO_SITES : findSites(base, false);
  const f = scanFile(
    base,
    sites,
    wanted?.flatMap((key) => defs.get(key) ?? []),
  );
  const wrappers = wanted ? [] : wrappersOf(f);
  // orm-human-7 K7: the project functions whose values this file binds, asked of their files.
  const wantsReturns = wanted ? [] : returnAsks(f);
  const probes = wanted ? [] : probesOf(f);
  const names = identifierCounts(f);
  const functions = new Map<string, FunctionFacts>();
  const visit = (key: string) => {
    const def = defs.get(key);
    if (!def || functions.has(key)) return;
    const facts = functionFacts(f, def, names);
    functions.set(key, facts);
    for (const c of facts.calls) visit(c.target);
  };
  const roots = [...wrappers.flatMap((w) => w.calls), ...probes].map((c) => c.target);
  for (const key of wanted ?? roots) visit(key);
  for (const key of wanted ?? []) {
    const decorated = defs.has(key) ? undefined : decoratedWithTwin(f, key);
    if (decorated) functions.set(key, decorated);
  }
  const reexports = reexportsOf(file, wanted?.filter((key) => !defs.has(key)) ?? []);
  return {
    functions: [...functions.values()],
    wrappers,
    ...(reexports ? { reexports } : {}),
    ...(probes.length > 0 ? { probes } : {}),
    ...answers(f, questions),
    ...(wantsReturns.length > 0 ? { wantsReturns } : {}),
  };
}

/** orm-human-6 G3b: the answers to the plan's questions of this file (caller-proofs.ts). */
function answers(
  f: OrmFile,
  questions: readonly string[],
): Pick<ChainFacts, "returns" | "callers"> {
  if (questions.length === 0) return {};
  const returns: NonNullable<ChainFacts["returns"]> = {};
  const callers: NonNullable<ChainFacts["callers"]> = [];
  for (const q of questions) {
    if (q.startsWith(RETURNS))
      returns[q.slice(RETURNS.length)] = returnsAnswer(f, q.slice(RETURNS.length));
    else if (q.startsWith(CALLERS))
      callers.push({
        question: q,
        path: f.file.path,
        passes: callersAnswer(f, q.slice(CALLERS.length)),
      });
  }
  return {
    ...(Object.keys(returns).length > 0 ? { returns } : {}),
    ...(callers.length > 0 ? { callers } : {}),
  };
}

/**
 * The names asked of a package's `__init__.py` that it does not define: where it imports each
 * from (`from .stock import reserve_stock as reserve`), or "" when it binds it otherwise.
 */
function reexportsOf(
  file: FileSemantics,
  keys: readonly string[],
): Record<string, string> | undefined {
  // `module:name`, not a method's `module:Class.name`.
  const plain = keys.filter((key) => /^[^:]+:[^.]+$/.test(key));
  if (plain.length === 0) return undefined;
  return Object.fromEntries(
    plain.map((key) => {
      const from = reexportSource(
        file.source,
        file.module,
        file.path,
        key.slice(key.indexOf(":") + 1),
      );
      const dot = from?.lastIndexOf(".") ?? -1;
      return [key, from && dot > 0 ? functionKey(from.slice(0, dot), from.slice(dot + 1)) : ""];
    }),
  );
}

/**
 * orm-review-4 P3: the calls of decorated wrappers kept for their own blockers (AS203, AS201,
 * ...) whose chain reaches another file: surveyed only to say which helpers are pure.
 */
function probesOf(f: ScannedFile): ChainLink[] {
  return f.sites.decoratedDefs.flatMap((def) => {
    const a = analyseDecorated(f, def);
    if (!a || ownProblems(a).length === 0) return [];
    return reachesOtherFiles(f, a.chainCalls, a.crossCalls)
      ? linksOf(f, a.chainCalls, a.crossCalls, def)
      : [];
  });
}

/** The file's wrappers whose chain reaches another file. */
function wrappersOf(f: ScannedFile): WrapperFacts[] {
  const wrappers = f.sites.decoratedDefs.flatMap((def) => decoratedFacts(f, def) ?? []);
  for (const [n, w] of f.wrappedCross.entries()) {
    if (w.nested) {
      const nested = nestedFacts(f, w.nested, siteKey(f.file.module ?? "", n), w);
      if (nested) wrappers.push(nested);
      continue;
    }
    wrappers.push({
      key: siteKey(f.file.module ?? "", n),
      name: `${wrapperWritten(w.wrap)}(${w.helper.text})`,
      path: f.file.path,
      line: lineOf(w.call),
      calls: [
        {
          target: w.target,
          line: lineOf(w.call),
          ...withPasses(passesOf(f, w.inner ?? w.call, enclosingDef(w.call))),
        },
      ],
      orm: false,
    });
  }
  return wrappers;
}

/**
 * orm-review-8 S13: `sync_to_async(load_blocking)()` of a def nested in the caller whose calls
 * reach other files: the nested def stands as the wrapper's body, as a decorated def's does,
 * when nothing of its own keeps it sync.
 */
function nestedFacts(
  f: ScannedFile,
  def: SyntaxNode,
  key: string,
  w: { wrap: SyntaxNode; helper: SyntaxNode },
): WrapperFacts | undefined {
  const fn = chainFunction(f, def);
  const cross = new Set(fn.cross.map((c) => c.call.id));
  if (fn.problems.some((p) => !cross.has(p.node.id))) return undefined;
  return {
    key,
    name: `${wrapperWritten(w.wrap)}(${w.helper.text})`,
    path: f.file.path,
    line: lineOf(def),
    calls: linksOf(f, fn.calls, fn.cross, def),
    orm: fn.findings.ormSites > 0,
  };
}
