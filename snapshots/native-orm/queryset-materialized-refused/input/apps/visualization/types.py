import typing

import strawberry

from .utils import get_keywords, get_titles, get_topics


@strawberry.type
class VisualizationQuery:
    @strawberry.field
    async def keywords(self) -> typing.List[str]:
        return await get_keywords()

    @strawberry.field
    async def topics(self) -> typing.List[str]:
        return await get_topics()

    @strawberry.field
    async def titles(self) -> typing.List[str]:
        return await get_titles()
