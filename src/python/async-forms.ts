import type { SyntaxNode } from "../model/types.js";

// orm-review-3 N10 (django-ninja-extra `shortcuts.py`): a project that already wrote
// `async def aget_object_or_exception(...)` beside `def get_object_or_exception(...)`, the same
// code with `await queryset.aget(...)` for `queryset.get(...)`. A chain reaching the sync one
// may await the async one instead when that is all they differ by: the same parameters, the same
// decorators, and the same body (docstrings aside) once every `await` is dropped and every called `a<name>` is read
// as `<name>` (Django's and the project's twin names).

/** Is `asyncDef` the code of `syncDef` with its calls awaited in their `a`-forms? */
export function isAwaitedForm(syncDef: SyntaxNode, asyncDef: SyntaxNode): boolean {
  if (decoratorsOf(syncDef) !== decoratorsOf(asyncDef)) return false;
  const params = (d: SyntaxNode) => tokens(d.childForFieldName("parameters"));
  const returns = (d: SyntaxNode) => d.childForFieldName("return_type")?.text ?? "";
  if (params(syncDef).join(" ") !== params(asyncDef).join(" ")) return false;
  if (returns(syncDef) !== returns(asyncDef)) return false;
  const plain = bodyTokens(syncDef);
  const awaited = bodyTokens(asyncDef).filter((t) => t !== "await");
  if (plain.length !== awaited.length || plain.length === 0) return false;
  let renamed = 0;
  for (const [i, token] of plain.entries()) {
    if (token === awaited[i]) continue;
    if (awaited[i] !== asyncName(token) || plain[i + 1] !== "(") return false;
    renamed++;
  }
  // Nothing awaited differently: two copies of one sync body (an `async def` that blocks).
  return renamed > 0;
}

/** `get` -> `aget`, `_get_queryset` -> `_aget_queryset`. */
function asyncName(name: string): string {
  const underscores = /^_*/.exec(name)![0];
  return `${underscores}a${name.slice(underscores.length)}`;
}

function decoratorsOf(def: SyntaxNode): string {
  const holder = def.parent?.type === "decorated_definition" ? def.parent : undefined;
  return (holder?.namedChildren ?? [])
    .filter((c) => c.type === "decorator")
    .map((c) => c.text)
    .join("\n");
}

/** A def's body as tokens, its docstring left out. */
function bodyTokens(def: SyntaxNode): string[] {
  const statements = def.childForFieldName("body")?.namedChildren ?? [];
  const first = statements[0];
  const docstring =
    first?.type === "expression_statement" && first.namedChildren[0]?.type === "string";
  return statements.slice(docstring ? 1 : 0).flatMap((s) => tokens(s));
}

/** The leaf tokens of a node, comments and docstrings' layout left out (strings as written). */
function tokens(node: SyntaxNode | null | undefined): string[] {
  const out: string[] = [];
  const visit = (n: SyntaxNode) => {
    if (n.type === "comment") return;
    if (n.type === "string" || n.children.length === 0) {
      if (n.text.trim() !== "") out.push(n.text);
      return;
    }
    for (const c of n.children) visit(c);
  };
  if (node) visit(node);
  return out;
}
