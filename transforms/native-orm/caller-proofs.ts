import { callArguments } from "../../src/python/calls.js";
import { lastSegment } from "../../src/python/lookup.js";
import type { SyntaxNode } from "../../src/model/types.js";
import { callThroughWrapper, reachingAssignment } from "../../src/django/proof-parts.js";
import { calledKey, chainKey } from "./cross-calls.js";
import { returnTarget, selfAttributeReturned } from "./project-returns.js";
import type { CallerPass, OrmFile, ReturnsAnswer } from "./types.js";

// orm-human-6 G3b (django-cfg's `CentrifugoLogger.mark_failed_async(log_entry: Any, ...)`, whose
// every caller, in other modules, passes the row `create_log_async()` returned): a value proven
// at its callers, the worker's side. A wrapper's argument that is a parameter of its def is asked
// of the files calling that def (what each call passes for it), and one bound to what a project
// function of another module returns is asked of that function's file (what each of its returns
// is). The survey (project-chains.ts) asks; the plan decides (caller-plan.ts).

/** A survey question about a function's returns: `?returns <key>`. */
export const RETURNS = "?returns ";
/** A survey question about a function's callers: `?callers <key> <param> <position> <0|1>`. */
export const CALLERS = "?callers ";

/** What an argument is, for a proof at callers: a parameter of its def, or a project function's return. */
export type PassedValue =
  | { instance: string; whole?: true; selected?: string[] | "all" }
  | { returned: string }
  | { caller: { key: string; param: string; position: number; none: boolean } };

/**
 * `log_entry` bound in its scope only to `None` and to `await <project function>(...)` (`K(...)`
 * for a sync one), one function: that function's key. A call of one: its key too.
 */
export function returnedBy(f: OrmFile, value: SyntaxNode): string | undefined {
  if (value.type !== "identifier") return callReturning(f, value);
  const bound = f.file.visibleBindings(value, value.text);
  // orm-human-7 K2 (meros `feedback = await sync_to_async(save_answer)(feedback=feedback, ...)`):
  // the assignment reaching the read decides, whatever the name is bound to after it.
  const reaching =
    bound.length > 1
      ? reachingAssignment(
          value,
          bound.map((b) => b.node),
        )
      : undefined;
  const site = reaching?.parent?.type === "assignment" ? reaching.parent : undefined;
  const right =
    site?.childForFieldName("left")?.id === reaching?.id && site?.childForFieldName("right");
  const reached = right ? callReturning(f, right) : undefined;
  if (reached) return reached;
  let key: string | undefined;
  for (const b of bound) {
    const site = b.node.parent;
    if (b.kind !== "assignment" || site?.type !== "assignment") return undefined;
    if (site.childForFieldName("left")?.id !== b.node.id) return undefined;
    const right = site.childForFieldName("right");
    if (right?.type === "none") continue;
    const next = right ? callReturning(f, right) : undefined;
    if (!next || (key && key !== next)) return undefined;
    key = next;
  }
  return key;
}

/** `await K(...)` of an async project function, `K(...)` of a sync one: K (see returnTarget). */
function callReturning(f: OrmFile, expr: SyntaxNode): string | undefined {
  return returnTarget(f, expr);
}

/**
 * `value`, an argument of a call in `caller`: the parameter of `caller` it is when nothing in
 * `caller` binds that name again (with the parameter's place), for a proof at `caller`'s callers.
 */
export function callerParameter(
  f: OrmFile,
  value: SyntaxNode,
  caller: SyntaxNode | undefined,
): PassedValue | undefined {
  if (value.type !== "identifier" || !caller) return undefined;
  const bound = f.file.visibleBindings(value, value.text);
  if (bound.length !== 1 || bound[0].kind !== "parameter") return undefined;
  const parameters = caller.childForFieldName("parameters")?.namedChildren ?? [];
  const at = parameters.findIndex(
    (p) => p.id === bound[0].node.id || p.namedChildren.some((c) => c.id === bound[0].node.id),
  );
  if (at < 0) return undefined;
  const p = parameters[at];
  const none = /default_parameter$/.test(p.type) && p.childForFieldName("value")?.type === "none";
  if (/default_parameter$/.test(p.type) && !none) return undefined;
  const starred = parameters
    .slice(0, at)
    .some((q) => q.type === "list_splat_pattern" || q.type === "keyword_separator");
  const receiver = hasReceiver(caller) ? 1 : 0;
  if (at < receiver) return undefined;
  const position = starred ? -1 : at - receiver;
  return { caller: { key: chainKey(f, caller), param: value.text, position, none } };
}

