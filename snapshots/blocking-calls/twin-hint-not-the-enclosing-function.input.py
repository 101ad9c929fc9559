"""agno's model base (hazard-review-7 Y5): the default async form calls the sync one."""

from abc import ABC


def _image_tokens(path: str) -> int:
    with open(path, "rb") as f:
        header = f.read(24)
    return len(header) * 10


def count_message_tokens(messages) -> int:
    return sum(_image_tokens(m["image"]) if "image" in m else len(m["text"]) for m in messages)


class Model(ABC):
    def count_tokens(self, messages, tools=None) -> int:
        return count_message_tokens(messages) + len(tools or [])

    async def acount_tokens(self, messages, tools=None) -> int:
        # default async form: subclasses with a native async counter override it
        return self.count_tokens(messages, tools)

    async def aresponse(self, messages) -> dict:
        # Here the async twin is another function: it is named.
        budget = self.count_tokens(messages)
        return {"budget": budget}
