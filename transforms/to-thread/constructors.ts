import type { FileSemantics, SyntaxNode } from "../../src/model/types.js";
import { baseExpressions, methodResolutionOrder, ownMethod } from "../../src/python/mro.js";
import { defAt } from "./defs-at.js";
import { isSelfOrCls } from "./call-shapes.js";
import { classOfMethod } from "./class-attributes.js";
import { methodOfSelf } from "./self-calls.js";
import { PROJECT_KEY, type CallFact, type FunctionFacts } from "./loop-hazards.js";
import type { CallableReader } from "./returned-callables.js";

/*
 * Building an instance runs project code no call names: `Registers()` runs `Registers.__init__`,
 * a dataclass's generated `__init__` runs its `__post_init__`, and `__new__` runs before both,
 * each the first along the class's method resolution order. A lock taken there was unwrapped
 * in the SAFE run (hazard-review-9 Z20: `to_thread(Registers)` was "not a function of this
 * project", and `Registers()` / `Entry()` inside a helper were not followed).
 */

/** What constructing an instance runs, in the order Python runs them. */
const CONSTRUCTING = ["__new__", "__init__", "__post_init__"];

/** The class `name` stands for at `at`, when every binding of it in sight is a class statement. */
export function classAt(
  file: FileSemantics,
  name: SyntaxNode,
  at: SyntaxNode,
): SyntaxNode | undefined {
  return name.type === "identifier" ? defAt(file, name.text, at, "class_definition") : undefined;
}

/**
 * The class whose instance `cls(...)` in a classmethod, `type(self)(...)` or
 * `self.__class__(...)` builds: the method's own (a subclass's may run instead; its overrides
 * are read with it by the caller).
 */
export function ownClassAt(callee: SyntaxNode, at: SyntaxNode): SyntaxNode | undefined {
  const fn = callee.type === "call" ? callee.childForFieldName("function") : null;
  const args = callee.childForFieldName("arguments")?.namedChildren ?? [];
  const self =
    fn?.text === "type" && args.length === 1
      ? args[0]
      : callee.type === "attribute" && callee.childForFieldName("attribute")?.text === "__class__"
        ? callee.childForFieldName("object")
        : callee.type === "identifier" && callee.text === "cls"
          ? callee
          : null;
  if (self?.type !== "identifier" || (self.text !== "self" && self.text !== "cls"))
    return undefined;
  const method = methodOfSelf(self.text, at);
  return method && isSelfOrCls(self, method) ? classOfMethod(method) : undefined;
}

/** The module-level class `name` of a file (a survey asks for `Registers` as a constructor). */
export function moduleLevelClass(file: FileSemantics, name: string): SyntaxNode | undefined {
  if (name.includes(".")) return undefined;
  const statements = file.root.namedChildren.map((s) =>
    s.type === "decorated_definition" ? s.childForFieldName("definition") : s,
  );
  const classes = statements.filter(
    (s) => s?.type === "class_definition" && s.childForFieldName("name")?.text === name,
  );
  return classes.at(-1) ?? undefined;
}

/**
 * The facts of constructing `cls` (a class of this file): a hop (no name of its own in a
 * message) reaching the `__new__`, `__init__` and `__post_init__` it runs, each the first along
 * its method resolution order, and the constructors of the bases out of sight (a project class
 * of another file: its own are read there) when one of them is not found in this file.
 */
export function constructorFacts(
  reader: CallableReader,
  cls: SyntaxNode,
  path: string,
): FunctionFacts {
  const name = cls.childForFieldName("name")?.text ?? "<class>";
  const line = cls.startPosition.row + 1;
  const order = methodResolutionOrder(cls) ?? [{ kind: "local" as const, node: cls }];
  const locals = order.flatMap((c) => (c.kind === "local" ? [c.node] : []));
  const calls: CallFact[] = [];
  let outOfSight = false;
  for (const method of CONSTRUCTING) {
    const def = locals.map((c) => ownMethod(c, method)).find((d) => d !== undefined);
    if (def) calls.push({ text: name, reaches: reader.keyOf(def), line });
    else outOfSight = true;
  }
  if (outOfSight)
    for (const local of locals)
      for (const base of baseExpressions(local)) {
        if (base.type !== "identifier" && base.type !== "attribute") continue;
        if (locals.some((c) => c.childForFieldName("name")?.text === base.text)) continue;
        const reaches = reader.callFact(base, base).reaches;
        if (reaches?.startsWith(PROJECT_KEY)) calls.push({ text: base.text, reaches, line });
      }
  return { name, hop: true, calls, path, line };
}
