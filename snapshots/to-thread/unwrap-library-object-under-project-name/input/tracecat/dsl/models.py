from pydantic import BaseModel

VISITOR_NODE_TO_EXPR_TYPE = {"actions": "ACTIONS", "inputs": "INPUTS"}


class RunArgs(BaseModel):
    workflow_id: str
    environment: str = "default"
