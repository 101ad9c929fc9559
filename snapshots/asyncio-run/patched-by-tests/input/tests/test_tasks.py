from unittest import mock
from unittest.mock import patch

from billing import tasks


@patch("billing.tasks.asyncio.run")
def test_module_patch(run):
    tasks.sync_batch(1)
    run.assert_called_once()


def test_global_patch():
    with mock.patch("asyncio.run") as run:
        tasks.sync_batch(1)
    run.assert_called_once()


def test_unrelated():
    with mock.patch("billing.remote.asyncio.run"):
        pass
