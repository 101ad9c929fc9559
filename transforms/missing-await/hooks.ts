import { isAsyncFunction } from "../../src/python/shapes.js";
import type { FileSemantics, SyntaxNode } from "../../src/model/types.js";
import type { Results } from "./results.js";

/**
 * Framework hooks called without await and tested: an `async def` overriding one hands the
 * framework a coroutine object, always true (OpenHands' CORS middleware allowed every origin).
 */
const SYNC_HOOKS: ReadonlyMap<string, readonly string[]> = new Map([
  ["rest_framework.permissions.BasePermission", ["has_permission", "has_object_permission"]],
  ["starlette.middleware.cors.CORSMiddleware", ["is_allowed_origin"]],
  ["fastapi.middleware.cors.CORSMiddleware", ["is_allowed_origin"]],
  ["django.contrib.auth.mixins.UserPassesTestMixin", ["test_func"]],
  [
    "django.contrib.auth.backends.BaseBackend",
    ["has_perm", "has_module_perms", "user_can_authenticate"],
  ],
  [
    "django.contrib.auth.backends.ModelBackend",
    ["has_perm", "has_module_perms", "user_can_authenticate"],
  ],
]);

/** The framework class among the class's own bases that tests `method`'s result, if one does. */
function hookBase(file: FileSemantics, cls: SyntaxNode, method: string): string | undefined {
  for (const base of cls.childForFieldName("superclasses")?.namedChildren ?? []) {
    if (base.type !== "identifier" && base.type !== "attribute") continue;
    const qualified = file.qualifiedName(base);
    if (qualified && SYNC_HOOKS.get(qualified)?.includes(method)) return qualified;
  }
  return undefined;
}

/** `async def has_permission(...)` in a `BasePermission` subclass: AS407 on the def. */
export function asyncOverridesOfSyncHooks(file: FileSemantics, out: Results): void {
  if (
    !/has_permission|has_object_permission|is_allowed_origin|test_func|has_perm|has_module_perms|user_can_authenticate/.test(
      file.source,
    )
  )
    return;
  for (const cls of file.root.descendantsOfType("class_definition")) {
    for (const member of cls.childForFieldName("body")?.namedChildren ?? []) {
      const def =
        member.type === "decorated_definition" ? member.childForFieldName("definition") : member;
      if (def?.type !== "function_definition" || !isAsyncFunction(def)) continue;
      const name = def.childForFieldName("name")!.text;
      const base = hookBase(file, cls, name);
      if (!base) continue;
      const framework = base.split(".")[0];
      out.report(
        def,
        "AS407",
        `${name}() overrides ${base}.${name}, a plain def that ${framework} calls without await and tests: it gets a coroutine object, which is always true, so the check always passes and its body never runs; make it a plain def (the sync ORM, or async_to_sync inside)`,
      );
    }
  }
}
