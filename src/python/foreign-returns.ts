import type { SyntaxNode } from "../model/types.js";

// orm-review-5 Q20 (ops `now_ist().isoformat()`, `now_ist` in another module annotated
// `-> _dt.datetime`): what a function of another module of the project is annotated to return is
// a fact of the project (the pre-pass's returnedClasses, src/project/return-annotations.ts) that
// this module, which knows Python only, is told per file by the transform asking it.

type ForeignReturn = (callee: SyntaxNode, awaited: boolean) => string | undefined;

/** The values a project module assigns to the name an import stands for (R12), if only that. */
type ForeignConstant = (at: SyntaxNode, qualified: string) => SyntaxNode[] | undefined;

const NONE: ForeignReturn = () => undefined;

function holder(at: SyntaxNode): { returns: ForeignReturn; constants?: ForeignConstant } {
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

/** The plain kind of what `call` returns, when it calls such a function annotated so. */
export function foreignReturnKind(call: SyntaxNode): "scalar" | "json" | undefined {
  const callee = call.childForFieldName("function");
  if (!callee || (callee.type !== "identifier" && callee.type !== "attribute")) return undefined;
  const cls = holder(call).returns(callee, call.parent?.type === "await");
  return cls && Object.hasOwn(PLAIN_CLASSES, cls) ? PLAIN_CLASSES[cls] : undefined;
}
