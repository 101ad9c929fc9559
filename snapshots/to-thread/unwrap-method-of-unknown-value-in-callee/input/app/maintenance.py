from fastapi import HTTPException

from app.deps import ApiDependencies


def assert_image_move_maintenance_inactive() -> None:
    invoker = getattr(ApiDependencies, "invoker", None)
    if invoker is None:
        return
    image_moves = getattr(invoker.services, "image_moves", None)
    if image_moves is not None and image_moves.is_maintenance_active():
        raise HTTPException(status_code=409, detail="image move maintenance in progress")


def thumbnail_size(thumbnails, options: dict) -> int:
    # `options.get` is a dict's; `thumbnails.size_for` may be any project method of that name.
    kind = options.get("kind", "small")
    return thumbnails.size_for(kind)


def label_for(options: dict) -> str:
    return options.get("label", "").strip().lower()


def read_header(path: str) -> bytes:
    # `f.read()` is the file's, not a project method named `read`.
    with open(path, "rb") as f:
        return f.read(16)
