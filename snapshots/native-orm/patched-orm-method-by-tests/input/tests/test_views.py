from unittest import mock

from shop import views
from shop.models import Order


def test_count():
    with mock.patch.object(Order.objects, "count", return_value=3):
        views.open_count()


@mock.patch("shop.models.Order.objects.count")
def test_count_again(count):
    views.open_count()
