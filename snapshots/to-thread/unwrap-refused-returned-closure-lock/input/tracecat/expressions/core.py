from typing import Any

from lark import Lark

from tracecat.expressions.evaluator import ExprEvaluator

_PARSER = Lark(r'start: "${{" PATH "}}"  PATH: /[a-z.]+/', parser="lalr")


class TemplateExpression:
    def __init__(self, template: str, operand: dict | None = None) -> None:
        self._expr = template
        self._operand = operand
        self._parser = _PARSER

    def result(self) -> Any:
        parse_tree = self._parser.parse(self._expr)
        visitor = ExprEvaluator(operand=self._operand)
        return visitor.evaluate(parse_tree)
