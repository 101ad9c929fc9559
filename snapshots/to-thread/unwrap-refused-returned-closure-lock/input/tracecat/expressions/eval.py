import re
from collections.abc import Callable
from functools import partial
from typing import Any

from tracecat.expressions.common import eval_jsonpath
from tracecat.expressions.core import TemplateExpression

TEMPLATE_STRING = re.compile(r"\$\{\{\s*(?P<template>.+?)\s*\}\}")


def _eval_templated_obj_rec(
    obj: Any,
    operator: Callable[[str], Any],
    key_operator: Callable[[str], Any] | None = None,
) -> Any:
    """Process jsonpaths in strings, lists, and dictionaries."""
    match obj:
        case str():
            return operator(obj)
        case list():
            return [_eval_templated_obj_rec(item, operator, key_operator) for item in obj]
        case dict():
            processed: dict[Any, Any] = {}
            for key, value in obj.items():
                processed_key = (key_operator or operator)(key) if isinstance(key, str) else key
                processed[processed_key] = _eval_templated_obj_rec(
                    value,
                    operator,
                    key_operator,
                )
            return processed
        case _:
            return obj


def _eval_expression_op(match: re.Match[str], operand: dict | None) -> str:
    return str(TemplateExpression(match.group("template"), operand=operand).result())


def _make_templated_string_operator(
    *,
    operand: dict | None,
    pattern: re.Pattern[str],
) -> Callable[[str], Any]:
    evaluator = partial(_eval_expression_op, operand=operand)

    def operator(line: str) -> Any:
        """Evaluate one standalone or inline templated string."""
        if line.startswith("${{") and len(pattern.findall(line)) == 1:
            return TemplateExpression(line, operand=operand).result()
        return pattern.sub(evaluator, line)

    return operator


def _make_path_operator(operand: dict) -> Callable[[str], Any]:
    def lookup(path: str) -> Any:  # «$.ACTIONS.x» → its value
        return eval_jsonpath(path, operand)

    return lookup


def eval_templated_object(
    obj: Any,
    *,
    operand: dict | None = None,
    pattern: re.Pattern[str] = TEMPLATE_STRING,
    key_policy: str | None = None,
) -> Any:
    """Populate templated fields with actual values."""
    operator = _make_templated_string_operator(
        operand=operand,
        pattern=pattern,
    )
    key_operator = (
        _make_templated_string_operator(operand=operand, pattern=pattern)
        if key_policy is not None
        else None
    )
    return _eval_templated_obj_rec(obj, operator, key_operator)


def resolve_path(path: str, operand: dict) -> Any:
    return _make_path_operator(operand)(path)


def count_templates(obj: str) -> int:
    return len(TEMPLATE_STRING.findall(obj))
