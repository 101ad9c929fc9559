import typing

import strawberry

from .utils import (
    get_keywords,
    get_topics,
)


@strawberry.type
class VisualizationQuery:
    @strawberry.field
    async def keywords(self) -> typing.List[str]:
        return await get_keywords()

    @strawberry.field
    async def topics(self, search: typing.Optional[str] = None) -> typing.List[str]:
        return await get_topics(search)
