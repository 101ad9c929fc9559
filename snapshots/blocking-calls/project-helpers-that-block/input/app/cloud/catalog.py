from app.cloud._pages import fetch_all


def list_products(tenant: str) -> list:
    return fetch_all(f"https://example.invalid/{tenant}/products")
