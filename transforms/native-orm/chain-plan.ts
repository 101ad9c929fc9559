import { lastSegment } from "../../src/python/lookup.js";
import { namedBlocker } from "./blocker-choice.js";
import { relative } from "node:path";
import { callArguments } from "../../src/python/calls.js";
import { isAsyncFunction, needsParenthesesForAwait } from "../../src/python/shapes.js";
import type { Edit, SyntaxNode } from "../../src/model/types.js";
import {
  isNestedDef,
  nameOf,
  overridesBaseMethod,
  ownProblems,
  reachedFunctions,
  reachesOtherFiles,
} from "./chains.js";
import { referencesReaching } from "./nested-defs.js";
import {
  enclosingDef,
  parameterFacts,
  passesOf,
  syncOnlyOrmCalls,
  withPasses,
} from "./chain-arguments.js";
import { planChains, twinName } from "./chain-planner.js";
import { chainKey, projectPlan } from "./cross-calls.js";
import { callsNamed } from "../../src/project/index-lookup.js";
import { nonCallReferencesOf } from "../../src/project/references.js";
import { awaitedEdits, rewrittenText } from "./rewrite.js";
import { identifierCounts, lineOf } from "./state.js";
import type {
  ChainCall,
  ChainedWrapper,
  ChainFunction,
  ChainLink,
  ChainPlan,
  Conversion,
  FunctionFacts,
  OrmFile,
  Problem,
  ScannedFile,
  WrapperFacts,
} from "./types.js";

// The file's plan for wrappers that convert through calls: the one chain planner's decisions
// (chain-planner.ts) on the file's facts (which wrappers convert, which reached functions become
// `async def` in place and which gain an async twin beside them), and the edits that do it.

/**
 * Stage 3, the file's chains: every decorated wrapper that converts but for its calls to plain
 * defs of this file, and every `sync_to_async(helper)(...)` of one, planned together by the one
 * chain planner. A chain reaching another file is the project's plan's (see project-chains.ts).
 */
export function planFileChains(f: ScannedFile): ChainPlan {
  const wrappers: ChainedWrapper[] = [
    ...f.sites.decoratedDefs.flatMap((def) => {
      const a = f.decorated.get(def.id);
      return a &&
        a.chainCalls.length > 0 &&
        ownProblems(a).length === 0 &&
        !reachesOtherFiles(f, a.chainCalls, a.crossCalls)
        ? [{ def, name: nameOf(def), calls: a.chainCalls }]
        : [];
    }),
    ...f.wrappedChains,
  ];
  const all = reachedFunctions(
    f,
    wrappers.flatMap((w) => w.calls),
  );
  const counts = identifierCounts(f);
  const decided = planChains({
    functions: new Map(all.map((fn) => [keyOf(fn.def), functionFacts(f, fn, counts)])),
    wrappers: wrappers.map((w) => wrapperFacts(f, w)),
    rewritten: () => true,
    indexed: () => undefined,
    scope: "file",
  });
  const blocked = new Map<number, Problem>();
  for (const w of wrappers) {
    const decision = decided.wrappers[keyOf(w.def)];
    if (!decision || !("blocker" in decision)) continue;
    const at = decision.at && all.find((fn) => keyOf(fn.def) === decision.at)?.def;
    const node = at ? at.childForFieldName("name")! : w.calls[decision.via].call;
    blocked.set(w.def.id, { ...decision.blocker, node });
  }
  const converting = wrappers.filter((w) => !blocked.has(w.def.id));
  const pureKeys = new Set(decided.pure);
  const pure = new Set(all.filter((fn) => pureKeys.has(keyOf(fn.def))).map((fn) => fn.def.id));
  const reached = reachedFunctions(
    f,
    converting.flatMap((w) => w.calls),
    (def) => pure.has(def.id),
  );
  const twins = new Map(
    reached.flatMap((r) => {
      const twin = decided.twins[keyOf(r.def)];
      return twin ? [[r.def.id, twin] as const] : [];
    }),
  );
  const plan = edited(
    f,
    blocked,
    converting,
    reached,
    twins,
    forwardersOf(converting, twins),
    pure,
  );
  return { ...plan, pure };
}

