class SessionView:
    def __init__(self, session, async_session):
        self.session = session
        self.async_session = async_session

    async def get(self, request):
        return self.session.load(request.session_id)


class LegacyView:
    def __init__(self, session):
        self.session = session

    async def get(self, request):
        return self.session.load(request.session_id)
