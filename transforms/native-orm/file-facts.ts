import type { SyntaxNode } from "../../src/model/types.js";
import { chainFunctionsFrom, isNestedDef, reachesOrmWork, reachesOtherFiles } from "./chains.js";
import {
  chainKey,
  crossTargetOf,
  inheritedTarget,
  plainFunctions,
  projectPlan,
} from "./cross-calls.js";
import { decoratedAnalysis, isThreadWrapper } from "./decorated.js";
import { scan } from "./scan.js";
import type {
  AsyncBody,
  ChainedWrapper,
  OrmFile,
  OrmSites,
  ScannedFile,
  WrappedCross,
} from "./types.js";
import { localTarget, wrappedHelper } from "./wrapped-cross.js";
import { modelMethodTarget } from "./model-methods.js";
import { managerMethodTarget } from "./chain-managers.js";
import { unawaitedUse } from "./wrappers.js";
import { wrapperWritten } from "./chain-arguments.js";
import { callArguments } from "../../src/python/calls.js";

// Stage 2, the scan: every per-file fact the chain planner and the reporters ask, built here in
// one step from the sites, in the order they depend on each other, and never changed afterwards.

/** `sync_to_async(helper)(...)` of the file, with `helper` as a def of this file if it is one. */
interface WrappedHelper {
  outer: SyntaxNode;
  wrap: SyntaxNode;
  target: SyntaxNode;
  local?: { def: SyntaxNode; callee: SyntaxNode };
}

/**
 * The file scanned: its decorated wrappers analysed, the functions their chains reach (and those
 * `wanted` by the survey, and those the project's plan twins here) scanned, its wrapped helper
 * calls sorted into chains within the file and chains reaching others, its async bodies scanned.
 */
export function scanFile(
  f: OrmFile,
  sites: OrmSites,
  wanted: readonly SyntaxNode[] = [],
): ScannedFile {
  const comments = sites.decoratedDefs.length > 0 ? f.root.descendantsOfType("comment") : [];
  const analyses = sites.decoratedDefs.map((def) => decoratedAnalysis(f, def, comments));
  const helpers = sites.refs.flatMap((ref): WrappedHelper[] => {
    const w = wrappedHelper(f, ref);
    const local = w && localTarget(f, w.target);
    return w ? [{ ...w, ...(local ? { local } : {}) }] : [];
  });
  const roots = [
    ...analyses.flatMap((a) => a?.chainCalls.map((c) => c.def) ?? []),
    ...helpers.flatMap((h) => (h.local ? [h.local.def] : [])),
    ...twinnedByProject(f),
    ...wanted,
  ];
  // The functions chains reach come first: whether a wrapper is an ORM site depends on them.
  const reached = { ...f, chainFunctions: chainFunctionsFrom(f, roots) };
  const decorated = new Map(
    sites.decoratedDefs.map((def, i) => {
      const a = analyses[i];
      return [def.id, a && !isThreadWrapper(reached, a) ? a : undefined] as const;
    }),
  );
  return {
    ...reached,
    sites,
    decorated,
    wrappedChains: helpers.flatMap((h) => wrappedChain(reached, h) ?? []),
    wrappedCross: helpers.flatMap((h) => wrappedCross(reached, h) ?? []),
    asyncBodies: sites.asyncDefs.flatMap((def): AsyncBody[] => {
      const body = def.childForFieldName("body");
      return body ? [{ def, findings: scan(f, body, "async") }] : [];
    }),
  };
}

/** The plain functions of this file the project's chain plan gives an async twin. */
function twinnedByProject(f: OrmFile): SyntaxNode[] {
  const twins = projectPlan(f)?.twins;
  if (!twins || Object.keys(twins).length === 0) return [];
  return plainFunctions(f).filter((def) => twins[chainKey(f, def)] !== undefined);
}

/**
 * `sync_to_async(helper)(...)` of a plain def of this file whose chain stays in the file and
 * reaches ORM work (else a thread wrapper, as a decorated one would be).
 */
function wrappedChain(f: OrmFile, h: WrappedHelper): ChainedWrapper | undefined {
  // Dropped or tested unawaited: kept where it stands (report-sites.ts), its helper left sync.
  if (!h.local || unawaitedUse(h.outer)) return undefined;
  const calls = [{ call: h.outer, ...h.local }];
  if (!reachesOrmWork(f, calls) || reachesOtherFiles(f, calls, [])) return undefined;
  const name = `${wrapperWritten(h.wrap)}(${h.target.text})`;
  return { def: h.outer, name, calls, unwrap: h.wrap };
}

/**
 * `sync_to_async(helper)(...)` whose chain reaches another file: `helper` a function of another
 * module, or of this file calling one (`sync_to_async(self.helper)` of a mixin or base imported
 * from another module too). Found the same way by the survey and by the rewrite, so that the
 * n-th of a file is the same wrapper for both.
 */
function wrappedCross(f: OrmFile, h: WrappedHelper): WrappedCross | undefined {
  const base = { call: h.outer, wrap: h.wrap, helper: h.target };
  if (h.local) {
    const { def, callee } = h.local;
    if (!reachesOtherFiles(f, [{ call: h.outer, callee, def }], [])) return undefined;
    return {
      ...base,
      callee,
      target: chainKey(f, def),
      ...(isNestedDef(def) ? { nested: def } : {}),
    };
  }
  const inner = lambdaCall(h);
  if (inner) {
    const callee = inner.childForFieldName("function")!;
    const cross = crossTargetOf(f, callee) ?? inheritedTarget(f, callee);
    return cross ? { ...base, ...cross, inner } : undefined;
  }
  // `crawl.is_finished` of a proven instance of a project model (orm-review M5).
  const cross =
    crossTargetOf(f, h.target) ??
    inheritedTarget(f, h.target) ??
    modelMethodTarget(f, h.target) ??
    managerMethodTarget(f, h.target);
  return cross ? { ...base, ...cross } : undefined;
}

/**
 * orm-review-8 S13: `sync_to_async(lambda: services.reserve(pk))()`, a lambda of no parameters
 * called with none, whose whole body is one call: that call.
 */
function lambdaCall(h: WrappedHelper): SyntaxNode | undefined {
  if (h.target.type !== "lambda" || h.target.childForFieldName("parameters")) return undefined;
  if ((h.outer.childForFieldName("arguments")?.namedChildren.length ?? 1) > 0) return undefined;
  const body = h.target.childForFieldName("body");
  // Its arguments were evaluated in the thread: on the loop, only names and literals are sure to
  // run no query (a relation read, a property or a call may; `request.user` loads lazily).
  if (body?.type !== "call" || !callArguments(body).every(readOnLoop)) return undefined;
  return body;
}

const LITERALS = new Set(["identifier", "string", "integer", "float", "true", "false", "none"]);

function readOnLoop(argument: SyntaxNode): boolean {
  const value =
    argument.type === "keyword_argument" ? argument.childForFieldName("value") : argument;
  return (
    !!value && LITERALS.has(value.type) && value.descendantsOfType("interpolation").length === 0
  );
}
