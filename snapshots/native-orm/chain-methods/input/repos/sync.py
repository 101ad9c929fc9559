from asgiref.sync import sync_to_async

from .models import Branch, Tag


class RepoSync:
    def __init__(self, repo_id, client):
        self.repo_id = repo_id
        self.client = client

    def _store_branches(self, names):
        for name in names:
            Branch.objects.get_or_create(repo_id=self.repo_id, name=name)

    def _store_tags(self, names):
        for name in names:
            Tag.objects.get_or_create(repo_id=self.repo_id, name=name)  # tags only

    def resync_tags(self, names):
        # A sync caller: it keeps the sync method.
        self._store_tags(names)

    @sync_to_async
    def sync_refs(self, branches, tags):
        self._store_branches(branches)
        self._store_tags(tags)

    @sync_to_async
    def sync_remote(self):
        # Through another object: not followed.
        names = self.client.branch_names(self.repo_id)
        self._store_branches(names)
