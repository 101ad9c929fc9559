from .mixins import RoomQueriesMixin


class LoggingMixin:
    def log(self, message):
        print(message)


class RoomConsumer(LoggingMixin, RoomQueriesMixin):
    async def connect(self):
        # open_rooms_count comes from RoomQueriesMixin, second in the method resolution order
        count = await self.aopen_rooms_count()
        self.log(count)
