"""Content serving: the thread wrappers read attributes of values handed in by the caller."""
from asgiref.sync import sync_to_async

from .models import Artifact, Repository, RepositoryVersion


async def artifact_exists(distribution, path):
    repo_version = distribution.repository_version
    if repo_version:

        def artifact_exists_blocking():
            # `content` is a property that queries: it must stay in the thread.
            return Artifact.objects.filter(
                pk__in=repo_version.content,  # « contenu »
                relative_path=path,
            ).exists()

        return await sync_to_async(artifact_exists_blocking)()
    return False


async def count_in_repository(publication, path):
    # `repository_version` is a ForeignKey: reading it off an unproven value may query.
    return await sync_to_async(
        lambda: Artifact.objects.filter(
            repository=publication.repository_version.repository, relative_path=path
        ).count()
    )()


@sync_to_async
def paths_of(version_id):
    version = RepositoryVersion.objects.get(pk=version_id)
    # A proven instance, but `content` is its model's property, whose body queries.
    return [artifact.relative_path for artifact in version.content]


async def rename(distribution, label):
    # `repository_id` and `label` are plain reads: the wrapper converts.
    await Repository.objects.filter(pk=distribution.repository_id).aupdate(name=label)


async def count_added(version, path):
    # The bound method's queryset is built before the thread runs: `version.content` already ran
    # on the event loop, and converting changes nothing about it.
    return await Artifact.objects.filter(pk__in=version.content, relative_path=path).acount()
