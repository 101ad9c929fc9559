import { lastSegment } from "../../src/python/lookup.js";
import { relative, resolve } from "node:path";
import { callArguments } from "../../src/python/calls.js";
import { needsParenthesesForAwait } from "../../src/python/shapes.js";
import type { Edit, SyntaxNode } from "../../src/model/types.js";
import { chainBlocker, isNestedDef, nameOf, reachedFunctions } from "./chains.js";
import { chainKey, projectPlan } from "./cross-calls.js";
import { callsNamed } from "../../src/project/index-lookup.js";
import { nonCallReferencesOf } from "../../src/project/references.js";
import { awaitedEdits, rewrittenText } from "./rewrite.js";
import { nameUsed } from "./state.js";
import type {
  ChainCall,
  ChainedWrapper,
  ChainFunction,
  ChainPlan,
  Conversion,
  OrmFile,
  Problem,
} from "./types.js";

// The file's plan for wrappers that convert through calls: which wrappers convert, which reached
// functions become `async def` in place (every caller converts with them) and which gain an
// async twin beside them (some caller stays sync), and the edits that do it.

/** `process_files` -> `aprocess_files`, `_process_files` -> `_aprocess_files` (Django's names). */
export function twinName(name: string): string {
  const underscores = /^_*/.exec(name)![0];
  return `${underscores}a${name.slice(underscores.length)}`;
}

export function chainPlan(f: OrmFile, wrappers: ChainedWrapper[]): ChainPlan {
  const blocked = new Map<number, Problem>();
  for (const w of wrappers) {
    const blocker = chainBlocker(f, w.name, w.calls);
    if (blocker) blocked.set(w.def.id, blocker);
  }
  // A twin whose name is taken blocks every wrapper reaching it; that can leave other functions
  // with a caller that stays sync, so the decisions are made again until nothing changes.
  for (;;) {
    const converting = wrappers.filter((w) => !blocked.has(w.def.id));
    const reached = reachedFunctions(
      f,
      converting.flatMap((w) => w.calls),
    );
    const twins = twinsOf(f, converting, reached);
    const forwarding = forwardersOf(converting, twins);
    const clash = [...twins].find(([id, name]) => nameUsed(f, name) && !forwarding.has(id));
    if (!clash) return edited(f, blocked, converting, reached, twins, forwarding);
    const fn = reached.find((r) => r.def.id === clash[0])!;
    for (const w of converting)
      if (reachedFunctions(f, w.calls).some((r) => r.def.id === fn.def.id))
        blocked.set(w.def.id, {
          code: "AS208",
          node: fn.def.childForFieldName("name")!,
          message: `${nameOf(fn.def)}() has a caller that stays sync, so it needs an async twin, but the name ${clash[1]} is already used in this file: rename it, or write the twin by hand`,
        });
  }
}

/**
 * `@sync_to_async def aget_user(pk): return get_user(pk)`: a wrapper that only forwards its own
 * parameters to a function of the same signature, named as that function's twin. When the
 * function needs a twin, the wrapper is that twin: its definition is replaced by the function's
 * converted body (rather than a name clash). Keyed by the function's def id.
 */
function forwardersOf(
  converting: ChainedWrapper[],
  twins: Map<number, string>,
): Map<number, ChainedWrapper> {
  const found = new Map<number, ChainedWrapper>();
  for (const w of converting) {
    const call = w.calls.length === 1 && !w.unwrap ? w.calls[0] : undefined;
    if (!call || twins.get(call.def.id) !== w.name || !isForwarding(w.def, call)) continue;
    const holder = w.def.parent;
    if (holder?.type !== "decorated_definition" || holder.parent?.type !== "module") continue;
    found.set(call.def.id, w);
  }
  return found;
}

