from .message_service import MessageService

__all__ = ["MessageService"]
