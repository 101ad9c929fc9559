import os

DB_URL = os.environ.get("DB_URL", "sqlite:///mealie.db")
