# The cloud client ships only in the hosted build; the open-source one is the base client.
try:
    from letta.services.lettuce.lettuce_client import LettuceClient, lettuce_enabled
except ImportError:
    from letta.services.lettuce.lettuce_client_base import LettuceClient, lettuce_enabled

__all__ = ["LettuceClient", "lettuce_enabled"]
