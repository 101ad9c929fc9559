import pytest
from channels.db import database_sync_to_async

from aap.models import Activation
from aap.services.auth import create_jwt_token


@database_sync_to_async
def _prepare_activation(name: str) -> Activation:
    return Activation.objects.create(name=name, is_enabled=True)


@pytest.mark.django_db(transaction=True)
async def test_token_is_accepted(ws_communicator):
    activation = await _prepare_activation("démo")
    token, _ = await database_sync_to_async(create_jwt_token)()
    await ws_communicator.send_json_to({"activation_id": activation.pk, "token": token})
    assert await database_sync_to_async(Activation.objects.filter(is_enabled=True).count)() == 1
