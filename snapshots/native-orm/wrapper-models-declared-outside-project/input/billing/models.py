# Every model of this service is declared by the shared package both services install.
from billing_shared.django_apps.core.models import *  # noqa: F401,F403
