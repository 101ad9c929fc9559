# Python imports
from enum import Enum

# Third-party imports

# Module imports
from plane.db.models import FileAsset


class WorkspaceAssetEnumType(Enum):
    PROJECT_COVER = "PROJECT_COVER"
    PAGE_DESCRIPTION = "PAGE_DESCRIPTION"


def get_entity_id_field(entity_type, entity_identifier):
    if entity_identifier is None:
        return {}

    if entity_type == WorkspaceAssetEnumType.PROJECT_COVER.value:
        return {"project_id": entity_identifier}

    if entity_type == WorkspaceAssetEnumType.PAGE_DESCRIPTION.value:
        return {"page_id": entity_identifier}

    return {}


async def create_asset(workspace_id, size, entity_type, entity_identifier):
    asset_fields = {
        "workspace_id": workspace_id,
        "size": size,
        "entity_type": entity_type,
    }

    return await FileAsset.objects.acreate(**asset_fields, **get_entity_id_field(entity_type, entity_identifier))
