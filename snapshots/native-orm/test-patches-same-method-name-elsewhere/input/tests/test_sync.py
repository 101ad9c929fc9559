from unittest import mock

from orders.sync import order_status


# The cache's get, not the repository's: the rewrite changes nothing this test relies on.
@mock.patch("orders.cache.get", return_value="shipped")
def test_status_from_cache(get):
    order_status("A-1")


# The repository's own get, which orders.sync now reaches through its async twin.
@mock.patch("orders.repository.get")
def test_status_from_database(get):
    order_status("A-2")
