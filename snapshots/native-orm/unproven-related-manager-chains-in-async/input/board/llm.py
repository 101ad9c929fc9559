from openai import AsyncOpenAI


async def start_batch(client: AsyncOpenAI, file_id: str):
    # `messages` is also a related_name of the project's models: an awaited call is the async
    # client's own (orm-human-9 H10), never a sync ORM call.
    remote = await client.batches.create(input_file_id=file_id, endpoint="/v1/chat/completions")
    reply = await (client.messages.create(model="x", messages=[]))
    return remote, reply
