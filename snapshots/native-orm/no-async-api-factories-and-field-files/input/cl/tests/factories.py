import factory
from factory.django import DjangoModelFactory

from cl.search.models import Court, Docket, RECAPDocument


class CourtFactory(DjangoModelFactory):
    class Meta:
        model = Court

    id = factory.Sequence(lambda n: f"court{n}")
    jurisdiction = "F"


class DocketFactory(DjangoModelFactory):
    class Meta:
        model = Docket

    court = factory.SubFactory(CourtFactory)
    case_name = factory.Faker("sentence")


class RECAPDocumentFactory(DjangoModelFactory):
    class Meta:
        model = RECAPDocument

    docket = factory.SubFactory(DocketFactory)


class DocketEntryDataFactory(factory.DictFactory):
    date_filed = "2024-01-01"
    description = factory.Faker("sentence")
