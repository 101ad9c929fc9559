import requests
from django.conf import settings


def validate_feature_flag(workspace_slug: str, user_id: str, feature_key: str) -> bool:
    response = requests.post(
        f"{settings.FEATURE_FLAG_SERVER_BASE_URL}/api/feature-flags/",
        json={"workspace_slug": workspace_slug, "user_id": user_id, "flag_key": feature_key},
    )
    response.raise_for_status()
    return bool(response.json().get("value", False))
