from typing import Dict, List, Optional

from pinecone import Vector
from pydantic import BaseModel


class OutputData(BaseModel):
    id: Optional[str]
    score: Optional[float]
    payload: Optional[dict]


class PineconeDB:
    def __init__(self, index) -> None:
        self.index = index

    def _parse_output(self, data: Dict) -> List[OutputData]:
        if isinstance(data, Vector):
            result = OutputData(id=data.id, score=0.0, payload=data.metadata)
            return result
        else:
            result = []
            for match in data:
                entry = OutputData(id=match.get("id"), score=match.get("score"), payload=match.get("metadata"))
                result.append(entry)
            return result

    def list(self, filters: Optional[dict] = None, top_k: int = 100) -> List[OutputData]:
        response = self.index.query(vector=[0.0] * 8, filter=filters, top_k=top_k, include_metadata=True)
        return [self._parse_output(response.matches)]
