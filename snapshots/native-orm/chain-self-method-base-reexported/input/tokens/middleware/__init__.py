# Licensed under the Apache License, Version 2.0 (the "License").

from .base import (
    BaseAuthTokenMiddleware, HeaderAuthTokenMiddleware,
    CookieAuthTokenMiddleware,
)