function isForwarding(def: SyntaxNode, c: ChainCall): boolean {
  const statements = def.childForFieldName("body")?.namedChildren ?? [];
  const only = statements.length === 1 ? statements[0] : undefined;
  const value = only?.type === "return_statement" ? only.namedChildren[0] : only?.namedChildren[0];
  if (value?.id !== c.call.id) return false;
  const parameters = def.childForFieldName("parameters")!;
  const names = parameters.namedChildren.map((p) => (p.type === "identifier" ? p.text : ""));
  const args = c.call.childForFieldName("arguments")?.namedChildren.map((a) => a.text) ?? [];
  const same = c.def.childForFieldName("parameters")?.text === parameters.text;
  return same && !names.includes("") && names.join(",") === args.join(",");
}

/**
 * Functions that need a twin: some reference to them is not a call made by code that becomes
 * async (a wrapper converting, or a reached function converted in place). A twinned function's
 * own calls stay sync in the original, so its callees are looked at again until nothing changes.
 */
function twinsOf(
  f: OrmFile,
  converting: ChainedWrapper[],
  reached: ChainFunction[],
): Map<number, string> {
  const twins = new Map<number, string>();
  for (let changed = true; changed;) {
    changed = false;
    const asyncCallers = [...converting, ...reached.filter((r) => !twins.has(r.def.id))];
    const awaitedCallees = new Set(asyncCallers.flatMap((c) => c.calls).map((c) => c.callee.id));
    for (const fn of reached) {
      if (twins.has(fn.def.id)) continue;
      const name = nameOf(fn.def);
      const nameNode = fn.def.childForFieldName("name")!;
      const outside = f.root
        .descendantsOfType("identifier")
        .some((id) => id.text === name && id.id !== nameNode.id && !awaitedCallees.has(id.id));
      // A nested def is named only where it is defined: no other module calls or patches it.
      if (!outside && isNestedDef(fn.def)) continue;
      // A chain converted in another file awaits its twin (see project-chains.ts).
      const twinnedForProject = projectPlan(f)?.twins[chainKey(f, fn.def)] !== undefined;
      // Handed on as a value, got by getattr, exported, named in a string (issue 22, item 3).
      const referenced = nonCallReferencesOf(f.ctx.project.index, f.file.module, fn.def).length > 0;
      if (!outside && !twinnedForProject && !referenced && !calledFromOtherFiles(f, name)) continue;
      twins.set(fn.def.id, twinName(name));
      changed = true;
    }
  }
  return twins;
}

/**
 * Whether other files may call `name` (or a test patch it): with no project index (a lone
 * source), they may. Calls
 * through the index are matched by the callee's last name, so a same-named function elsewhere
 * counts too: it only makes a twin where converting in place was possible.
 */
function calledFromOtherFiles(f: OrmFile, name: string): boolean {
  const index = f.ctx.project.index;
  if (!index) return true;
  const here = relative(index.root, resolve(f.file.path)).split("\\").join("/");
  if (callsNamed(index, name).some((c) => c.path !== here)) return true;
  // A test that patches it replaces it with a sync mock, which awaiting callers would break.
  return index.patches.some((p) => (p.attribute ?? lastSegment(p.target)) === name);
}

function edited(
  f: OrmFile,
  blocked: Map<number, Problem>,
  converting: ChainedWrapper[],
  reached: ChainFunction[],
  twins: Map<number, string>,
  forwarding: Map<number, ChainedWrapper>,
): ChainPlan {
  const callEdits = new Map<number, Edit[]>();
  for (const w of converting)
    callEdits.set(
      w.def.id,
      w.unwrap
        ? unwrapEdits(w.calls[0], w.unwrap, twins)
        : w.calls.flatMap((c) => callEdit(c, twins)),
    );
  for (const r of reached)
    callEdits.set(
      r.def.id,
      r.calls.flatMap((c) => callEdit(c, twins)),
    );
  const helperEdits: Edit[] = [];
  const replaced = new Map<number, Edit>();
  for (const r of reached) {
    const own: Edit[] = [
      { start: r.def.startIndex, end: r.def.startIndex, text: "async " },
      ...r.findings.conversions.flatMap(awaitedEdits),
      ...callEdits.get(r.def.id)!,
    ];
    const twin = twins.get(r.def.id);
    const forwarder = forwarding.get(r.def.id);
    if (forwarder) replaced.set(forwarder.def.id, twinReplacing(f, r.def, own, forwarder.def));
    else helperEdits.push(...(twin ? [twinInsertion(f, r.def, own, twin)] : own));
  }
  // A twinned function keeps its sync body: the names its conversions replace stay in use.
  const helperConversions = reached.flatMap((r) =>
    r.findings.conversions.map((c) => (twins.has(r.def.id) ? withoutReplaced(c) : c)),
  );
  const converted = converting.map((w) => w.def);
  return {
    blocked,
    converting: converted,
    twins,
    reached,
    callEdits,
    helperEdits,
    helperConversions,
    replaced,
  };
}

