from asgiref.sync import sync_to_async
from django.db.models.functions import Lower

from bot.models import Keyword


async def matching_keywords(found, project_id):
    found_keywords = await sync_to_async(
        Keyword.objects
        .annotate(lower_text=Lower("text"))
        .filter
    )(
        lower_text__in=found,
        project_id=project_id,
    )
    return found_keywords
