from responses.models import Response


async def on_reply(message):
    responses = [obj async for obj in Response.objects.filter(question_id=message.reference.message_id)]
    return [r.text for r in responses]
