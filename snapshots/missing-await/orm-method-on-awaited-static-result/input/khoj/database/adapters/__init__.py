from typing import Optional

from khoj.database.models import Agent, Conversation


class ConversationAdapters:
    @staticmethod
    async def aget_conversation_by_user(
        user: str, conversation_id: Optional[int] = None
    ) -> Optional[Conversation]:
        if conversation_id:
            return await Conversation.objects.filter(user=user, id=conversation_id).afirst()
        return await Conversation.objects.filter(user=user).order_by("-id").afirst()

    @classmethod
    async def aget_default_agent(cls) -> "Agent":
        return await Agent.objects.afirst()

    @staticmethod
    def get_conversation_sync(user: str) -> Conversation:
        return Conversation.objects.filter(user=user).first()
