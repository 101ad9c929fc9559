from turns import services


async def test_enqueue_and_run():
    turn = await services.aenqueue_turn(origin="web", key="k1")
    turn = await services.aexecute_turn_stub(turn)
    assert turn.status == "running"
