from playwright.async_api import Locator
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from app.models import WorkflowRun


async def get_run(session: AsyncSession, run_id: str):
    return (await session.scalars(select(WorkflowRun).filter_by(run_id=run_id))).first()


async def hover_element(locator: Locator, timeout: float) -> None:
    await locator.hover(timeout=timeout)


async def handle_hover_action(skyvern_element, timeout: float) -> None:
    await skyvern_element.get_locator().hover(timeout=timeout)
