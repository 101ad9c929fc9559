# Settings for the package's own tests: Django's auth.User (no AUTH_USER_MODEL).
SECRET_KEY = "not-a-secret"
INSTALLED_APPS = [
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "matt.auth.passkeys",
]
DATABASES = {"default": {"ENGINE": "django.db.backends.sqlite3", "NAME": ":memory:"}}
