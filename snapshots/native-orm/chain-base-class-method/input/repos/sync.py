from asgiref.sync import sync_to_async

from .models import Branch, Tag


class BaseSync:
    def _store(self, model, names):
        for name in names:
            model.objects.get_or_create(repo_id=self.repo_id, name=name)

    def _store_tags(self, names):
        for name in names:
            Tag.objects.get_or_create(repo_id=self.repo_id, name=name)


class RepoSync(BaseSync):
    def __init__(self, repo_id):
        self.repo_id = repo_id

    @sync_to_async
    def sync_tags(self, tags):
        # _store_tags is defined in the base class of this module.
        self._store_tags(tags)

    @sync_to_async
    def sync_branches(self, branches):
        # model is a parameter: its one caller, here, passes Branch.
        self._store(Branch, branches)
