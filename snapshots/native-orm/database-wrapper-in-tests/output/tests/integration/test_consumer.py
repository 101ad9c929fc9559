import pytest

from aap.models import Activation
from aap.services.auth import acreate_jwt_token


async def _prepare_activation(name: str) -> Activation:
    return await Activation.objects.acreate(name=name, is_enabled=True)


@pytest.mark.django_db(transaction=True)
async def test_token_is_accepted(ws_communicator):
    activation = await _prepare_activation("démo")
    token, _ = await acreate_jwt_token()
    await ws_communicator.send_json_to({"activation_id": activation.pk, "token": token})
    assert await Activation.objects.filter(is_enabled=True).acount() == 1
