"""Content server: two handlers, each with its own blocking helper of the same name."""
from asgiref.sync import sync_to_async

from .models import Artifact


class ContentHandler:
    async def artifact_by_pk(self, pk):
        def _get_artifact(key):
            return Artifact.objects.select_related("domain").get(pk=key)

        return await sync_to_async(_get_artifact)(pk)

    async def artifact_by_digest(self, digest):
        def _get_artifact(key):
            # The other handler's helper has this name too: each is local to its method.
            return Artifact.objects.filter(sha256=key).first()

        return await sync_to_async(_get_artifact)(digest)
