from unittest.mock import MagicMock, patch

import pytest

from bisheng.permission.service import PermissionService
from bisheng.tenant.sharing import can_share


@pytest.mark.asyncio
async def test_share_without_fga_client():
    with patch.object(PermissionService, "_get_fga", return_value=None):
        assert await can_share(1, 2) is False
