import logging

from django.db.models import Q
from pulpcore.plugin.sync import sync_to_async, sync_to_async_iterable

from pulp_ansible.app.models import CollectionVersionSignature

log = logging.getLogger(__name__)


class CollectionSigningRunner:
    def __init__(self, repository, signing_service):
        self.repository = repository
        self.signing_service = signing_service

    async def run(self):
        current_signatures = CollectionVersionSignature.objects.filter(
            pulp_id__in=self.repository.latest_version().content
        )
        present_content = current_signatures.filter(
            Q(pubkey_fingerprint=self.signing_service.pubkey_fingerprint)
        )
        ptotal = await sync_to_async(present_content.count)()
        log.info("%d signatures already present", ptotal)
        async for signature in sync_to_async_iterable(present_content.iterator()):
            log.debug("present: %s", signature.pk)
        return ptotal
