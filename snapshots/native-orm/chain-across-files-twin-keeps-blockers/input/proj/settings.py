INSTALLED_APPS = ["django.contrib.auth", "django.contrib.contenttypes", "channels", "users", "chat"]
