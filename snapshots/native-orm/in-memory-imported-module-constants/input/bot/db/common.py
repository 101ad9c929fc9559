from asgiref.sync import sync_to_async

from game.models import Game, Journal, Player
from utils.consts import CREATURES, ROLES_CACHE, STATUS


@sync_to_async
def set_selected_action(user_tg_id, selected_action):
    user = Player.objects.filter(tg_id=user_tg_id).first()
    game = Game.objects.filter(players=user).exclude(
        status__in=(STATUS[2][0], STATUS[1][0])  # finished or running
    ).first()
    entry = Journal.objects.filter(game=game, player=user).first()
    entry.action = selected_action
    entry.save()


@sync_to_async
def assign_role(user_tg_id, role):
    if role not in CREATURES:
        raise ValueError(role)
    Player.objects.filter(tg_id=user_tg_id).update(role=role)


@sync_to_async
def cached_role(user_tg_id):
    # ROLES_CACHE is filled below: what it holds is not known here.
    if user_tg_id in ROLES_CACHE:
        return ROLES_CACHE[user_tg_id]
    player = Player.objects.get(tg_id=user_tg_id)
    ROLES_CACHE[user_tg_id] = player
    return player
