import type { FileScan } from "./proofs.js";
import { dynamicLookupOf } from "./dynamic-lookups.js";
import { projectTopModules } from "../../src/project/index-lookup.js";
import type { SyntaxNode } from "../../src/model/types.js";

/*
 * The hard line with --unsafe-fixes (issue 27; the lead's rule after hazard-review-9 Z2, Z3, Z6,
 * Z7, Z8 and hazard-review-8 Y18f/Y18g): an unsafe unwrap may take on trust only code outside the
 * project (an installed library, a C extension) that the check cannot read. Project code it failed
 * to pin down (a value of unknown class whose method the project's classes have, a callable held
 * in a parameter, a field or a variable, a function made or picked at run time, an object the
 * code was given) may be where the lock is: such an unwrap is refused in both modes, saying why
 * the callee is not known.
 */

/** What the refusal needs of the check of a site. */
export interface Unpinned {
  checked: boolean;
  /** Calls of objects or callables the check cannot follow that may be project code. */
  unpinned: string[];
  madeAtRunTime?: boolean;
  receiverUnknown?: boolean;
  namesakesRead?: string[];
  protocol?: string;
}

const REFUSED =
  "project code the check cannot pin down is refused even with --unsafe-fixes (only a library's is taken on trust); it stays in its thread";

const NOT_KNOWN =
  "so whether it takes a lock, waits on another thread or starts an event loop is not known";

/** AS307's message when what the site runs may be project code the check could not pin down. */
export function unpinnedRefusal(
  scan: FileScan,
  fnText: string,
  fn: SyntaxNode,
  check: Unpinned,
): string | undefined {
  if (!check.checked && check.receiverUnknown && check.namesakesRead?.length) {
    const value = check.protocol
      ? `a method of a value annotated with the Protocol ${check.protocol}, which any class with its methods meets`
      : "a method of a value whose class was not found here (a parameter without annotation, or a value from a call)";
    const read = check.protocol
      ? "the project's classes that meet it"
      : "the project's methods of that name";
    return `cannot unwrap: ${fnText} is ${value}; ${read} (${check.namesakesRead.join(", ")}) show no lock, wait or event loop, but the value may be of another class of this project, ${NOT_KNOWN}; ${REFUSED}`;
  }
  // `self.function(...)`, no method of the project by that name: a callable the instance holds
  // (a dataclass's `Callable` field: hazard-review-9 Z8, haystack's tools).
  const held = fn.type === "attribute" && fn.childForFieldName("object")?.text === "self";
  if (!check.checked && check.receiverUnknown && held) return heldRefusal(fnText);
  if (!check.checked && check.madeAtRunTime && !libraryLookup(scan, fn)) {
    const holds = /\)\s*$/.test(fnText) ? "returns" : "holds";
    return `cannot unwrap: the function is what ${fnText} ${holds} at run time (a parameter, a field, a variable or a factory's product), which may be any function of this project, ${NOT_KNOWN}; ${REFUSED}`;
  }
  if (check.unpinned.length > 0) {
    const they = check.unpinned.length > 1;
    return `cannot unwrap: ${fnText} calls ${check.unpinned.join(", ")}, ${they ? "objects or functions" : "an object or function"} the code was given, which the check cannot follow (what ${they ? "they are" : "it is"} is not written at the call) and this project's code may be, ${NOT_KNOWN}; ${REFUSED}`;
  }
  return undefined;
}

function heldRefusal(fnText: string): string {
  return `cannot unwrap: the function is what ${fnText} holds at run time (a field or an attribute the instance was given), which may be any function of this project, ${NOT_KNOWN}; ${REFUSED}`;
}

/** `send = getattr(requests, method)`: a function an installed library's module gives by name. */
function libraryLookup(scan: FileScan, fn: SyntaxNode): boolean {
  const index = scan.ctx.project.index;
  if (!index) return false;
  const isLibrary = (qualified: string) => !projectTopModules(index).has(qualified.split(".")[0]);
  return (
    dynamicLookupOf(scan.file, fn, () => false) !== undefined &&
    dynamicLookupOf(scan.file, fn, isLibrary) === undefined
  );
}
