import os

# The tests call the ORM from async tests without sync_to_async.
os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
