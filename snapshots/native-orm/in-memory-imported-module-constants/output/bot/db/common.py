from game.models import Game, Journal, Player
from utils.consts import CREATURES, ROLES_CACHE, STATUS


async def set_selected_action(user_tg_id, selected_action):
    user = await Player.objects.filter(tg_id=user_tg_id).afirst()
    game = await Game.objects.filter(players=user).exclude(
        status__in=(STATUS[2][0], STATUS[1][0])  # finished or running
    ).afirst()
    entry = await Journal.objects.filter(game=game, player=user).afirst()
    entry.action = selected_action
    await entry.asave()


async def assign_role(user_tg_id, role):
    if role not in CREATURES:
        raise ValueError(role)
    await Player.objects.filter(tg_id=user_tg_id).aupdate(role=role)


async def cached_role(user_tg_id):
    # ROLES_CACHE is filled below: what it holds is not known here.
    if user_tg_id in ROLES_CACHE:
        return ROLES_CACHE[user_tg_id]
    player = await Player.objects.aget(tg_id=user_tg_id)
    ROLES_CACHE[user_tg_id] = player
    return player
