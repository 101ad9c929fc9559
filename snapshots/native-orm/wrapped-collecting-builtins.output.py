from .models import Member, Team


async def roster(team_id):
    ids = {obj async for obj in Member.objects.filter(team_id=team_id).values_list("id", flat=True)}
    pairs = dict([obj async for obj in Member.objects.values_list("id", "name")])
    teams = tuple([obj async for obj in Team.objects.order_by("name")])
    members = [obj async for obj in Member.objects.filter(team_id=team_id)]
    return ids, pairs, teams, members
