from .models import Branch, Tag


class BaseSync:
    async def _store(self, model, names):
        for name in names:
            await model.objects.aget_or_create(repo_id=self.repo_id, name=name)

    async def _store_tags(self, names):
        for name in names:
            await Tag.objects.aget_or_create(repo_id=self.repo_id, name=name)


class RepoSync(BaseSync):
    def __init__(self, repo_id):
        self.repo_id = repo_id

    async def sync_tags(self, tags):
        # _store_tags is defined in the base class of this module.
        await self._store_tags(tags)

    async def sync_branches(self, branches):
        # model is a parameter: its one caller, here, passes Branch.
        await self._store(Branch, branches)
