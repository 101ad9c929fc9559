class Repo:
    async def all_names(self):
        names = []
        async for row in self.model.objects.filter(active=True):
            names.append(row.name)
        return names, await self.model.objects.acount()

    async def plain(self, items):
        # items.count(x) is a list method: not ORM, not reported
        return items.count(3)
