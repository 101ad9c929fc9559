from asgiref.sync import sync_to_async

from lab.labels import team_label
from lab.models import Experiment
from lab.tasks import index_experiment


@sync_to_async
def schedule_indexing(pk: int) -> None:
    index_experiment.delay(pk)


@sync_to_async
def save_and_index(experiment: Experiment) -> None:
    experiment.save(update_fields=["title"])
    index_experiment.apply_async(args=(experiment.pk,), countdown=5)


@sync_to_async
def label_for(experiment: Experiment) -> str:
    return team_label(experiment)


async def on_message(experiment: Experiment) -> str:
    await sync_to_async(index_experiment.delay)(experiment.pk)

    def load_team():
        return experiment.team

    team = await sync_to_async(load_team)()

    def team_name() -> str:
        # The name only: the row is not kept.
        return experiment.team.name

    return team.name + await sync_to_async(team_name)()
