from unittest import IsolatedAsyncioTestCase
from unittest.mock import MagicMock, patch

from gateway.views.decorators import validate_file_search_tool


class FileSearchToolTest(IsolatedAsyncioTestCase):
    @patch("gateway.views.decorators.VectorStore")
    async def test_owned_vector_stores_pass(self, vector_store_class):
        vector_store_class.objects.filter.return_value.count.return_value = 2
        token = MagicMock()
        self.assertTrue(await validate_file_search_tool(token, ["vs_a", "vs_b"]))
