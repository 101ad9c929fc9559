from asgiref.sync import sync_to_async

from responses.models import Response


async def on_reply(message):
    responses = await (
        sync_to_async(list)(
            Response.objects.filter(question_id=message.reference.message_id)
        )
    )
    return [r.text for r in responses]
