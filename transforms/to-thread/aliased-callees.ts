import type { FileSemantics, SyntaxNode } from "../../src/model/types.js";
import { functionsNamed } from "../../src/project/index-lookup.js";
import { classMethodKey } from "./entered-values.js";
import type { CallableReader } from "./returned-callables.js";

/*
 * Callees the code names by another name than the function's (hazard-review-9 Z23): `_sleep =
 * time.sleep` at module level, then `_sleep(0.5)` (unwrapped in the SAFE run); a parameter
 * defaulting to `time.sleep`, called as `sleep(0.5)` (an unsafe unwrap, though the default the
 * code shows sleeps).
 */

/** `_sleep` bound once, at module level, to an imported name (`time.sleep`): that name. */
export function moduleAliasOf(
  file: FileSemantics,
  callee: SyntaxNode,
  at: SyntaxNode,
): string | undefined {
  if (callee.type !== "identifier") return undefined;
  const visible = file.visibleBindings(at, callee.text);
  const module = file.bindingsNamed(file.root, callee.text);
  if (visible.length !== 1 || module.length !== 1 || visible[0].node !== module[0].node)
    return undefined;
  const assignment = module[0].node.parent;
  const right = assignment?.type === "assignment" ? assignment.childForFieldName("right") : null;
  return dottedName(file, right);
}

/** `sleep` a parameter whose default is an imported function (`= time.sleep`): its name. */
export function parameterDefault(
  file: FileSemantics,
  callee: SyntaxNode,
  at: SyntaxNode,
): string | undefined {
  if (callee.type !== "identifier") return undefined;
  const bindings = file.visibleBindings(at, callee.text);
  const parameter = bindings.length === 1 ? bindings[0].node.parent : undefined;
  if (parameter?.type !== "default_parameter" && parameter?.type !== "typed_default_parameter")
    return undefined;
  return dottedName(file, parameter.childForFieldName("value"));
}

/** The dotted name a name or attribute value stands for (`time.sleep`), when it has a dot. */
function dottedName(file: FileSemantics, value: SyntaxNode | null): string | undefined {
  if (value?.type !== "identifier" && value?.type !== "attribute") return undefined;
  const qualified = file.qualifiedName(value);
  return qualified?.includes(".") ? qualified : undefined;
}

/**
 * `tool(x)` with `tool: Tool`, an instance of a project class defining `__call__`: that method
 * runs (hazard-review-9 Z2, camel's `FunctionTool.__call__`, which waits on a pool's future).
 */
export function instanceCall(
  reader: CallableReader,
  callee: SyntaxNode,
  at: SyntaxNode,
): string | undefined {
  const index = reader.project?.index;
  if (!index || (callee.type !== "identifier" && callee.type !== "attribute")) return undefined;
  const made = reader.madeBy(callee, at);
  const className = made?.slice(made.lastIndexOf(".") + 1);
  const defines = functionsNamed(index, "__call__").some((f) => f.className === className);
  return made && defines ? classMethodKey(reader, made, "__call__") : undefined;
}
