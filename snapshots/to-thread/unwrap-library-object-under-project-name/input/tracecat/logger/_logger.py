import os
import sys

from loguru import logger as base_logger

base_logger.remove()
base_logger.add(sys.stderr, level=os.environ.get("LOG_LEVEL", "INFO"))
logger = base_logger
