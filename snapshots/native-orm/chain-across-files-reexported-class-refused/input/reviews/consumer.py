from asgiref.sync import sync_to_async

from reviews.rbac import RbacService
from reviews.models import Review


@sync_to_async
def can_view(user, pk):
    RbacService.visible(user)
    return Review.objects.filter(pk=pk).exists()