function hasReceiver(def: SyntaxNode): boolean {
  const holder = def.parent?.type === "decorated_definition" ? def.parent : def;
  if (holder.parent?.parent?.type !== "class_definition") return false;
  return !(
    holder.type === "decorated_definition" &&
    holder.namedChildren.some(
      (d) => d.type === "decorator" && d.text.slice(1).trim() === "staticmethod",
    )
  );
}

/**
 * `log_entry` bound only to `None` and to rows a model's manager creates (`await
 * Log.objects.acreate(...)`, `sync_to_async(Log.objects.create)(...)`): rows with every column in
 * memory, none deferred, so reading one is no query. A manager of the project defining its own
 * `create` is not Django's.
 */
export function createdRow(f: OrmFile, value: SyntaxNode): boolean {
  if (value.type === "identifier") {
    const bound = f.file.visibleBindings(value, value.text);
    return (
      bound.length > 0 &&
      bound.every((b) => {
        const site = b.node.parent;
        const right = site?.type === "assignment" ? site.childForFieldName("right") : undefined;
        if (b.kind !== "assignment" || site?.childForFieldName("left")?.id !== b.node.id)
          return false;
        return (
          right?.type === "none" || (!!right && right.type !== "identifier" && createdRow(f, right))
        );
      })
    );
  }
  const callee = callThroughWrapper(value)?.callee;
  const manager = callee?.type === "attribute" ? callee.childForFieldName("object") : undefined;
  const method = callee?.childForFieldName("attribute")?.text ?? "";
  if (manager?.type !== "attribute" || !["create", "acreate"].includes(method)) return false;
  const model = f.proofs.modelClassOf(manager.childForFieldName("object")!);
  const attribute = manager.childForFieldName("attribute")?.text ?? "";
  const overrides = model ? f.ctx.project.models[model]?.managerOverrides?.[attribute] : undefined;
  return !!model && !overrides?.some((m) => m === "create" || m === "acreate");
}

/** What a value at a call is, for the plan: a proven instance, a function's return, a parameter. */
function valueOf(
  f: OrmFile,
  value: SyntaxNode,
  caller: SyntaxNode | undefined,
): PassedValue | undefined {
  // As a name bound to it would be (`x = await Log.objects.acreate(...)`, see OrmProofs).
  const plain = value.type === "await" ? value.namedChildren[0] : value;
  const proof =
    plain?.type === "identifier"
      ? f.proofs.instanceOf(plain)
      : plain?.type === "call"
        ? f.proofs.instanceReturned(plain)
        : undefined;
  if (proof)
    return {
      instance: proof.model,
      selected: proof.selected === "all" ? "all" : [...proof.selected],
      ...(createdRow(f, value) ? { whole: true as const } : {}),
    };
  const returned = returnedBy(f, value);
  return returned ? { returned } : callerParameter(f, value, caller);
}

/** Every def of the file, async ones too, by key (module-level, and methods of module-level classes). */
function defsByKey(f: OrmFile): Map<string, SyntaxNode> {
  const defs = new Map<string, SyntaxNode>();
  for (const def of f.root.descendantsOfType("function_definition")) {
    const key = chainKey(f, def);
    defs.set(key, defs.has(key) ? (undefined as unknown as SyntaxNode) : def);
  }
  return defs;
}

/**
 * `?returns K`: the model every return of K's def gives an instance of (`None`, a bare return and
 * falling off the end aside), or why not. Not for a generator, nor a def under another decorator.
 */
