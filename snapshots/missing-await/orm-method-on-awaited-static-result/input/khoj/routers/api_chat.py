from typing import Optional

from khoj.database.adapters import ConversationAdapters
from khoj.database.models import Agent


class AgentAdapters:
    @staticmethod
    async def aget_agent_by_name(name: str) -> Optional[Agent]:
        return await Agent.objects.filter(name=name).afirst()


async def set_conversation_title(user: str, conversation_id: int, title: str) -> str:
    conversation = await ConversationAdapters.aget_conversation_by_user(
        user, conversation_id=conversation_id
    )
    conversation.title = title
    conversation.asave()  # never runs: the title is lost
    return title


async def rename_default_agent(name: str) -> None:
    agent = await ConversationAdapters.aget_default_agent()
    agent.name = name
    agent.asave()


async def rename_agent(old: str, new: str) -> None:
    agent = await AgentAdapters.aget_agent_by_name(old)
    agent.name = new
    agent.asave()


async def touch_conversation(user: str) -> None:
    conversation = await ConversationAdapters.aget_conversation_by_user(user)
    await conversation.asave()  # already awaited: fine
