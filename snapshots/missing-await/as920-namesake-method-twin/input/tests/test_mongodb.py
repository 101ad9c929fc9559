from unittest.mock import MagicMock

from agno.vectordb.mongodb import MongoDb


def test_insert_uses_insert_many():
    mock_collection = MagicMock()
    mock_collection.insert_many = MagicMock(return_value=None)
    vector_db = MongoDb(mock_collection)
    vector_db.insert({"text": "hello"})
    mock_collection.insert_many.assert_called_once()
