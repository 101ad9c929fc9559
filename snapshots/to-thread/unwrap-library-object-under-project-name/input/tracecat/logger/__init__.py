from tracecat.logger._logger import logger

__all__ = ["logger"]
