"""Order services: import from here, not from the submodules."""
from .pricing import *  # noqa: F401,F403
from .stock import (  # re-exported for the views and tasks
    release_stock,
    reserve_stock as reserve,
)
