from asgiref.sync import sync_to_async

from app.models import Experiment


async def allowed(experiment: Experiment, identifier: str):
    return await sync_to_async(experiment.is_participant_allowed, thread_sensitive=True)(identifier)


class ChannelBase:
    def __init__(self, experiment: Experiment, participant_identifier: str):
        self.experiment = experiment
        self.participant_identifier = participant_identifier

    async def _aparticipant_is_allowed(self):
        return await sync_to_async(self.experiment.is_participant_allowed, thread_sensitive=True)(
            self.participant_identifier
        )
