INSTALLED_APPS = ["django.contrib.auth", "django.contrib.contenttypes", "signup"]
LOGIN_URL = "/login/"