/** Within one file, a function or wrapper is keyed by its node. */
const keyOf = (def: SyntaxNode) => `#${def.id}`;

/** A chain call as the planner sees it: its target, line, and what it passes (W1). */
function linkOf(f: ScannedFile, c: ChainCall, caller: SyntaxNode | undefined): ChainLink {
  return {
    target: keyOf(c.def),
    line: lineOf(c.call),
    ...withPasses(passesOf(f, c.call, caller)),
  };
}

/** A reached function of the file as the planner sees it. */
function functionFacts(
  f: ScannedFile,
  fn: ChainFunction,
  counts: () => ReadonlyMap<string, number>,
): FunctionFacts {
  const name = nameOf(fn.def);
  const own = namedBlocker(f, fn.problems);
  return {
    key: keyOf(fn.def),
    name,
    path: f.file.path,
    line: lineOf(fn.def),
    ...(own
      ? {
          blocker: {
            code: own.code,
            line: lineOf(own.node),
            message: own.message,
            ...(own.severity ? { severity: own.severity } : {}),
          },
        }
      : {}),
    calls: fn.calls.map((c) => linkOf(f, c, fn.def)),
    ormSites: fn.findings.ormSites + syncOnlyOrmCalls(f, fn.def),
    ...parameterFacts(fn.def),
    twinTaken: counts().has(twinName(name)),
    references: referencesOf(f, fn.def, counts),
    nested: isNestedDef(fn.def),
    // Called from another file or patched by a test; or named there other than by a call
    // (handed on as a value, got by getattr, exported, in a string: issue 22, item 3).
    calledElsewhere:
      calledFromOtherFiles(f, name) ||
      nonCallReferencesOf(f.ctx.project.index, f.file.module, fn.def).length > 0 ||
      overridesBaseMethod(f, fn.def),
    twinnedForProject: projectPlan(f)?.twins[chainKey(f, fn.def)] !== undefined,
  };
}

/**
 * How many times `def`'s name is spelled where it may name `def`: in the function a nested def
 * belongs to (its name is local: another method's nested def of the same name is not it), else
 * anywhere in the file, its own definition's name aside.
 */
function referencesOf(
  f: ScannedFile,
  def: SyntaxNode,
  counts: () => ReadonlyMap<string, number>,
): number {
  const name = nameOf(def);
  for (let n = def.parent; n; n = n.parent)
    if (n.type === "function_definition") return referencesReaching(f, n, def).length;
  return (counts().get(name) ?? 1) - 1;
}

/** A wrapper of the file as the planner sees it: it reaches ORM work (the scan found it). */
function wrapperFacts(f: ScannedFile, w: ChainedWrapper): WrapperFacts {
  const forwarder = forwarderOf(w);
  const asTwin = forwarder && forwarder.name === twinName(nameOf(w.calls[0].def));
  return {
    key: keyOf(w.def),
    name: w.name,
    path: f.file.path,
    line: lineOf(w.def),
    calls: w.calls.map((c) => linkOf(f, c, w.unwrap ? enclosingDef(w.def) : w.def)),
    orm: true,
    ...(asTwin ? { forwardsTo: keyOf(w.calls[0].def) } : {}),
    ...(w.unwrap ? { within: nameOf(enclosingDef(w.def) ?? w.def) } : {}),
  };
}

/** A module-level def that only forwards its own parameters to a function of its file. */
interface Forwarder {
  /** The forwarding def, whose whole text (decorators included) a twin may replace. */
  def: SyntaxNode;
  name: string;
}

/**
 * The def that only forwards its own parameters to the function the wrapper calls, with the same
 * signature: `@sync_to_async def aget_user(pk): return get_user(pk)`, or `async def
 * aget_user(pk): return await sync_to_async(get_user)(pk)` (a docstring allowed). Named as that
 * function's twin, it is the twin when the function needs one: its definition is replaced by the
 * function's converted body (rather than a name clash).
 */
