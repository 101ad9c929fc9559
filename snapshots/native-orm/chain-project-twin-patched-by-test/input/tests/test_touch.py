from unittest import mock


@mock.patch("shop.sync._touch")
def test_touch(touch):
    pass
