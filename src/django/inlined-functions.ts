// Functions of Django with no async twin whose whole body is a few statements with native async
// forms: a thread wrapper around one of them can become those statements, awaited. Only what the
// body is in every supported Django version (3.2 to 6.0) is written here.

/** One such function: its parameters in order, and its body made native, by parameter. */
export interface InlinedFunction {
  qualified: string;
  parameters: readonly string[];
  /** The parameter whose object the body changes and saves. */
  subject: string;
  /** The Django version of the async method the native body awaits. */
  since: string;
  /** The body's statements, for `subject` spelled as given, `now` a call of timezone.now, `q` a quote. */
  statements(subject: string, now: string, q: string): string[];
}

/**
 * `django.contrib.auth.models.update_last_login(sender, user, **kwargs)`, the receiver of
 * `user_logged_in`: `user.last_login = timezone.now(); user.save(update_fields=["last_login"])`.
 */
export const INLINED_FUNCTIONS: readonly InlinedFunction[] = [
  {
    qualified: "django.contrib.auth.models.update_last_login",
    parameters: ["sender", "user"],
    subject: "user",
    since: "4.2",
    statements: (user, now, q) => [
      `${user}.last_login = ${now}`,
      `await ${user}.asave(update_fields=[${q}last_login${q}])`,
    ],
  },
];

/** The module `now()` comes from in those bodies. */
export const TIMEZONE_MODULE = "django.utils.timezone";