function forwarderOf(w: ChainedWrapper): Forwarder | undefined {
  const call = w.calls.length === 1 ? w.calls[0] : undefined;
  if (!call) return undefined;
  const def = w.unwrap ? enclosingAsyncDef(w.def) : w.def;
  if (!def) return undefined;
  const holder = def.parent?.type === "decorated_definition" ? def.parent : def;
  // orm-human-5 H6: a manager's `async def acreate_user(self, ...)` beside `create_user` too;
  // H3: `super()._items_count(queryset)` in `_aitems_count`, a base's method its body can take.
  if (
    holder.parent?.type !== "module" &&
    !sameClass(holder, call.def) &&
    !(isSuperCall(call) && movesToSubclass(call.def))
  )
    return undefined;
  // The call form's def has no decorator: what one would do to the twin is not known.
  if (w.unwrap && holder.id !== def.id) return undefined;
  return isForwarding(def, call) ? { def, name: nameOf(def) } : undefined;
}

/** Whether `holder` (a method) and `target` are defs of one class, `target` plain. */
function sameClass(holder: SyntaxNode, target: SyntaxNode): boolean {
  const body = holder.parent;
  return (
    body?.type === "block" &&
    body.parent?.type === "class_definition" &&
    target.parent?.id === body.id
  );
}

/** `super().<name>(...)`: the chain call's callee is the name of an attribute of `super()`. */
function isSuperCall(c: ChainCall): boolean {
  const receiver = c.callee.parent?.childForFieldName("object");
  return receiver?.type === "call" && receiver.childForFieldName("function")?.text === "super";
}

/**
 * Whether a base's method means the same in a subclass's body: no `super()` or `__class__`
 * (bound to the class that defines it) and no `__private` name (mangled with that class's name).
 */
function movesToSubclass(def: SyntaxNode): boolean {
  return !def
    .descendantsOfType("identifier")
    .some(
      (n) =>
        n.text === "super" ||
        n.text === "__class__" ||
        (n.text.startsWith("__") && !n.text.endsWith("__")),
    );
}

/** The `async def` whose body holds `node`, not through a nested def, lambda or class. */
function enclosingAsyncDef(node: SyntaxNode): SyntaxNode | undefined {
  for (let n = node.parent; n; n = n.parent) {
    if (n.type === "lambda" || n.type === "class_definition") return undefined;
    if (n.type === "function_definition") return isAsyncFunction(n) ? n : undefined;
  }
  return undefined;
}

/** The functions whose twin a forwarding wrapper becomes, keyed by the function's def id. */
function forwardersOf(
  converting: ChainedWrapper[],
  twins: Map<number, string>,
): Map<number, { wrapper: ChainedWrapper; forwarder: Forwarder }> {
  const found = new Map<number, { wrapper: ChainedWrapper; forwarder: Forwarder }>();
  for (const w of converting) {
    const forwarder = forwarderOf(w);
    const call = w.calls[0];
    if (forwarder && twins.get(call.def.id) === forwarder.name)
      found.set(call.def.id, { wrapper: w, forwarder });
  }
  return found;
}

/**
 * `def`'s body is one statement (after a docstring) returning or making the call `c` (awaited,
 * in an async def), with `def`'s own parameters in order, `c`'s target taking the same.
 */
function isForwarding(def: SyntaxNode, c: ChainCall): boolean {
  const statements = (def.childForFieldName("body")?.namedChildren ?? []).filter(
    (s, i) => i > 0 || s.type !== "expression_statement" || s.namedChildren[0]?.type !== "string",
  );
  const only = statements.length === 1 ? statements[0] : undefined;
  let value = only?.type === "return_statement" ? only.namedChildren[0] : only?.namedChildren[0];
  if (value?.type === "await" && isAsyncFunction(def)) value = value.namedChildren[0];
  if (value?.id !== c.call.id) return false;
  const parameters = def.childForFieldName("parameters")!;
  // A bare `*` or `/` only says how the parameters around it are passed.
  const names = parameters.namedChildren
    .filter((p) => p.type !== "keyword_separator" && p.type !== "positional_separator")
    .map(parameterName);
  // A method's receiver is the call's `self.`, not an argument.
  if (def.parent?.type !== "module" && c.callee.parent?.type === "attribute") names.shift();
  const args = c.call.childForFieldName("arguments")?.namedChildren ?? [];
  const same = c.def.childForFieldName("parameters")?.text === parameters.text;
  return same && !names.includes("") && forwardsEach(names, args);
}

