from asgiref.sync import *


@sync_to_async
def active_count():
    from shop.models import Category

    return Category.objects.filter(active=True).count()
