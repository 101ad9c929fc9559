import { absoluteName } from "../../src/python/relative-imports.js";
import { baseExpressions, methodResolutionOrder, ownMethod } from "../../src/python/mro.js";
import { projectTopModules } from "../../src/project/index-lookup.js";
import type { SyntaxNode } from "../../src/model/types.js";
import { classOfMethod } from "./class-attributes.js";
import { enclosingDef } from "./receivers.js";
import { PROJECT_KEY, type CallFact } from "./loop-hazards.js";
import type { CallableReader } from "./returned-callables.js";

/**
 * The method whose `self` a name means at `at`: the enclosing def, or, inside a def nested in a
 * method (a decorator's `wrapper` returned by `limit(self, fn)`), the method it closes over, when
 * no def on the way takes a parameter of that name (hazard-review-9 Z17).
 */
export function methodOfSelf(name: string, at: SyntaxNode): SyntaxNode | undefined {
  for (let def = enclosingDef(at); def; def = enclosingDef(def)) {
    if (classOfMethod(def)) return def;
    const parameters = def.childForFieldName("parameters")?.namedChildren ?? [];
    const names = parameters.map((p) =>
      p.type === "identifier" ? p.text : (p.childForFieldName("name") ?? p.namedChildren[0])?.text,
    );
    if (names.includes(name)) return undefined;
  }
  return undefined;
}

/**
 * `super().op()` in a method of a class of this file: the `op` of the next class along its
 * method resolution order that defines it, a def of this file or a project base's of another
 * file (its key), or a library base's method (by the class: a `threading.Thread`'s `join` is a
 * wait). Read as any project method of that name, it named an unrelated namesake, or none when
 * there were too many (hazard-review-9 Z25's note). Undefined when the order is out of sight or
 * no base defines it (a mixin's, whose next class is the instance's to say).
 */
export function superCallFact(
  reader: CallableReader,
  callee: SyntaxNode,
  at: SyntaxNode,
): CallFact | undefined {
  const object = callee.type === "attribute" ? callee.childForFieldName("object") : null;
  const fn = object?.type === "call" ? object.childForFieldName("function") : null;
  if (fn?.type !== "identifier" || fn.text !== "super" || !reader.file.isBuiltin("super", fn))
    return undefined;
  const name = callee.childForFieldName("attribute")!.text;
  const method = enclosingDef(at);
  const cls = method && classOfMethod(method);
  const order = cls ? methodResolutionOrder(cls)?.slice(1) : undefined;
  const fact = { text: callee.text, method: name };
  const locals = (order ?? []).flatMap((c) => (c.kind === "local" ? [c.node] : []));
  for (const c of order ?? []) {
    if (c.kind === "local") {
      const def = ownMethod(c.node, name);
      if (def) return { ...fact, reaches: reader.keyOf(def) };
      continue;
    }
    // `threading.Thread`, written as an attribute: the name it stands for through the imports.
    const written = [cls!, ...locals]
      .flatMap((l) => baseExpressions(l))
      .find((b) => c.kind === "opaque" && b.text === c.text);
    const qualified =
      c.kind === "imported" ? c.binding.qualified : written && reader.file.qualifiedName(written);
    if (!qualified) return undefined;
    const base = absoluteName(qualified, reader.file.module, reader.file.path);
    const index = reader.project?.index;
    if (!base || !index) return undefined;
    // A project base: its method, or what its own bases give (the survey reads them).
    if (projectTopModules(index).has(base.split(".")[0]))
      return { ...fact, reaches: `${PROJECT_KEY}${base}.${name}` };
    return { ...fact, receiverMadeBy: base };
  }
  // No base defines it: a mixin's `super()`, which the instance's order decides (read as before).
  return undefined;
}
