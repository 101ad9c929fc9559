from fastapi import APIRouter

from letta.services.lettuce import LettuceClient, lettuce_enabled
from letta.services.summarizer import summarize

router = APIRouter(prefix="/agents")


@router.post("/{agent_id}/messages")
async def send_message(agent_id: str, messages: list) -> list:
    if not lettuce_enabled(agent_id):
        return messages
    lettuce_client = LettuceClient.create()
    return await lettuce_client.step(agent_id, messages)


@router.post("/{agent_id}/messages/stream")
async def send_message_streaming(agent_id: str, messages: list) -> list:
    lettuce_client = await LettuceClient.create()  # awaited: fine
    return await lettuce_client.step(agent_id, messages)


@router.get("/{agent_id}/status")
async def status(agent_id: str) -> str:
    client = LettuceClient()
    return client.get_status()  # a plain def: fine


@router.post("/{agent_id}/summary")
async def summary(agent_id: str, messages: list) -> dict:
    # The native module is present, so this is its plain def: no await.
    text = summarize(messages)
    return {"agent_id": agent_id, "summary": text}
