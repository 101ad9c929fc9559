from app.cloud.catalog import list_products  # noqa: F401
