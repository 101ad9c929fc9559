from asgiref.sync import sync_to_async

from builds.models import Build


@sync_to_async
def load_builds(keys):
    queryset = Build.objects.filter(sha__in=keys)
    results = {build.sha: build for build in queryset}
    return [results.get(key) for key in keys]


class BaseLoader:
    def batch_queryset(self, keys):
        # Each loader says which rows it batches.
        raise NotImplementedError

    def key_list(self, keys) -> list[str]:
        return [str(key) for key in keys]

    @sync_to_async
    def batch_load_fn(self, keys):
        queryset = self.batch_queryset(keys)
        results = {record.pk: record for record in queryset}
        return [results.get(key) for key in keys]

    @sync_to_async
    def counted(self, keys):
        total = Build.objects.filter(sha__in=keys).count()
        for key in self.key_list(keys):
            total += len(key)
        return total
