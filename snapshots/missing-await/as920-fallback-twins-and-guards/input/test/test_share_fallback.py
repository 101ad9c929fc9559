from unittest.mock import patch

from bisheng.llm.services import get_model_info
from bisheng.llm.share_fallback import get_model_by_id_with_share_fallback


def test_model_falsy_id_returns_none_without_db_calls():
    with patch("bisheng.llm.share_fallback.LLMDao.get_model_by_id") as mock_get:
        assert get_model_by_id_with_share_fallback(0) is None
    mock_get.assert_not_called()


def test_model_found_through_share_fallback():
    with patch("bisheng.llm.share_fallback.LLMDao.get_model_by_id", return_value={"id": 3}):
        assert get_model_by_id_with_share_fallback(3) == {"id": 3}
