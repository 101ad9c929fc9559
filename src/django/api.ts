/** Django versions compared as numbers: "4.10" is newer than "4.9". */
export function versionAtLeast(version: string, minimum: string): boolean {
  const [a1, a2] = version.split(".").map(Number);
  const [b1, b2] = minimum.split(".").map(Number);
  return a1 !== b1 ? a1 > b1 : (a2 ?? 0) >= (b2 ?? 0);
}

/** The target when neither --django-version nor a dependency file says otherwise. */
export const DEFAULT_DJANGO_VERSION = "4.2";

/**
 * Who has a native async method: a QuerySet or Manager, a model instance, a related manager, a
 * user (AbstractBaseUser), Django's test client (Client and AsyncClient), a session
 * (SessionBase), a cache (BaseCache), a signal. The last four are proven by their own rules (a
 * test case's `self.client`, the `cache` Django exports) or named in diagnostics only.
 */
export type AsyncMethodOwner =
  | "queryset"
  | "instance"
  | "related-manager"
  | "user"
  | "user-manager"
  | "test-client"
  | "session"
  | "cache"
  | "signal";

export interface AsyncMethod {
  sync: string;
  async: string;
  since: string;
  owner: AsyncMethodOwner;
}

function prefixed(owner: AsyncMethodOwner, since: string, names: string[]): AsyncMethod[] {
  return names.map((sync) => ({ sync, async: `a${sync}`, since, owner }));
}

/**
 * Django's native async API, once (docs: "Asynchronous support", "Asynchronous queries", "Model
 * instance reference", "Testing tools", "How to use sessions", "Django's cache framework", and the
 * 4.0 to 5.1 release notes). Django's own `a*` methods of a session and a cache run the sync
 * method in a thread where the backend has no native form: the same work, awaited.
 */
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
  // Client and AsyncClient (5.0: "asynchronous methods, using an a prefix").
  ...prefixed("test-client", "5.0", ["login", "force_login", "logout"]),
  // SessionBase (5.1).
  ...prefixed("session", "5.1", [
    "get",
    "setdefault",
    "pop",
    "update",
    "has_key",
    "keys",
    "values",
    "items",
    "flush",
    "cycle_key",
    "save",
    "delete",
    "exists",
    "create",
    "load",
    "set_expiry",
    "get_expiry_age",
    "get_expiry_date",
    "get_expire_at_browser_close",
    "set_test_cookie",
    "test_cookie_worked",
    "delete_test_cookie",
  ]),
  // BaseCache (4.0).
  ...prefixed("cache", "4.0", [
    "get",
    "set",
    "add",
    "delete",
    "get_many",
    "set_many",
    "delete_many",
    "get_or_set",
    "has_key",
    "incr",
    "decr",
    "touch",
    "clear",
    "incr_version",
    "decr_version",
  ]),
  ...prefixed("signal", "5.0", ["send", "send_robust"]),
];

/** How a diagnostic names each owner of native async methods. */
export const ASYNC_OWNER_NAMES: Record<AsyncMethodOwner, string> = {
  queryset: "a QuerySet or Manager",
  instance: "a model instance",
  "related-manager": "a related manager",
  user: "a user (AbstractBaseUser)",
  "user-manager": "Django's UserManager (of auth.User)",
  "test-client": "a test client (django.test Client, AsyncClient)",
  session: "a session (request.session, SessionBase)",
  cache: "a cache (django.core.cache)",
  signal: "a Signal",
};

/**
 * Django's UserManager and BaseUserManager (5.2: contrib.auth's "a" methods), apart from the rest:
 * only a manager of Django's own `auth.User` has them for certain (a project's user manager that
 * defines `create_user` is the project's, twinned as its other methods are: orm-human-7 R1).
 */
const USER_MANAGER_METHODS: readonly AsyncMethod[] = prefixed("user-manager", "5.2", [
  "create_user",
  "create_superuser",
  "get_by_natural_key",
]);

/** The native async twin of a method on an owner kind, if Django has one. */
export function asyncMethodFor(owner: AsyncMethodOwner, sync: string): AsyncMethod | undefined {
  const table = owner === "user-manager" ? USER_MANAGER_METHODS : ASYNC_METHODS;
  return table.find((m) => m.owner === owner && m.sync === sync);
}

/** Every owner's native twin of a method name: what a diagnostic may name for it. */
export function asyncMethodsNamed(sync: string): AsyncMethod[] {
  return ASYNC_METHODS.filter((m) => m.sync === sync);
}

/** Words of a receiver's name that say which owner it likely is (`request.session`, `self.client`). */
const OWNER_WORDS: [RegExp, AsyncMethodOwner][] = [
  [/^sessions?$/, "session"],
  [/^caches?$/, "cache"],
  [/^(client|async_client)$/, "test-client"],
  [/^(signal|\w+_signal)$/, "signal"],
  [/^(user|users|account|member)$/, "user"],
];

/**
 * What Django offers for `receiver.method()` when nothing proves the receiver's kind, for a
 * diagnostic: "a session (request.session, SessionBase) has asave() (Django 5.1; the target is
 * 4.2)", the owner the receiver's name suggests first. Undefined when no owner has a twin.
 */
export function nativeTwinsSaid(
  method: string,
  receiver: string,
  target: string,
): string | undefined {
  const twins = asyncMethodsNamed(method);
  if (twins.length === 0) return undefined;
  const words = receiver.toLowerCase().split(/[^a-z0-9_]+/);
  const hinted = OWNER_WORDS.find(
    ([word, owner]) => words.some((w) => word.test(w)) && twins.some((m) => m.owner === owner),
  )?.[1];
  const ordered = hinted
    ? [...twins.filter((m) => m.owner === hinted), ...twins.filter((m) => m.owner !== hinted)]
    : twins;
  return ordered
    .map((m) => {
      const newer = versionAtLeast(target, m.since) ? "" : `; the target is ${target}`;
      return `${ASYNC_OWNER_NAMES[m.owner]} has ${m.async}() (Django ${m.since}${newer})`;
    })
    .join(", ");
}

