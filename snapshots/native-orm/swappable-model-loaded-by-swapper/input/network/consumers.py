from channels.db import database_sync_to_async
from channels.generic.websocket import AsyncJsonWebsocketConsumer
from swapper import load_model

import swapper

Node = load_model("topology", "Node")
Topology = swapper.load_model("topology", "Topology")


class TopologyConsumer(AsyncJsonWebsocketConsumer):
    async def receive_json(self, content):
        node = await database_sync_to_async(Node.objects.get)(pk=content["node"])
        node.label = content["label"]
        await database_sync_to_async(node.save)(update_fields=["label"])
        count = await database_sync_to_async(Topology.objects.filter(label=node.label).count)()
        await self.send_json({"node": str(node.pk), "topologies": count})
