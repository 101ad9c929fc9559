from unittest import IsolatedAsyncioTestCase
from unittest.mock import AsyncMock, MagicMock, patch

from gateway.views.decorators import validate_file_search_tool


class ServiceAccountFileSearchTest(IsolatedAsyncioTestCase):
    # Set up for the awaited count already: nothing to say.
    @patch("gateway.views.decorators.VectorStore")
    async def test_team_vector_stores_pass(self, vector_store_class):
        vector_store_class.objects.filter.return_value.acount = AsyncMock(return_value=1)
        self.assertTrue(await validate_file_search_tool(MagicMock(), ["vs_team"]))
