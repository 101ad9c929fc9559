# flake8: noqa: F401
from .rpc import RPC, RPCHandler
