import pytest
from channels.db import database_sync_to_async

from topology.models import Link, Node
from topology.services import create_topology, find_topology

from .utils import CreateGraphObjectsMixin


@pytest.mark.asyncio
@pytest.mark.django_db(transaction=True)
class TestTopologySockets(CreateGraphObjectsMixin):
    node_model = Node
    link_model = Link

    async def test_link_update(self):
        topo = await database_sync_to_async(create_topology)("réseau")
        node1 = await database_sync_to_async(self._create_node)(topology=topo, label="node-0")
        node2 = await database_sync_to_async(self._create_node)(topology=topo, label="node-1")
        link = await database_sync_to_async(self._create_link)(
            topology=topo,  # both ends on the same topology
            source=node1,
            target=node2,
        )
        link.status = "down"
        await database_sync_to_async(link.save)()
        await database_sync_to_async(link.delete)()
        await database_sync_to_async(node1.delete)()
        topo.label = "test"
        await database_sync_to_async(topo.save)()

    async def test_found(self):
        topo = await database_sync_to_async(find_topology)("#main")
        await database_sync_to_async(topo.save)()


class TestSubclassSockets(CreateGraphObjectsMixin):
    node_model = Node

    async def test_node(self):
        node = await database_sync_to_async(self._create_node)(label="n")
        await database_sync_to_async(node.delete)()


class TestOtherNodes(TestSubclassSockets):
    # A subclass may bind another class: the base's `self.node_model` is not known.
    node_model = Link
