"""Team services (tasking-manager's shape): classes of static async methods, called on the class."""
import logging

logger = logging.getLogger(__name__)


class BaseService:
    @classmethod
    async def create(cls, config: dict) -> "BaseService":
        return cls()

    async def close(self) -> None:
        logger.info("closed")

    async def step(self, messages: list) -> list:
        return messages


class MessageService(BaseService):
    @staticmethod
    async def has_user_accepted_license(user_id: int, license_id: int) -> bool:
        return user_id == license_id

    @staticmethod
    async def accept_reject_invitation_request_for_team(
        from_user: int, team_id: int, response: str
    ) -> None:
        logger.info("notify %s %s %s", from_user, team_id, response)

    @staticmethod
    def message_count(user_id: int) -> int:
        return user_id

    async def stream(self, user_id: int):
        yield user_id


class CachedService:
    def __init__(self, fetch) -> None:
        self.fetch = fetch  # the instance's own: not the async def below

    async def fetch(self, key: str) -> str:
        return key


class TeamService:
    @staticmethod
    async def accept_reject_invitation_request(
        team_id: int, from_user_id: int, managers: list[int], action: str
    ) -> None:
        for manager in managers:
            await MessageService.accept_reject_invitation_request_for_team(
                from_user_id, team_id, action  # the managers are never notified
            )
        MessageService.message_count(from_user_id)  # a plain def: fine

    @staticmethod
    async def check_license(user_id: int, license_id: int) -> None:
        if not await MessageService.has_user_accepted_license(user_id, license_id):
            raise PermissionError("license not accepted")


async def check_instance(user_id: int) -> None:
    svc = MessageService()
    if not await svc.has_user_accepted_license(user_id, 1):
        raise PermissionError("license not accepted")
    await svc.close()
    svc.stream(user_id)  # an async generator: not awaitable, left alone


async def open_service(config: dict) -> None:
    service = await MessageService.create(config)  # letta's LettuceClient.create()
    await service.step([])


async def cached(key: str) -> str:
    cache = CachedService(lambda k: k)
    cache.fetch(key)  # the instance attribute: left alone
    return key
