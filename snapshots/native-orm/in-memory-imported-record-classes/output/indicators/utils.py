from asgiref.sync import sync_to_async

from .models import CountryFilterOptions
from .types import CheckedIndicator, PlainIndicator


async def get_country_indicators(iso3):
    from .types import CountryIndicatorType

    indicators = CountryFilterOptions.objects.filter(iso3=iso3)
    return [
        CountryIndicatorType(
            indicator_id=indicator["indicator_id"],
            indicator_description=indicator["indicator_description"],
        )
        async for indicator in indicators.distinct().values("indicator_id", "indicator_description")
    ]


async def get_plain_indicators(iso3):
    rows = CountryFilterOptions.objects.filter(iso3=iso3).values("indicator_id", "indicator_description")
    return [PlainIndicator(**row) async for row in rows]


@sync_to_async
def get_checked_indicators(iso3):
    rows = CountryFilterOptions.objects.filter(iso3=iso3).values_list("indicator_id", flat=True)
    return [CheckedIndicator(indicator_id=i) for i in rows]
