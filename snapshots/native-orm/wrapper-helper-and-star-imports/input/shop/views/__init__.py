from asgiref.sync import sync_to_async  # noqa: F401  (every view module star-imports this package)
