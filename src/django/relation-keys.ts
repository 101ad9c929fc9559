import type { SyntaxNode } from "../model/types.js";

// orm-human-7 K3: what a forward ForeignKey or OneToOneField read needs to be fetched natively
// (`None if x.client_id is None else await Client._base_manager.aget(pk=x.client_id)`): that the
// field points at its target's primary key (no `to_field`), whether it is nullable, and whether
// the module declaring it declares the target class too (so the class can be imported from where
// the model is).

/** How a relation field names its target: a name, `"self"`, an app's model, or otherwise. */
export type TargetWriting = "name" | "self" | "same-app" | "other";

/** `null=True` on a relation to the target's primary key; undefined when it has a `to_field`. */
export function pkRelationNullable(call: SyntaxNode): boolean | undefined {
  const keywords = new Map<string, string>();
  for (const a of call.childForFieldName("arguments")?.namedChildren ?? [])
    if (a.type === "keyword_argument")
      keywords.set(
        a.childForFieldName("name")?.text ?? "",
        a.childForFieldName("value")?.text ?? "",
      );
  // `to_field=` names another column; `**options` may name one too.
  const splat = call
    .childForFieldName("arguments")
    ?.namedChildren.some((a) => a.type === "dictionary_splat");
  if (keywords.has("to_field") || splat) return undefined;
  const nullable = keywords.get("null");
  if (nullable !== undefined && nullable !== "True" && nullable !== "False") return undefined;
  return nullable === "True";
}

/** What a relation field's call names as its target: `to=` or its first positional argument. */
export function relationTargetNode(call: SyntaxNode): SyntaxNode | undefined {
  const args = call.childForFieldName("arguments")?.namedChildren ?? [];
  const to = args.find(
    (a) => a.type === "keyword_argument" && a.childForFieldName("name")?.text === "to",
  );
  return (
    to?.childForFieldName("value") ??
    args.find((a) => a.type !== "keyword_argument" && a.type !== "comment")
  );
}

/**
 * How the field writes its target: `ForeignKey(Client)` or `"self"` (bound where the model is
 * declared), `"Client"` (a model of the same app, maybe declared in the same file), or a dotted
 * string or attribute (another module's).
 */
export function targetWriting(call: SyntaxNode): TargetWriting {
  const target = relationTargetNode(call);
  if (target?.type === "identifier") return "name";
  if (target?.type !== "string") return "other";
  if (/^["']self["']$/.test(target.text)) return "self";
  return /^["']\w+["']$/.test(target.text) ? "same-app" : "other";
}

/**
 * The relations of a class whose target class its file declares at its top level: `"self"`, or a
 * name or a same-app string naming such a class.
 */
export function boundTargetsOf(
  writings: Record<string, TargetWriting>,
  targets: Record<string, string> | undefined,
  declared: (name: string) => boolean,
): string[] {
  return Object.entries(writings)
    .filter(([field, w]) => w === "self" || (w !== "other" && declared(targets?.[field] ?? "")))
    .map(([field]) => field);
}
