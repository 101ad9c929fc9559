from dataclasses import dataclass, field
from typing import Optional

import strawberry


@strawberry.type
class CountryIndicatorType:
    indicator_id: Optional[str]
    indicator_description: Optional[str]


@dataclass
class PlainIndicator:
    indicator_id: Optional[str]
    indicator_description: Optional[str]
    tags: list = field(default_factory=list)


@dataclass
class CheckedIndicator:
    indicator_id: str

    def __post_init__(self):
        # Runs when built: not followed.
        self.indicator_id = self.indicator_id.upper()
