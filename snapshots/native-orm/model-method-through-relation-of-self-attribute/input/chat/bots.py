from asgiref.sync import sync_to_async

from chat.models import ExperimentSession


class TopicBot:
    session: ExperimentSession

    def __init__(self, session: ExperimentSession):
        self.session = session

    async def participant_data(self) -> dict:
        # sync_to_async(x.fk.method) reads x.fk here, on the loop, already: only the call moves.
        return await sync_to_async(self.session.participant.get_data)()

    async def open_count(self, state: str) -> int:
        return await sync_to_async(self.session.experiment.open_sessions)(state)

    async def open_count_lazily(self, state: str) -> int:
        # Here the relation is read in the thread: converted, it would load on the loop.
        return await sync_to_async(lambda: self.session.experiment.open_sessions(state))()
