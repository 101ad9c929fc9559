import typing as t

import pydantic
from asgiref.sync import sync_to_async
from ninja import Schema
from pydantic import BaseModel as PydanticModel

from .models import Article


class ArticleService:
    def __init__(self, author_id: int) -> None:
        self.author_id = author_id

    def create(self, schema: PydanticModel, **kwargs: t.Any) -> Article:
        data = schema.model_dump(by_alias=True)
        data.update(kwargs)
        return Article.objects.create(author_id=self.author_id, **data)

    def update(self, pk: int, schema: "PydanticModel") -> int:
        # Only the fields the client sent: a dict held in memory.
        changes = schema.model_dump(exclude_unset=True)
        return Article.objects.filter(pk=pk).update(**changes)

    def patch(self, pk: int, payload: t.Optional[pydantic.BaseModel]) -> int:
        return Article.objects.filter(pk=pk).update(**payload.dict(exclude_none=True))

    def rename(self, pk: int, body: Schema) -> int:
        return Article.objects.filter(pk=pk).update(title=body.title.strip())

    async def create_async(self, schema: PydanticModel, **kwargs: t.Any) -> Article:
        return await sync_to_async(self.create, thread_sensitive=True)(schema, **kwargs)

    async def update_async(self, pk: int, schema: PydanticModel) -> int:
        return await sync_to_async(self.update)(pk, schema)

    async def patch_async(self, pk: int, payload: pydantic.BaseModel) -> int:
        return await sync_to_async(self.patch)(pk, payload)

    async def rename_async(self, pk: int, body: Schema) -> int:
        return await sync_to_async(self.rename)(pk, body)
