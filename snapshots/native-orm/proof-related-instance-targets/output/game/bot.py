from game.models import Member


async def reward(discord_id: str) -> None:
    member = await Member.objects.select_related("player").aget(
        discord_id=discord_id
    )
    player = member.player  # loaded with the member
    player.coins += 10
    await player.asave(update_fields=["coins"])
    mentor = member.mentor
    if mentor is not None:
        await mentor.arefresh_from_db()
