import { callArguments } from "../../src/python/calls.js";
import { importedDef } from "../../src/python/imported-constants.js";
import type { SyntaxNode } from "../../src/model/types.js";
import type { Conversion, OrmFile } from "./types.js";

// orm-human-7 K10 (ifrc-gates `get_keywords`: `keywords = Sources.objects.filter(...).values_list(
// "key_words", flat=True); return clean_keywords(keywords)`, where `clean_keywords` only runs
// `for keyword in keywords:`): a queryset handed to a plain project function that does nothing
// with that parameter but iterate it, once, in a statement of its body under no branch or loop, is
// evaluated there. Materialized at
// the call by an async comprehension (`clean_keywords([value async for value in keywords])`), as
// the human wrote it, the function gets the same rows in the same order and stays sync. Only
// querysets of plain values (values(), values_list()): a model instance's attribute read in the
// function could load a relation, on the event loop once its caller is async.

/** Statement types an iteration may sit in: run once, whatever came before. */
const PLAIN_STATEMENTS = new Set([
  "expression_statement",
  "return_statement",
  "assignment",
  "augmented_assignment",
]);

/** Builtins that iterate their one argument to its end. */
const ITERATING = new Set(["list", "set", "tuple", "frozenset", "sorted"]);

/** The module-level plain def `callee` names: of this file, or imported from another module's. */
export function plainDefCalled(f: OrmFile, callee: SyntaxNode): SyntaxNode | undefined {
  if (callee.type !== "identifier") return undefined;
  const imported = f.file.importBindingOf(callee.text, callee);
  let def: SyntaxNode | null | undefined;
  if (imported) def = importedDef(callee, imported.qualified);
  else {
    const bound = f.file.visibleBindings(callee, callee.text);
    def = bound.length === 1 ? bound[0].node.parent : undefined;
  }
  if (def?.type !== "function_definition" || def.parent?.type !== "module") return undefined;
  return def.children.some((c) => c.type === "async") ? undefined : def;
}

/** Whether the expression `use` is in a plain statement of `body` itself, under no branch or loop. */
function runsOnce(use: SyntaxNode, body: SyntaxNode): boolean {
  for (let n = use.parent; n; n = n.parent) {
    if (n.parent?.id === body.id) return PLAIN_STATEMENTS.has(n.type);
    if (
      !/^(call|argument_list|parenthesized_expression|assignment|expression_statement)$/.test(
        n.type,
      )
    )
      return false;
  }
  return false;
}

/**
 * The iteration `use` (a reference of the parameter) is: the iterable of a `for` statement of the
 * body, of a comprehension's first clause, or the one argument of an iterating builtin.
 */
function iteration(use: SyntaxNode, body: SyntaxNode): boolean {
  const holder = use.parent;
  if (!holder) return false;
  if (holder.type === "for_statement" && holder.childForFieldName("right")?.id === use.id)
    return holder.parent?.id === body.id && !holder.childForFieldName("alternative");
  if (holder.type === "for_in_clause" && holder.childForFieldName("right")?.id === use.id) {
    const comprehension = holder.parent!;
    const first = comprehension.namedChildren.find((c) => c.type === "for_in_clause");
    return first?.id === holder.id && runsOnce(comprehension, body);
  }
  const call = holder.type === "argument_list" ? holder.parent : undefined;
  const callee = call?.childForFieldName("function");
  return (
    callee?.type === "identifier" &&
    ITERATING.has(callee.text) &&
    holder.namedChildren.length === 1 &&
    runsOnce(call!, body)
  );
}

/**
 * Whether `def` does nothing with its parameter `name` but iterate it once: one reference, an
 * iteration in a statement of the body under no branch or loop (and so no other binding).
 */
export function onlyIterates(def: SyntaxNode, name: string): boolean {
  const body = def.childForFieldName("body");
  const uses = usesIn(def, name);
  return !!body && uses.length === 1 && iteration(uses[0], body);
}

/** The references of `name` in `def`'s body (nested scopes included: they see it too). */
function usesIn(def: SyntaxNode, name: string): SyntaxNode[] {
  return (def.childForFieldName("body")?.descendantsOfType("identifier") ?? []).filter(
    (n) =>
      n.text === name &&
      !(n.parent?.type === "attribute" && n.parent.childForFieldName("attribute")?.id === n.id) &&
      !(n.parent?.type === "keyword_argument" && n.parent.childForFieldName("name")?.id === n.id),
  );
}

/** The parameter of `def` that `arg` (of `args`) fills: a positional one, or named by keyword. */
export function parameterFilled(
  def: SyntaxNode,
  args: SyntaxNode[],
  arg: SyntaxNode,
): string | undefined {
  if (args.some((a) => a.type === "list_splat" || a.type === "dictionary_splat")) return undefined;
  if (arg.type === "keyword_argument") return arg.childForFieldName("name")?.text;
  const at = args.filter((a) => a.type !== "keyword_argument").indexOf(arg);
  const listed = def.childForFieldName("parameters")?.namedChildren ?? [];
  const p = listed[at];
  // A plain `name` or `name=default` before any `*`: the module-level def has no receiver.
  const before = listed.slice(0, at + 1);
  if (!p || before.some((q) => /splat_pattern$|separator$/.test(q.type))) return undefined;
  const id = p.type === "identifier" ? p : p.childForFieldName("name");
  return id?.type === "identifier" ? id.text : undefined;
}

/**
 * The arguments of `call` that are querysets of plain values handed to a parameter the called
 * plain project function only iterates, each with the async comprehension that materializes it.
 */
export function materializedArguments(f: OrmFile, call: SyntaxNode): Conversion[] {
  const callee = call.childForFieldName("function");
  const def = callee && plainDefCalled(f, callee);
  if (!def) return [];
  const args = callArguments(call);
  const conversions: Conversion[] = [];
  for (const arg of args) {
    const value = arg.type === "keyword_argument" ? arg.childForFieldName("value") : arg;
    const qs = value ? f.proofs.querysetOf(value) : undefined;
    if (!value || !qs || qs.locksRows || qs.yieldsInstances) continue;
    const name = parameterFilled(def, args, arg);
    if (!name || !onlyIterates(def, name)) continue;
    const item = f.file.freshName(f.file.enclosingDef(call) ?? f.root, ["value", "item", "row"]);
    conversions.push({
      node: value,
      edits: [
        { start: value.startIndex, end: value.startIndex, text: `[${item} async for ${item} in ` },
        { start: value.endIndex, end: value.endIndex, text: "]" },
      ],
      proven: true,
      since: "4.1",
      awaited: false,
    });
  }
  return conversions;
}

/** Whether `arg` of `call` is materialized at the call (no queryset reaches the function). */
export function isMaterialized(f: OrmFile, call: SyntaxNode, arg: SyntaxNode): boolean {
  return materializedArguments(f, call).some((c) => c.node.id === arg.id);
}
