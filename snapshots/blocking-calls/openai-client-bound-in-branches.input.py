import base64

import openai

from khoj.utils import state


def generate_image_with_openai(prompt: str, api_key: str | None, api_base_url: str | None) -> str:
    if api_key:
        openai_client = openai.OpenAI(api_key=api_key)
    elif api_base_url:
        openai_client = openai.OpenAI(api_key="x", base_url=api_base_url)
    elif state.openai_client:
        # The process-wide client: unread here, but the other branches are sync clients.
        openai_client = state.openai_client

    response = openai_client.images.generate(
        prompt=prompt,
        model="gpt-image-1",
        response_format="b64_json",  # the image inline
    )
    return base64.b64decode(response.data[0].b64_json).decode("latin-1")


async def text_to_image(message: str, api_key: str | None) -> str:
    return generate_image_with_openai(message, api_key, None)


async def list_models(api_key: str, use_async: bool):
    client = openai.AsyncOpenAI(api_key=api_key) if use_async else None
    if client is None:
        client = openai.AsyncOpenAI(api_key=api_key)
    return await client.models.list()
