import base64

import openai

from khoj.utils import state


def generate_image_with_openai(
    prompt: str, api_key: str | None, api_base_url: str | None
) -> bytes:
    # The client comes from one of three branches: two build a sync client, one takes the
    # process-wide client configured at start-up.
    if api_key:
        openai_client = openai.OpenAI(api_key=api_key)
    elif api_base_url:
        openai_client = openai.OpenAI(api_key="local", base_url=api_base_url)
    elif state.openai_client:
        openai_client = state.openai_client

    response = openai_client.images.generate(
        prompt=prompt, model="gpt-image-1", response_format="b64_json"
    )
    return base64.b64decode(response.data[0].b64_json)


async def text_to_image(prompt: str, api_key: str | None) -> bytes:
    return generate_image_with_openai(prompt, api_key, None)


async def describe_image(url: str, api_key: str | None) -> str:
    if api_key:
        client = openai.OpenAI(api_key=api_key)
    else:
        client = state.vision_client
    completion = client.chat.completions.create(
        model="gpt-4o-mini",
        messages=[{"role": "user", "content": [{"type": "image_url", "image_url": {"url": url}}]}],
    )
    return completion.choices[0].message.content or ""


# Not reported: one branch builds the async client, so the kind is not known.


async def caption(url: str, use_async: bool) -> str:
    if use_async:
        client = openai.AsyncOpenAI()
    else:
        client = openai.OpenAI()
    completion = client.chat.completions.create(model="gpt-4o-mini", messages=[])
    return await completion if use_async else completion
