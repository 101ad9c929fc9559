import type { FileSemantics, SyntaxNode } from "../../src/model/types.js";
import { absoluteName } from "../../src/python/relative-imports.js";
import { classOfMethod, selfOf } from "./classes.js";

/*
 * A helper whose blocking call is a fallback a literal argument never reaches (hazard-review-3
 * H6, letta's `get_system_text("summary_system_prompt")`):
 *
 *     def get_system_text(key):
 *         if key in SYSTEM_PROMPTS:            # a module-level dict literal
 *             return SYSTEM_PROMPTS[key]
 *         with open(...) as f: ...             # only for keys it does not hold
 *
 * A call passing one of the dict's keys as a literal blocks nothing.
 */

/** The parameter an early return tests against a constant dict, and the dict's keys. */
export interface KeyGuard {
  parameter: string;
  /** Its position among the arguments a call passes (`self` not counted). */
  position: number;
  keys: string[];
  /**
   * The dict is another module's (`from app.prompts import SYSTEM_PROMPTS`, letta's, H6b): its
   * keys are the survey's to read, under this key (`dict:py:app.prompts.SYSTEM_PROMPTS`).
   */
  keysOf?: string;
  /** Where the guarded part of the body starts: calls at or after it are guarded. */
  after: number;
}

/** The survey's key for a module-level dict's keys. */
export const DICT_KEY = "dict:py:";

/** `"summary_system_prompt"` -> its text; undefined for any other string (f-strings, escapes). */
export function literalText(node: SyntaxNode | null | undefined): string | undefined {
  if (node?.type !== "string") return undefined;
  return /^(['"])([^'"\\{}]*)\1$/.exec(node.text)?.[2];
}

/** `NAME = {"a": ..., "b": ...}` at module level: the keys, when all are plain strings. */
export function constantDictKeys(file: FileSemantics, name: string): string[] | undefined {
  const bindings = file.bindingsNamed(file.root, name);
  const site = bindings.length === 1 ? bindings[0].node.parent : undefined;
  const value = site?.type === "assignment" ? site.childForFieldName("right") : undefined;
  if (value?.type !== "dictionary") return undefined;
  const keys: string[] = [];
  for (const pair of value.namedChildren) {
    if (pair.type === "comment") continue;
    const key = pair.type === "pair" ? literalText(pair.childForFieldName("key")) : undefined;
    if (key === undefined) return undefined;
    keys.push(key);
  }
  return keys;
}

/** The def's parameters in order, by name (`*args`, `**kw` and the bare `*` end the list). */
function parameterNames(def: SyntaxNode): string[] {
  const names: string[] = [];
  for (const p of def.childForFieldName("parameters")?.namedChildren ?? []) {
    const name = p.type === "identifier" ? p : (p.childForFieldName("name") ?? p.namedChildren[0]);
    if (p.type.includes("splat") || p.type === "keyword_separator" || name?.type !== "identifier")
      break;
    names.push(name.text);
  }
  return names;
}

/** `if key in PROMPTS: ... return ...` first among the def's statements that return early. */
export function keyGuardOf(file: FileSemantics, def: SyntaxNode): KeyGuard | undefined {
  const parameters = parameterNames(def);
  for (const statement of def.childForFieldName("body")?.namedChildren ?? []) {
    if (statement.type !== "if_statement") continue;
    const test = statement.childForFieldName("condition");
    const body = statement.childForFieldName("consequence")?.namedChildren ?? [];
    const [left, right] = test?.type === "comparison_operator" ? test.namedChildren : [];
    const operators = test?.children.filter((c) => !c.isNamed).map((c) => c.text) ?? [];
    if (operators.join(" ") !== "in" || left?.type !== "identifier" || right?.type !== "identifier")
      continue;
    if (statement.childForFieldName("alternative") || body.at(-1)?.type !== "return_statement")
      continue;
    // A method's `self` is not among what its calls pass.
    const position = parameters.indexOf(left.text) - (classOfMethod(def) && selfOf(def) ? 1 : 0);
    const keys = constantDictKeys(file, right.text);
    if (position >= 0 && keys)
      return { parameter: left.text, position, keys, after: statement.endIndex };
    const keysOf = importedDictKey(file, right);
    if (position >= 0 && keysOf)
      return { parameter: left.text, position, keys: [], keysOf, after: statement.endIndex };
  }
  return undefined;
}

/** `SYSTEM_PROMPTS` imported from a module of the project: the survey's key for its keys. */
export function importedDictKey(file: FileSemantics, name: SyntaxNode): string | undefined {
  const binding = file.importBindingOf(name.text, name);
  const absolute = binding && absoluteName(binding.qualified, file.module, file.path);
  return absolute?.includes(".") ? `${DICT_KEY}${absolute}` : undefined;
}

/** Does this call pass one of the guard's keys as a literal, so the guarded part never runs? */
export function passesGuardedKey(call: SyntaxNode, guard: Omit<KeyGuard, "after">): boolean {
  const args = call.childForFieldName("arguments")?.namedChildren ?? [];
  const keyword = args.find(
    (a) => a.type === "keyword_argument" && a.childForFieldName("name")?.text === guard.parameter,
  );
  const positional = args.filter((a) => a.type !== "keyword_argument" && a.type !== "comment");
  const value = keyword ? keyword.childForFieldName("value") : positional[guard.position];
  const text = literalText(value);
  return text !== undefined && guard.keys.includes(text);
}
