from flows.common.user_deps import UserPayload
from flows.utils.async_utils import run_blocking


class WorkFlowService:
    @classmethod
    def add_extra_field(
        cls,
        user: UserPayload,
        data: list[dict],
        managed: bool = False,  # set by the admin pages
    ) -> list[dict]:
        """Add some extra fields for app list"""
        for one in data:
            one["write"] = True if managed else user.access_check(one["user_id"], one["id"])
        return data

    @classmethod
    def legacy_fields(cls, user: "UserPayload", data: list[dict]) -> list[dict]:
        for one in data:
            one["write"] = user.legacy_check(one["id"])
        return data

    @staticmethod
    def warm_cache(flow_ids: list[str]) -> None:
        run_blocking(_warm(flow_ids))

    @classmethod
    async def get_frequently_used_flows(cls, user: UserPayload, data: list[dict]) -> list[dict]:
        data = cls.add_extra_field(user, data)
        return data

    @classmethod
    async def get_legacy_flows(cls, user: UserPayload, data: list[dict]) -> list[dict]:
        return cls.legacy_fields(user, data)


async def _warm(flow_ids: list[str]) -> None:
    return None
