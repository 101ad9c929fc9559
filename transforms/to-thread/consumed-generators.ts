import { projectTopModules } from "../../src/project/index-lookup.js";
import { dottedName } from "../../src/python/module-names.js";
import { CONSUMING_BUILTINS } from "../../src/python/iterating-builtins.js";
import type { SyntaxNode } from "../../src/model/types.js";
import { PROJECT_KEY } from "./loop-hazards.js";
import { producerOf } from "./generator-steps.js";
import type { SameFileFunctions } from "./callees.js";
import { argumentAfterTarget, type Target } from "./sites.js";

/*
 * `to_thread(list, rows())` or `to_thread(lambda: list(rows()))`: `rows()` only makes the
 * generator on the loop; its body runs inside `list`, in the thread. Unwrapped, it runs on the
 * loop, and the site's callee, `list`, says nothing of it (hazard-review-9 Z19: "list could not
 * be read", a lock taken in the generator unwrapped in the SAFE run). The generator's maker is
 * judged instead, as for `to_thread(next, it)` (generator-steps.ts).
 */

/** Is `fn` a consumer builtin (`list`, not a name of the file's own) or a string's `join`? */
function isConsumer(scan: { functions: SameFileFunctions }, fn: SyntaxNode): boolean {
  const file = scan.functions.file;
  if (fn.type === "identifier")
    return CONSUMING_BUILTINS.has(fn.text) && file.isBuiltin(fn.text, fn);
  return (
    fn.type === "attribute" &&
    fn.childForFieldName("object")?.type === "string" &&
    fn.childForFieldName("attribute")?.text === "join"
  );
}

/** Does the def `rows` stands for yield (its own body, not a nested def's)? */
function yields(def: SyntaxNode): boolean {
  const visit = (node: SyntaxNode): boolean =>
    node.namedChildren.some(
      (c) =>
        c.type === "yield" ||
        (!["function_definition", "lambda", "class_definition"].includes(c.type) && visit(c)),
    );
  const body = def.childForFieldName("body");
  return body ? visit(body) : false;
}

/**
 * The maker of the generator a consumer site runs through (`rows` for `to_thread(list, rows())`),
 * when it is a function of the project that may be a generator; else undefined (a library's
 * iterator, a list, a value made out of sight: the site is judged as before).
 */
export function consumedProducer(
  scan: { functions: SameFileFunctions },
  target: Target,
  call: SyntaxNode,
): SyntaxNode | undefined {
  if (!isConsumer(scan, target.fn)) return undefined;
  const consumed = argumentAfterTarget(target, call);
  const producer = consumed && producerOf(scan.functions.file, consumed, call);
  if (!producer) return undefined;
  const functions = scan.functions;
  const reaches = functions.callFact(producer, producer).reaches;
  const def = reaches && functions.defOf(reaches);
  // A def of this file is judged only if it is a generator (a plain function ran before).
  if (def) return def.type === "function_definition" && yields(def) ? producer : undefined;
  const index = functions.project?.index;
  const dotted = reaches?.startsWith(PROJECT_KEY) ? reaches.slice(PROJECT_KEY.length) : undefined;
  return index && dotted && projectTopModules(index).has(dottedName(dotted).split(".")[0])
    ? producer
    : undefined;
}
