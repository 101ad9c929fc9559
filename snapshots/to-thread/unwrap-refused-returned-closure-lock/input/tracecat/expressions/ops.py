from collections.abc import Callable
from typing import Any

from tracecat.expressions.common import eval_jsonpath


def make_path_reader(operand: dict, *, strict: bool = False) -> Callable[[str], Any]:
    """A reader of one JSONPath against the operand (shared by the DSL's activities)."""

    def read(path: str) -> Any:
        return eval_jsonpath(path, operand)

    def read_strict(path: str) -> Any:
        value = eval_jsonpath(path, operand)
        if value is None:
            raise KeyError(path)
        return value

    return read_strict if strict else read


def make_handler(registry: dict[str, Callable[[str], Any]], name: str) -> Callable[[str], Any]:
    return registry[name]
