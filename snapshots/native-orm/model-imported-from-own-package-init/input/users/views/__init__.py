from ..models import CustomUser

F_URL = "https://example.com"
