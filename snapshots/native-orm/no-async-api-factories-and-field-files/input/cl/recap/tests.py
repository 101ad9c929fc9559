import factory
from asgiref.sync import sync_to_async
from django.core.files.base import ContentFile
from django.test import TestCase

from cl.search.models import RECAPDocument
from cl.tests.factories import (
    CourtFactory,
    DocketEntryDataFactory,
    DocketFactory,
    RECAPDocumentFactory,
)


class PartyDataFactory(factory.DictFactory):
    name = factory.Faker("name")
    party_type = "Plaintiff"


class LocalDocumentFactory(RECAPDocumentFactory):
    class Meta:
        model = RECAPDocument

    page_count = 12


class ThumbnailTest(TestCase):
    async def test_thumbnail_saved(self) -> None:
        court = await sync_to_async(CourtFactory)(id="ca1", jurisdiction="F")
        docket = await sync_to_async(DocketFactory.create)(
            court=court,  # the appellate court
            case_name="Lorem v. Ipsum",
        )
        rd = await sync_to_async(RECAPDocumentFactory.create)(docket=docket)
        entry = await sync_to_async(DocketEntryDataFactory)()
        self.assertIn("description", entry)
        party = await sync_to_async(PartyDataFactory)(name="Ipsum")
        local = await sync_to_async(LocalDocumentFactory.create_batch)(2, docket=docket)
        self.assertEqual(len(local), 2, party)

        rd = await RECAPDocument.objects.aget(pk=rd.pk)
        await sync_to_async(rd.thumbnail.save)("thumb.png", ContentFile(b"\x89PNG"))
        await sync_to_async(rd.filepath_local.save)(
            "doc.pdf", ContentFile(b"%PDF-1.4"), save=False
        )
        await sync_to_async(rd.filepath_local.delete)()

    async def test_unproven_owner(self) -> None:
        item = self.make_item()
        # item is not proven here: the field name is all there is.
        await sync_to_async(item.filepath_local.delete)(save=True)

    def make_item(self):
        return RECAPDocumentFactory.build()
