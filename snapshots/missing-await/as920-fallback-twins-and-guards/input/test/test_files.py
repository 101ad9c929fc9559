from unittest.mock import AsyncMock, patch

import pytest

from bisheng.knowledge.files import KnowledgeFileDao, list_space_files


@pytest.mark.asyncio
async def test_list_files_uses_async_bridge():
    with (
        patch.object(KnowledgeFileDao, "aget_knowledge_files", new_callable=AsyncMock, return_value=[1]),
        patch.object(
            KnowledgeFileDao,
            "get_knowledge_files",
            side_effect=AssertionError("sync file_list bridge should not be used"),
        ),
    ):
        assert await list_space_files(7) == [1]


@pytest.mark.asyncio
async def test_list_files_never_calls_sync_dao():
    with patch.object(KnowledgeFileDao, "get_knowledge_files") as sync_files:
        await list_space_files(7)
    sync_files.assert_not_called()


@pytest.mark.asyncio
async def test_list_files_returns_rows():
    # Still patches the sync DAO the module no longer calls: the rows never arrive.
    with patch.object(KnowledgeFileDao, "get_knowledge_files", return_value=[1, 2]):
        assert await list_space_files(7) == [1, 2]
