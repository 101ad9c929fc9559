from .request_log import RequestLog

__all__ = ["RequestLog"]
