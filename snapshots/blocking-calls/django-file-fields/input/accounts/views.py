from io import BytesIO

from django.core.files.base import ContentFile
from django.core.files.storage import storages
from django.http import JsonResponse
from PIL import Image

from accounts.models import Profile


async def upload_avatar(request, profile_id: int) -> JsonResponse:
    profile = await Profile.objects.select_related("user").aget(pk=profile_id)
    upload = request.FILES["avatar"]
    profile.avatar.save(
        upload.name,  # keeps the user's file name
        upload,
    )
    return JsonResponse({"url": profile.avatar.url})


async def resume_preview(profile: Profile) -> str:
    with profile.résumé.open("rb") as fh:
        head = fh.read(512)
    return head.decode("utf-8", "replace")


async def resume_bytes(profile: Profile) -> bytes:
    return profile.résumé.read()


async def thumbnail(profile: Profile) -> bytes:
    # PIL's Image.save writes to memory here; the profile's own save is the ORM's.
    image = Image.new("RGB", (64, 64))
    buffer = BytesIO()
    image.save(buffer, format="PNG")
    profile.bio = "thumbnail made"
    await profile.asave(update_fields=["bio"])
    return buffer.getvalue()


async def archive_export(name: str, body: bytes) -> str:
    exports = storages["exports"]
    saved = exports.save(f"exports/{name}", ContentFile(body))
    if storages["default"].exists(saved):
        return saved
    return ""


async def forget(profile: Profile, other) -> None:
    # `other` is not known to be a Profile: its avatar may be anything.
    other.avatar.delete()
    profile.avatar.delete(save=False)


async def resume_chunks(profile_id: int) -> int:
    profile = await Profile.objects.aget(pk=profile_id)
    resume = profile.résumé
    size = 0
    for chunk in resume.chunks():
        size += len(chunk)
    return size
