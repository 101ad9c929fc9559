import asyncio
from unittest.mock import patch

from partners.audit import record_audit
from partners.services import notify_partner


@patch("partners.services.requests.post")
def test_notify_partner_posts_status(post):
    post.return_value.status_code = 204
    assert asyncio.run(notify_partner(7, "shipped")) == 204


@patch("partners.audit.requests.post")
def test_audit_is_recorded(post):
    record_audit("shipped")
    post.assert_called_once()
