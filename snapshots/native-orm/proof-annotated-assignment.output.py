from asgiref.sync import sync_to_async

from story_graph.models import Node, ScriptCell
from story_graph.tests import ScriptCellTestCase


async def test_update_script_cell():
    # Annotated where it is bound: a model instance, loaded by a helper out of sight.
    script_cell: ScriptCell = await sync_to_async(
        ScriptCellTestCase.get_script_cell
    )()
    await script_cell.arefresh_from_db()
    return script_cell.cell_code


async def graph_name(node_uuid):
    # The annotation names the model; the query shows graph is loaded with it.
    in_node: Node = await Node.objects.select_related("graph").aget(uuid=node_uuid)
    return in_node.graph.name


async def cell_node(cell_uuid):
    cell: ScriptCell = await sync_to_async(ScriptCellTestCase.get_script_cell)()
    return await sync_to_async(lambda: cell.node.name)()
