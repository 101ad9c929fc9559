// Django calls that compute in memory, with no query: a thread wrapper around code calling them
// is not kept for their sake.

/**
 * By qualified name: the password hashers' helpers (CPU work, as `set_password` is;
 * `check_password(password, encoded, setter)` is not here: its setter may save, orm-human-5 H6),
 * and `JsonResponse(data)`, which serialises with `json.dumps` (a queryset in `data` raises
 * TypeError, never iterates: orm-review-6 R9).
 */
export const DJANGO_IN_MEMORY_CALLS: ReadonlySet<string> = new Set([
  "django.contrib.auth.hashers.make_password",
  "django.contrib.auth.hashers.is_password_usable",
  "django.contrib.auth.hashers.identify_hasher",
  "django.contrib.auth.hashers.get_hasher",
  "django.http.JsonResponse",
  "django.http.response.JsonResponse",
]);

/**
 * Modules whose classes are query expressions (orm-review-6 R15, Ghostwriter's full-text search):
 * `SearchVector(...)`, `Cast(...)`, `Func(...)` build a tree a later query compiles; building one
 * runs no query.
 */
const EXPRESSION_MODULES =
  /^django\.(db\.models(\.(expressions|functions(\.\w+)?|aggregates|lookups|query_utils))?|contrib\.postgres\.(search|aggregates(\.\w+)?|functions|expressions|lookups))\.[A-Z]\w*$/;

/** Is `qualified` a class of Django's query expressions? */
export function isExpressionClass(qualified: string | undefined): boolean {
  return EXPRESSION_MODULES.test(qualified ?? "");
}
