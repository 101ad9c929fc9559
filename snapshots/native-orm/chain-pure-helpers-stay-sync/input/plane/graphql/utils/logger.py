# Python Imports
import logging
from typing import Optional

logger = logging.getLogger("plane.graphql")
exception_logger = logging.getLogger("plane.graphql.exception")


def log_graphql_error(message: str, error: Optional[Exception] = None):
    exception_logger.error(message, exc_info=error)
    return


def log_graphql_warning(message: str):
    logger.warning(message)
    return
