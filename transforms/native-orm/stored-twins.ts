import type { SyntaxNode } from "../../src/model/types.js";
import type { Edit } from "../../src/model/types.js";
import { awaitedCall } from "./chain-plan.js";
import { projectTwinText } from "./chain-facts.js";
import { awaitedEdits } from "./rewrite.js";
import { twinName } from "./chain-planner.js";
import { chainFunction, nameOf, reachesOrmWork } from "./chains.js";
import { fixOf, lineOf, recordSite, report } from "./state.js";
import type { OrmFile } from "./types.js";

// Issue 23 item 7 (pulpcore `ProgressReport`): `aincrement = sync_to_async(increment)` in a
// model's class body is the async twin a project wrote by hand. When `increment()`'s body converts
// (its ORM work has native forms on `self`, and each method of the class it calls has such an
// attribute that converts too), the attribute becomes `async def aincrement(self)` with that body
// awaited natively. Its callers already await it: calling either gives an awaitable.

/** The attribute, its class and the def it wraps, when it is `a<m> = sync_to_async(<m>)`. */
interface StoredTwin {
  statement: SyntaxNode;
  def: SyntaxNode;
  name: string;
}

/**
 * Reports `a<m> = sync_to_async(<m>)` of a model class whose `<m>` converts: the attribute
 * becomes the native twin (AS210), or is kept with what blocks it (AS207). False when `wrap` is
 * not one.
 */
export function storedMethodTwin(f: OrmFile, wrap: SyntaxNode, target: SyntaxNode): boolean {
  const stored = storedTwin(f, wrap, target);
  // A thread wrapper around work with no ORM is accounting.ts's (AS215).
  const calls = stored ? [{ call: wrap, callee: target, def: stored.def }] : [];
  if (!stored || !reachesOrmWork(f, calls)) return false;
  const written = `${stored.name} = ${wrap.text.split("\n")[0]}`;
  const blocker = blockerOf(f, stored.def, new Set());
  recordSite(f, "sync_to_async", wrap, blocker ? "AS207" : undefined);
  if (blocker) {
    report(f, wrap, "AS207", `${written} kept: ${blocker}`);
    return true;
  }
  const fn = chainFunction(f, stored.def);
  // Methods of the class in memory stay plain calls; the others await their twins.
  const twinned = fn.calls.filter((c) => !inMemory(f, c.def));
  const edits: Edit[] = [
    { start: stored.def.startIndex, end: stored.def.startIndex, text: "async " },
    ...fn.findings.conversions.flatMap(awaitedEdits),
    ...twinned.flatMap((c) => awaitedCall(c.call, c.callee, twinName(nameOf(c.def)))),
  ];
  const text = projectTwinText(f, stored.def, edits);
  const twins = twinned.map((c) => twinName(nameOf(c.def)));
  report(
    f,
    wrap,
    "AS210",
    `${written} becomes async def ${stored.name}(): ${nameOf(stored.def)}()'s body with its ORM work awaited in native form${twins.length > 0 ? ` (and ${[...new Set(twins)].join(", ")} awaited)` : ""}; its callers await it as before`,
    text,
    fixOf(
      "safe",
      [{ start: stored.statement.startIndex, end: stored.statement.endIndex, text }],
      fn.findings.conversions,
      [wrap.childForFieldName("function")!],
    ),
  );
  return true;
}

function storedTwin(f: OrmFile, wrap: SyntaxNode, target: SyntaxNode): StoredTwin | undefined {
  const assignment = wrap.parent;
  const left = assignment?.type === "assignment" ? assignment.childForFieldName("left") : null;
  const statement = assignment?.parent;
  if (target.type !== "identifier" || left?.type !== "identifier") return undefined;
  if (statement?.type !== "expression_statement" || left.text !== twinName(target.text))
    return undefined;
  const callee = wrap.childForFieldName("function");
  if (!callee || f.file.qualifiedName(callee) !== "asgiref.sync.sync_to_async") return undefined;
  const keywords = (wrap.childForFieldName("arguments")?.namedChildren ?? []).filter(
    (a) => a.type === "keyword_argument",
  );
  if (keywords.some((a) => a.text.replace(/\s/g, "") !== "thread_sensitive=True")) return undefined;
  const def = ownMethod(f, target);
  return def ? { statement, def, name: left.text } : undefined;
}

