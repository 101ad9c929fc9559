from rest_framework.test import APIClient

from app.cases import TestCase


class APITestCase(TestCase):
    client_class = APIClient
