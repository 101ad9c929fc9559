from backend.services.lettuce import LettuceClient
from backend.services.messaging import MessageService
from backend.services.user_service import UserService


class ProjectService:
    @staticmethod
    async def is_user_permitted_to_map(project_id: int, user_id: int, db) -> bool:
        if not UserService.has_user_accepted_license(user_id, project_id, db):
            return False
        return True

    @staticmethod
    async def accept_reject_invitation_request(
        team_id: int, from_user_id: int, managers: list[int], action: str, db
    ) -> None:
        for manager in managers:
            MessageService.accept_reject_invitation_request_for_team(
                from_user_id, team_id, action, db
            )
        MessageService.get_message_count(from_user_id)  # a plain def
        service = MessageService()
        service.stream_messages(from_user_id)  # an async generator: left alone


async def refresh(user_id: int) -> None:
    users = UserService()
    users.refresh_stats(user_id)


async def send_message_to_agent(messages: list) -> list:
    lettuce_client = LettuceClient.create()
    return await lettuce_client.step(messages)
