import base64
import logging

import openai
from openai import AsyncOpenAI, AzureOpenAI

logger = logging.getLogger(__name__)
async_client = AsyncOpenAI()


def generate_image_with_openai(prompt: str, api_key: str) -> bytes:
    client = openai.OpenAI(api_key=api_key)
    response = client.images.generate(
        prompt=prompt,
        model="dall-e-3",  # the only model with 1024x1792
        response_format="b64_json",
    )
    return base64.b64decode(response.data[0].b64_json)


async def text_to_image(prompt: str, api_key: str) -> bytes:
    return generate_image_with_openai(prompt, api_key)


async def summarize(text: str, deployment: str) -> str:
    azure = AzureOpenAI(api_version="2024-06-01")
    quick = azure.with_options(timeout=10)  # a configured copy: no request
    logger.info("summarizing %d chars", len(text))
    completion = quick.chat.completions.create(
        model=deployment,
        messages=[{"role": "user", "content": f"Summarize: {text}"}],
    )
    return completion.choices[0].message.content or ""


async def embed(text: str) -> list[float]:
    result = await async_client.embeddings.create(model="text-embedding-3-small", input=text)
    return result.data[0].embedding


async def moderate(text: str) -> bool:
    return openai.OpenAI().moderations.create(input=text).results[0].flagged
