from typing import Any

from lark import Token, Transformer, Tree, v_args

from tracecat.expressions.common import eval_jsonpath


class ExprEvaluator(Transformer[Token, Any]):
    def __init__(self, operand: dict | None = None) -> None:
        super().__init__()
        self._operand = operand or {}

    def evaluate(self, tree: Tree[Token]) -> Any:
        return self.transform(tree)

    @v_args(inline=True)
    def actions(self, jsonpath: str) -> Any:
        return eval_jsonpath("$.ACTIONS" + jsonpath, self._operand)
