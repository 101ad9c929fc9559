from collections.abc import Awaitable, Callable

from asgiref.sync import async_to_sync

type Loader[T = dict[str, int]] = Callable[[int], Awaitable[T]]
type Pair[K = str, V = int] = tuple[K, V]


class Cache[
    T = str,  # the cached value, é
    *Ts = *tuple[int, ...],
    **P = [int, str],
]:
    def __init__(self, load: Loader[T]) -> None:
        self.load = load

    def get[R: object = bytes](self, pk: int) -> R:
        return async_to_sync(self.load)(pk)


def warm[T: (int, str) = int](cache: Cache[T], pk: T) -> None:
    async_to_sync(cache.load)(pk)
