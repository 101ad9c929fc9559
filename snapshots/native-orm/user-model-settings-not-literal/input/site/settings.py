import environ

env = environ.Env()
INSTALLED_APPS = ["django.contrib.auth", "django.contrib.contenttypes", "members"]
# Deployments choose the user model (the hosted edition uses members.User).
AUTH_USER_MODEL = env("AUTH_USER_MODEL", default="auth.User")
