INSTALLED_APPS = ["django.contrib.auth", "django.contrib.contenttypes", "accounts"]
AUTH_USER_MODEL = 'accounts.User'
