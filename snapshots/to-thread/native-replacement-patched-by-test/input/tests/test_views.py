from unittest import mock

from app import views


@mock.patch("app.views.asyncio.to_thread")
def test_pause(to_thread):
    views.pause()
