from rest_framework.test import APIClient

from app.cases import TestCase


class ApiTestCase(TestCase):
    def setUp(self) -> None:
        self.client = APIClient()