/** The `cache` object Django exports: its methods' twins are module-level facts. */
const CACHE_FUNCTIONS = ASYNC_METHODS.filter((m) => m.owner === "cache").map((m) => ({
  qualified: `django.core.cache.cache.${m.sync}`,
  async: m.async,
  since: m.since,
}));

/** Module-level functions with async twins (Django 5.0), and `django.core.cache.cache`'s methods. */
export const ASYNC_FUNCTIONS: readonly { qualified: string; async: string; since: string }[] = [
  { qualified: "django.shortcuts.get_object_or_404", async: "aget_object_or_404", since: "5.0" },
  { qualified: "django.shortcuts.get_list_or_404", async: "aget_list_or_404", since: "5.0" },
  { qualified: "django.contrib.auth.authenticate", async: "aauthenticate", since: "5.0" },
  { qualified: "django.contrib.auth.login", async: "alogin", since: "5.0" },
  { qualified: "django.contrib.auth.logout", async: "alogout", since: "5.0" },
  { qualified: "django.contrib.auth.get_user", async: "aget_user", since: "5.0" },
  {
    qualified: "django.contrib.auth.update_session_auth_hash",
    async: "aupdate_session_auth_hash",
    since: "5.0",
  },
  ...CACHE_FUNCTIONS,
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

/**
 * Attributes of Django's own auth models that never load a related row: columns and properties
 * of AbstractBaseUser, AbstractUser and PermissionsMixin (`groups` and `user_permissions` are
 * many-to-many managers: reading one runs no query), and of Group and Permission. A `User`
 * the project does not declare is Django's or a package's extension of these.
 */
const DJANGO_USER_PLAIN: ReadonlySet<string> = new Set([
  "username",
  "email",
  "first_name",
  "last_name",
  "password",
  "is_staff",
  "is_active",
  "is_superuser",
  "date_joined",
  "last_login",
  "is_authenticated",
  "is_anonymous",
  "groups",
  "user_permissions",
  "USERNAME_FIELD",
  "EMAIL_FIELD",
  "REQUIRED_FIELDS",
]);

export const DJANGO_MODEL_PLAIN_ATTRIBUTES: Readonly<Record<string, ReadonlySet<string>>> = {
  User: DJANGO_USER_PLAIN,
  // The user model a file's settings prove Django's own (src/django/user-model.ts).
  "auth.User": DJANGO_USER_PLAIN,
  Group: new Set(["name", "permissions"]),
  Permission: new Set(["name", "codename"]),
};

/**
 * The many-to-many managers of Django's own auth models, for instances of them that the project
 * does not declare (`get_user_model()` with no AUTH_USER_MODEL): `user.groups.aadd(group)` (4.2).
 */
export const DJANGO_RELATED_MANAGERS: Readonly<Record<string, readonly string[]>> = {
  User: ["groups", "user_permissions"],
  "auth.User": ["groups", "user_permissions"],
  Group: ["permissions", "user_set"],
  Permission: ["group_set", "user_set"],
};

/**
 * orm-review-3 N6: the columns of installed apps' models that projects read (django-waffle 4's
 * Flag, Switch and Sample; their `groups`/`users` are many-to-many managers, which run no query
 * when read), by the class's qualified name: reading one never loads a related row.
 */
export const LIBRARY_MODEL_PLAIN_ATTRIBUTES: Readonly<Record<string, ReadonlySet<string>>> = {
  "waffle.models.Flag": new Set([
    "name",
    "everyone",
    "percent",
    "testing",
    "superusers",
    "staff",
    "authenticated",
    "languages",
    "rollout",
    "note",
    "created",
    "modified",
    "groups",
    "users",
  ]),
  "waffle.models.Switch": new Set(["name", "active", "note", "created", "modified"]),
  "waffle.models.Sample": new Set(["name", "percent", "note", "created", "modified"]),
  // orm-review-6 R5: django-oauth-toolkit's and DRF's token columns (their relations: library-models.ts).
  "oauth2_provider.models.AccessToken": new Set([
    "token",
    "expires",
    "scope",
    "created",
    "updated",
  ]),
  "oauth2_provider.models.RefreshToken": new Set(["token", "created", "updated", "revoked"]),
  "oauth2_provider.models.Application": new Set([
    "client_id",
    "client_secret",
    "name",
    "client_type",
    "authorization_grant_type",
    "redirect_uris",
    "skip_authorization",
    "created",
    "updated",
  ]),
  "rest_framework.authtoken.models.Token": new Set(["key", "created"]),
};

/**
 * The keyword parameters of Django's own async twins that take fixed ones (`Model.adelete(using,
 * keep_parents)`, `QuerySet.adelete()`), by receiver and sync method, with how many positional
 * arguments each takes (`asave` passes `*args` on): a project override's own argument
 * (`delete(soft=False)`) would make the twin raise TypeError.
 */
export const NATIVE_PARAMETERS: Readonly<
  Record<string, Readonly<Record<string, { keywords: readonly string[]; positional: number }>>>
> = {
  instance: {
    save: { keywords: ["force_insert", "force_update", "using", "update_fields"], positional: 4 },
    delete: { keywords: ["using", "keep_parents"], positional: 2 },
    refresh_from_db: { keywords: ["using", "fields", "from_queryset"], positional: 2 },
  },
  queryset: { delete: { keywords: [], positional: 0 } },
};
