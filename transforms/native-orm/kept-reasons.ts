import type { SyntaxNode } from "../../src/model/types.js";
import { withoutOverloads } from "../../src/python/overloads.js";
import { relationKept, relationRead } from "./body-reads.js";
import { chainTarget, methodTarget } from "./chains.js";
import type { Blocker } from "./codes.js";
import { scan } from "./scan.js";
import { lineOf } from "./state.js";
import { lambdaProjectCallReason } from "./project-calls-said.js";
import type { OrmFile } from "./types.js";

// accounting.ts's reasons for sites no reporter took that read the file's own bindings: a lambda
// wrapped, a bare name wrapped, and the def a wrapped name stands for.

export interface Reason {
  code: Blocker | "AS215";
  message: string;
}

export function kept(message: string): Reason {
  return { code: "AS215", message: `${message}: it stays a thread wrapper` };
}

/** A def of this file the target names: `helper`, a nested def, or `self.helper`. */
export function localDef(f: OrmFile, target: SyntaxNode): SyntaxNode | undefined {
  if (target.type === "attribute") return methodTarget(f, target);
  if (target.type !== "identifier") return undefined;
  const direct = chainTarget(f, target);
  if (direct) return direct;
  // Any def the name is bound to in an enclosing scope (decorated, async, used twice, ...).
  for (const scope of visibleScopes(f, target)) {
    const bound = withoutOverloads(f.file.bindingsNamed(scope, target.text));
    if (bound.length > 0) {
      const def = bound.length === 1 ? bound[0].node.parent : undefined;
      return def?.type === "function_definition" ? def : undefined;
    }
  }
  return undefined;
}

export function lambdaReason(
  f: OrmFile,
  target: SyntaxNode,
  written: string,
  stored: string,
): Reason {
  const body = target.childForFieldName("body");
  const findings = body ? scan(f, body, "wrapper") : undefined;
  const relation =
    body && (!findings || findings.ormSites === 0) ? relationRead(f, body) : undefined;
  // orm-review-6 R6 (kitchenai: `sync_to_async(lambda: request.user.is_authenticated)()`).
  if (relation && /(^|\.)request\.user$/.test(relation.text))
    return kept(
      `${written} reads ${relation.text}, the request's lazy user (a SimpleLazyObject, loaded with a sync query at its first read, no relation): Django 5.0+ has \`user = await request.auser()\`, to use instead by hand${stored}`,
    );
  if (relation)
    return kept(
      `${written} reads ${relation.text}, ${relationKept(f, relation)} (select_related where the instance is loaded would make it a plain read)${stored}`,
    );
  const project =
    body && (!findings || findings.ormSites === 0)
      ? lambdaProjectCallReason(f, body, written, stored)
      : undefined;
  if (project) return project;
  if (!findings || findings.ormSites === 0)
    return kept(
      `${written}: the lambda holds no Django ORM call with a native async form that this transform can see${stored}`,
    );
  return {
    code: "AS208",
    message: `${written}: the lambda's ORM work cannot be rewritten here (it takes parameters, or its wrapper is not called where it stands): rewrite by hand`,
  };
}

export function nameReason(
  f: OrmFile,
  target: SyntaxNode,
  written: string,
  stored: string,
): Reason {
  for (const scope of visibleScopes(f, target)) {
    const bound = withoutOverloads(f.file.bindingsNamed(scope, target.text));
    const helper = helperAliasNamed(f, target);
    if (helper)
      return kept(
        `${written} is all that ${helper}() does with its parameter: each call of ${helper}(...)(...) is a site of its own, converted or explained where it is made`,
      );
    if (bound.some((b) => b.kind === "parameter"))
      return kept(
        `${written} runs ${target.text}, a parameter: what it runs is its caller's choice, and nothing here can be converted${stored}`,
      );
    const defs = bound.filter((b) => b.node.parent?.type === "function_definition");
    if (bound.length > 1 && defs.length === bound.length)
      return {
        code: "AS208",
        message: `${written} kept${stored}: ${target.text} is defined ${bound.length} times here (lines ${bound.map((b) => lineOf(b.node)).join(", ")}), and the transform does not choose the def a call runs by the path taken: if they do ORM work, give each an async form by hand (or one name per def)`,
      };
    if (bound.length > 0)
      return kept(
        `${written} runs ${target.text}, a value bound on line ${lineOf(bound[0].node)} that the transform cannot follow${stored}`,
      );
  }
  return kept(`${written} runs ${target.text}, a name the transform cannot resolve${stored}`);
}

/**
 * The scopes a name read at `at` may be bound in, innermost first, as Python resolves it: a class
 * body is seen only by code directly in it, not by its methods (orm-review-8 S8: `send_mail` in
 * `async def send_mail(self)` is the module's import, not the method).
 */
function visibleScopes(f: OrmFile, at: SyntaxNode): SyntaxNode[] {
  const scopes: SyntaxNode[] = [];
  for (let scope: SyntaxNode | undefined = f.file.enclosingScope(at); scope;) {
    if (scopes.length === 0 || scope.type !== "class_definition") scopes.push(scope);
    scope = scope.type === "module" ? undefined : f.file.enclosingScope(scope);
  }
  return scopes;
}

/** The helper (`def _sync_to_async(func)`) whose returned wrapper of `target` makes it an alias. */
function helperAliasNamed(f: OrmFile, target: SyntaxNode): string | undefined {
  const wrapped = target.parent?.parent;
  const def = wrapped?.parent?.parent?.parent;
  const name = def?.type === "function_definition" ? def.childForFieldName("name")?.text : "";
  return name && f.wrapperAliases.get(name)?.id === wrapped?.id ? name : undefined;
}