export function returnsAnswer(f: OrmFile, key: string): ReturnsAnswer {
  const def = defsByKey(f).get(key);
  if (!def) return { why: `${key.replace(":", ".")}() is not one def of its module` };
  const holder = def.parent?.type === "decorated_definition" ? def.parent : undefined;
  const decorated = holder?.namedChildren.some(
    (d) =>
      d.type === "decorator" && !["staticmethod", "classmethod"].includes(d.text.slice(1).trim()),
  );
  const name = def.childForFieldName("name")?.text ?? "";
  if (decorated) return { why: `${name}() is decorated: what it returns is not known` };
  let model: string | undefined;
  let selfAttribute: string | undefined;
  let whole = true;
  // The relations every return loaded (`select_related("user")`): read in memory after the call.
  let selected: string[] | "all" | undefined;
  for (const node of ownNodes(def, ["return_statement", "yield"])) {
    if (node.type === "yield") return { why: `${name}() is a generator` };
    const value = node.namedChildren[0];
    if (!value || value.type === "none") continue;
    const next = valueOf(f, value, undefined);
    const line = node.startPosition.row + 1;
    // orm-human-7 K7: `n = self.node_model(**options)`, a class attribute the caller's class binds.
    const attribute = next ? undefined : selfAttributeReturned(def, value);
    if (attribute && (selfAttribute ?? attribute) === attribute && !model) {
      selfAttribute = attribute;
      continue;
    }
    if (!next || !("instance" in next) || selfAttribute)
      return {
        why: `${name}() returns ${short(value)} at ${f.file.path}:${line}, not proven a model instance`,
      };
    if (model && model !== next.instance)
      return { why: `${name}() returns instances of ${model} and of ${next.instance}` };
    model = next.instance;
    whole &&= !!next.whole;
    selected = intersect(selected, next.selected ?? []);
  }
  // A model's constructor gives every column: a row in memory.
  if (selfAttribute) return { selfAttribute, whole: true };
  if (!model) return { why: `${name}() returns no model instance` };
  return {
    model,
    ...(whole ? { whole: true as const } : {}),
    ...(selected && selected.length !== 0 ? { selected } : {}),
  };
}

/** The nodes of these types in `def`'s own body (nested defs, lambdas and classes aside). */
function ownNodes(def: SyntaxNode, types: string[]): SyntaxNode[] {
  const found: SyntaxNode[] = [];
  const visit = (node: SyntaxNode) => {
    for (const child of node.namedChildren) {
      if (["function_definition", "lambda", "class_definition"].includes(child.type)) continue;
      if (types.includes(child.type)) found.push(child);
      visit(child);
    }
  };
  const body = def.childForFieldName("body");
  if (body) visit(body);
  return found;
}

/**
 * `?callers K param position none`: each call in this file whose callee's last name is K's, with
 * what it passes for the parameter when it runs K (unresolved when the callee is not known to).
 */
export function callersAnswer(f: OrmFile, question: string): CallerPass[] {
  const [key, param, at, none] = question.split(" ");
  const position = Number(at);
  const name = lastSegment(key.slice(key.indexOf(":") + 1));
  const passes: CallerPass[] = [];
  for (const call of f.root.descendantsOfType("call")) {
    const callee = call.childForFieldName("function");
    if (!callee || lastSegment(callee.text) !== name || !/^[\w.]+$/.test(callee.text)) continue;
    const line = call.startPosition.row + 1;
    const target = calledKey(f, callee);
    if (target?.key !== key) {
      passes.push({
        line,
        ...(target ? { other: true } : { why: `${callee.text}() is not known to be ${name}()` }),
      });
      continue;
    }
    const value = passedFor(callArguments(call), position, param);
    if (value === "none" && none === "1") continue;
    const what = value && value !== "none" ? valueOf(f, value, enclosing(call)) : undefined;
    passes.push({
      line,
      ...(what ?? {
        why:
          value === "none"
            ? `passes nothing for ${param}`
            : value
              ? `passes ${short(value)}`
              : `passes its arguments through * or **`,
      }),
    });
  }
  return passes;
}

function enclosing(node: SyntaxNode): SyntaxNode | undefined {
  for (let n = node.parent; n; n = n.parent) {
    if (n.type === "lambda" || n.type === "class_definition") return undefined;
    if (n.type === "function_definition") return n;
  }
  return undefined;
}

/** What the call passes for the parameter: the argument, "none" for nothing, undefined when not known (`*args`). */
function passedFor(
  args: SyntaxNode[],
  position: number,
  name: string,
): SyntaxNode | "none" | undefined {
  for (const arg of args)
    if (arg.type === "keyword_argument" && arg.childForFieldName("name")?.text === name)
      return arg.childForFieldName("value") ?? undefined;
  if (args.some((a) => a.type === "list_splat" || a.type === "dictionary_splat")) return undefined;
  const positional = args.filter((a) => a.type !== "keyword_argument");
  return position >= 0 && position < positional.length ? positional[position] : "none";
}

function short(node: SyntaxNode): string {
  const text = node.text.replace(/\s+/g, " ");
  return `\`${text.length > 40 ? `${text.slice(0, 37)}...` : text}\``;
}

/** The relations loaded on both paths (undefined: none seen yet). */
function intersect(a: string[] | "all" | undefined, b: string[] | "all"): string[] | "all" {
  if (a === undefined || a === "all") return b;
  return b === "all" ? a : a.filter((x) => b.includes(x));
}