/**
 * `pk, fresh` or `pk, fresh=fresh` or `document_id=document_id, title=title`: every parameter
 * handed on once under its own name, positional ones first and in order (the target has the same
 * signature, so each lands on the parameter of that name).
 */
function forwardsEach(names: string[], args: SyntaxNode[]): boolean {
  if (args.length !== names.length) return false;
  // `*args` and `**extra_fields` handed on as they came, last.
  const splat = (a: SyntaxNode | undefined, name: string | undefined) =>
    !!a &&
    !!name &&
    (a.type === "list_splat" || a.type === "dictionary_splat") &&
    `${a.type === "list_splat" ? "*" : "**"}${a.namedChildren[0]?.text}` === name;
  while (names.length > 0 && splat(args.at(-1), names.at(-1))) {
    names = names.slice(0, -1);
    args = args.slice(0, -1);
  }
  const positional = args.findIndex((a) => a.type !== "identifier");
  const split = positional < 0 ? args.length : positional;
  if (args.slice(0, split).some((a, i) => a.text !== names[i])) return false;
  const rest = new Set(names.slice(split));
  for (const a of args.slice(split)) {
    const name = a.childForFieldName("name")?.text ?? "";
    const value = a.childForFieldName("value");
    if (a.type !== "keyword_argument" || value?.type !== "identifier" || value.text !== name)
      return false;
    if (!rest.delete(name)) return false;
  }
  return rest.size === 0;
}

/** `pk`, `pk: int`, `fresh=False`, `fresh: bool = False`: the name; "" for `*args` and the like. */
function parameterName(p: SyntaxNode): string {
  if (p.type === "identifier") return p.text;
  if (p.type === "list_splat_pattern" || p.type === "dictionary_splat_pattern") return p.text;
  if (p.type === "typed_parameter")
    return p.namedChildren[0]?.type === "identifier" ? p.namedChildren[0].text : "";
  if (p.type === "default_parameter" || p.type === "typed_default_parameter")
    return p.childForFieldName("name")?.text ?? "";
  return "";
}

/**
 * Whether other files may call `name` (or a test patch it), as the project index shows. Calls
 * through the index are matched by the callee's last name, so a same-named function elsewhere
 * counts too: it only makes a twin where converting in place was possible. A lone source (no
 * index) may be one file of a larger project whose other files are unknown: a name private to
 * its module by Python's convention (`_helper`) is taken as called only here; a public one may
 * be imported elsewhere, and making it `async def` would leave those callers with an unawaited
 * coroutine, so it keeps its sync form beside a twin.
 */
function calledFromOtherFiles(f: OrmFile, name: string): boolean {
  const index = f.ctx.project.index;
  if (!index) return !isModulePrivate(name);
  const here = relative(index.root, f.absolutePath).split("\\").join("/");
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
  forwarding: ReturnType<typeof forwardersOf>,
  pure: ReadonlySet<number>,
): Omit<ChainPlan, "pure"> {
  const callEdits = new Map<number, Edit[]>();
  // A pure helper is called as it is (D6).
  const awaited = (calls: ChainCall[]) =>
    calls.flatMap((c) => (pure.has(c.def.id) ? [] : callEdit(c, twins)));
  for (const w of converting)
    callEdits.set(w.def.id, w.unwrap ? unwrapEdits(w.calls[0], w.unwrap, twins) : awaited(w.calls));
  for (const r of reached) callEdits.set(r.def.id, awaited(r.calls));
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
    if (forwarder)
      replaced.set(forwarder.wrapper.def.id, twinReplacing(f, r.def, own, forwarder.forwarder.def));
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
  const holder = wrapper.parent?.type === "decorated_definition" ? wrapper.parent : wrapper;
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

/** `_helper`, not `__dunder__`: by Python's convention, nothing outside its module uses it. */
function isModulePrivate(name: string): boolean {
  return name.startsWith("_") && !name.endsWith("__");
}
