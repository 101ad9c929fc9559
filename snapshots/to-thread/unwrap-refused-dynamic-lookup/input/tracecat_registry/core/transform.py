import threading
from typing import Any

from jsonpath_ng.ext import parse

_JSONPATH_PARSER_LOCK = threading.Lock()


def eval_jsonpaths(json: dict[str, Any], jsonpaths: list[str]) -> dict[str, Any]:
    out = {}
    for jsonpath in jsonpaths:
        with _JSONPATH_PARSER_LOCK:
            parsed = parse(jsonpath)
        out[jsonpath] = [m.value for m in parsed.find(json)]
    return out
