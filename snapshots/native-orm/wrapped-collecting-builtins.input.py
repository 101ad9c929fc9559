from asgiref.sync import sync_to_async

from .models import Member, Team


async def roster(team_id):
    ids = await sync_to_async(set)(
        Member.objects.filter(team_id=team_id).values_list("id", flat=True)
    )
    pairs = await sync_to_async(dict)(Member.objects.values_list("id", "name"))
    teams = await sync_to_async(tuple)(Team.objects.order_by("name"))
    members = await sync_to_async(list)(Member.objects.filter(team_id=team_id))
    return ids, pairs, teams, members
