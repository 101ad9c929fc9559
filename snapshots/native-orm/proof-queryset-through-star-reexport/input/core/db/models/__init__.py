from django.db.models import *  # noqa
from django.db.models import Model, UUIDField  # noqa

from .mixins import CreatedMetaInfoMixin  # noqa
