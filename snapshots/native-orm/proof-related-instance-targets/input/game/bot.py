from asgiref.sync import sync_to_async

from game.models import Member


async def reward(discord_id: str) -> None:
    member = await sync_to_async(Member.objects.select_related("player").get)(
        discord_id=discord_id
    )
    player = member.player  # loaded with the member
    player.coins += 10
    await sync_to_async(player.save)(update_fields=["coins"])
    mentor = member.mentor
    if mentor is not None:
        await sync_to_async(mentor.refresh_from_db)()
