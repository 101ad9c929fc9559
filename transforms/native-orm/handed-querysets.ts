import { callArguments } from "../../src/python/calls.js";
import type { SyntaxNode } from "../../src/model/types.js";
import { evaluatedParameters } from "./chain-arguments.js";
import {
  isMaterialized,
  onlyIterates,
  parameterFilled,
  plainDefCalled,
} from "./materialized-arguments.js";
import type { OrmFile, Problem } from "./types.js";

// orm-human-7 K10, the refusal: a wrapper handing a proven queryset to a plain def of its own
// file that evaluates that parameter (`if not keywords:`, `for s in sources: s.title`) holds ORM
// work with no async form there, though its own body shows none: said where the query runs, and
// why it is not materialized at the call (materialized-arguments.ts). A def of another module is
// the chain's to say (chain-planner.ts, W1).

/** The first such queryset `call` hands a plain def of this file: AS204, at the call. */
export function handedQuerysetProblem(f: OrmFile, call: SyntaxNode): Problem | undefined {
  const callee = call.childForFieldName("function");
  const def = callee && !f.file.importBindingOf(callee.text, callee) && plainDefCalled(f, callee);
  if (!def) return undefined;
  const evaluated = evaluatedParameters(def);
  const args = callArguments(call);
  for (const arg of args) {
    const value = arg.type === "keyword_argument" ? arg.childForFieldName("value") : arg;
    const qs = value ? f.proofs.querysetOf(value) : undefined;
    const name = qs ? parameterFilled(def, args, arg) : undefined;
    const at = evaluated.find((e) => e.name === name);
    if (!value || !name || !at || isMaterialized(f, call, value)) continue;
    const fn = `${callee!.text}()`;
    const why =
      qs!.yieldsInstances && onlyIterates(def, name)
        ? `its rows are model instances, whose relations ${fn} may read lazily`
        : `${fn} does more with it than iterate it once, under no branch`;
    return {
      code: "AS204",
      node: call,
      message: `${fn} evaluates its parameter ${name} (line ${at.line}), and this call hands it the queryset ${short(value)}: the query runs there, synchronously; ${why}, so it is not materialized here with an async comprehension`,
    };
  }
  return undefined;
}

function short(node: SyntaxNode): string {
  const text = node.text.replace(/\s+/g, " ");
  return `\`${text.length > 40 ? `${text.slice(0, 37)}...` : text}\``;
}
