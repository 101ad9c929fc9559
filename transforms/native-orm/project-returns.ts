import { callThroughWrapper } from "../../src/django/proof-parts.js";
import type { InstanceProof } from "../../src/django/orm.js";
import type { SyntaxNode } from "../../src/model/types.js";
import { calledKey, inheritedTarget, projectPlan, selfClass } from "./cross-calls.js";
import type { OrmFile } from "./types.js";

// orm-human-7 K7 (openwisp's `node = await database_sync_to_async(self._create_node)(...)`, a
// mixin's method of another module that returns `self.node_model(**options)`, saved): the value
// of a call of a project function of another module is what that function returns, as its own
// file proves it (the survey's `?returns` question, caller-proofs.ts). A file asks it of every
// function whose value it binds to a name; the plan keeps the answers; the proofs read them here.

/**
 * The project function `value` calls, when its value is the function's return: `await K(...)` of
 * an async K, `K(...)` of a sync one, `await sync_to_async(K)(...)` of a sync one. K: a function
 * or static/class method of a module (calledKey), or `self.<name>` inherited from a class of
 * another module along the method resolution order (inheritedTarget).
 */
export function returnTarget(f: OrmFile, value: SyntaxNode): string | undefined {
  const awaited = value.type === "await";
  const call = awaited ? value.namedChildren[0] : value;
  if (call?.type !== "call") return undefined;
  const outer = call.childForFieldName("function");
  const wrapped = outer?.type === "call";
  const callee = wrapped ? callThroughWrapper(call)?.callee : outer;
  if (!callee || (wrapped && !awaited)) return undefined;
  return targetOf(f, callee, wrapped ? false : awaited);
}

/** The key of the function `callee` names, when it is `async def` exactly when `async_`. */
function targetOf(f: OrmFile, callee: SyntaxNode, async_: boolean): string | undefined {
  const target = calledKey(f, callee);
  if (target) return target.async === async_ ? target.key : undefined;
  // `self.<name>` of a base of another module: inheritedTarget follows only sync defs.
  return async_ ? undefined : inheritedTarget(f, callee)?.target;
}

/** The keys of the project functions whose values this file binds to names (first round). */
export function returnAsks(f: OrmFile): string[] {
  const keys = new Set<string>();
  for (const site of f.root.descendantsOfType("assignment")) {
    const left = site.childForFieldName("left");
    const right = site.childForFieldName("right");
    if (left?.type !== "identifier" || !right || !/\bawait\b|_to_async\b/.test(right.text))
      continue;
    const key = returnTarget(f, right);
    if (key) keys.add(key);
  }
  return [...keys];
}

/**
 * The answer `?returns` gets for a def returning `n`, bound once to `self.<attribute>(...)` where
 * the class defines no method of that name nor assigns it on `self`: the class attribute, which
 * the class using it binds (`node_model = Node`).
 */
export function selfAttributeReturned(def: SyntaxNode, value: SyntaxNode): string | undefined {
  if (value.type !== "identifier") return undefined;
  const body = def.childForFieldName("body");
  const sites = (body?.descendantsOfType("assignment") ?? []).filter(
    (a) => a.childForFieldName("left")?.text === value.text,
  );
  const right = sites.length === 1 ? sites[0].childForFieldName("right") : undefined;
  const callee = right?.type === "call" ? right.childForFieldName("function") : undefined;
  const receiver = callee?.type === "attribute" ? callee.childForFieldName("object") : undefined;
  const attribute = callee?.childForFieldName("attribute")?.text;
  const self = def.childForFieldName("parameters")?.namedChildren[0]?.text;
  if (!attribute || receiver?.type !== "identifier" || receiver.text !== self) return undefined;
  const holder = def.parent?.type === "decorated_definition" ? def.parent : def;
  const cls = holder.parent?.parent;
  if (cls?.type !== "class_definition") return undefined;
  const defined = cls
    .descendantsOfType("function_definition")
    .some((d) => d.childForFieldName("name")?.text === attribute);
  const assigned = cls
    .descendantsOfType("attribute")
    .some(
      (a) =>
        a.childForFieldName("attribute")?.text === attribute &&
        a.parent?.type === "assignment" &&
        a.parent.childForFieldName("left")?.id === a.id,
    );
  return defined || assigned ? undefined : attribute;
}

/**
 * The proofs' hook: the instance `call` (of `callee`, through a wrapper or not) returns, as the
 * plan's answers say: one model's instance, or the model class the calling class binds to the
 * attribute the function constructs from (`node_model = Node` in the class of `self`, no class
 * of the project deriving from it, nothing assigning it on `self`).
 */
export function plannedReturn(
  f: OrmFile,
  callee: SyntaxNode,
  call: SyntaxNode,
): InstanceProof | undefined {
  const returns = projectPlan(f)?.returns;
  if (!returns) return undefined;
  const outer = call.childForFieldName("function");
  const awaited = call.parent?.type === "await";
  const key = targetOf(f, callee, outer?.type === "call" ? false : awaited);
  const found = key ? returns[key] : undefined;
  if (!found) return undefined;
  const selected = found.selected === "all" ? "all" : new Set(found.selected ?? []);
  if (found.model) return { model: found.model, selected };
  const cls = found.selfAttribute ? selfClass(f, callee) : undefined;
  const model = cls ? classAttributeModel(f, cls, found.selfAttribute!) : undefined;
  return model ? { model, selected: new Set() } : undefined;
}

/** The model class `name = <Model>` in the body of `cls` binds, when nothing rebinds it. */
function classAttributeModel(f: OrmFile, cls: SyntaxNode, name: string): string | undefined {
  const heads = f.ctx.project.subclassHeads;
  const className = cls.childForFieldName("name")?.text ?? "";
  const derived =
    !heads ||
    Object.entries(heads).some(
      ([sub, bases]) => sub !== className && derivesFrom(heads, sub, className, bases),
    );
  if (derived) return undefined;
  const body = cls.childForFieldName("body")?.namedChildren ?? [];
  const bound = body.flatMap((s) => {
    const a = s.type === "expression_statement" ? s.namedChildren[0] : undefined;
    return a?.type === "assignment" && a.childForFieldName("left")?.text === name ? [a] : [];
  });
  const onSelf = cls
    .descendantsOfType("attribute")
    .some(
      (a) =>
        a.childForFieldName("attribute")?.text === name &&
        a.parent?.type === "assignment" &&
        a.parent.childForFieldName("left")?.id === a.id,
    );
  const right = bound.length === 1 && !onSelf ? bound[0].childForFieldName("right") : undefined;
  return right ? f.proofs.modelClassOf(right) : undefined;
}

/** Whether the class named `sub` (with these bases) derives from `base`, by the heads. */
function derivesFrom(
  heads: Record<string, string[]>,
  sub: string,
  base: string,
  bases: string[],
  seen = new Set<string>(),
): boolean {
  if (seen.has(sub)) return false;
  seen.add(sub);
  return bases.some((b) => b === base || derivesFrom(heads, b, base, heads[b] ?? [], seen));
}
