import strawberry


@strawberry.type
class ModuleNode:
    """Resolvers receive the Module row as self."""

    id: strawberry.ID

    @strawberry.field
    async def issue_ids(self, number: int) -> list[int]:
        return list(self.issues.filter(number=number).values_list("id", flat=True))

    @strawberry.field
    async def recent_issues(self, limit: int = 5) -> list[int]:
        queryset = self.issues.order_by("-updated_at")
        return list(queryset[:limit])

    @strawberry.field
    async def page(self, label: str | None = None, offset: int = 0, limit: int = 5) -> list[int]:
        queryset = self.issues.select_related("module")
        if label:  # narrowed in a branch: still the related manager's queryset
            queryset = queryset.filter(labels__name=label)
        return list(queryset.order_by("-updated_at")[offset : offset + limit])

    @strawberry.field
    async def has_issue(self, number: int) -> bool:
        return self.issues.filter(number=number).exists()

    @strawberry.field
    async def issues_count(self) -> int:
        return await self.issues.acount()
