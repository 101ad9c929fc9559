from django.db import models


class Room(models.Model):
    name = models.CharField(max_length=80)
    archived = models.BooleanField(default=False)


class AuditMixin:
    def log(self, message):
        print(message)


class RoomQueriesMixin:
    def open_rooms_count(self):
        return Room.objects.filter(archived=False).count()

    async def aopen_rooms_count(self):
        return await Room.objects.filter(archived=False).acount()


class BaseConsumer:
    def open_rooms_count(self):
        # Never reached from RoomConsumer: RoomQueriesMixin comes first in its MRO.
        return 0


class RoomConsumer(AuditMixin, RoomQueriesMixin, BaseConsumer):
    async def connect(self):
        # self.open_rooms_count is RoomQueriesMixin's (method resolution order), a plain method
        count = await self.aopen_rooms_count()
        self.log(count)


class LibraryFirst(models.Model):
    async def count_rooms(self):
        # models.Model comes before nothing here: the method is this class's own
        return await self.aroom_total()

    def room_total(self):
        return Room.objects.count()

    async def aroom_total(self):
        return await Room.objects.acount()
