import threading
from collections import OrderedDict
from typing import Any

from jsonpath_ng.ext import parse as jsonpath_parse

# jsonpath-ng's parser is not thread-safe; parsed paths are cached process-wide
_JSONPATH_PARSER_LOCK = threading.Lock()
_JSONPATH_CACHE_LOCK = threading.Lock()
_JSONPATH_CACHE: "OrderedDict[str, Any]" = OrderedDict()


def parse_jsonpath(expr: str) -> Any:
    with _JSONPATH_CACHE_LOCK:
        parsed = _JSONPATH_CACHE.get(expr)
    if parsed is not None:
        return parsed
    with _JSONPATH_PARSER_LOCK:
        parsed = jsonpath_parse(expr)
    with _JSONPATH_CACHE_LOCK:
        _JSONPATH_CACHE[expr] = parsed
    return parsed


def eval_jsonpath(expr: str, operand: dict) -> Any:
    matches = [m.value for m in parse_jsonpath(expr).find(operand)]
    return matches[0] if len(matches) == 1 else matches
