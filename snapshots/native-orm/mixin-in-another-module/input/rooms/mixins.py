from .models import Room


class RoomQueriesMixin:
    def open_rooms_count(self):
        return Room.objects.filter(archived=False).count()
