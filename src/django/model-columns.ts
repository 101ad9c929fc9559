import type { SyntaxNode } from "../model/types.js";

// orm-review-4 P3, P16: a column of one of Django's own plain fields holds, once its instance is
// loaded, a str, a number, a date or a JSON value: its methods (`role.name.lower()`) and its keys
// (`article.stats[key]`) run no query. Only Django's field classes are named: a project's or a
// package's field class may convert its value into anything.

/** Django's plain fields, whose value is a str, number, bool, date/time, UUID or bytes. */
const SCALAR_FIELDS = new Set([
  "CharField",
  "TextField",
  "SlugField",
  "EmailField",
  "URLField",
  "FilePathField",
  "GenericIPAddressField",
  "IPAddressField",
  "IntegerField",
  "BigIntegerField",
  "SmallIntegerField",
  "PositiveIntegerField",
  "PositiveBigIntegerField",
  "PositiveSmallIntegerField",
  "FloatField",
  "DecimalField",
  "BooleanField",
  "NullBooleanField",
  "DateField",
  "DateTimeField",
  "TimeField",
  "DurationField",
  "UUIDField",
  "BinaryField",
  "AutoField",
  "BigAutoField",
  "SmallAutoField",
  "CICharField",
  "CITextField",
  "CIEmailField",
]);

/** Fields the pre-pass knows otherwise: relations, many-to-many, files (FieldFiles). */
const FILE_OR_RELATION = /^(ForeignKey|OneToOneField|ManyToManyField|\w*(File|Image)Field)$/;

/**
 * "scalar" and "json": held in memory once loaded; "custom": a field class that is not one of
 * Django's plain ones (or a JSONField with its own decoder), whose value is not known.
 */
export type ColumnKind = "scalar" | "json" | "custom";

/** Fields whose value is a dict or a list decoded in memory. */
const JSON_FIELDS = new Set(["JSONField", "ArrayField", "HStoreField"]);

/** Modules Django's fields are imported from by name (`from django.db.models import CharField`). */
const FIELD_MODULES = /^django\.(db\.models(\.fields(\.json)?)?|contrib\.postgres\.fields)$/;

/**
 * The kind of value a model body's `name = models.CharField(...)` holds (see ColumnKind), or
 * undefined when it declares no column of that kind (a relation, a file, a manager).
 */
export function columnKindOf(
  value: SyntaxNode,
  imports?: Map<string, string>,
): ColumnKind | undefined {
  const callee = value.childForFieldName("function");
  if (!callee) return undefined;
  const last =
    callee.type === "attribute" ? callee.childForFieldName("attribute")!.text : callee.text;
  // A field class of the project or a package (`LowerCaseField(...)`): its value is its own.
  const custom = /^\w+Field$/.test(last) && !FILE_OR_RELATION.test(last) ? "custom" : undefined;
  let name: string;
  if (callee.type === "identifier") {
    if (!FIELD_MODULES.test(imports?.get(callee.text) ?? "")) return custom;
    name = callee.text;
  } else if (callee.type === "attribute") {
    const owner = callee.childForFieldName("object")!.text.replace(/\s+/g, "");
    if (!isFieldModule(owner, imports)) return custom;
    name = callee.childForFieldName("attribute")!.text;
  } else return undefined;
  if (SCALAR_FIELDS.has(name)) return "scalar";
  if (!JSON_FIELDS.has(name)) return custom;
  const keywords = value.childForFieldName("arguments")?.namedChildren ?? [];
  const decoded = keywords.some(
    (k) =>
      k.type === "keyword_argument" &&
      k.childForFieldName("name")?.text === "decoder" &&
      k.childForFieldName("value")?.text !== "None",
  );
  return decoded ? "custom" : "json";
}

/** `models` (from django.db), `django.db.models`, `fields` (from django.contrib.postgres). */
function isFieldModule(owner: string, imports?: Map<string, string>): boolean {
  if (owner === "django.db.models") return true;
  const from = imports?.get(owner);
  if (owner === "models") return !imports || from === "django.db" || from === "django.db.models";
  return owner === "fields" && from === "django.contrib.postgres";
}
