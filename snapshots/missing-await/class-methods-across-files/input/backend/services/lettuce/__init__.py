from .lettuce_client import LettuceClient
