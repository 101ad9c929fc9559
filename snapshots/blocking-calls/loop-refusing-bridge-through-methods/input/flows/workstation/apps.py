from fastapi import APIRouter

from flows.api.services.workflow import WorkFlowService
from flows.common.user_deps import UserPayload
from flows.permission.owner_service import OwnerService

router = APIRouter()


@router.get("/apps/recommended")
async def get_recommended_apps(user_id: int) -> list[dict]:
    login_user = UserPayload(user_id)
    data = [{"id": "f1", "user_id": 7}]
    # Écrire: the write flag of each app, for the current user
    data = WorkFlowService.add_extra_field(login_user, data)
    return data


@router.post("/apps/warm")
async def warm_apps(flow_ids: list[str]) -> None:
    WorkFlowService.warm_cache(flow_ids)


@router.post("/apps")
async def create_app(user_id: int, app_id: str) -> None:
    OwnerService.write_owner_tuple_sync(user_id, "app", app_id)


def sync_report(login_user: UserPayload) -> list[dict]:
    # A sync caller (a threadpool route): the bridge is right here.
    return WorkFlowService.add_extra_field(login_user, [])
