"""Content server: two handlers, each with its own blocking helper of the same name."""

from .models import Artifact


class ContentHandler:
    async def artifact_by_pk(self, pk):
        async def _get_artifact(key):
            return await Artifact.objects.select_related("domain").aget(pk=key)

        return await _get_artifact(pk)

    async def artifact_by_digest(self, digest):
        async def _get_artifact(key):
            # The other handler's helper has this name too: each is local to its method.
            return await Artifact.objects.filter(sha256=key).afirst()

        return await _get_artifact(digest)
