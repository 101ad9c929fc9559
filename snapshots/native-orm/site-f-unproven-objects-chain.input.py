class Repo:
    async def all_names(self):
        names = []
        for row in self.model.objects.filter(active=True):
            names.append(row.name)
        return names, self.model.objects.count()

    async def plain(self, items):
        # items.count(x) is a list method: not ORM, not reported
        return items.count(3)
