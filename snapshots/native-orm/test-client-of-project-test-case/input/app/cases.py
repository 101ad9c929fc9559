from django import test


class RestartRateLimitMixin:
    def restart_rate_limit(self) -> None:
        pass


class TestCase(RestartRateLimitMixin, test.TestCase):
    """Every test of the project starts with a fresh rate limit."""


class TransactionTestCase(RestartRateLimitMixin, test.TransactionTestCase):
    pass
