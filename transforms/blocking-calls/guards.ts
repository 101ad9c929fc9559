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
  /** Where the guarded part of the body starts: calls at or after it are guarded. */
  after: number;
  /**
   * The dict is imported (hazard-review-3 H6b: letta's `SYSTEM_PROMPTS`, built in a package's
   * `__init__.py`): its key (`dk:letta.prompts.system_prompts.SYSTEM_PROMPTS`) for the survey to
   * ask, `keys` staying empty until the plan fills them.
   */
  keysOf?: string;
}

/** The key under which the survey asks a module for a constant dict's keys. */
export const DICT_KEY = "dk:";

/**
 * What a call must pass for a helper's blocking call to run: none of a dict's literal keys
 * (KeyGuard), or (`whenSet`) a value for a parameter that defaults to None, the blocking call
 * sitting in a branch `if <parameter>:` / `elif <parameter> is not None:` (hazard-review-4 K7:
 * R2R's `get_delimiter(file=StringIO(data))` opens nothing; only `file_path=` does).
 */
export interface ArgumentGuard {
  parameter: string;
  position: number;
  keys: string[];
  keysOf?: string;
  whenSet?: true;
  /**
   * The blocking call sits in a branch `if <parameter> == "kuzu":`: a call passing another
   * literal (`graph_database_provider="neo4j"`) never reaches it (hazard-review-5 J7b, cognee's
   * `create_graph_engine`). `keys` holds the literal the branch wants.
   */
  whenEquals?: true;
}

/** The guard with the keys of its imported dict, as the survey's plan read them. */
export function withDictKeys(
  guard: ArgumentGuard,
  dicts: Readonly<Record<string, string[]>> | undefined,
): ArgumentGuard {
  return guard.keysOf ? { ...guard, keys: dicts?.[guard.keysOf] ?? [] } : guard;
}

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

/** `SYSTEM_PROMPTS` imported from a module of the project: the key to ask that module. */
function importedDict(file: FileSemantics, name: SyntaxNode): string | undefined {
  const binding = file.importBindingOf(name.text, name);
  const absolute = binding && absoluteName(binding.qualified, file.module, file.path);
  return absolute?.includes(".") ? `${DICT_KEY}${absolute}` : undefined;
}

/** The def's parameters in order, by name (`*args`, `**kw` and the bare `*` end the list). */
function parameterNames(def: SyntaxNode): string[] {
  return parameterNodes(def).map((p) => p.name);
}

/** The def's positional parameters: name, and whether it defaults to None. */
function parameterNodes(def: SyntaxNode): { name: string; noneDefault: boolean }[] {
  const found: { name: string; noneDefault: boolean }[] = [];
  for (const p of def.childForFieldName("parameters")?.namedChildren ?? []) {
    const name = p.type === "identifier" ? p : (p.childForFieldName("name") ?? p.namedChildren[0]);
    if (p.type.includes("splat") || p.type === "keyword_separator" || name?.type !== "identifier")
      break;
    found.push({ name: name.text, noneDefault: p.childForFieldName("value")?.type === "none" });
  }
  return found;
}

/** `p`, `p is not None`, `p != None`, or a conjunct of `and`: the parameter the test needs set. */
function needsSet(test: SyntaxNode | null, candidates: ReadonlySet<string>): string | undefined {
  let node = test;
  while (node?.type === "parenthesized_expression") node = node.namedChildren[0];
  if (!node) return undefined;
  if (node.type === "identifier") return candidates.has(node.text) ? node.text : undefined;
  if (node.type === "boolean_operator" && node.childForFieldName("operator")?.text === "and")
    return (
      needsSet(node.childForFieldName("left"), candidates) ??
      needsSet(node.childForFieldName("right"), candidates)
    );
  const [left, right] = node.type === "comparison_operator" ? node.namedChildren : [];
  const operator = node.children
    .filter((c) => !c.isNamed)
    .map((c) => c.text)
    .join(" ");
  const notNone = (operator === "is not" || operator === "!=") && right?.type === "none";
  return notNone && left?.type === "identifier" && candidates.has(left.text)
    ? left.text
    : undefined;
}

