from .models import Room


class RoomQueriesMixin:
    def open_rooms_count(self):
        return Room.objects.filter(archived=False).count()

    async def aopen_rooms_count(self):
        return await Room.objects.filter(archived=False).acount()
