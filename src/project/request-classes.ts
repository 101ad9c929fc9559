import { importedModules } from "../django/class-bases.js";
import { matchesAtLineStarts } from "../python/line-keywords.js";

// orm-review D3: `request.user` is Django's lazy user (a SimpleLazyObject whose first use queries)
// only when `request` is Django's request. A FastAPI/starlette request (taiga's
// `class AuthRequest(starlette.requests.Request)` whose `user` is a plain property) is not: a
// `request` parameter annotated with such a class hands on a loaded user. The pre-pass reads, per
// file, the request classes it defines on a starlette/FastAPI base and how its `request`
// parameters are annotated.

const STARLETTE = /^(?:starlette|fastapi)(?:\.|$)/;
const CLASS_HEAD = /^[ \t]*class[ \t]+([A-Za-z_]\w*)[ \t]*\(([^)]*)\)/gm;
/** `request: X` in a signature (a parameter, not `request.x`), and a bare `request` parameter. */
const ANNOTATED_REQUEST = /[(,][ \t\n]*request[ \t]*:[ \t]*["']?([A-Za-z_][\w.]*)/g;
const PLAIN_REQUEST = /[(,][ \t\n]*request[ \t]*[,)=]/;

export interface RequestFacts {
  /** Classes this file defines on a starlette or FastAPI base (one of them is `Request`). */
  starletteRequests?: string[];
  /**
   * Every `request` parameter of the file is annotated, each with a class imported from starlette
   * or FastAPI (`"*"`) or with one of these names (a project class, decided once every file is seen).
   */
  requestAnnotations?: string[];
}

export function requestFactsIn(source: string): RequestFacts {
  if (
    !source.includes("starlette") &&
    !source.includes("fastapi") &&
    !(source.includes("request") && /request[ \t]*:/.test(source))
  )
    return {};
  let imports: Map<string, string> | undefined;
  const moduleOf = (written: string) => {
    imports ??= importedModules(source);
    const parts = written.split(".");
    return parts.length > 1 ? (imports.get(parts[0]) ?? parts[0]) : imports.get(written);
  };
  const facts: RequestFacts = {};
  for (const [, name, bases] of matchesAtLineStarts(source, "class", CLASS_HEAD))
    if (bases.split(",").some((b) => STARLETTE.test(moduleOf(b.trim()) ?? "")))
      (facts.starletteRequests ??= []).push(name);
  // Signatures only: `form.cleaned_dict(request)` is a call handing the request on (taiga).
  const signatures = defSignatures(source);
  if (signatures.some((s) => PLAIN_REQUEST.test(s))) return facts;
  const annotated = signatures.flatMap((s) => [...s.matchAll(ANNOTATED_REQUEST)]);
  const annotations = annotated.map(([, written]) =>
    STARLETTE.test(moduleOf(written) ?? "") ? "*" : written.split(".").pop()!,
  );
  if (annotations.length > 0) facts.requestAnnotations = [...new Set(annotations)];
  return facts;
}

const DEF_HEAD = /\bdef[ \t]+[A-Za-z_]\w*[ \t]*\(/g;

/** The parameter lists of the file's defs, `(` to its matching `)` (brackets in strings aside). */
function defSignatures(source: string): string[] {
  const found: string[] = [];
  for (const head of source.matchAll(DEF_HEAD)) {
    const start = head.index! + head[0].length - 1;
    let depth = 0;
    let quote = "";
    for (let i = start; i < source.length; i++) {
      const c = source[i];
      if (quote) {
        if (c === "\\") i++;
        else if (c === quote) quote = "";
      } else if (c === '"' || c === "'") quote = c;
      else if (c === "(" || c === "[") depth++;
      else if ((c === ")" || c === "]") && --depth === 0) {
        found.push(source.slice(start, i + 1));
        break;
      }
    }
  }
  return found;
}

/** The files whose every `request` parameter is a starlette/FastAPI request, by their paths. */
export function starletteRequestFiles(files: Iterable<{ path: string; facts: RequestFacts }>): {
  classes: string[];
  paths: string[];
} {
  const list = [...files];
  const classes = new Set(list.flatMap((f) => f.facts.starletteRequests ?? []));
  const paths = list
    .filter(({ facts }) => facts.requestAnnotations?.every((a) => a === "*" || classes.has(a)))
    .map((f) => f.path);
  return { classes: [...classes], paths };
}