/**
 * The parameter (defaulting to None) that a branch around `call` needs set: the call runs only
 * under `if file_path:` or `elif file_path is not None:` of the def's own body.
 */
export function setGuardOf(def: SyntaxNode, call: SyntaxNode): ArgumentGuard | undefined {
  const parameters = parameterNodes(def);
  const candidates = new Set(parameters.filter((p) => p.noneDefault).map((p) => p.name));
  if (candidates.size === 0) return undefined;
  for (let child = call, node = call.parent; node && node.id !== def.id;) {
    const branch =
      node.type === "if_statement" && child.id === node.childForFieldName("consequence")?.id
        ? node
        : node.type === "elif_clause" && child.id === node.childForFieldName("consequence")?.id
          ? node
          : undefined;
    const parameter = branch && needsSet(branch.childForFieldName("condition"), candidates);
    if (parameter) {
      const position =
        parameters.findIndex((p) => p.name === parameter) -
        (classOfMethod(def) && selfOf(def) ? 1 : 0);
      return { parameter, position, keys: [], whenSet: true };
    }
    child = node;
    node = node.parent;
  }
  return undefined;
}

/** `provider == "kuzu"` (or `"kuzu" == provider`): the parameter among `names` and the literal. */
function equalsTest(
  test: SyntaxNode | null,
  names: readonly string[],
): { parameter: string; literal: string } | undefined {
  let node = test;
  while (node?.type === "parenthesized_expression") node = node.namedChildren[0];
  const [left, right] = node?.type === "comparison_operator" ? node.namedChildren : [];
  const operator = node?.children.filter((c) => !c.isNamed).map((c) => c.text) ?? [];
  if (!left || !right || operator.join(" ") !== "==") return undefined;
  const [name, value] = left.type === "identifier" ? [left, right] : [right, left];
  const literal = literalText(value);
  return name.type === "identifier" && names.includes(name.text) && literal !== undefined
    ? { parameter: name.text, literal }
    : undefined;
}

/**
 * The parameter a branch around `call` wants equal to a literal: the call runs only under `if
 * provider == "kuzu":` or `elif provider == "kuzu":` of the def's own body.
 */
export function equalsGuardOf(def: SyntaxNode, call: SyntaxNode): ArgumentGuard | undefined {
  const names = parameterNames(def);
  for (let child = call, node = call.parent; node && node.id !== def.id;) {
    const branch =
      (node.type === "if_statement" || node.type === "elif_clause") &&
      child.id === node.childForFieldName("consequence")?.id;
    const found = branch ? equalsTest(node.childForFieldName("condition"), names) : undefined;
    if (found) {
      const position = names.indexOf(found.parameter) - (classOfMethod(def) && selfOf(def) ? 1 : 0);
      return { parameter: found.parameter, position, keys: [found.literal], whenEquals: true };
    }
    child = node;
    node = node.parent;
  }
  return undefined;
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
    const keysOf = importedDict(file, right);
    if (position >= 0 && keysOf)
      return { parameter: left.text, position, keys: [], after: statement.endIndex, keysOf };
  }
  return undefined;
}

/**
 * Does this call rule out the guarded part: one of the guard's keys passed as a literal, or (a
 * `whenSet` guard) the parameter left out or passed None/False?
 */
export function passesGuardedKey(call: SyntaxNode, guard: ArgumentGuard): boolean {
  const args = call.childForFieldName("arguments")?.namedChildren ?? [];
  // `f(*args)` / `f(**options)`: what they pass is not read here.
  if (args.some((a) => a.type === "list_splat" || a.type === "dictionary_splat")) return false;
  const keyword = args.find(
    (a) => a.type === "keyword_argument" && a.childForFieldName("name")?.text === guard.parameter,
  );
  const positional = args.filter((a) => a.type !== "keyword_argument" && a.type !== "comment");
  const value = keyword ? keyword.childForFieldName("value") : positional[guard.position];
  if (guard.whenSet) return !value || value.type === "none" || value.type === "false";
  const text = literalText(value);
  if (guard.whenEquals) return text !== undefined && !guard.keys.includes(text);
  return text !== undefined && guard.keys.includes(text);
}
