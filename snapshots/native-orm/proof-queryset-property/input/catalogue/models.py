from django.db.models import Q
from oscar.apps.catalogue.abstract_models import AbstractProduct


class Product(AbstractProduct):
    @property
    def live_children(self):
        return self.children.filter(Q(is_public=True) & ~Q(structure="parent"))


from oscar.apps.catalogue.models import *  # noqa: E402,F401,F403
