from channels.generic.websocket import AsyncJsonWebsocketConsumer


class ChatConsumer(AsyncJsonWebsocketConsumer):
    async def receive_json(self, content):
        if await self.scope["user"].messages.filter(text=content["text"]).aexists():
            return
        await self.send_json({"ok": True, "keys": sorted(content.keys())})


async def assign(module, user) -> int:
    await module.assignees.aadd(user)
    return await module.assignees.acount()