/** The plain `def <name>(self, ...)` of a model's class body that `name` is bound to. */
function ownMethod(f: OrmFile, name: SyntaxNode): SyntaxNode | undefined {
  const cls = f.file.enclosingScope(name);
  const model = cls.type === "class_definition" ? cls.childForFieldName("name")?.text : "";
  if (!model || !f.ctx.project.models[model]) return undefined;
  const bound = f.file.bindingsNamed(cls, name.text);
  const def = bound.length === 1 ? bound[0].node.parent : undefined;
  if (def?.type !== "function_definition" || def.parent?.parent?.id !== cls.id) return undefined;
  if (def.children.some((c) => c.type === "async")) return undefined;
  return def.childForFieldName("parameters")?.namedChildren[0]?.text === "self" ? def : undefined;
}

/**
 * What keeps `def`'s body from running natively: its own blocker, a call to another file, or a
 * method of the class it calls that has no stored twin converting too (`seen`: the chain so far).
 */
function blockerOf(f: OrmFile, def: SyntaxNode, seen: Set<number>): string | undefined {
  const name = `${nameOf(def)}()`;
  if (seen.has(def.id)) return `${name} is reached again through its own calls: not converted`;
  seen.add(def.id);
  const fn = chainFunction(f, def);
  const chained = new Set(fn.calls.map((c) => c.call.id));
  const own = fn.problems.find((p) => !chained.has(p.node.id) && !storedByClass(def, p));
  if (own) return `${name} -> line ${lineOf(own.node)}: ${own.message}`;
  for (const c of fn.calls) {
    if (inMemory(f, c.def)) continue;
    const twin = storedAttributeOf(f, c.def);
    if (!twin)
      return `${name} -> line ${lineOf(c.call)}: ${c.call.text.split("\n")[0]} calls ${nameOf(c.def)}(), which has no async twin (${twinName(nameOf(c.def))} = sync_to_async(${nameOf(c.def)}) beside it would be converted too)`;
    const deeper = blockerOf(f, c.def, seen);
    if (deeper) return `${name} -> ${deeper}`;
  }
  return undefined;
}

/**
 * `self.save()` newer than the target (AS209) where the class stores `asave = sync_to_async(save)`
 * itself: `await self.asave()` is the class's own, on any Django.
 */
function storedByClass(def: SyntaxNode, p: { code: string; node: SyntaxNode }): boolean {
  const callee = p.code === "AS209" ? p.node.childForFieldName("function") : null;
  const method = callee?.childForFieldName("attribute")?.text;
  if (callee?.childForFieldName("object")?.text !== "self" || !method) return false;
  return (def.parent?.namedChildren ?? []).some((s) => {
    const a = s.type === "expression_statement" ? s.namedChildren[0] : undefined;
    const right = a?.type === "assignment" ? a.childForFieldName("right") : null;
    const wrapped = right?.type === "call" ? right.childForFieldName("arguments") : null;
    return (
      a?.childForFieldName("left")?.text === twinName(method) &&
      wrapped?.namedChildren[0]?.text === method
    );
  });
}

/** A method whose body does no ORM work, calls nothing and reads nothing that may query. */
function inMemory(f: OrmFile, def: SyntaxNode): boolean {
  const fn = chainFunction(f, def);
  return fn.findings.ormSites === 0 && fn.problems.length === 0 && fn.calls.length === 0;
}

/** The `a<m> = sync_to_async(<m>)` statement of the class that holds `def`, if it has one. */
function storedAttributeOf(f: OrmFile, def: SyntaxNode): SyntaxNode | undefined {
  const twin = twinName(nameOf(def));
  const body = def.parent;
  return body?.namedChildren.find((s) => {
    const a = s.type === "expression_statement" ? s.namedChildren[0] : undefined;
    const right = a?.type === "assignment" ? a.childForFieldName("right") : null;
    const wrapped = right?.type === "call" ? right.childForFieldName("arguments") : null;
    return (
      a?.childForFieldName("left")?.text === twin &&
      wrapped?.namedChildren[0]?.text === nameOf(def) &&
      !!storedTwin(f, right!, wrapped.namedChildren[0])
    );
  });
}
