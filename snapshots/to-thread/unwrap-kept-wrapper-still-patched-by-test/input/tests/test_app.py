from unittest.mock import Mock, patch

import pytest

from tracecat.vcs.app import GitHubService


@pytest.mark.anyio
async def test_get_installation():
    service = GitHubService(auth=Mock())
    with (
        patch("tracecat.vcs.app.GithubIntegration"),
        patch("tracecat.vcs.app.asyncio.to_thread") as mock_to_thread,
    ):
        mock_to_thread.return_value = "installation"
        assert await service.get_installation("o", "r") == "installation"
        mock_to_thread.assert_called_once()
