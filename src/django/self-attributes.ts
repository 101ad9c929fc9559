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
  returned?: (call: SyntaxNode) => InstanceProof | undefined,
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
  // orm-review-5 Q13 (Archon `self._agent_session: Optional[AgentSession] = None` in `__init__`):
  // the annotation a method of the class gives the attribute, the same wherever it is written.
  const types = methodAnnotations(cls, name).map(modelOf);
  const model = types[0] ?? (returned && assignedModel(cls, name, returned));
  return model && types.every((t) => t === model)
    ? { model, selected: new Set(), fromParameter: true }
    : undefined;
}

/**
 * orm-review-5 Q10, orm-human-5 H8 (a consumer's `self.room = await Room.objects.aget(pk=pk)` in
 * `connect()`): the model every assignment of `self.<name>` in the class's methods gives, each a
 * call proven to return an instance of it (awaited or not), or a name proven one (Q10b:
 * `session = await self._get_session(pk)`, then `self.session = session`). Read in another method, which of them
 * ran is not known: loaded out of sight, as a parameter's (its relations not selected).
 */
function assignedModel(
  cls: SyntaxNode,
  name: string,
  returned: (call: SyntaxNode) => InstanceProof | undefined,
): string | undefined {
  const { assigned, dynamic } = selfWritesOf(cls);
  let model: string | undefined;
  for (const assignment of assigned.get(name) ?? []) {
    const left = assignment.childForFieldName("left");
    let value = assignment.childForFieldName("right");
    if (value?.type === "await") value = value.namedChildren[0] ?? null;
    const proof =
      assignment.type === "assignment" &&
      left?.type === "attribute" &&
      (value?.type === "call" || value?.type === "identifier")
        ? returned(value)
        : undefined;
    if (!proof || (model && proof.model !== model)) return undefined;
    model = proof.model;
  }
  // `setattr(self, name, ...)` or a `self.__dict__` write may bind it too: nothing proven then.
  return dynamic ? undefined : model;
}

/** What a class's code writes to `self`, read once per class (each `self.<name>` read asks). */
interface SelfWrites {
  /** By attribute name: the assignments (plain or augmented) whose left side writes it. */
  assigned: Map<string, SyntaxNode[]>;
  /** By attribute name: the annotated `self.<name>: T = ...` assignments, with their class. */
  annotated: Map<string, SyntaxNode[]>;
  /** A `setattr(self, ...)` call anywhere in the class. */
  dynamic: boolean;
}

function selfWritesOf(cls: SyntaxNode): SelfWrites {
  const perTree = cls.tree.memoized("selfWrites", () => new Map<number, SelfWrites>());
  let writes = perTree.get(cls.id);
  if (writes) return writes;
  writes = { assigned: new Map(), annotated: new Map(), dynamic: false };
  for (const assignment of cls.descendantsOfType(["assignment", "augmented_assignment"])) {
    const left = assignment.childForFieldName("left");
    if (!left) continue;
    for (const name of new Set(selfAttributes(left))) pushTo(writes.assigned, name, assignment);
    if (assignment.type === "assignment" && left.type === "attribute") {
      const written = /^self\.([^]*)$/.exec(left.text.replace(/\s+/g, ""))?.[1];
      if (written !== undefined) pushTo(writes.annotated, written, assignment);
    }
  }
  writes.dynamic = cls.descendantsOfType("call").some((c) => /^setattr\s*\(\s*self\b/.test(c.text));
  perTree.set(cls.id, writes);
  return writes;
}

function pushTo(map: Map<string, SyntaxNode[]>, key: string, node: SyntaxNode): void {
  const list = map.get(key);
  if (list) list.push(node);
  else map.set(key, [node]);
}

/** The `self.<name>` targets an assignment's left side writes (`self.a, self.b = ...` too). */
function selfAttributes(left: SyntaxNode): string[] {
  const targets = left.type === "attribute" ? [left] : left.descendantsOfType("attribute");
  return targets.flatMap((t) =>
    t.childForFieldName("object")?.text === "self"
      ? [t.childForFieldName("attribute")?.text ?? ""]
      : [],
  );
}

/** The annotations of `self.<name>: T = ...` in the methods of `cls` (not of a nested class). */
function methodAnnotations(cls: SyntaxNode, name: string): SyntaxNode[] {
  const found: SyntaxNode[] = [];
  for (const assignment of selfWritesOf(cls).annotated.get(name) ?? []) {
    const type = assignment.childForFieldName("type");
    if (!type) continue;
    let owner = assignment.parent;
    while (owner && owner.type !== "class_definition") owner = owner.parent;
    if (owner?.id === cls.id) found.push(type);
  }
  return found;
}