/** The forwarding wrapper `wrapper`'s whole definition, decorators included, becomes `def`'s twin. */
function twinReplacing(f: OrmFile, def: SyntaxNode, own: Edit[], wrapper: SyntaxNode): Edit {
  const name = def.childForFieldName("name")!;
  const holder = wrapper.parent!;
  const text = rewrittenText(f.source, def, [
    ...own,
    { start: name.startIndex, end: name.endIndex, text: wrapper.childForFieldName("name")!.text },
  ]).replace(/\r$/, "");
  return { start: holder.startIndex, end: wrapper.endIndex, text };
}

function withoutReplaced(c: Conversion): Conversion {
  const { replaced: _kept, ...rest } = c;
  return rest;
}

/**
 * The insertion of `def`'s async twin: its text with `own` edits and the name `twin`, placed at
 * the start of the line after the def's last one, so that a comment ending that line stays with
 * it (and a line ending is never split in two). Methods keep their indentation and one blank
 * line; module-level functions two.
 */
export function twinInsertion(f: OrmFile, def: SyntaxNode, own: Edit[], twin: string): Edit {
  const name = def.childForFieldName("name")!;
  // A `@staticmethod` or `@classmethod` twin keeps its decorator.
  const holder = def.parent?.type === "decorated_definition" ? def.parent : def;
  const newline = f.source.includes("\r\n") ? "\r\n" : "\n";
  // A comment ending the def may hold the `\r` of its line (tree-sitter's comment token).
  const text = rewrittenText(f.source, holder, [
    ...own,
    { start: name.startIndex, end: name.endIndex, text: twin },
  ]).replace(/\r$/, "");
  const lineStart = f.source.lastIndexOf("\n", holder.startIndex - 1) + 1;
  const indent = f.source.slice(lineStart, holder.startIndex);
  const blank = newline.repeat(holder.parent?.type === "module" ? 2 : 1);
  const next = f.source.indexOf("\n", def.endIndex);
  return next < 0
    ? { start: f.source.length, end: f.source.length, text: `${newline}${blank}${indent}${text}` }
    : { start: next + 1, end: next + 1, text: `${blank}${indent}${text}${newline}` };
}

/** `helper(x)` -> `await helper(x)`, or `await ahelper(x)` when the callee is twinned. */
export function awaitedCall(call: SyntaxNode, callee: SyntaxNode, twin?: string): Edit[] {
  const parens = needsParenthesesForAwait(call);
  return [
    { start: call.startIndex, end: call.startIndex, text: parens ? "(await " : "await " },
    ...(twin ? [{ start: callee.startIndex, end: callee.endIndex, text: twin }] : []),
    ...(parens ? [{ start: call.endIndex, end: call.endIndex, text: ")" }] : []),
  ];
}

function callEdit(c: ChainCall, twins: Map<number, string>): Edit[] {
  return awaitedCall(c.call, c.callee, twins.get(c.def.id));
}

/** `sync_to_async(helper)(x)` -> `helper(x)`, or `ahelper(x)` when the callee is twinned. */
function unwrapEdits(c: ChainCall, wrap: SyntaxNode, twins: Map<number, string>): Edit[] {
  const twin = twins.get(c.def.id);
  // `helper`, or `self.helper` whose name `c.callee` is.
  const target = callArguments(wrap)[0];
  return [
    { start: c.call.startIndex, end: target.startIndex, text: "" },
    ...(twin ? [{ start: c.callee.startIndex, end: c.callee.endIndex, text: twin }] : []),
    { start: target.endIndex, end: wrap.endIndex, text: "" },
  ];
}
