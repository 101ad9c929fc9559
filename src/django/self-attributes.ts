import type { SyntaxNode } from "../model/types.js";
import type { ProjectFacts } from "../model/types.js";
import type { InstanceProof } from "./proof-types.js";

// orm-review-3 N4/N8 (b3lb `NodeRequest`): `self.meeting` in a method of a plain class whose body
// annotates `meeting: Union[Meeting, None]` is a Meeting instance the object holds, as a
// parameter annotated with the model would be; reading it is in memory. A model class's own
// attributes are fields and relations (lazy-relations.ts), never read this way.

/** `self.<name>` annotated in the class body of the method it is read in (not a model's). */
export function classAnnotatedInstance(
  project: ProjectFacts,
  expr: SyntaxNode,
  modelOf: (type: SyntaxNode) => string | undefined,
): InstanceProof | undefined {
  const object = expr.childForFieldName("object");
  const name = expr.childForFieldName("attribute")?.text;
  if (object?.type !== "identifier" || object.text !== "self" || !name) return undefined;
  let def = expr.parent;
  while (def && def.type !== "function_definition") def = def.parent;
  const first = def?.childForFieldName("parameters")?.namedChildren[0];
  if (!def || first?.text !== "self") return undefined;
  const holder = def.parent?.type === "decorated_definition" ? def.parent : def;
  const cls = holder.parent?.parent;
  const className = cls?.type === "class_definition" ? cls.childForFieldName("name")?.text : "";
  if (!cls || !className || project.models[className]) return undefined;
  for (const statement of cls.childForFieldName("body")?.namedChildren ?? []) {
    const assignment =
      statement.type === "expression_statement" ? statement.namedChildren[0] : null;
    const type = assignment?.type === "assignment" ? assignment.childForFieldName("type") : null;
    if (!type || assignment?.childForFieldName("left")?.text !== name) continue;
    const model = modelOf(type);
    return model ? { model, selected: new Set(), fromParameter: true } : undefined;
  }
  return undefined;
}
