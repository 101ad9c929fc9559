/** Django versions compared as numbers: "4.10" is newer than "4.9". */
export function versionAtLeast(version: string, minimum: string): boolean {
  const [a1, a2] = version.split(".").map(Number);
  const [b1, b2] = minimum.split(".").map(Number);
  return a1 !== b1 ? a1 > b1 : (a2 ?? 0) >= (b2 ?? 0);
}

/** The target when neither --django-version nor a dependency file says otherwise. */
export const DEFAULT_DJANGO_VERSION = "4.2";

export type AsyncMethodOwner = "queryset" | "instance" | "related-manager" | "user";

export interface AsyncMethod {
  sync: string;
  async: string;
  since: string;
  owner: AsyncMethodOwner;
}

function prefixed(owner: AsyncMethodOwner, since: string, names: string[]): AsyncMethod[] {
  return names.map((sync) => ({ sync, async: `a${sync}`, since, owner }));
}

/** Django's native async methods (docs: "Asynchronous queries", "Model instance reference"). */
export const ASYNC_METHODS: readonly AsyncMethod[] = [
  // QuerySet and Manager, Django 4.1. `delete` on a queryset only: instances have their own (4.2).
  ...prefixed("queryset", "4.1", [
    "get",
    "create",
    "get_or_create",
    "update_or_create",
    "bulk_create",
    "bulk_update",
    "count",
    "in_bulk",
    "iterator",
    "latest",
    "earliest",
    "first",
    "last",
    "aggregate",
    "exists",
    "contains",
    "update",
    "delete",
    "explain",
  ]),
  ...prefixed("instance", "4.2", ["save", "delete", "refresh_from_db"]),
  ...prefixed("related-manager", "4.2", ["add", "remove", "clear", "set"]),
  ...prefixed("related-manager", "4.1", ["create", "get_or_create", "update_or_create"]),
  ...prefixed("user", "5.0", ["check_password"]),
];

/** The native async twin of a method on an owner kind, if Django has one. */
export function asyncMethodFor(owner: AsyncMethodOwner, sync: string): AsyncMethod | undefined {
  return ASYNC_METHODS.find((m) => m.owner === owner && m.sync === sync);
}

/** Module-level functions with async twins (Django 5.0). */
export const ASYNC_FUNCTIONS: readonly { qualified: string; async: string; since: string }[] = [
  { qualified: "django.shortcuts.get_object_or_404", async: "aget_object_or_404", since: "5.0" },
  { qualified: "django.shortcuts.get_list_or_404", async: "aget_list_or_404", since: "5.0" },
  { qualified: "django.contrib.auth.authenticate", async: "aauthenticate", since: "5.0" },
  { qualified: "django.contrib.auth.login", async: "alogin", since: "5.0" },
  { qualified: "django.contrib.auth.logout", async: "alogout", since: "5.0" },
  { qualified: "django.contrib.auth.get_user", async: "aget_user", since: "5.0" },
];

/** QuerySet methods that return another queryset: they stay as they are inside a chain. */
export const QUERYSET_RETURNING = new Set([
  "all",
  "filter",
  "exclude",
  "order_by",
  "select_related",
  "prefetch_related",
  "annotate",
  "alias",
  "values",
  "values_list",
  "only",
  "defer",
  "distinct",
  "using",
  "none",
  "reverse",
  "union",
  "intersection",
  "difference",
  "extra",
  "dates",
  "datetimes",
  "select_for_update",
  "raw",
]);
