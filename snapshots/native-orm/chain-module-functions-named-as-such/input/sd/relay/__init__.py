from typing import TYPE_CHECKING

from .utils import (
    resolve_model_id,
    resolve_model_nodes,
)

if TYPE_CHECKING:
    from .utils import Other  # noqa

__all__ = ["resolve_model_id", "resolve_model_nodes"]
