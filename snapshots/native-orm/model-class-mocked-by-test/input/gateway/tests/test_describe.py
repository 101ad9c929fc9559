from unittest.mock import patch

from gateway.views.decorators import describe_tools


# Never reaches an await on VectorStore: nothing to say.
@patch("gateway.views.decorators.VectorStore")
def test_describe_tools(vector_store_class):
    assert describe_tools() == ["file_search"]
