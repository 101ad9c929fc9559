from django.core.files.base import ContentFile
from django.db.models import QuerySet

from .models import ProcessingQueue, RECAPDocument


def get_main_rds(court_id: str, pacer_doc_id: str) -> QuerySet:
    """The main documents of a PACER document id, with their docket loaded."""
    return RECAPDocument.objects.select_related(
        "docket_entry__docket",  # read below for the case id
    ).filter(docket_entry__docket__court_id=court_id, pacer_doc_id=pacer_doc_id)


async def find_subdocket_atts(pq: ProcessingQueue, text: str) -> list[int]:
    main_rds = get_main_rds(pq.court_id, pq.pacer_doc_id)
    pqs_to_process_pks = [
        pq.pk
    ]  # the original pq
    seen = {pq.pacer_case_id: pq.pk}

    async def save_pq_instances():
        async for main_rd in main_rds:
            main_pacer_case_id = main_rd.docket_entry.docket.pacer_case_id
            if main_pacer_case_id in seen:
                continue
            pq_created = await ProcessingQueue.objects.acreate(
                uploader_id=pq.uploader_id,
                pacer_case_id=main_pacer_case_id,
                filepath_local=ContentFile(text.encode(), name="attachment_page.html"),
            )
            pqs_to_process_pks.append(pq_created.pk)
            seen.setdefault(main_pacer_case_id, pq_created.pk)

    await save_pq_instances()
    return pqs_to_process_pks
