from backend.services.osm_service import MapswipeService


async def partner_stats(group_id: str, start: str, end: str) -> dict:
    mapswipe = MapswipeService()
    return mapswipe.fetch_filtered_partner_stats(group_id, start, end)


async def partner_source(group_id: str) -> str:
    mapswipe = MapswipeService()
    return mapswipe.describe()


async def partner_stats_given(mapswipe, group_id: str) -> dict:
    # A parameter: what it holds is not known here.
    return mapswipe.fetch_filtered_partner_stats(group_id, "", "")
