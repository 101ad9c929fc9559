from asgiref.sync import sync_to_async
from django.contrib.contenttypes.models import ContentType

from .models import Token


@sync_to_async
def token_for(obj, key):
    # Django's own ContentTypeManager method: it may query, and has no async twin.
    content_type = ContentType.objects.get_for_model(obj)
    return Token.objects.filter(content_type=content_type, key=key).first()
