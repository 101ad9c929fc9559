from channels.db import database_sync_to_async
from djangochannelsrestframework import generics
from djangochannelsrestframework.decorators import action
from djangochannelsrestframework.mixins import ListModelMixin

from chat.models import Message, Room


class RoomConsumer(ListModelMixin, generics.GenericAsyncAPIConsumer):
    queryset = Room.objects.all()
    lookup_field = "pk"

    @action()
    async def join_room(self, room_pk, **kwargs):
        self.room = await database_sync_to_async(self.get_object)(pk=room_pk)
        return {"room": room_pk}, 200

    async def edit_message_in_db(self, msg_id: int, text: str) -> int:
        # only the sender's own messages, in the room joined
        return await Message.objects.filter(pk=msg_id, user=self.scope["user"], room=self.room).aupdate(text=text)

    async def delete_messages_in_db(self, msg_id_list: list[int]) -> int:
        return (await Message.objects.filter(
            pk__in=msg_id_list,  # ids sent by the client
            user=self.scope["user"],
            room=self.room,
        ).adelete())[0]

    @database_sync_to_async
    def room_owner_name(self) -> str:
        return self.room.owner.username


class SupportConsumer(ListModelMixin, generics.GenericAsyncAPIConsumer):
    def get_queryset(self, **kwargs):
        return self.scope["user"].rooms.all()

    @action()
    async def join(self, room_pk, **kwargs):
        self.room = await database_sync_to_async(self.get_object)(pk=room_pk)

    async def unread_in_db(self) -> int:
        return await Message.objects.filter(room=self.room, read=False).acount()
