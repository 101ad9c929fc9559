// The relation fields of models that installed packages declare, which the pre-pass never reads:
// reading one off an instance loaded without select_related runs a query (orm-review-6 W1:
// DRF's `Token.user` is a OneToOneField, read after `await Token.objects.aget(key=key)` it raised
// SynchronousOnlyOperation in every websocket connection). Each list is the package's own
// `ForeignKey`/`OneToOneField`/`GenericForeignKey` attributes, by the model's qualified name.

const relations = (...names: string[]): ReadonlySet<string> => new Set(names);

export const LIBRARY_MODEL_RELATIONS: Readonly<Record<string, ReadonlySet<string>>> = {
  "rest_framework.authtoken.models.Token": relations("user"),
  "rest_framework.authtoken.models.TokenProxy": relations("user"),
  "knox.models.AuthToken": relations("user"),
  "rest_framework_simplejwt.token_blacklist.models.OutstandingToken": relations("user"),
  "rest_framework_simplejwt.token_blacklist.models.BlacklistedToken": relations("token"),
  "oauth2_provider.models.Application": relations("user"),
  "oauth2_provider.models.AccessToken": relations(
    "user",
    "application",
    "source_refresh_token",
    "id_token",
  ),
  "oauth2_provider.models.RefreshToken": relations("user", "application", "access_token"),
  "oauth2_provider.models.Grant": relations("user", "application"),
  "oauth2_provider.models.IDToken": relations("user", "application"),
  "allauth.account.models.EmailAddress": relations("user"),
  "allauth.account.models.EmailConfirmation": relations("email_address"),
  "allauth.socialaccount.models.SocialAccount": relations("user"),
  "allauth.socialaccount.models.SocialToken": relations("app", "account"),
  "django.contrib.auth.models.Permission": relations("content_type"),
  "django.contrib.admin.models.LogEntry": relations("user", "content_type"),
  "django.contrib.redirects.models.Redirect": relations("site"),
  "django_celery_beat.models.PeriodicTask": relations("interval", "crontab", "solar", "clocked"),
  "guardian.models.UserObjectPermission": relations("user", "permission", "content_type"),
  "guardian.models.GroupObjectPermission": relations("group", "permission", "content_type"),
};

/**
 * Attribute names that are relations on so many library models (a user's, a content type's)
 * that an unknown model's attribute of that name is not taken for a plain field, even by an
 * unsafe rewrite.
 */
export const COMMON_RELATION_NAMES: ReadonlySet<string> = new Set([
  "user",
  "owner",
  "author",
  "creator",
  "created_by",
  "updated_by",
  "account",
  "group",
  "content_type",
  "content_object",
  "site",
  "application",
  "permission",
  "parent",
]);

/**
 * orm-review-9 R7, orm-human-8 K3: the ManyToManyFields a library's abstract model declares for the
 * project's models built on it, by the base's name (a base the project does not declare itself):
 * `class User(AbstractUser)` has Django's `groups` and `user_permissions` (PermissionsMixin's).
 */
export const LIBRARY_BASE_MANY_TO_MANY: Readonly<Record<string, readonly string[]>> = {
  AbstractUser: ["groups", "user_permissions"],
  PermissionsMixin: ["groups", "user_permissions"],
};
