import { factoryFunctionsIn, factoryModelsIn } from "./factory-returns.js";
import { matchesAtLineStarts } from "../python/line-keywords.js";

// orm-review M1: `shop = await factories.make_shop(...)` where `make_shop` is `async def ... -> Shop`
// in another module: the callee's return annotation proves a model instance, exactly as a
// parameter annotation does. The pre-pass keeps, per file, the class each module-level function
// is annotated to return (a name only: whether it is a model is known once every file is seen).

/**
 * `def name(<parameters>) -> <annotation>:` at the start of a line, not indented (module level):
 * parameters on several lines and one level of nested brackets (`x=dict()`, `y: list[int]`).
 */
const ANNOTATED_DEF =
  /^(?:async[ \t]+)?def[ \t]+([A-Za-z_]\w*)[ \t]*\((?:[^()]|\((?:[^()]|\([^()]*\))*\))*\)[ \t]*->[ \t]*([^:\n#]+?)[ \t]*:/gm;

/**
 * `Shop`, `"Shop"`, `models.Shop`, `Optional[Shop]`, `Shop | None`, `"Shop | None"`: the class
 * name; also a plain value's class spelled in lower case (`_dt.datetime`, `str`, `dict`: see
 * PLAIN_RETURNS), whose value is held in memory (orm-review-5 Q20).
 */
const RETURNED_CLASS =
  /^(?:Optional\[\s*)?["']?(?:[A-Za-z_]\w*\.)*([A-Z]\w*|datetime|date|time|timedelta|str|int|float|bool|bytes|dict|list)(?:\s*\|\s*None)?["']?(?:\s*\])?(?:\s*\|\s*None)?$/;

/**
 * Module-level functions of a source annotated to return one class, or returning a factory_boy
 * factory's result (see factory-returns.ts), by function name.
 */
export function returnedClassesIn(source: string): Record<string, string> | undefined {
  const factories = factoryModelsIn(source);
  let found: Record<string, string> | undefined =
    factories && factoryFunctionsIn(source, factories);
  if (!source.includes("->")) return found;
  for (const match of matchesAtLineStarts(source, DEF_KEYWORDS, ANNOTATED_DEF)) {
    const cls = RETURNED_CLASS.exec(match[2].trim())?.[1] ?? containerReturned(match[2].trim());
    if (cls) (found ??= {})[match[1]] = cls;
  }
  for (const [name, cls] of methodsReturning(source)) (found ??= {})[name] = cls;
  return found;
}

/**
 * orm-review-6 R3 (daiv `deduped_pool_rows(...) -> list[MCPServer]`): a builtin container with its
 * items' types, `list[...]`, `Dict[str, int]`, `Optional[set[str]]`, `tuple[...] | None`: a value
 * built in memory (no queryset, whatever its items are). Recorded as `list[]`, `dict[]`, ...: the
 * container, never a class whose values are plain (its items may be model instances); as
 * `set[scalars]` when its items are builtin scalars (a plain value).
 */
const CONTAINER_RETURN =
  /^(?:Optional\[\s*)?["']?(?:typing\.)?(list|dict|set|frozenset|tuple|List|Dict|Set|FrozenSet|Tuple)\[[^"']*\]["']?(?:\s*\])?(?:\s*\|\s*None)?$/;

function containerReturned(annotation: string): string | undefined {
  const match = CONTAINER_RETURN.exec(annotation);
  if (!match) return undefined;
  // `set[str]`, `dict[str, int]`: items of builtin scalar types only (value-kinds: a plain value).
  const items = annotation.slice(annotation.indexOf("[", match[0].indexOf(match[1])) + 1);
  const words = [...items.matchAll(/[A-Za-z_][\w.]*/g)].map((m) => m[0]);
  const scalars = words.length > 0 && words.every((w) => SCALAR_ITEMS.has(w));
  return `${match[1].toLowerCase()}[${scalars ? "scalars" : ""}]`;
}

/** Item types of a container of plain scalars (`Optional` and `None` aside). */
const SCALAR_ITEMS = new Set(["str", "int", "float", "bool", "bytes", "None", "Optional"]);

/** `class Name` at the start of a line. */
const CLASS_HEAD = /^class[ \t]+([A-Za-z_]\w*)/gm;

/** A line starting with code at column 0: not blank, not a comment, not indented. */
const CODE_LINE = /\n[^\s#]/g;

/** The words a def's line opens with. */
const DEF_KEYWORDS = ["def", "async"];

/** ANNOTATED_DEF indented: a method (or a def nested deeper, which the index tells apart). */
const INDENTED_DEF = new RegExp(ANNOTATED_DEF.source.replace("^", "^[ \\t]+"), "gm");

/**
 * hazard-review-3 H13 (khoj's `await ConversationAdapters.aget_conversation_by_user(user)`,
 * annotated `-> Optional[Conversation]`): methods of module-level classes annotated to return
 * one class, as `Class.method`. A def belongs to the last class head above it when no line
 * between starts at column 0 with code (a docstring that does is taken to end the class: the
 * method is then not recorded, never given to the wrong class).
 */
function methodsReturning(source: string): [string, string][] {
  if (!source.includes("class")) return [];
  const heads = matchesAtLineStarts(source, "class", CLASS_HEAD);
  // Where a line starts with code at column 0 (the `\n`), once: each def asks whether one lies
  // between its class head and itself (a search of the text between was quadratic in a class).
  const codeLines = [...source.matchAll(CODE_LINE)].map((m) => m.index);
  const found: [string, string][] = [];
  let k = -1;
  let code = 0;
  for (const match of matchesAtLineStarts(source, DEF_KEYWORDS, INDENTED_DEF)) {
    // The last class head above the def (defs come in source order).
    while (k + 1 < heads.length && heads[k + 1].index < match.index) k++;
    const head = heads[k];
    if (!head) continue;
    const after = head.index + head[0].length;
    while (code < codeLines.length && codeLines[code] < after) code++;
    // A `\n` at `after` or later whose next character is before the def: code between them.
    if (code < codeLines.length && codeLines[code] + 1 < match.index) continue;
    const cls = RETURNED_CLASS.exec(match[2].trim())?.[1];
    if (cls) found.push([`${head[1]}.${match[1]}`, cls]);
  }
  return found;
}

/**
 * `AnyUser: TypeAlias = Union[AnonymousUser, "User"]`, `Owner = User | AnonymousUser` at module
 * level; a `Union[...]` may run over several lines (orm-review-9 R9b: one member a line).
 */
const TYPE_ALIAS =
  /^([A-Za-z_]\w*)[ \t]*(?::[ \t]*(?:typing\.)?TypeAlias[ \t]*)?=[ \t]*((?:typing\.)?(?:Union|Optional)\[(?:[^\n]*|[^\]]*)\]|[^\n=()]*\|[^\n=()]*)[ \t]*(?:#[^\n]*)?$/gm;

const TYPE_VAR =
  /^([A-Za-z_]\w*)[ \t]*=[ \t]*(?:[\w.]*\.)?TypeVar\(\s*["'][\w]+["']\s*,\s*bound\s*=\s*["']?([\w.]+)["']?\s*\)/gm;

/** Members of a union that are no model: None, and Django's AnonymousUser. */
const NOT_A_MODEL = /^(?:None|NoneType|AnonymousUser|Union|Optional|typing)$/;

/**
 * orm-review D8: module-level type aliases of a union holding one class beside None and
 * AnonymousUser, by alias name: `{ AnyUser: "User" }`, or several (`{ Texts: "Ru|En" }`). Whether
 * they are models is known later.
 */
export function typeAliasesIn(source: string): Record<string, string> | undefined {
  let found: Record<string, string> | undefined;
  // `ModelType = TypeVar("ModelType", bound=Model)`: an instance of some model ("Model"). The
  // pattern tries every line start: only when the word is in the text at all.
  const typeVars = source.includes("TypeVar") ? source.matchAll(TYPE_VAR) : [];
  for (const match of typeVars) {
    const bound = match[2].split(".").pop()!;
    const djangoAlias = new RegExp(`\\bimport\\b[^\\n]*\\bModel\\s+as\\s+${bound}\\b`);
    if (bound === "Model" || djangoAlias.test(source)) (found ??= {})[match[1]] = "Model";
    else if (/^[A-Z]/.test(bound)) (found ??= {})[match[1]] = bound;
  }
  if (!/Union\[|Optional\[|\|/.test(source)) return found;
  for (const match of source.matchAll(TYPE_ALIAS)) {
    const names = [...match[2].replace(/#[^\n]*/g, "").matchAll(/[A-Za-z_][\w.]*/g)]
      .map((m) => m[0].split(".").pop()!)
      .filter((n) => !NOT_A_MODEL.test(n));
    if (names.length === 1 && /^[A-Z]/.test(names[0])) (found ??= {})[match[1]] = names[0];
    // orm-review-9 R9: several classes, as `A|B` (annotation-models.ts finds their model base).
    else if (names.length > 1 && names.every((n) => /^[A-Z]/.test(n)))
      (found ??= {})[match[1]] = names.join("|");
  }
  return found;
}
