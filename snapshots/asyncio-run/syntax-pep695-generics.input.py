import asyncio
from collections.abc import Awaitable, Callable

type Loader[T] = Callable[[int], Awaitable[T]]
type Rows[T: (str, bytes)] = list[T]


class Repository[T, *Ts, **P]:
    def __init__(self, load: Loader[T]) -> None:
        self.load = load

    def get[R: T](self, pk: int) -> R:
        # Sync Django view code calling into the async client.
        return asyncio.run(self.load(pk))


def first[T](loader: Loader[T], /, *, pk: int = 1) -> T:
    return asyncio.run(
        loader(pk)  # the row
    )
