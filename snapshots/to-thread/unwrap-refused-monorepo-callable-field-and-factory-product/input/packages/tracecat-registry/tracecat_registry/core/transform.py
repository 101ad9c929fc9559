from typing import Any

from tracecat_registry._internal.jsonpath import eval_jsonpath


def eval_jsonpaths(json: dict[str, Any], jsonpaths: list[str]) -> dict[str, Any]:
    """UDF core.transform.eval_jsonpaths (sync: run in a worker thread)."""
    return {jsonpath: eval_jsonpath(jsonpath, json) for jsonpath in jsonpaths}
