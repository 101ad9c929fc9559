INSTALLED_APPS = [
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "accounts",
    "legacy",
]
AUTH_USER_MODEL: str = "accounts.Account"
