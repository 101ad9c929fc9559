import type { SyntaxNode } from "../../src/model/types.js";
import { relationFetch } from "./relation-fetch.js";
import type { OrmFile } from "./types.js";

// What a kept wrapper's body reads and calls, said in accounting's AS215 messages.

/** `x.customer`, where some model of the project declares `customer` a ForeignKey or one-to-one. */
export function relationRead(f: OrmFile, body: SyntaxNode): SyntaxNode | undefined {
  const relations = new Set(Object.values(f.ctx.project.models).flatMap((m) => m.relations));
  return body
    .descendantsOfType("attribute")
    .find(
      (a) =>
        relations.has(a.childForFieldName("attribute")?.text ?? "") &&
        a.parent?.type !== "call" &&
        !(a.parent?.type === "assignment" && a.parent.childForFieldName("left")?.id === a.id),
    );
}

/**
 * What a relation read off a value is known to be: a proven instance's relation, or (orm-review-5
 * Q10, Q5b: `self.session` of a consumer, `token.user` of a classmethod's result) only a name
 * some models give a relation, said as a condition.
 */
export function relationSaid(f: OrmFile, read: SyntaxNode): string {
  const object = read.childForFieldName("object")!;
  const attribute = read.childForFieldName("attribute")!.text;
  const cls = object.text === "self" ? f.file.enclosingClass(object) : undefined;
  const own = cls?.childForFieldName("name")?.text;
  const model = f.proofs.instanceOf(object)?.model ?? (own && f.ctx.project.models[own] ? own : "");
  if (model) return `a relation of ${model} that may load its row lazily`;
  const through = relationTargetOf(f, object);
  if (through && f.ctx.project.models[through.target]?.relations.includes(attribute))
    return `a relation of ${through.target} that may load its row lazily (${object.text} is itself ${through.model}'s relation to ${through.target}, loaded lazily unless select_related)`;
  const owners = Object.entries(f.ctx.project.models)
    .filter(([, m]) => m.relations.includes(attribute))
    .map(([model]) => model);
  const said =
    owners.length > 3 ? `${owners.slice(0, 3).join(", ")} and others` : owners.join(", ");
  return `and nothing proves what ${object.text} is: ${attribute} is a ForeignKey or OneToOneField of ${said} in this project, so if ${object.text} is an instance of one of them, the read loads a row lazily`;
}

/** `visit.address` (a proven instance's, or `self`'s in its model, relation): its model and target. */
function relationTargetOf(
  f: OrmFile,
  read: SyntaxNode,
): { model: string; target: string } | undefined {
  if (read.type !== "attribute") return undefined;
  const inner = read.childForFieldName("object")!;
  const field = read.childForFieldName("attribute")!.text;
  const model = f.proofs.instanceOf(inner)?.model;
  const facts = model ? f.ctx.project.models[model] : undefined;
  const written = facts?.relations.includes(field) ? facts.targets?.[field] : undefined;
  const target = written === "self" ? model : written;
  return model && target ? { model, target } : undefined;
}

/** " (it calls a(), b())": the first calls a body makes, to say what runs in the thread. */
export function namedCalls(body: SyntaxNode): string {
  const names = [
    ...new Set(
      body
        .descendantsOfType("call")
        .map((c) => c.childForFieldName("function")?.text.replace(/\s+/g, "") ?? "")
        .filter((t) => /^[\w.]+$/.test(t)),
    ),
  ];
  if (names.length === 0) return "";
  const shown = names.slice(0, 3).map((n) => `${n}()`);
  return ` (it calls ${shown.join(", ")}${names.length > 3 ? ", ..." : ""})`;
}

/**
 * A kept wrapper's relation read, and why its native fetch (relation-fetch.ts) is not written
 * there (orm-human-7 K3: never "that query has no native async form", which is untrue).
 */
export function relationKept(f: OrmFile, read: SyntaxNode): string {
  const said = relationSaid(f, read);
  const objectNode = read.childForFieldName("object")!;
  const object = objectNode.text;
  const field = read.childForFieldName("attribute")!.text;
  const fetch = relationFetch(f, read);
  const native = `its native form is an aget() by ${object}.${field}_id`;
  if (fetch && "why" in fetch) return `${said}: ${native}, but ${fetch.why}`;
  const proven = !!fetch || !said.startsWith("and nothing proves");
  if (proven)
    return `${said}: ${native}, cached on ${object}, which the transform writes only where that read of a name's relation is all the wrapper does (\`return x.${field}\`, or the lambda's value assigned, returned or dropped), and here it does more`;
  return `${said}: if it is, ${native}, written once ${object} is proven an instance (annotate it with its model class)`;
}
