from asgiref.sync import sync_to_async

from turns import services


async def test_enqueue_and_run():
    turn = await sync_to_async(services.enqueue_turn)(origin="web", key="k1")
    turn = await sync_to_async(services.execute_turn_stub)(turn)
    assert turn.status == "running"
