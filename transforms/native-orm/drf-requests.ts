import type { SyntaxNode } from "../../src/model/types.js";
import type { OrmFile } from "./types.js";

// orm-review-9 R2 (Beep-Me-backend): in an async view of adrf (`@api_view` from adrf.decorators,
// or a method of a class on adrf's APIView, viewsets or generics), `request` is adrf's Request.
// Its dispatch runs `self.initial()` (authentication: `request.user`) in a thread before the
// handler, so `request.user` is the user the authenticators loaded, never Django's lazy user; and
// `request.auser()` falls through to the HttpRequest's session user (another user for a token
// call), so it is no way out.

/** Is `request` (a name) the request parameter of an adrf async view? */
export function isAdrfRequest(f: OrmFile, request: SyntaxNode): boolean {
  if (request.type !== "identifier") return false;
  const def = f.file.enclosingDef(request);
  const first = def?.childForFieldName("parameters")?.namedChildren ?? [];
  const names = first.map((p) => (p.type === "identifier" ? p.text : p.namedChildren[0]?.text));
  if (!def || !names.includes(request.text)) return false;
  const holder = def.parent?.type === "decorated_definition" ? def.parent : undefined;
  const decorated = (holder?.namedChildren ?? []).some((d) => {
    if (d.type !== "decorator") return false;
    const written = d.namedChildren[0];
    const callee = written?.type === "call" ? written.childForFieldName("function") : written;
    return !!callee && /^adrf\./.test(f.file.qualifiedName(callee) ?? "");
  });
  if (decorated) return true;
  const cls = (holder ?? def).parent?.parent;
  if (cls?.type !== "class_definition" || names[0] !== "self") return false;
  return (cls.childForFieldName("superclasses")?.namedChildren ?? []).some((base) =>
    /^adrf\./.test(f.file.qualifiedName(base) ?? ""),
  );
}
