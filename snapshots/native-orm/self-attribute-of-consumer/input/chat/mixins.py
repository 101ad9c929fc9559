from asgiref.sync import sync_to_async

from chat import models


class RoomStatsMixin:
    # Mixed into the Ticket model: self.room is its ForeignKey, loaded lazily.
    @sync_to_async
    def count_messages(self) -> int:
        return models.Message.objects.filter(room=self.room).count()
