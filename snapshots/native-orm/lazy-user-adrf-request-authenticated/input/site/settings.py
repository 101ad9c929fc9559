INSTALLED_APPS = ["django.contrib.auth", "django.contrib.contenttypes", "rest_framework", "adrf", "social"]
AUTH_USER_MODEL = "social.Member"
