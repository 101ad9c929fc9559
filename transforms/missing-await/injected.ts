import { lastSegment } from "../../src/python/lookup.js";
import type { FileSemantics, SyntaxNode } from "../../src/model/types.js";

/*
 * FastAPI's parameter markers. `current_user: User = Depends(get_current_user)` is filled by
 * FastAPI only when FastAPI calls the function (a route, or a dependency of one); a direct call
 * that omits the argument gets the marker object itself. mealie's
 * `assert_user_change_allowed(id)` (hazard-review-3 H14) was a permission check that never ran;
 * adding `await` alone makes it read `current_user.id` off a `Depends` marker: an
 * AttributeError, HTTP 500 on every request.
 */
const MARKERS = new Set([
  "Depends",
  "Security",
  "Query",
  "Path",
  "Header",
  "Cookie",
  "Body",
  "Form",
  "File",
]);

/** A parameter defaulting to a FastAPI marker: where it can be passed, and the default as written. */
export interface MarkerParameter {
  name: string;
  /** Its position among the positional parameters; undefined: keyword-only. */
  position?: number;
  marker: string;
}

/** A parameter the call leaves to FastAPI's marker: its name and the default as written. */
export interface Injected {
  name: string;
  marker: string;
}

interface Parameter {
  name: string;
  /** Can be passed by position (before a bare `*` or `*args`). */
  positional: boolean;
  default?: SyntaxNode;
}

function parametersOf(def: SyntaxNode): Parameter[] | undefined {
  const out: Parameter[] = [];
  let positional = true;
  for (const p of def.childForFieldName("parameters")?.namedChildren ?? []) {
    if (p.type === "keyword_separator" || p.type === "list_splat_pattern") positional = false;
    else if (p.type === "identifier") out.push({ name: p.text, positional });
    else if (p.type === "typed_parameter") {
      const name = p.namedChildren[0];
      // `*args: int` is a typed list splat.
      if (name?.type === "list_splat_pattern") positional = false;
      else if (name?.type === "identifier") out.push({ name: name.text, positional });
    } else if (p.type === "default_parameter" || p.type === "typed_default_parameter") {
      const name = p.childForFieldName("name");
      const value = p.childForFieldName("value") ?? undefined;
      if (name?.type !== "identifier") return undefined;
      out.push({ name: name.text, positional, default: value });
    }
  }
  return out;
}

/** `Depends(get_current_user)` where `Depends` is FastAPI's. */
function isMarker(file: FileSemantics, value: SyntaxNode | undefined): boolean {
  if (value?.type !== "call") return false;
  const callee = value.childForFieldName("function");
  const qualified = callee ? file.qualifiedName(callee) : undefined;
  return !!qualified && /^fastapi(\.|$)/.test(qualified) && MARKERS.has(lastSegment(qualified));
}

/**
 * The parameters of `def` defaulting to a FastAPI marker. `bound`: called as a method on an
 * instance or class, whose first parameter (unless a static method's) is not passed.
 */
export function markerParameters(
  file: FileSemantics,
  def: SyntaxNode,
  bound = false,
): MarkerParameter[] {
  const decorators = def.parent?.type === "decorated_definition" ? def.parent.text : "";
  const own = bound && !/^\s*@\s*staticmethod\b/m.test(decorators) ? 1 : 0;
  const parameters = parametersOf(def)?.slice(own) ?? [];
  return parameters.flatMap((p, i) =>
    isMarker(file, p.default)
      ? [{ name: p.name, ...(p.positional ? { position: i } : {}), marker: p.default!.text }]
      : [],
  );
}

/**
 * The marker parameters `call` does not pass. A call spreading `*args` or `**kwargs` may pass
 * anything: none is said to be omitted.
 */
export function omittedInjected(
  call: SyntaxNode,
  parameters: readonly MarkerParameter[],
): Injected[] {
  const args = call.childForFieldName("arguments")?.namedChildren ?? [];
  if (args.some((a) => /splat/.test(a.type))) return [];
  const keywords = new Set(
    args.filter((a) => a.type === "keyword_argument").map((a) => a.childForFieldName("name")?.text),
  );
  const positional = args.filter((a) => a.type !== "keyword_argument" && a.type !== "comment");
  return parameters.flatMap((p) =>
    keywords.has(p.name) || (p.position !== undefined && p.position < positional.length)
      ? []
      : [{ name: p.name, marker: p.marker }],
  );
}

/**
 * The call as it should be written: awaited, each omitted parameter passed by keyword, from a
 * parameter of the caller of the same name when it has one (`current_user=current_user`).
 */
export function injectedSuggestion(
  call: SyntaxNode,
  caller: SyntaxNode,
  omitted: readonly Injected[],
): string {
  const own = new Set((parametersOf(caller) ?? []).map((p) => p.name));
  const passed = omitted.map((o) => `${o.name}=${own.has(o.name) ? o.name : "..."}`).join(", ");
  const args = call.childForFieldName("arguments")!;
  const head = call.text.slice(0, args.startIndex - call.startIndex);
  const inner = args.text.slice(1, -1).replace(/,?\s*$/, "");
  return `await ${head}(${inner ? `${inner}, ` : ""}${passed})`;
}

/** What the finding says instead of adding `await`: the parameters to pass. */
export function injectedWords(callee: string, omitted: readonly Injected[]): string {
  const names = omitted.map((o) => o.name).join(", ");
  const each = omitted.map((o) => `${o.name} = ${o.marker}`).join(", ");
  const one = omitted.length === 1;
  return `await not added: ${callee}() has ${each}, which FastAPI fills only when it calls ${callee} itself (a route or a dependency); called directly, ${names} ${one ? "is the marker object" : "are the marker objects"}, so adding await alone fails: pass ${names} and await it`;
}
