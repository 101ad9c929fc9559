from unittest.mock import AsyncMock, patch

from app.engine import label_stored, preview
from app.feed import load


# The project's own awaits, which this run does not touch: nothing to say.
@patch("app.engine.engine")
def test_preview(mock_engine):
    mock_engine.render.return_value = "x"
    assert preview("a") == "x"


@patch("app.engine.engine", new_callable=AsyncMock)
async def test_label_stored(mock_engine):
    assert await label_stored("a") is not None


# A patch target that was already dangling: not this tool's doing.
@patch("app.feed.Cache.get")
def test_load(mock_get):
    assert load("{}") == {}
