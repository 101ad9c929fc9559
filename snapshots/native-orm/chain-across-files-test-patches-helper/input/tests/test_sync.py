from unittest import mock

from reviews.sync import handle_webhook


@mock.patch("reviews.sync._process_files")
def test_webhook(process_files):
    handle_webhook(None, {"reviews": [], "commits": [], "files": []})
