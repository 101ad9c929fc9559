from typing import Optional

from asgiref.sync import sync_to_async

from plane.db.models import TeamspaceMember
from plane.utils.feature_flag import validate_feature_flag


@sync_to_async
def validate_access(user_id: str, workspace_slug: str, project_id: Optional[str] = None) -> bool:
    flagged = validate_feature_flag(
        workspace_slug=workspace_slug, user_id=user_id, feature_key="TEAMSPACES"
    )
    if flagged:
        team_ids = TeamspaceMember.objects.filter(member_id=user_id).values_list(
            "team_space_id", flat=True
        )
        team_ids = [str(team_id) for team_id in list(team_ids)]
        return project_id is not None and str(project_id) in team_ids
    return False
