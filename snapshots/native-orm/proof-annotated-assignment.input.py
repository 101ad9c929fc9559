from asgiref.sync import sync_to_async

from story_graph.models import ScriptCell
from story_graph.tests import ScriptCellTestCase


async def test_update_script_cell():
    # Annotated where it is bound: a model instance, loaded by a helper out of sight.
    script_cell: ScriptCell = await sync_to_async(
        ScriptCellTestCase.get_script_cell
    )()
    await sync_to_async(script_cell.refresh_from_db)()
    return script_cell.cell_code
