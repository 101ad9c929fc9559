import type { ProjectFacts, SyntaxNode } from "../model/types.js";

// orm-human-9 H5 (django-matt's viewset): `instance = self.model(**data)` in a method of a class
// whose body sets `model = Note`. The attribute names that model class when nothing else can set
// it: no project class extends the class (a subclass may set another `model`), and no method of
// the class assigns `self.model`. The class itself is then the only place the value comes from.

/** The model class `self.<name>` / `cls.<name>` names in a method, from the class body's `name = Model`. */
export function classAttributeModel(
  project: ProjectFacts,
  expr: SyntaxNode,
  modelNamed: (name: string, at: SyntaxNode) => string | undefined,
): string | undefined {
  const object = expr.childForFieldName("object");
  const name = expr.childForFieldName("attribute")?.text;
  if (object?.type !== "identifier" || !/^(self|cls)$/.test(object.text) || !name) return undefined;
  const cls = methodClass(expr, object.text);
  const className = cls?.childForFieldName("name")?.text;
  if (!cls || !className || !project.subclassHeads) return undefined;
  if (namedAsBase(project.subclassHeads).has(className)) return undefined;
  const values = (cls.childForFieldName("body")?.namedChildren ?? []).flatMap((statement) => {
    const assignment =
      statement.type === "expression_statement" ? statement.namedChildren[0] : null;
    if (assignment?.type !== "assignment") return [];
    return assignment.childForFieldName("left")?.text === name
      ? [assignment.childForFieldName("right")]
      : [];
  });
  const value = values.length === 1 ? values[0] : null;
  if (value?.type !== "identifier" || assignedInMethods(cls, name)) return undefined;
  return modelNamed(value.text, value);
}

/** Every name some project class lists as a base, made once per project's heads (asked per `self.x`). */
const basesOfHeads = new WeakMap<Record<string, string[]>, ReadonlySet<string>>();

function namedAsBase(heads: Record<string, string[]>): ReadonlySet<string> {
  let bases = basesOfHeads.get(heads);
  if (!bases) basesOfHeads.set(heads, (bases = new Set(Object.values(heads).flat())));
  return bases;
}

/** The class whose method (first parameter `self` or `cls`) holds `node`. */
function methodClass(node: SyntaxNode, first: string): SyntaxNode | undefined {
  let def = node.parent;
  while (def && def.type !== "function_definition") def = def.parent;
  if (def?.childForFieldName("parameters")?.namedChildren[0]?.text !== first) return undefined;
  const holder = def.parent?.type === "decorated_definition" ? def.parent : def;
  const cls = holder.parent?.parent;
  return cls?.type === "class_definition" ? cls : undefined;
}

/** `self.<name> = ...` / `cls.<name> = ...` (or `setattr`) anywhere in the class's methods. */
function assignedInMethods(cls: SyntaxNode, name: string): boolean {
  const written = new RegExp(`\\b(self|cls)\\s*\\.\\s*${name}\\s*=(?!=)|setattr\\(`);
  return (cls.childForFieldName("body")?.namedChildren ?? []).some(
    (member) => member.type !== "expression_statement" && written.test(member.text),
  );
}
