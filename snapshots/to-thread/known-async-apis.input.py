import asyncio
import socket
import threading

import httpx
import ray
from langchain_openai import ChatOpenAI

ready = threading.Event()
llm = ChatOpenAI(model="gpt-4o-mini", temperature=0)
client = httpx.Client(timeout=10)


async def resolve(host: str, port: int) -> list:
    loop = asyncio.get_running_loop()
    return await loop.run_in_executor(None, socket.getaddrinfo, host, port)


async def wait_ready() -> bool:
    return await asyncio.to_thread(ready.wait, 5.0)


async def summarize(text: str) -> str:
    message = await asyncio.to_thread(llm.invoke, f"Summarize: {text}")
    return message.content


async def collect(ref) -> list:
    return await asyncio.to_thread(ray.get, ref)


async def fetch_rates() -> dict:
    response = await asyncio.to_thread(client.get, "https://rates.example.com/latest")
    return response.json()
