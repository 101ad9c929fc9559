import threading
from typing import Any

from jsonpath_ng.ext import parse

_JSONPATH_PARSER_LOCK = threading.Lock()


def eval_jsonpath(expr: str, operand: Any) -> Any:
    with _JSONPATH_PARSER_LOCK:
        parsed = parse(expr)
    return [m.value for m in parsed.find(operand)]
