from app.db import save_name


def record_metric(name: str) -> None:
    save_name(f"metric:{name}")
