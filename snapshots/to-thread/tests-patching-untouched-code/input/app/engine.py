class Store:
    async def classify(self, text: str) -> str:
        return text.upper()


class Engine:
    def __init__(self) -> None:
        self.store = Store()

    async def classify(self, text: str) -> str:
        return text.upper()

    def render(self, text: str) -> str:
        return text


engine = Engine()


async def label(text: str) -> str:
    return await engine.classify(text)


async def label_stored(text: str) -> str:
    return await engine.store.classify(text)


def preview(text: str) -> str:
    return engine.render(text)
