from unittest import IsolatedAsyncioTestCase
from unittest.mock import AsyncMock, MagicMock, patch

from gateway.views.decorators import check_tool_availability, describe_tools


class FileSearchToolTest(IsolatedAsyncioTestCase):
    @patch("gateway.views.decorators.VectorStore")
    async def test_owned_vector_stores_pass(self, vector_store_class):
        vector_store_class.objects.filter.return_value.count.return_value = 2
        view = check_tool_availability(AsyncMock(return_value="ok"))
        tool = {"type": "file_search", "vector_store_ids": ["vs_a", "vs_b"]}
        self.assertEqual(await view(MagicMock(), MagicMock(), tool), "ok")
