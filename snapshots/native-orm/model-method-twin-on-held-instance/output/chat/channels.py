from app.models import Experiment


async def allowed(experiment: Experiment, identifier: str):
    return await experiment.ais_participant_allowed(identifier)


class ChannelBase:
    def __init__(self, experiment: Experiment, participant_identifier: str):
        self.experiment = experiment
        self.participant_identifier = participant_identifier

    async def _aparticipant_is_allowed(self):
        return await self.experiment.ais_participant_allowed(
            self.participant_identifier
        )
