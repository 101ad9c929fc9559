import logging

logger = logging.getLogger(__name__)


class MessageService:
    @staticmethod
    async def accept_reject_invitation_request_for_team(
        from_user: int, team_id: int, response: str, db
    ) -> None:
        logger.info("notify managers of %s: %s %s", team_id, from_user, response)

    @staticmethod
    def get_message_count(user_id: int) -> int:
        return user_id

    async def stream_messages(self, user_id: int):
        yield user_id
