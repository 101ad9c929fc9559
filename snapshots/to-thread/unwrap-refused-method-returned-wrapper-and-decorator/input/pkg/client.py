from pkg.limits import Passthrough, RateLimiter


class Model:
    def __init__(self) -> None:
        self._limiter = RateLimiter(per_second=2)
        self._free = Passthrough()

    def _complete(self, prompt: str) -> str:
        return prompt.upper()

    def generate(self, prompt: str) -> str:
        return self._limiter.limit(self._complete)(prompt)

    def generate_free(self, prompt: str) -> str:
        return self._free.limit(self._complete)(prompt)


def limited_call(limiter: RateLimiter, x: int) -> int:
    return limiter.limit(abs)(x)
