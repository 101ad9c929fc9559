import type { FileSemantics, ProjectIndex, SyntaxNode } from "../../src/model/types.js";
import { functionsNamed, projectTopModules } from "../../src/project/index-lookup.js";
import { dottedName } from "../../src/python/module-names.js";
import {
  RUNS_LATER_FUNCTIONS,
  RUNS_LATER_METHODS,
  threadWait,
} from "../../src/python/thread-waits.js";
import { PROJECT_KEY, type CallFact } from "./loop-hazards.js";
import type { CallableReader } from "./returned-callables.js";
import { isPropertyDef } from "./property-reads.js";

/*
 * A function handed to a call may be called by it, there and then: `sorted(rows,
 * key=store.rank)`, `map(store.rank, rows)`, a project helper's `fn(row)`. Its lock is then the
 * caller's (hazard-review-7 Y15c: `Store.rank` entering `self._lock`, unwrapped in the SAFE run
 * because nothing called it by name). Read as a call of it, unless the call keeps it for another
 * thread or later (`Thread(target=...)`, `executor.submit`: src/python/thread-waits.ts).
 */

/** Does `call` keep the functions it is given for another thread or for later? */
export function runsLater(file: FileSemantics, call: SyntaxNode): boolean {
  const fn = call.childForFieldName("function");
  if (fn?.type !== "identifier" && fn?.type !== "attribute") return false;
  const qualified = file.qualifiedName(fn);
  if (qualified && RUNS_LATER_FUNCTIONS.has(qualified)) return true;
  const method = fn.type === "attribute" ? fn.childForFieldName("attribute")?.text : undefined;
  return method !== undefined && RUNS_LATER_METHODS.has(method);
}

/** What a reader of handed functions needs: the def of this file a key names. */
export interface PassingReader extends CallableReader {
  defOf(key: string): SyntaxNode | undefined;
}

/**
 * The project functions `call` is handed (a def's name, an imported function, a method of a class
 * the file knows: not called, not a property), as calls of them. A value that only shares a
 * function's name (`_conversation_from(run)` with `run = attempt.run`) is not one.
 */
export function passedCallables(reader: PassingReader, call: SyntaxNode): CallFact[] {
  const index = reader.project?.index;
  const args = call.childForFieldName("arguments");
  if (!index || args?.type !== "argument_list") return [];
  const values = args.namedChildren
    .map((a) => (a.type === "keyword_argument" ? a.childForFieldName("value") : a))
    .filter((v): v is SyntaxNode => v?.type === "identifier" || v?.type === "attribute");
  if (values.length === 0 || runsLater(reader.file, call)) return [];
  const line = call.startPosition.row + 1;
  return values.flatMap((value) => {
    // `iter(q.get, None)`: a thread primitive's wait, called by what it is handed to (Z25).
    const wait = value.type === "attribute" ? reader.callFact(value, call) : undefined;
    if (wait && threadWait(wait.receiverMadeBy, wait.method!)) return [{ ...wait, line }];
    // Only a name some function of the project has is worth following.
    const name =
      value.type === "identifier" ? value.text : value.childForFieldName("attribute")!.text;
    if (functionsNamed(index, name).length === 0) return [];
    const own = reader.resolve(value, call);
    if (value.type === "identifier" && !own && !reader.file.qualifiedName(value)) return [];
    if (own && isPropertyDef(own)) return [];
    const fact = reader.callFact(value, call);
    if (!fact.reaches || !(reader.defOf(fact.reaches) || indexedFunction(index, fact.reaches)))
      return [];
    // A method of a value of unknown class: the project's namesakes are a guess, not read here.
    if (fact.namesakes) {
      delete fact.alternatives;
      delete fact.namesakes;
    }
    return [{ ...fact, line }];
  });
}

/** Does a project key name a def the index lists (`py:app.store.Store.rank`)? */
function indexedFunction(index: ProjectIndex, key: string): boolean {
  if (!key.startsWith(PROJECT_KEY)) return false;
  const dotted = dottedName(key.slice(PROJECT_KEY.length));
  const name = dotted.slice(dotted.lastIndexOf(".") + 1);
  const owner = dotted.slice(0, dotted.lastIndexOf("."));
  if (!projectTopModules(index).has(dotted.split(".")[0])) return false;
  return functionsNamed(index, name).some((f) => {
    const module = dottedName(f.module);
    return (
      !f.nested &&
      (f.className
        ? owner === `${module}.${f.className}` || owner.endsWith(`.${f.className}`)
        : owner === module)
    );
  });
}

/** `max(rows, key=lambda r: store.rank(r))`: a lambda handed to a call that runs it now. */
export function isCalledLambda(file: FileSemantics, lambda: SyntaxNode): boolean {
  let args = lambda.parent;
  if (args?.type === "keyword_argument") args = args.parent;
  const call = args?.type === "argument_list" ? args.parent : null;
  return call?.type === "call" && !runsLater(file, call);
}
