from shop.sync import _process_reviews


def test_reviews(pr):
    _process_reviews(pr, ["approved"])
