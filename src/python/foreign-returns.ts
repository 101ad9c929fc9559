import type { SyntaxNode } from "../model/types.js";
import { qualifiedName } from "./imports.js";
import { visibleBindings } from "./scope.js";

// orm-review-5 Q20 (ops `now_ist().isoformat()`, `now_ist` in another module annotated
// `-> _dt.datetime`): what a function of another module of the project is annotated to return is
// a fact of the project (the pre-pass's returnedClasses, src/project/return-annotations.ts) that
// this module, which knows Python only, is told per file by the transform asking it.

type ForeignReturn = (callee: SyntaxNode, awaited: boolean) => string | undefined;

/** The values a project module assigns to the name an import stands for (R12), if only that. */
type ForeignConstant = (at: SyntaxNode, qualified: string) => SyntaxNode[] | undefined;

/** What every caller of the def binding a parameter passes for it, as the transform proves it. */
type ParameterKind = (name: SyntaxNode) => "scalar" | "json" | undefined;

const NONE: ForeignReturn = () => undefined;

function holder(at: SyntaxNode): {
  returns: ForeignReturn;
  constants?: ForeignConstant;
  parameters?: ParameterKind;
} {
  return at.tree.memoized("projectForeignReturns", () => ({ returns: NONE }));
}

/** Tells the file's tree how to read the module-level values of another project module. */
export function useForeignConstants(root: SyntaxNode, constants: ForeignConstant): void {
  holder(root).constants = constants;
}

/** The module-level values of the name `qualified` (imported at `at`) in its project module. */
export function importedConstantValues(
  at: SyntaxNode,
  qualified: string,
): SyntaxNode[] | undefined {
  return holder(at).constants?.(at, qualified);
}

/**
 * orm-human-7 K10: tells the file's tree how to read a parameter from its callers (`keywords`,
 * passed `[value async for value in <values_list queryset>]` by every call of its def).
 */
export function useParameterKinds(root: SyntaxNode, kinds: ParameterKind): void {
  holder(root).parameters = kinds;
}

/** The plain kind every caller passes for the parameter `name` (an identifier in a def's list). */
export function parameterKindAtCallers(name: SyntaxNode): "scalar" | "json" | undefined {
  return holder(name).parameters?.(name);
}

/** Tells the file's tree how to find the class a project function of another module returns. */
export function useForeignReturns(root: SyntaxNode, returns: ForeignReturn): void {
  holder(root).returns = returns;
}

/** Classes whose values are plain, by the kind value-kinds gives them. */
const PLAIN_CLASSES: Record<string, "scalar" | "json"> = {
  datetime: "scalar",
  date: "scalar",
  time: "scalar",
  timedelta: "scalar",
  Decimal: "scalar",
  UUID: "scalar",
  str: "scalar",
  int: "scalar",
  float: "scalar",
  bool: "scalar",
  bytes: "scalar",
  dict: "json",
  list: "json",
  // orm-review-6 R3: `-> set[str]`, `-> dict[str, int]` (src/project/return-annotations.ts).
  "list[scalars]": "scalar",
  "set[scalars]": "scalar",
  "frozenset[scalars]": "scalar",
  "tuple[scalars]": "scalar",
  "dict[scalars]": "scalar",
};

/** orm-human-7 K10: calls of the standard library giving a string or a list of strings. */
const STRING_MAKERS = new Set(["re.split", "re.findall", "re.sub"]);

/**
 * The plain kind of what `call` returns, when it calls such a function annotated so; also of
 * `re.split(...)` (strings: a list of scalars is "scalar", as `list[str]`) and of the builtin
 * `filter(None, items)`, which keeps some of `items` (`kindOf` says theirs).
 */
export function foreignReturnKind(
  call: SyntaxNode,
  kindOf: (value: SyntaxNode) => "scalar" | "json" | undefined,
): "scalar" | "json" | undefined {
  const callee = call.childForFieldName("function");
  if (!callee || (callee.type !== "identifier" && callee.type !== "attribute")) return undefined;
  const args = call.childForFieldName("arguments")?.namedChildren ?? [];
  if (callee.text === "filter" && args.length === 2 && args[0].type === "none")
    return visibleBindings(callee, "filter").bound.length === 0 ? kindOf(args[1]) : undefined;
  if (STRING_MAKERS.has(qualifiedName(callee) ?? "")) return "scalar";
  const cls = holder(call).returns(callee, call.parent?.type === "await");
  return cls && Object.hasOwn(PLAIN_CLASSES, cls) ? PLAIN_CLASSES[cls] : undefined;
}
