from unittest.mock import patch

from agno.client.os import AgentOSClient


def test_get_workflow_sync():
    client = AgentOSClient(base_url="http://localhost:7777")
    with patch.object(client, "_get") as mock_get:
        mock_get.return_value = {"id": "workflow-1"}
        assert client.get_workflow("workflow-1", version=3)["id"] == "workflow-1"
        mock_get.assert_called_once_with("/workflows/workflow-1", params={"version": 3}, headers=None)
    client.close()
