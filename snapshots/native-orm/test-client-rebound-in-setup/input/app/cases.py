from django import test
from django.test import Client


class SimpleUserDataMixin:
    def user_data(self) -> dict:
        return {"username": "pandora", "password": "password"}


class TestCase(test.TestCase):
    """Every test of the project starts with a fresh rate limit."""


class FreshClientTestCase(TestCase):
    def setUp(self) -> None:
        super().setUp()
        # A client with no cookies left from setUpTestData.
        self.client = Client(enforce_csrf_checks=True)
