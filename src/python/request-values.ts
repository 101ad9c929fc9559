import type { SyntaxNode } from "../model/types.js";
import { importBindingOf } from "./imports.js";
import { visibleBindings } from "./scope.js";

// orm-review-6 R9 (kunleek's Click payment callbacks): `request.data.get("merchant_trans_id")`,
// with `request: AsyncRequest` (adrf) or DRF's `Request`: the request body parsed into a dict or a
// QueryDict, held in memory. Likewise a Django request's query and form dicts and headers.
// (`request.user` and `request.session` are lazy: never here.)

/** Request classes by qualified name, with the attributes of theirs that are parsed mappings. */
const REQUEST_MAPPINGS: Record<string, ReadonlySet<string>> = {};
const DRF = new Set(["data", "query_params", "GET", "POST", "COOKIES", "META", "headers"]);
const DJANGO = new Set(["GET", "POST", "COOKIES", "META", "headers", "FILES"]);
for (const name of ["rest_framework.request.Request", "adrf.requests.AsyncRequest"])
  REQUEST_MAPPINGS[name] = DRF;
for (const name of [
  "django.http.HttpRequest",
  "django.http.request.HttpRequest",
  "django.core.handlers.asgi.ASGIRequest",
  "django.core.handlers.wsgi.WSGIRequest",
])
  REQUEST_MAPPINGS[name] = DJANGO;

/** The qualified class a parameter's only binding is annotated with, if imported. */
function annotatedClass(name: SyntaxNode): string | undefined {
  const { bound } = visibleBindings(name, name.text);
  if (bound.length !== 1 || bound[0].kind !== "parameter") return undefined;
  const type = bound[0].node.parent?.childForFieldName("type");
  const text = type?.text.replace(/^(['"])(.*)\1$/s, "$2").trim() ?? "";
  if (!type || !/^[A-Za-z_][\w.]*$/.test(text)) return undefined;
  const [head, ...rest] = text.split(".");
  const binding = importBindingOf(head, type);
  return binding ? [binding.qualified, ...rest].join(".") : undefined;
}

/** `request.data`, `request.GET`, ... off a parameter annotated with a request class. */
export function isRequestMapping(expr: SyntaxNode): boolean {
  if (expr.type !== "attribute") return false;
  const object = expr.childForFieldName("object");
  const attribute = expr.childForFieldName("attribute")?.text ?? "";
  if (object?.type !== "identifier") return false;
  const cls = annotatedClass(object);
  return !!cls && !!REQUEST_MAPPINGS[cls]?.has(attribute);
}
